// k-core numbers as NetworkX 2.8's core_number computes them on a directed graph: degree = in +
// out degree of the merged graph (a reciprocal pair counts twice), Batagelj-Zaversnik bin sort.
#include <algorithm>

#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

std::vector<double> core_number(const MetricGraph& g) {
  const std::uint32_t n = g.n;
  std::vector<std::uint32_t> deg(n);
  std::uint32_t max_deg = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    deg[v] = (g.out_offsets[v + 1] - g.out_offsets[v]) + (g.in_offsets[v + 1] - g.in_offsets[v]);
    max_deg = std::max(max_deg, deg[v]);
  }
  // Bin sort vertices by degree.
  std::vector<std::uint32_t> bin(std::size_t{max_deg} + 1, 0), pos(n), vert(n);
  for (std::uint32_t v = 0; v < n; ++v) ++bin[deg[v]];
  std::uint32_t start = 0;
  for (auto& b : bin) {
    const std::uint32_t count = b;
    b = start;
    start += count;
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (std::size_t d = bin.size() - 1; d > 0; --d) bin[d] = bin[d - 1];
  if (!bin.empty()) bin[0] = 0;
  // Peel: lowering a neighbour's degree moves it to the front of its bin, one step down.
  auto lower = [&](std::uint32_t u, std::uint32_t v) {
    if (deg[u] <= deg[v]) return;
    const std::uint32_t du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
    if (u != w) {
      pos[u] = pw;
      vert[pu] = w;
      pos[w] = pu;
      vert[pw] = u;
    }
    ++bin[du];
    --deg[u];
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t v = vert[i];
    for (auto k = g.out_offsets[v]; k < g.out_offsets[v + 1]; ++k) lower(g.out_targets[k], v);
    for (auto k = g.in_offsets[v]; k < g.in_offsets[v + 1]; ++k) lower(g.in_sources[k], v);
  }
  return std::vector<double>(deg.begin(), deg.end());
}

}  // namespace softgraph
