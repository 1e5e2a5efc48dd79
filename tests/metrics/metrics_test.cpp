// Node metrics on small graphs drawn beside their expected values (worked by hand where that is
// short, otherwise taken from NetworkX 2.8 as noted).
#include "softgraph/metrics/metrics.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace softgraph;

namespace {

MetricGraph chain() {
  // 0 -> 1 -> 2 -> 3
  return MetricGraph::from_edges(4, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}});
}

MetricGraph star() {
  // 0 -> 1 (w1), 0 -> 2 (w2), 0 -> 3 (w1), 1 -> 0 (w1)
  return MetricGraph::from_edges(4, {{0, 1, 1.0}, {0, 2, 2.0}, {0, 3, 1.0}, {1, 0, 1.0}});
}

Entity entity(const std::string& id, const std::string& type) {
  return Entity{id, type, id, {}, {}};
}

}  // namespace

TEST_CASE("betweenness, closeness and harmonic on a chain follow NetworkX's definitions") {
  // 0 -> 1 -> 2 -> 3. Node 1 lies on 0->2 and 0->3, node 2 on 0->3 and 1->3: raw 2 each,
  // normalised by (n-1)(n-2) = 6 -> 1/3.
  // Closeness uses incoming distances: node 3 is reached from 0, 1, 2 at 3, 2, 1: (3/6)*(3/3).
  // Node 2: from 0, 1 at 2, 1: (2/3)*(2/3) = 4/9. Node 1: (1/1)*(1/3). Node 0: nothing reaches it.
  // Harmonic: node 3 = 1/3 + 1/2 + 1, node 2 = 1/2 + 1, node 1 = 1.
  PathMetrics p = path_metrics(chain(), 1, true, true);
  CHECK(p.betweenness == std::vector<double>{0.0, 1.0 / 3, 1.0 / 3, 0.0});
  CHECK(p.closeness[0] == 0.0);
  CHECK(p.closeness[1] == doctest::Approx(1.0 / 3).epsilon(1e-15));
  CHECK(p.closeness[2] == doctest::Approx(4.0 / 9).epsilon(1e-15));
  CHECK(p.closeness[3] == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(p.harmonic[3] == doctest::Approx(11.0 / 6).epsilon(1e-15));
  CHECK(p.harmonic[2] == doctest::Approx(1.5).epsilon(1e-15));
  CHECK(p.harmonic[1] == 1.0);
  CHECK(p.harmonic[0] == 0.0);
}

TEST_CASE("degrees count distinct neighbours and add weights") {
  Degrees d = degrees(star());
  CHECK(d.out[0] == 3);
  CHECK(d.in[0] == 1);
  CHECK(d.total[0] == 4);
  CHECK(d.weighted_out[0] == 4.0);
  CHECK(d.weighted_in[0] == 1.0);
  CHECK(d.weighted_total[0] == 5.0);
}

TEST_CASE("pagerank spreads dangling mass uniformly and sums to 1") {
  // Chain: 3 is dangling. NetworkX 2.8 pagerank(alpha=0.85, tol=1e-12):
  // {0: 0.11615582303665445, 1: 0.21488827261737348, 2: 0.2988108547613768, 3: 0.37014504958459526}
  IterativeResult pr = pagerank(chain());
  REQUIRE(pr.converged);
  CHECK(pr.values[0] == doctest::Approx(0.11615582303665445).epsilon(1e-10));
  CHECK(pr.values[1] == doctest::Approx(0.21488827261737348).epsilon(1e-10));
  CHECK(pr.values[2] == doctest::Approx(0.2988108547613768).epsilon(1e-10));
  CHECK(pr.values[3] == doctest::Approx(0.37014504958459526).epsilon(1e-10));
  // Weighted star: 0 sends 1/4, 2/4, 1/4 of its rank to 1, 2, 3 (NetworkX 2.8):
  // {0: 0.3145924115207893, 1: 0.20618556701031082, 2: 0.27303645445858904, 3: 0.2061855670...}
  IterativeResult ps = pagerank(star());
  CHECK(ps.values[0] == doctest::Approx(0.3145924115207893).epsilon(1e-10));
  CHECK(ps.values[2] == doctest::Approx(0.27303645445858904).epsilon(1e-10));
  double sum = 0;
  for (double v : ps.values) sum += v;
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("personalised pagerank restarts only at the personalised nodes") {
  // All restart mass at 0: node 0 gets at least 1 - alpha.
  IterativeResult pr = pagerank(chain(), {1.0, 0.0, 0.0, 0.0});
  CHECK(pr.values[0] >= 0.15);
  double sum = 0;
  for (double v : pr.values) sum += v;
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("eigenvector centrality uses in-edges and weights") {
  // Star: x0 = x1, x1 = x0, x2 = 2 x0, x3 = x0 -> (1, 1, 2, 1) / sqrt(7).
  IterativeResult ev = eigenvector(star());
  REQUIRE(ev.converged);
  const double s7 = std::sqrt(7.0);
  CHECK(ev.values[0] == doctest::Approx(1 / s7).epsilon(1e-10));
  CHECK(ev.values[1] == doctest::Approx(1 / s7).epsilon(1e-10));
  CHECK(ev.values[2] == doctest::Approx(2 / s7).epsilon(1e-10));
  CHECK(ev.values[3] == doctest::Approx(1 / s7).epsilon(1e-10));
}

TEST_CASE("eigenvector centrality on a DAG keeps the last iterate and reports no convergence") {
  // 0 -> 1 -> 2 -> 3 has no cycle: NetworkX raises PowerIterationFailedConvergence.
  IterativeResult ev = eigenvector(chain());
  CHECK_FALSE(ev.converged);
  CHECK(ev.iterations == 1000);
  CHECK(ev.values[3] > ev.values[2]);  // the end of the longest path dominates
}

TEST_CASE("hits: authority is the top right singular vector, hubs A times it") {
  // Star: A's rows are 0: (0, 1, 2, 1) and 1: (1, 0, 0, 0), orthogonal, norms sqrt(6) > 1, so
  // authority = (0, 1, 2, 1) / 4 and hub = A a = (6/4, 0, 0, 0) -> (1, 0, 0, 0).
  HitsResult h = hits(star());
  REQUIRE(h.converged);
  CHECK(h.authorities[0] == doctest::Approx(0.0));
  CHECK(h.authorities[1] == doctest::Approx(0.25).epsilon(1e-12));
  CHECK(h.authorities[2] == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(h.hubs[0] == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(h.hubs[1] == doctest::Approx(0.0));
}

TEST_CASE("core number counts in + out degree, a reciprocal pair twice") {
  // Star: 0 <-> 1 make degree 2 each inside {0, 1}; 2 and 3 hang on one edge.
  CHECK(core_number(star()) == std::vector<double>{2, 2, 1, 1});
  CHECK(core_number(chain()) == std::vector<double>{1, 1, 1, 1});
}

TEST_CASE("metrics merge parallel edges of two types and ignore self-loops") {
  //   china --OPERATES w2--> ci      (merged: one edge china -> ci of weight 3)
  //   china --MEMBER_OF w1-> ci
  //   china --PARTNERS_WITH--> china (self-loop, ignored)
  //   ci --DELIVERS w1--> instrument/education
  Graph g;
  g.add_node(entity("actor/china", "Actor"));
  g.add_node(entity("institution/ci", "Institution"));
  g.add_node(entity("instrument/education", "Instrument"));
  g.add_weighted_edge("actor/china", "institution/ci", "OPERATES", 2, {});
  g.add_weighted_edge("actor/china", "institution/ci", "MEMBER_OF", 1, {});
  g.add_weighted_edge("actor/china", "actor/china", "PARTNERS_WITH", 1, {});
  g.add_weighted_edge("institution/ci", "instrument/education", "DELIVERS", 1, {});
  compute_metrics(g, {});
  const auto& china = g.node(*g.find("actor/china")).metrics;
  const auto& ci = g.node(*g.find("institution/ci")).metrics;
  CHECK(china.at("out_degree") == 1);
  CHECK(china.at("in_degree") == 0);
  CHECK(china.at("weighted_out") == 3);
  CHECK(ci.at("weighted_in") == 3);
  CHECK(ci.at("betweenness") == 0.5);  // on china -> education, normalised by 2 * 1
  for (const char* name : {"in_degree", "out_degree", "degree", "weighted_degree", "weighted_in",
                           "weighted_out", "betweenness", "closeness", "harmonic", "eigenvector",
                           "pagerank", "hub", "authority", "core"})
    CHECK_MESSAGE(china.count(name) == 1, name);
  // A DAG: eigenvector centrality does not converge and says so.
  CHECK(!g.warnings.empty());
}

TEST_CASE("skip_edge_types leaves edges of those types out") {
  Graph g;
  g.add_node(entity("actor/china", "Actor"));
  g.add_node(entity("institution/ci", "Institution"));
  g.add_weighted_edge("actor/china", "institution/ci", "OPERATES", 2, {});
  g.add_weighted_edge("actor/china", "institution/ci", "MEMBER_OF", 1, {});
  MetricsOptions opt;
  opt.skip_edge_types = {"MEMBER_OF"};
  compute_metrics(g, opt);
  CHECK(g.node(*g.find("actor/china")).metrics.at("weighted_out") == 2);
}

TEST_CASE("empty and one-node graphs give zeros, not NaN") {
  Graph g;
  compute_metrics(g, {});
  g.add_node(entity("actor/china", "Actor"));
  compute_metrics(g, {});
  const auto& m = g.node(0).metrics;
  CHECK(m.at("pagerank") == 1.0);
  CHECK(m.at("betweenness") == 0.0);
  CHECK(m.at("closeness") == 0.0);
  CHECK(m.at("hub") == 0.0);
  CHECK(m.at("core") == 0.0);
}
