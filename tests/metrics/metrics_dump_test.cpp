// Not a check but a tool for tests/clients/test_metrics_networkx.py: with
// SOFTGRAPH_METRICS_DUMP=<edge list>:<out.json> it reads "u v w" lines (an optional first line
// "nodes N" declares isolated nodes), computes every metric and writes them as JSON arrays
// indexed by node. SOFTGRAPH_METRICS_THREADS picks the thread count. Without the variable the
// case does nothing.
#include <doctest/doctest.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "softgraph/metrics/metrics.hpp"

using namespace softgraph;

namespace {

std::string number(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

void write_array(std::ostream& out, const char* name, const std::vector<double>& values) {
  out << "  \"" << name << "\": [";
  for (std::size_t i = 0; i < values.size(); ++i) out << (i ? ", " : "") << number(values[i]);
  out << "],\n";
}

}  // namespace

TEST_CASE("metrics dump for the NetworkX/igraph client test (SOFTGRAPH_METRICS_DUMP)") {
  const char* spec = std::getenv("SOFTGRAPH_METRICS_DUMP");
  if (!spec || !*spec) return;
  const std::string s(spec);
  const auto colon = s.rfind(':');
  REQUIRE_MESSAGE(colon != std::string::npos, "SOFTGRAPH_METRICS_DUMP=<edges>:<out.json>");
  std::ifstream in(s.substr(0, colon));
  REQUIRE_MESSAGE(in, "cannot read " << s.substr(0, colon));
  std::uint32_t n = 0;
  std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edges;
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
    ls >> v >> w;
    n = std::max({n, u + 1, v + 1});
    edges.emplace_back(u, v, w);
  }
  const char* th = std::getenv("SOFTGRAPH_METRICS_THREADS");
  const unsigned threads = th ? static_cast<unsigned>(std::atoi(th)) : 0;
  const MetricGraph g = MetricGraph::from_edges(n, edges);
  const Degrees d = degrees(g);
  const PathMetrics p = path_metrics(g, threads, true, true);
  const IterativeResult pr = pagerank(g);
  const IterativeResult ev = eigenvector(g);
  const HitsResult h = hits(g);
  std::ofstream out(s.substr(colon + 1));
  out << "{\n  \"n\": " << n << ",\n";
  out << "  \"eigenvector_converged\": " << (ev.converged ? "true" : "false") << ",\n";
  out << "  \"pagerank_converged\": " << (pr.converged ? "true" : "false") << ",\n";
  out << "  \"hits_converged\": " << (h.converged ? "true" : "false") << ",\n";
  write_array(out, "in_degree", d.in);
  write_array(out, "out_degree", d.out);
  write_array(out, "degree", d.total);
  write_array(out, "weighted_in", d.weighted_in);
  write_array(out, "weighted_out", d.weighted_out);
  write_array(out, "weighted_degree", d.weighted_total);
  write_array(out, "betweenness", p.betweenness);
  write_array(out, "closeness", p.closeness);
  write_array(out, "harmonic", p.harmonic);
  write_array(out, "pagerank", pr.values);
  write_array(out, "eigenvector", ev.values);
  write_array(out, "hub", h.hubs);
  write_array(out, "authority", h.authorities);
  write_array(out, "core", core_number(g));
  out << "  \"end\": null\n}\n";
  REQUIRE(out.good());
}
