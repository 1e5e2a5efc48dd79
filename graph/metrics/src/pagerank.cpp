// Weighted PageRank as NetworkX 2.8 computes it: out-weights normalised per source, dangling
// mass (out-weight 0) spread like the personalisation vector, L1 stopping rule n * tol.
#include <cmath>

#include "power_iteration.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

IterativeResult pagerank(const MetricGraph& g, const std::vector<double>& personalization,
                         double alpha, double tol, int max_iter) {
  const std::uint32_t n = g.n;
  if (n == 0) return {};
  std::vector<double> p(n, 1.0 / n);
  if (!personalization.empty()) {
    if (personalization.size() != n) throw internal_error("pagerank: personalisation size != n");
    double s = 0;
    for (double x : personalization) s += x;
    if (!(s > 0)) throw internal_error("pagerank: personalisation weights sum to zero");
    for (std::uint32_t v = 0; v < n; ++v) p[v] = personalization[v] / s;
  }
  // Row sums of the weighted adjacency; the transition weight of u->v is w(u,v) / out(u).
  std::vector<double> inv_out(n, 0.0);
  std::vector<std::uint32_t> dangling;
  for (std::uint32_t u = 0; u < n; ++u) {
    double s = 0;
    for (auto i = g.out_offsets[u]; i < g.out_offsets[u + 1]; ++i) s += g.out_weights[i];
    if (s != 0.0) {
      inv_out[u] = 1.0 / s;
    } else {
      dangling.push_back(u);
    }
  }
  std::vector<double> share(n);
  auto step = [&](const std::vector<double>& last,
                  std::vector<double>& x) -> std::optional<double> {
    double dangle = 0;
    for (std::uint32_t u : dangling) dangle += last[u];
    for (std::uint32_t u = 0; u < n; ++u) share[u] = last[u] * inv_out[u];
    double err = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double in = 0;
      for (auto i = g.in_offsets[v]; i < g.in_offsets[v + 1]; ++i)
        in += share[g.in_sources[i]] * g.in_weights[i];
      x[v] = alpha * (in + dangle * p[v]) + (1.0 - alpha) * p[v];
      err += std::fabs(x[v] - last[v]);
    }
    return err;
  };
  return power_iteration(n, tol, max_iter, step);
}

}  // namespace softgraph
