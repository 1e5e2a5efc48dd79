// Node metrics of the typed graph (degrees, betweenness, closeness, harmonic, eigenvector,
// PageRank, HITS, k-core), computed on a compact CSR view and defined exactly as NetworkX 2.8 does.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

// Conventions (the README repeats them):
// - The graph. Metrics are computed on the directed graph in which parallel edges between the
//   same ordered pair (u, v) -- edges of different types -- are merged into one edge whose weight
//   is the sum of their weights. Self-loops are ignored. Edges of the types listed in
//   MetricsOptions::skip_edge_types are left out (none by default: every edge counts). An edge of
//   weight 0 still exists for the unweighted metrics.
// - in_degree, out_degree, degree (= in + out): number of distinct neighbours on the merged graph.
//   weighted_in, weighted_out: sums of merged weights; weighted_degree = weighted_in +
//   weighted_out.
// - betweenness: NetworkX betweenness_centrality(G) (unweighted shortest paths, endpoints
//   excluded, normalized=True: divided by (n-1)(n-2) when n > 2, left raw otherwise). Brandes'
//   algorithm run in parallel over sources; sources are cut into chunks fixed by n alone and the
//   chunk sums are added in chunk order, so the result is bit-identical for every thread count.
// - closeness: NetworkX closeness_centrality(G): incoming distances (from every node that reaches
//   v), (r-1)/sum(d) scaled by (r-1)/(n-1) (Wasserman-Faust, wf_improved=True), r = the number of
//   nodes reaching v, v included; 0 when nothing reaches v.
// - harmonic: NetworkX harmonic_centrality(G): sum over u != v of 1/d(u, v), unnormalised.
// - eigenvector: NetworkX eigenvector_centrality(G, weight='weight', max_iter=1000, tol=1e-12):
//   power iteration with (A + I) from the uniform vector, x_v <- x_v + sum_{u->v} w(u,v) x_u,
//   L2-normalised, stopped when the L1 change is below n * tol. Where NetworkX raises
//   PowerIterationFailedConvergence (DAGs, for example), we keep the last iterate (on a DAG it
//   concentrates on the ends of the longest paths) and add a warning to Graph::warnings.
// - pagerank: NetworkX pagerank(G, alpha=0.85, weight='weight', tol=1e-12, max_iter=10000):
//   weights normalised per source, dangling nodes (out-weight 0) spread their mass like the
//   personalisation vector (uniform when none is given). Sums to 1.
// - hub, authority: NetworkX hits(G, max_iter=10000, tol=1e-12, normalized=True), which uses the
//   weighted adjacency matrix: authority = principal right singular vector of A (power iteration
//   on A^T A from the all-ones vector), hub = A * authority, each scaled to sum 1. A graph without
//   edges gets 0 everywhere (NetworkX would divide by zero).
// - core: NetworkX core_number(G): the k-core number with degree = in + out degree of the merged
//   graph (a reciprocal pair counts twice), Batagelj-Zaversnik.
struct MetricsOptions {
  unsigned threads = 0;                           // 0 = std::thread::hardware_concurrency()
  std::map<std::string, double> personalization;  // node id -> weight; empty = uniform
  std::set<std::string> skip_edge_types;          // edge types left out of the metric graph
  double alpha = 0.85;
  double pagerank_tol = 1e-12;
  int pagerank_max_iter = 10000;
  double eigenvector_tol = 1e-12;
  int eigenvector_max_iter = 1000;
  double hits_tol = 1e-12;
  int hits_max_iter = 10000;
};

// Fills NodeProps::metrics of every node with in_degree, out_degree, degree, weighted_in,
// weighted_out, weighted_degree, betweenness, closeness, harmonic, eigenvector, pagerank, hub,
// authority and core. Warns (Graph::warnings) when an iteration did not converge.
void compute_metrics(Graph& g, const MetricsOptions& opt = {});

// The compact view the algorithms run on: vertices 0..n-1 (the adjacency_list's indices), merged
// out- and in-adjacency in CSR form, neighbours sorted by index.
struct MetricGraph {
  std::uint32_t n = 0;
  std::vector<std::uint32_t> out_offsets, out_targets;  // out_offsets has n + 1 entries
  std::vector<double> out_weights;
  std::vector<std::uint32_t> in_offsets, in_sources;
  std::vector<double> in_weights;

  std::size_t edge_count() const { return out_targets.size(); }
  // From (source, target, weight) triples: merges parallel edges, drops self-loops.
  static MetricGraph from_edges(
      std::uint32_t n, std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edges);
  static MetricGraph from_graph(const Graph& g, const std::set<std::string>& skip_edge_types = {});
};

unsigned resolve_threads(unsigned threads);

struct Degrees {
  std::vector<double> in, out, total, weighted_in, weighted_out, weighted_total;
};
Degrees degrees(const MetricGraph& g);

// One parallel sweep of breadth-first searches from every source serves betweenness, closeness
// and harmonic; ask only for what you need.
struct PathMetrics {
  std::vector<double> betweenness, closeness, harmonic;  // empty when not asked for
};
PathMetrics path_metrics(const MetricGraph& g, unsigned threads, bool want_betweenness,
                         bool want_closeness);
std::vector<double> betweenness(const MetricGraph& g, unsigned threads);

struct IterativeResult {
  std::vector<double> values;
  bool converged = true;
  int iterations = 0;
};
// personalization: one weight per vertex or empty for uniform.
IterativeResult pagerank(const MetricGraph& g, const std::vector<double>& personalization = {},
                         double alpha = 0.85, double tol = 1e-12, int max_iter = 10000);
IterativeResult eigenvector(const MetricGraph& g, double tol = 1e-12, int max_iter = 1000);

struct HitsResult {
  std::vector<double> hubs, authorities;
  bool converged = true;
  int iterations = 0;
};
HitsResult hits(const MetricGraph& g, double tol = 1e-12, int max_iter = 10000);

std::vector<double> core_number(const MetricGraph& g);

}  // namespace softgraph
