// HITS hubs and authorities as NetworkX 2.8's hits computes them: authority = principal right
// singular vector of the weighted adjacency matrix A, hub = A * authority, each scaled to sum 1.
// NetworkX asks ARPACK for the singular vector; we run the power iteration on A^T A from the
// all-ones vector, which reaches the same vector when the top singular value is simple.
#include <cmath>

#include "power_iteration.hpp"
#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

namespace {

// y = M x over one direction's adjacency lists: y_u = sum_{i in u's list} weight_i x_{end_i}.
// With the out-lists M = A (hub from authority), with the in-lists M = A^T (authority from hub).
void multiply(std::uint32_t n, const std::vector<std::uint32_t>& offsets,
              const std::vector<std::uint32_t>& ends, const std::vector<double>& weights,
              const std::vector<double>& x, std::vector<double>& y) {
  for (std::uint32_t u = 0; u < n; ++u) {
    double s = 0;
    for (auto i = offsets[u]; i < offsets[u + 1]; ++i) s += weights[i] * x[ends[i]];
    y[u] = s;
  }
}

// y = A x (hub from authority): y_u = sum_{u->v} w(u,v) x_v.
void multiply_a(const MetricGraph& g, const std::vector<double>& x, std::vector<double>& y) {
  multiply(g.n, g.out_offsets, g.out_targets, g.out_weights, x, y);
}

// y = A^T x (authority from hub): y_v = sum_{u->v} w(u,v) x_u.
void multiply_at(const MetricGraph& g, const std::vector<double>& x, std::vector<double>& y) {
  multiply(g.n, g.in_offsets, g.in_sources, g.in_weights, x, y);
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
  std::vector<double> h(n);
  auto step = [&](const std::vector<double>& last,
                  std::vector<double>& a) -> std::optional<double> {
    multiply_a(g, last, h);
    multiply_at(g, h, a);
    if (!scale_to_sum(a)) return std::nullopt;
    double err = 0;
    for (std::uint32_t v = 0; v < n; ++v) err += std::fabs(a[v] - last[v]);
    return err;
  };
  IterativeResult it = power_iteration(n, tol, max_iter, step);
  r.converged = it.converged;
  r.iterations = it.iterations;
  std::vector<double> a = std::move(it.values);
  multiply_a(g, a, h);
  scale_to_sum(h);
  r.hubs = std::move(h);
  r.authorities = std::move(a);
  return r;
}

}  // namespace softgraph
