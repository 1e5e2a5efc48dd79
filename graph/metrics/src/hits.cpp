// HITS hubs and authorities as NetworkX 2.8's hits computes them: authority = principal right
// singular vector of the weighted adjacency matrix A, hub = A * authority, each scaled to sum 1.
// NetworkX asks ARPACK for the singular vector; we run the power iteration on A^T A from the
// all-ones vector, which reaches the same vector when the top singular value is simple.
#include <cmath>

#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

namespace {

// y = A x (hub from authority): y_u = sum_{u->v} w(u,v) x_v.
void multiply_a(const MetricGraph& g, const std::vector<double>& x, std::vector<double>& y) {
  for (std::uint32_t u = 0; u < g.n; ++u) {
    double s = 0;
    for (auto i = g.out_offsets[u]; i < g.out_offsets[u + 1]; ++i)
      s += g.out_weights[i] * x[g.out_targets[i]];
    y[u] = s;
  }
}

// y = A^T x (authority from hub): y_v = sum_{u->v} w(u,v) x_u.
void multiply_at(const MetricGraph& g, const std::vector<double>& x, std::vector<double>& y) {
  for (std::uint32_t v = 0; v < g.n; ++v) {
    double s = 0;
    for (auto i = g.in_offsets[v]; i < g.in_offsets[v + 1]; ++i)
      s += g.in_weights[i] * x[g.in_sources[i]];
    y[v] = s;
  }
}

// Scales to sum 1; false when the sum is 0.
bool scale_to_sum(std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  if (s == 0.0) return false;
  for (double& v : x) v /= s;
  return true;
}

}  // namespace

HitsResult hits(const MetricGraph& g, double tol, int max_iter) {
  HitsResult r;
  const std::uint32_t n = g.n;
  r.hubs.assign(n, 0.0);
  r.authorities.assign(n, 0.0);
  if (n == 0 || g.edge_count() == 0) return r;
  std::vector<double> a(n, 1.0 / n), last(n), h(n);
  r.converged = false;
  for (int it = 1; it <= max_iter; ++it) {
    last.swap(a);
    multiply_a(g, last, h);
    multiply_at(g, h, a);
    if (!scale_to_sum(a)) break;
    double err = 0;
    for (std::uint32_t v = 0; v < n; ++v) err += std::fabs(a[v] - last[v]);
    r.iterations = it;
    if (err < n * tol) {
      r.converged = true;
      break;
    }
  }
  multiply_a(g, a, h);
  scale_to_sum(h);
  r.hubs = std::move(h);
  r.authorities = std::move(a);
  return r;
}

}  // namespace softgraph
