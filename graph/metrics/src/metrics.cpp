// compute_metrics: builds the compact view once, runs every metric and writes the values into
// NodeProps::metrics under the names graph.json uses.
#include "softgraph/metrics/metrics.hpp"

#include "softgraph/core/error.hpp"

namespace softgraph {

namespace {

void store(Graph& g, const char* name, const std::vector<double>& values) {
  for (std::size_t v = 0; v < values.size(); ++v)
    g.node(static_cast<Vertex>(v)).metrics[name] = values[v];
}

std::vector<double> personalization_vector(const Graph& g, const MetricsOptions& opt) {
  if (opt.personalization.empty()) return {};
  std::vector<double> p(g.node_count(), 0.0);
  for (const auto& [id, weight] : opt.personalization) {
    auto v = g.find(id);
    if (!v) throw internal_error("pagerank personalisation names an unknown node: " + id);
    if (weight < 0) throw internal_error("pagerank personalisation weight < 0 for " + id);
    p[*v] = weight;
  }
  return p;
}

void warn_unconverged(Graph& g, const char* what, bool converged, int iterations) {
  if (converged) return;
  g.warnings.push_back(std::string(what) + " did not converge in " + std::to_string(iterations) +
                       " iterations; the values are the last iterate");
}

}  // namespace

void compute_metrics(Graph& g, const MetricsOptions& opt) {
  const MetricGraph mg = MetricGraph::from_graph(g, opt.skip_edge_types);
  // Room for the 14 values at once: the vector would otherwise double its way to 16.
  for (Vertex v = 0; v < g.node_count(); ++v)
    if (g.node(v).metrics.empty()) g.node(v).metrics.reserve(14);
  const Degrees d = degrees(mg);
  store(g, "in_degree", d.in);
  store(g, "out_degree", d.out);
  store(g, "degree", d.total);
  store(g, "weighted_in", d.weighted_in);
  store(g, "weighted_out", d.weighted_out);
  store(g, "weighted_degree", d.weighted_total);

  const PathMetrics paths = path_metrics(mg, opt.threads, true, true);
  store(g, "betweenness", paths.betweenness);
  store(g, "closeness", paths.closeness);
  store(g, "harmonic", paths.harmonic);

  const IterativeResult pr = pagerank(mg, personalization_vector(g, opt), opt.alpha,
                                      opt.pagerank_tol, opt.pagerank_max_iter);
  store(g, "pagerank", pr.values);
  warn_unconverged(g, "pagerank", pr.converged, pr.iterations);

  const IterativeResult ev = eigenvector(mg, opt.eigenvector_tol, opt.eigenvector_max_iter);
  store(g, "eigenvector", ev.values);
  warn_unconverged(g, "eigenvector centrality", ev.converged, ev.iterations);

  const HitsResult h = hits(mg, opt.hits_tol, opt.hits_max_iter);
  store(g, "hub", h.hubs);
  store(g, "authority", h.authorities);
  warn_unconverged(g, "hits", h.converged, h.iterations);

  store(g, "core", core_number(mg));
}

}  // namespace softgraph
