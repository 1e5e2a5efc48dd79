#include "softgraph/graph/graph.hpp"

#include <doctest/doctest.h>

#include "softgraph/core/error.hpp"
#include "softgraph/graph/graph_builder.hpp"

using namespace softgraph;

namespace {
Entity entity(const std::string& id, const std::string& type, const std::string& label) {
  Entity e;
  e.id = id;
  e.type = type;
  e.label = label;
  return e;
}
Evidence evidence(int sentence) {
  Evidence ev;
  ev.document = "document/d";
  ev.range = {static_cast<std::uint64_t>(sentence * 10),
              static_cast<std::uint64_t>(sentence * 10 + 5)};
  ev.sentence = sentence;
  return ev;
}
}  // namespace

TEST_CASE("the ontology rejects an edge with a wrong endpoint") {
  Graph g;
  g.add_node(entity("actor/turkey", "Actor", "Turkey"));
  g.add_node(entity("institution/tika", "Institution", "TIKA"));
  CHECK_NOTHROW(g.add_edge("actor/turkey", "institution/tika", "OPERATES", evidence(1)));
  CHECK_THROWS_AS(g.add_edge("institution/tika", "actor/turkey", "OPERATES", evidence(1)), Error);
  CHECK_THROWS_AS(g.add_edge("actor/turkey", "institution/tika", "NO_SUCH_TYPE", evidence(1)),
                  Error);
  CHECK(g.edge_count() == 1);
}

TEST_CASE("edge weight counts distinct evidence sentences") {
  Graph g;
  g.add_node(entity("actor/turkey", "Actor", "Turkey"));
  g.add_node(entity("institution/tika", "Institution", "TIKA"));
  g.add_edge("actor/turkey", "institution/tika", "OPERATES", evidence(1));
  g.add_edge("actor/turkey", "institution/tika", "OPERATES", evidence(1));
  auto e = g.add_edge("actor/turkey", "institution/tika", "OPERATES", evidence(2));
  CHECK(g.edge(e).weight == 2);
  CHECK(g.edge(e).evidence().size() == 2);
}

TEST_CASE("a state that exerts and receives influence is one node with both roles") {
  DocumentExtraction x;
  x.document_id = "document/d";
  x.path = "d.txt";
  x.entities = {entity("actor/kazakhstan", "TargetCountry", "Kazakhstan"),
                entity("actor/turkey", "Actor", "Turkey"),
                entity("instrument/education", "Instrument", "Education")};
  Relation uses{"actor/kazakhstan", "instrument/education", "USES_INSTRUMENT", evidence(1), {}};
  Relation targets{"actor/turkey", "actor/kazakhstan", "TARGETS", evidence(2), {}};
  x.relations = {uses, targets};
  Graph g = build_graph({x});
  auto v = g.find("actor/kazakhstan");
  REQUIRE(v);
  CHECK(g.node(*v).type == "Actor");
  auto roles = std::get<std::vector<std::string>>(g.node(*v).attributes.at("roles"));
  CHECK(roles == std::vector<std::string>{"actor", "target"});
  CHECK(g.edge_count() == 2);
  CHECK(g.warnings.empty());
}
