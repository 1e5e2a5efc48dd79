// The compact graph core: evidence merged incrementally gives what sorting and recounting the
// whole list after every addition gave; node metrics read like a map; copies and moves keep the
// edge index right.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "softgraph/graph/graph.hpp"

using namespace softgraph;

namespace {

Entity entity(const std::string& id, const std::string& type) {
  Entity e;
  e.id = id;
  e.type = type;
  e.label = id;
  return e;
}

Graph two_nodes() {
  Graph g;
  g.add_node(entity("actor/turkey", "Actor"));
  g.add_node(entity("institution/tika", "Institution"));
  return g;
}

// The former Graph::add_weighted_edge on one edge: append what is new, sort it all, recount.
struct Reference {
  std::vector<Evidence> evidence;
  double weight = 0;
  void add(double w, const std::vector<Evidence>& batch) {
    for (const auto& ev : batch) {
      bool dup = std::any_of(evidence.begin(), evidence.end(), [&](const Evidence& x) {
        return x.document == ev.document && x.range == ev.range;
      });
      if (!dup) evidence.push_back(ev);
    }
    std::sort(evidence.begin(), evidence.end(), [](const Evidence& a, const Evidence& b) {
      return std::tie(a.document, a.range.begin, a.range.end, a.rule) <
             std::tie(b.document, b.range.begin, b.range.end, b.rule);
    });
    std::set<std::pair<std::string, std::uint64_t>> seen;
    for (const auto& e : evidence)
      seen.emplace(e.document, e.sentence >= 0 ? e.sentence : e.range.begin);
    weight = w > 0 ? weight + w : static_cast<double>(seen.size());
  }
};

bool same(const std::vector<Evidence>& a, const std::vector<Evidence>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].document != b[i].document || a[i].range != b[i].range || a[i].rule != b[i].rule ||
        a[i].sentence != b[i].sentence || a[i].quote != b[i].quote)
      return false;
  return true;
}

}  // namespace

TEST_CASE("evidence merged incrementally matches a full sort, dedupe and recount") {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 300; ++round) {
    Graph g = two_nodes();
    Reference ref;
    // Some rounds keep sentence keys in byte order (the fast count), others scramble them.
    const bool ordered = round % 3 != 0;
    const int places = 2 + pick(40);
    EdgeDesc e;
    for (int call = 0, calls = 1 + pick(12); call < calls; ++call) {
      std::vector<Evidence> batch(static_cast<std::size_t>(pick(6)));
      for (auto& ev : batch) {
        int at = pick(places);
        ev.document = pick(3) == 0 ? "document/b" : "document/a";
        ev.range = {static_cast<std::uint64_t>(at * 10),
                    static_cast<std::uint64_t>(at * 10 + 1 + pick(2))};
        // Appended, not "q" + std::to_string(): GCC 12 warns falsely about it (-Wrestrict).
        ev.rule = std::string("rule").append(std::to_string(pick(3)));
        ev.quote =
            std::string("q").append(std::to_string(call)).append(".").append(std::to_string(at));
        ev.sentence = ordered ? (pick(4) == 0 ? -1 : at / 3) : pick(4) - 1;
        if (ordered && ev.sentence < 0) ev.range.begin = ev.range.end = 1000 + at;
      }
      const double w = pick(4) == 0 ? 1.5 : 0;
      ref.add(w, batch);
      e = g.add_weighted_edge("actor/turkey", "institution/tika", "OPERATES", w, batch);
      REQUIRE(g.edge_count() == 1);
      CHECK(same(g.edge(e).evidence(), ref.evidence));
      CHECK(g.edge(e).weight == ref.weight);
    }
  }
}

TEST_CASE("records added one at a time in any order end up sorted, unique and counted") {
  Graph g = two_nodes();
  const int n = 5000;
  std::vector<int> order;
  for (int i = 0; i < n; ++i) order.insert(order.end(), {i, i});  // each place twice
  std::shuffle(order.begin(), order.end(), std::mt19937(3));
  for (int i : order) {
    Evidence ev;
    ev.document = "document/d";
    ev.range = {static_cast<std::uint64_t>(i) * 10, static_cast<std::uint64_t>(i) * 10 + 5};
    ev.sentence = i / 2;
    g.add_edge("actor/turkey", "institution/tika", "OPERATES", ev);
  }
  const EdgeProps& p = g.edge(g.sorted_edges().front());
  REQUIRE(p.evidence().size() == static_cast<std::size_t>(n));
  CHECK(p.weight == n / 2);
  bool in_place = true;
  for (int i = 0; i < n; ++i)
    in_place = in_place && p.evidence()[i].range.begin == static_cast<std::uint64_t>(i) * 10;
  CHECK(in_place);
}

TEST_CASE("an edge's id, type and attributes") {
  Graph g = two_nodes();
  EdgeDesc e = g.add_weighted_edge("actor/turkey", "institution/tika", "OPERATES", 2, {},
                                   {{"year", std::int64_t{1992}}});
  CHECK(g.edge_id(e) == "OPERATES:actor/turkey->institution/tika");
  const std::string& type = g.edge(e).type;
  CHECK(type == "OPERATES");
  CHECK(g.edge(e).type == "OPERATES");
  CHECK(g.edge(e).evidence().empty());
  CHECK(std::get<std::int64_t>(g.edge(e).attributes().at("year")) == 1992);
  CHECK(g.edge(e).weight == 2);
  // A bare edge has neither evidence nor attributes.
  EdgeDesc f = g.add_weighted_edge("actor/turkey", "institution/tika", "MEMBER_OF", 1, {});
  CHECK(g.edge(f).attributes().empty());
  CHECK(g.edge_count() == 2);
}

TEST_CASE("a copied or moved graph finds its own edges") {
  Graph g = two_nodes();
  Evidence ev;
  ev.document = "document/d";
  ev.range = {0, 5};
  g.add_edge("actor/turkey", "institution/tika", "OPERATES", ev);
  Graph copy = g;
  ev.range = {10, 15};
  ev.sentence = 1;
  EdgeDesc e = copy.add_edge("actor/turkey", "institution/tika", "OPERATES", ev);
  CHECK(copy.edge_count() == 1);
  CHECK(copy.edge(e).evidence().size() == 2);
  CHECK(g.edge(g.sorted_edges().front()).evidence().size() == 1);

  Graph moved = std::move(copy);
  ev.range = {20, 25};
  ev.sentence = 2;
  e = moved.add_edge("actor/turkey", "institution/tika", "OPERATES", ev);
  CHECK(moved.edge_count() == 1);
  CHECK(moved.edge(e).weight == 3);
  CHECK(copy.node_count() == 0);  // NOLINT(bugprone-use-after-move): left empty and usable

  g = moved;
  e = g.add_edge("actor/turkey", "institution/tika", "OPERATES", ev);
  CHECK(g.edge_count() == 1);
  CHECK(g.edge(e).evidence().size() == 3);
}

TEST_CASE("node metrics read like a map ordered by name") {
  NodeMetrics m;
  CHECK(m.empty());
  m["pagerank"] = 0.5;
  m["degree"] = 2;
  m["betweenness"] = 0.25;
  m["degree"] = 3;
  CHECK(m.size() == 3);
  std::vector<std::string> names;
  for (const auto& [k, v] : m) names.push_back(k);
  CHECK(names == std::vector<std::string>{"betweenness", "degree", "pagerank"});
  auto it = m.find("pagerank");
  REQUIRE(it != m.end());
  CHECK(it->second == 0.5);
  CHECK(m.find("hub") == m.end());
  CHECK(m.at("degree") == 3);
  CHECK_THROWS_AS(m.at("hub"), std::out_of_range);
  CHECK(m.count("betweenness") == 1);
  NodeMetrics copy = m;
  CHECK(copy == m);
  copy["degree"] = 4;
  CHECK_FALSE(copy == m);
  for (auto [k, v] : copy) v = 0;
  CHECK(copy.at("degree") == 0);
}
