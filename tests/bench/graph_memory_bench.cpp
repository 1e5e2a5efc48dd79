// Memory of the graph core: builds a Graph of N nodes and M edges with Graph::add_node and
// Graph::add_weighted_edge (no evidence: the core), and reports the heap and RSS growth per node
// and per edge, next to a sizeof-based estimate of the fixed parts. Then adds one evidence record
// to each of the first min(M, 100000) edges and reports the cost per evidence record, and the 14
// metric values compute_metrics stores on every node.
//   graph_memory_bench [NODES] [EDGES] [--json]     (default 10000 50000)
// Node ids are "actor/node_NNNNNNN" (18 bytes: past the 15-byte small-string buffer, like
// "institution/british_council"), labels "Node NNNNNNN"; edges are distinct random
// (source, target) pairs of PARTNERS_WITH from a fixed seed.
#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>

#include "softgraph/graph/graph.hpp"

using namespace softgraph;

namespace {

// Heap bytes in use (glibc's allocator: every small allocation, without freed chunks).
std::size_t heap_bytes() { return mallinfo2().uordblks + mallinfo2().hblkhd; }

std::size_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::string node_id(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "actor/node_%07zu", i);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 10000, m = 50000;
  bool json = false;
  int pos = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0)
      json = true;
    else if (pos++ == 0)
      n = std::stoul(argv[i]);
    else
      m = std::stoul(argv[i]);
  }
  if (n < 2 || m > n * (n - 1)) {
    std::fprintf(stderr, "graph_memory_bench: need NODES >= 2 and EDGES <= NODES*(NODES-1)\n");
    return 2;
  }
  // Prepare every input first so that only the graph's own allocations are measured.
  std::vector<Entity> entities(n);
  for (std::size_t i = 0; i < n; ++i) {
    entities[i].id = node_id(i);
    entities[i].type = "Actor";
    char label[32];
    std::snprintf(label, sizeof label, "Node %07zu", i);
    entities[i].label = label;
  }
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(m);
  while (pairs.size() < m) {
    std::size_t a = pick(rng), b = pick(rng);
    if (a == b || !seen.emplace(a, b).second) continue;
    pairs.emplace_back(entities[a].id, entities[b].id);
  }
  seen.clear();
  const std::string type = "PARTNERS_WITH";
  malloc_trim(0);

  Graph g;
  std::size_t heap0 = heap_bytes(), rss0 = rss_bytes();
  for (const auto& e : entities) g.add_node(e);
  std::size_t heap1 = heap_bytes(), rss1 = rss_bytes();
  for (const auto& [s, t] : pairs) g.add_weighted_edge(s, t, type, 1.0, {});
  std::size_t heap2 = heap_bytes(), rss2 = rss_bytes();

  std::size_t k = std::min<std::size_t>(m, 100000);
  Evidence ev;
  ev.document = "document/doc-00001";
  ev.quote = std::string(160, 'q');  // a typical sentence
  ev.rule = "cue:partnership";
  for (std::size_t i = 0; i < k; ++i) {
    ev.range = {i * 200, i * 200 + 160};
    ev.sentence = static_cast<int>(i);
    g.add_weighted_edge(pairs[i].first, pairs[i].second, type, 1.0, {ev});
  }
  std::size_t heap3 = heap_bytes(), rss3 = rss_bytes();

  // The metrics every node carries after compute_metrics (the names graph.json shows).
  static const char* kMetrics[] = {"authority",   "betweenness", "closeness", "core",
                                   "degree",      "eigenvector", "harmonic",  "hub",
                                   "in_degree",   "out_degree",  "pagerank",  "weighted_degree",
                                   "weighted_in", "weighted_out"};
  for (Vertex v = 0; v < g.node_count(); ++v) {
    g.node(v).metrics.reserve(std::size(kMetrics));  // as compute_metrics does
    for (const char* name : kMetrics) g.node(v).metrics[name] = 1.0;
  }
  std::size_t heap4 = heap_bytes(), rss4 = rss_bytes();
  double metrics_heap = double(heap4 - heap3) / n, metrics_rss = double(rss4 - rss3) / n;

  double node_heap = double(heap1 - heap0) / n, edge_heap = double(heap2 - heap1) / m;
  double node_rss = double(rss1 - rss0) / n, edge_rss = double(rss2 - rss1) / m;
  double ev_heap = double(heap3 - heap2) / k, ev_rss = double(rss3 - rss2) / k;
  // Fixed parts, without the heap behind strings, maps and vectors: the vertex and its id-index
  // node; the edge-list node, two adjacency entries and a 16-byte edge-index slot at 3/4 load.
  std::size_t node_fixed =
      sizeof(BoostGraph::stored_vertex) + sizeof(std::string) + sizeof(Vertex) + 32;
  std::size_t edge_fixed = sizeof(EdgeProps) + 2 * sizeof(Vertex) + 2 * sizeof(void*) +
                           2 * (sizeof(Vertex) + sizeof(void*)) + 16 * 4 / 3;
  if (json) {
    std::printf(
        "{\"nodes\": %zu, \"edges\": %zu, \"node_heap_bytes\": %.1f, \"edge_heap_bytes\": %.1f, "
        "\"node_rss_bytes\": %.1f, \"edge_rss_bytes\": %.1f, \"evidence_heap_bytes\": %.1f, "
        "\"evidence_rss_bytes\": %.1f, "
        "\"node_fixed_bytes\": %zu, \"edge_fixed_bytes\": %zu, \"sizeof_NodeProps\": %zu, "
        "\"sizeof_EdgeProps\": %zu, \"sizeof_Evidence\": %zu, \"metrics_heap_bytes_per_node\": "
        "%.1f, \"metrics_rss_bytes_per_node\": %.1f}\n",
        n, m, node_heap, edge_heap, node_rss, edge_rss, ev_heap, ev_rss, node_fixed, edge_fixed,
        sizeof(NodeProps), sizeof(EdgeProps), sizeof(Evidence), metrics_heap, metrics_rss);
  } else {
    std::printf("graph core: %zu nodes, %zu edges (PARTNERS_WITH, no evidence)\n", n, m);
    std::printf(
        "  per node: %7.1f B heap, %7.1f B RSS   (sizeof NodeProps %zu, fixed parts ~%zu)\n",
        node_heap, node_rss, sizeof(NodeProps), node_fixed);
    std::printf(
        "  per edge: %7.1f B heap, %7.1f B RSS   (sizeof EdgeProps %zu, fixed parts ~%zu)\n",
        edge_heap, edge_rss, sizeof(EdgeProps), edge_fixed);
    std::printf(
        "  per evidence record (160-byte quote): %.1f B heap, %.1f B RSS (sizeof Evidence %zu)\n",
        ev_heap, ev_rss, sizeof(Evidence));
    std::printf("  + 14 metrics per node (NodeMetrics): %.1f B heap, %.1f B RSS per node\n",
                metrics_heap, metrics_rss);
    std::printf(
        "  aim: < 1024 B per node, < 200 B per edge: nodes %s (%s with metrics: %.0f B), edges "
        "%s\n",
        node_heap < 1024 ? "met" : "MISSED", node_heap + metrics_heap < 1024 ? "met" : "MISSED",
        node_heap + metrics_heap, edge_heap < 200 ? "met" : "MISSED");
  }
  return g.node_count() == n && g.edge_count() == m ? 0 : 4;
}
