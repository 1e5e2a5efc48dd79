// Degrees on the merged graph: distinct neighbours and summed weights, in and out.
#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

Degrees degrees(const MetricGraph& g) {
  Degrees d;
  const std::size_t n = g.n;
  d.in.assign(n, 0);
  d.out.assign(n, 0);
  d.total.assign(n, 0);
  d.weighted_in.assign(n, 0);
  d.weighted_out.assign(n, 0);
  d.weighted_total.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    d.out[v] = g.out_offsets[v + 1] - g.out_offsets[v];
    d.in[v] = g.in_offsets[v + 1] - g.in_offsets[v];
    d.total[v] = d.in[v] + d.out[v];
    for (auto i = g.out_offsets[v]; i < g.out_offsets[v + 1]; ++i)
      d.weighted_out[v] += g.out_weights[i];
    for (auto i = g.in_offsets[v]; i < g.in_offsets[v + 1]; ++i)
      d.weighted_in[v] += g.in_weights[i];
    d.weighted_total[v] = d.weighted_in[v] + d.weighted_out[v];
  }
  return d;
}

}  // namespace softgraph
