// Builds the compact CSR view the metrics run on: parallel edges merged (weights added),
// self-loops dropped, neighbours sorted by vertex index.
#include <algorithm>
#include <thread>

#include "softgraph/core/error.hpp"
#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

namespace {

using Triple = std::tuple<std::uint32_t, std::uint32_t, double>;

// Fills offsets/neighbours/weights from triples sorted by (first, second), merged already.
void fill_csr(std::uint32_t n, const std::vector<Triple>& edges, bool by_target,
              std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& nbrs,
              std::vector<double>& weights) {
  offsets.assign(std::size_t{n} + 1, 0);
  for (const auto& [u, v, w] : edges) ++offsets[(by_target ? v : u) + 1];
  for (std::uint32_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  nbrs.resize(edges.size());
  weights.resize(edges.size());
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (const auto& [u, v, w] : edges) {
    std::uint32_t at = next[by_target ? v : u]++;
    nbrs[at] = by_target ? u : v;
    weights[at] = w;
  }
}

}  // namespace

unsigned resolve_threads(unsigned threads) {
  if (threads > 0) return threads;
  unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? hw : 1;
}

MetricGraph MetricGraph::from_edges(std::uint32_t n, std::vector<Triple> edges) {
  for (const auto& [u, v, w] : edges)
    if (u >= n || v >= n) throw internal_error("metric graph: edge endpoint out of range");
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [](const Triple& e) { return std::get<0>(e) == std::get<1>(e); }),
              edges.end());
  // Stable sort keeps the input order of parallel edges, so their weights add up the same way.
  std::stable_sort(edges.begin(), edges.end(), [](const Triple& a, const Triple& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<Triple> merged;
  merged.reserve(edges.size());
  for (const auto& e : edges) {
    if (!merged.empty() && std::get<0>(merged.back()) == std::get<0>(e) &&
        std::get<1>(merged.back()) == std::get<1>(e)) {
      std::get<2>(merged.back()) += std::get<2>(e);
    } else {
      merged.push_back(e);
    }
  }
  MetricGraph g;
  g.n = n;
  fill_csr(n, merged, false, g.out_offsets, g.out_targets, g.out_weights);
  // In-adjacency: the counting sort over the (source, target)-sorted list leaves each target's
  // sources in ascending order.
  fill_csr(n, merged, true, g.in_offsets, g.in_sources, g.in_weights);
  return g;
}

MetricGraph MetricGraph::from_graph(const Graph& graph, const std::set<std::string>& skip) {
  const BoostGraph& bg = graph.boost();
  std::vector<Triple> edges;
  edges.reserve(boost::num_edges(bg));
  // Edges in export order, so merged weights are summed in an order independent of insertion.
  for (EdgeDesc e : graph.sorted_edges()) {
    if (skip.count(bg[e].type)) continue;
    edges.emplace_back(static_cast<std::uint32_t>(boost::source(e, bg)),
                       static_cast<std::uint32_t>(boost::target(e, bg)), bg[e].weight);
  }
  return from_edges(static_cast<std::uint32_t>(boost::num_vertices(bg)), std::move(edges));
}

}  // namespace softgraph
