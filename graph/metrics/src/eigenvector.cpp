// Eigenvector centrality as NetworkX 2.8's eigenvector_centrality computes it: power iteration
// with (A + I) on in-edges (x_v <- x_v + sum_{u->v} w(u,v) x_u), L2 normalisation, L1 stopping
// rule n * tol. When it does not converge the last iterate is returned with converged = false.
#include <cmath>

#include "power_iteration.hpp"
#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

IterativeResult eigenvector(const MetricGraph& g, double tol, int max_iter) {
  const std::uint32_t n = g.n;
  if (n == 0) return {};
  auto step = [&](const std::vector<double>& last,
                  std::vector<double>& x) -> std::optional<double> {
    double norm2 = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double s = last[v];
      for (auto i = g.in_offsets[v]; i < g.in_offsets[v + 1]; ++i)
        s += last[g.in_sources[i]] * g.in_weights[i];
      x[v] = s;
      norm2 += s * s;
    }
    double norm = std::sqrt(norm2);
    if (norm == 0.0) norm = 1.0;  // as NetworkX: "assume the norm to be one instead"
    double err = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      x[v] /= norm;
      err += std::fabs(x[v] - last[v]);
    }
    return err;
  };
  return power_iteration(n, tol, max_iter, step);
}

}  // namespace softgraph
