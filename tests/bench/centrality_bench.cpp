// Times our betweenness, closeness and PageRank on an edge list ("u v [w]" lines, optional
// "nodes N" first line) and measures the memory of the graph core per node and per edge.
// Prints one JSON object; tests/bench/centrality_bench.sh runs it beside igraph and NetworkX.
//   centrality_bench EDGES [--threads N] [--boost] [--no-memory]
#include <malloc.h>
#include <sys/resource.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "softgraph/graph/graph.hpp"
#include "softgraph/metrics/metrics.hpp"

using namespace softgraph;

namespace {

using Triple = std::tuple<std::uint32_t, std::uint32_t, double>;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

template <class F>
double timed(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return seconds_since(t0);
}

std::uint32_t read_edges(const std::string& path, std::vector<Triple>& edges) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::uint32_t n = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string first;
    if (!(ls >> first) || first[0] == '#') continue;
    if (first == "nodes") {
      ls >> n;
      continue;
    }
    std::uint32_t u = std::stoul(first), v = 0;
    double w = 1.0;
    ls >> v;
    if (!(ls >> w)) w = 1.0;
    n = std::max({n, u + 1, v + 1});
    edges.emplace_back(u, v, w);
  }
  return n;
}

std::size_t heap_bytes() {
  const struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;  // arena chunks in use + mmap-ed blocks (large vectors)
}

// Heap bytes of a softgraph::Graph holding these nodes (Actor, short slug ids) and edges
// (PARTNERS_WITH, no evidence): what the typed graph core itself costs.
void graph_core_memory(std::uint32_t n, const std::vector<Triple>& edges, double& per_node,
                       double& per_edge, std::size_t& stored_edges) {
  const std::size_t before = heap_bytes();
  auto* g = new Graph();
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::string id = "actor/n" + std::to_string(v);
    g->add_node(Entity{id, "Actor", id, {}, {}});
  }
  const std::size_t with_nodes = heap_bytes();
  for (const auto& [u, v, w] : edges)
    if (u != v)
      g->add_weighted_edge("actor/n" + std::to_string(u), "actor/n" + std::to_string(v),
                           "PARTNERS_WITH", w, {});
  const std::size_t with_edges = heap_bytes();
  stored_edges = g->edge_count();
  per_node = double(with_nodes - before) / n;
  per_edge = stored_edges ? double(with_edges - with_nodes) / stored_edges : 0;
  delete g;
}

double boost_betweenness_seconds(const MetricGraph& g) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t u = 0; u < g.n; ++u)
    for (auto i = g.out_offsets[u]; i < g.out_offsets[u + 1]; ++i)
      pairs.emplace_back(u, g.out_targets[i]);
  using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
  Csr csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), g.n);
  std::vector<double> bc(g.n, 0.0);
  return timed([&] {
    boost::brandes_betweenness_centrality(
        csr, boost::make_iterator_property_map(bc.begin(), get(boost::vertex_index, csr)));
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: centrality_bench EDGES [--threads N] [--boost] [--no-memory]\n";
    return 2;
  }
  unsigned threads = 0;
  bool with_boost = false, with_memory = true;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
      threads = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--boost"))
      with_boost = true;
    else if (!std::strcmp(argv[i], "--no-memory"))
      with_memory = false;
  }
  try {
    std::vector<Triple> edges;
    std::uint32_t n = 0;
    const double t_load = timed([&] { n = read_edges(argv[1], edges); });
    MetricGraph g;
    const double t_csr = timed([&] { g = MetricGraph::from_edges(n, edges); });
    const unsigned t = resolve_threads(threads);
    const double t_bc = timed([&] { betweenness(g, t); });
    const double t_bc1 = t > 1 ? timed([&] { betweenness(g, 1); }) : t_bc;
    const double t_close = timed([&] { path_metrics(g, t, false, true); });
    const double t_all = timed([&] { path_metrics(g, t, true, true); });
    int pr_iter = 0;
    const double t_pr = timed([&] { pr_iter = pagerank(g).iterations; });
    const double t_boost = with_boost ? boost_betweenness_seconds(g) : -1;
    double per_node = 0, per_edge = 0;
    std::size_t stored = 0;
    if (with_memory) graph_core_memory(n, edges, per_node, per_edge, stored);
    const double csr_bytes = double(g.out_offsets.size() + g.in_offsets.size()) * 4 +
                             double(g.edge_count()) * 2 * (4 + 8);
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    std::cout << "{\"nodes\": " << n << ", \"arcs\": " << g.edge_count() << ", \"threads\": " << t
              << ", \"load_s\": " << t_load << ", \"csr_s\": " << t_csr
              << ", \"betweenness_s\": " << t_bc << ", \"betweenness_1thread_s\": " << t_bc1
              << ", \"closeness_s\": " << t_close
              << ", \"betweenness_closeness_harmonic_s\": " << t_all << ", \"pagerank_s\": " << t_pr
              << ", \"pagerank_iterations\": " << pr_iter
              << ", \"boost_betweenness_s\": " << t_boost
              << ", \"graph_bytes_per_node\": " << per_node
              << ", \"graph_bytes_per_edge\": " << per_edge
              << ", \"csr_bytes_per_edge\": " << (g.edge_count() ? csr_bytes / g.edge_count() : 0)
              << ", \"peak_rss_mb\": " << ru.ru_maxrss / 1024.0 << "}\n";
  } catch (const std::exception& e) {
    std::cerr << "centrality_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
