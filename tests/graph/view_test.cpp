// Views and filters (graph/view.hpp) on a small hand-built graph with both influence and
// literature parts.
#include "softgraph/graph/view.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "softgraph/core/error.hpp"

using namespace softgraph;

namespace {

Evidence ev(int sentence, double confidence) {
  Evidence e;
  e.document = "document/d";
  e.range = {std::uint64_t(sentence) * 10, std::uint64_t(sentence) * 10 + 5};
  e.sentence = sentence;
  e.confidence = confidence;
  return e;
}

//  influence: china -OPERATES-> confucius -DELIVERS-> education; china -USES-> education (2
//  sentences, 0.9); china -TARGETS-> central_asia; turkey -USES-> religion (0.5);
//  turkey -OPERATES-> tika -DELIVERS-> development; turkey -TARGETS-> kazakhstan
//  literature: document -CITES-> ref; person -AUTHORED-> ref; ref -DISCUSSES-> china;
//  document -MENTIONS-> every actor; isolated: actor/uk
Graph view_graph() {
  Graph g;
  auto node = [&](const std::string& id, const std::string& type, const std::string& label) {
    Vertex v = g.add_node(Entity{id, type, label, {label + " alias"}, {}});
    g.node(v).metrics["pagerank"] = 0.1;
  };
  node("actor/china", "Actor", "China");
  node("actor/turkey", "Actor", "Turkey");
  node("actor/uk", "Actor", "United Kingdom");
  node("actor/kazakhstan", "TargetCountry", "Kazakhstan");
  node("region/central_asia", "Region", "Central Asia");
  node("institution/confucius", "Institution", "Confucius Institute");
  node("institution/tika", "Institution", "TIKA");
  g.add_node(Entity{"instrument/education",
                    "Instrument",
                    "Education",
                    {},
                    {{"channel", std::string("education")}}});
  g.add_node(Entity{"instrument/religious_cooperation",
                    "Instrument",
                    "Religion",
                    {},
                    {{"channel", std::string("religious_cooperation")}}});
  g.add_node(Entity{"instrument/development_projects",
                    "Instrument",
                    "Development",
                    {},
                    {{"channel", std::string("development_projects")}}});
  node("document/d", "Document", "d");
  node("reference/nye_2004", "Reference", "Nye 2004");
  node("person/nye_j", "Person", "Nye, J.");
  g.add_edge("actor/china", "institution/confucius", "OPERATES", ev(1, 0.9));
  g.add_edge("institution/confucius", "instrument/education", "DELIVERS", ev(1, 0.9));
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", ev(2, 0.9));
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", ev(3, 0.9));
  g.add_edge("actor/china", "region/central_asia", "TARGETS", ev(2, 0.9));
  g.add_edge("actor/turkey", "instrument/religious_cooperation", "USES_INSTRUMENT", ev(4, 0.5));
  g.add_edge("actor/turkey", "institution/tika", "OPERATES", ev(5, 0.9));
  g.add_edge("institution/tika", "instrument/development_projects", "DELIVERS", ev(5, 0.9));
  g.add_edge("actor/turkey", "actor/kazakhstan", "TARGETS", ev(5, 0.9));
  g.add_edge("document/d", "reference/nye_2004", "CITES", ev(6, 1.0));
  g.add_edge("person/nye_j", "reference/nye_2004", "AUTHORED", ev(7, 1.0));
  g.add_edge("reference/nye_2004", "actor/china", "DISCUSSES", ev(6, 1.0));
  for (auto a : {"actor/china", "actor/turkey", "actor/uk", "actor/kazakhstan"})
    g.add_edge("document/d", a, "MENTIONS", ev(8, 1.0));
  g.attributes["unresolved_citations"] = std::int64_t{0};
  return g;
}

std::vector<std::string> ids(const Graph& g) {
  std::vector<std::string> out;
  for (Vertex v : g.sorted_nodes()) out.push_back(g.node(v).id);
  return out;
}

std::vector<std::string> types(const Graph& g) {
  std::vector<std::string> out;
  for (EdgeDesc e : g.sorted_edges()) out.push_back(g.edge(e).type.str());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string usage_error(const Graph& g, const GraphFilter& f) {
  try {
    select_subgraph(g, f);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kUsage);
    return e.what();
  }
  FAIL("no error");
  return "";
}

}  // namespace

TEST_CASE("the influence view keeps the influence edges and their ends, nothing else") {
  const Graph g = view_graph();
  GraphFilter f;
  f.view = View::kInfluence;
  const Graph part = select_subgraph(g, f);
  CHECK(types(part) ==
        std::vector<std::string>{"DELIVERS", "OPERATES", "TARGETS", "USES_INSTRUMENT"});
  const auto n = ids(part);
  CHECK(n.size() == 9);
  CHECK_FALSE(has(n, "document/d"));
  CHECK_FALSE(has(n, "reference/nye_2004"));
  CHECK_FALSE(has(n, "actor/uk"));  // only mentioned
  CHECK(has(n, "actor/kazakhstan"));
  // Metrics, attributes, evidence and weights come along.
  const auto china = part.find("actor/china");
  REQUIRE(china);
  CHECK(part.node(*china).metrics.at("pagerank") == 0.1);
  CHECK(part.node(*china).aliases == std::vector<std::string>{"China alias"});
  for (EdgeDesc e : part.sorted_edges())
    if (part.edge_id(e) == "USES_INSTRUMENT:actor/china->instrument/education") {
      CHECK(part.edge(e).weight == 2);
      CHECK(part.edge(e).evidence().size() == 2);
    }
  CHECK(std::get<std::string>(part.attributes.at("filter_view")) == "influence");
  CHECK(part.attributes.count("unresolved_citations") == 1);
}

TEST_CASE("the literature view keeps documents, references, people and what they discuss") {
  GraphFilter f;
  f.view = View::kLiterature;
  const Graph part = select_subgraph(view_graph(), f);
  CHECK(ids(part) == std::vector<std::string>{"actor/china", "document/d", "person/nye_j",
                                              "reference/nye_2004"});
  CHECK(types(part) == std::vector<std::string>{"AUTHORED", "CITES", "DISCUSSES"});
}

TEST_CASE("an empty filter keeps everything and records nothing") {
  const Graph g = view_graph();
  const Graph part = select_subgraph(g, GraphFilter{});
  CHECK(part.node_count() == g.node_count());
  CHECK(part.edge_count() == g.edge_count());
  CHECK(part.attributes.count("filter_view") == 0);
  CHECK(parse_view("Influence") == View::kInfluence);
}

TEST_CASE("focus keeps the neighbourhood within the depth, by id or by name") {
  const Graph g = view_graph();
  GraphFilter f;
  f.view = View::kInfluence;
  f.focus = {"Turkey"};  // a label, case-insensitive through resolve_node
  f.depth = 1;
  Graph part = select_subgraph(g, f);
  CHECK(ids(part) == std::vector<std::string>{"actor/kazakhstan", "actor/turkey",
                                              "institution/tika",
                                              "instrument/religious_cooperation"});
  CHECK(std::get<std::vector<std::string>>(part.attributes.at("filter_focus")) ==
        std::vector<std::string>{"actor/turkey"});
  f.depth = 2;
  part = select_subgraph(g, f);
  CHECK(has(ids(part), "instrument/development_projects"));
  f.depth = 0;
  part = select_subgraph(g, f);
  CHECK(ids(part) == std::vector<std::string>{"actor/turkey"});
}

TEST_CASE("channels keep their instruments, carriers, operators and targets") {
  GraphFilter f;
  f.channels = {"education"};
  const Graph part = select_subgraph(view_graph(), f);
  CHECK(ids(part) == std::vector<std::string>{"actor/china", "institution/confucius",
                                              "instrument/education", "region/central_asia"});
  CHECK(types(part) ==
        std::vector<std::string>{"DELIVERS", "OPERATES", "TARGETS", "USES_INSTRUMENT"});
}

TEST_CASE("edge types, node types, weight and confidence cut edges") {
  const Graph g = view_graph();
  GraphFilter f;
  f.edge_types = {"TARGETS"};
  CHECK(ids(select_subgraph(g, f)) == std::vector<std::string>{"actor/china", "actor/kazakhstan",
                                                               "actor/turkey",
                                                               "region/central_asia"});
  f = {};
  f.node_types = {"Actor"};  // only node types: isolated actors stay
  CHECK(ids(select_subgraph(g, f)) ==
        std::vector<std::string>{"actor/china", "actor/turkey", "actor/uk"});
  f = {};
  f.view = View::kInfluence;
  f.min_weight = 2;
  Graph part = select_subgraph(g, f);
  CHECK(part.edge_count() == 1);
  CHECK(ids(part) == std::vector<std::string>{"actor/china", "instrument/education"});
  f = {};
  f.view = View::kInfluence;
  f.min_confidence = 0.6;  // turkey's religious cooperation rests on a 0.5 sentence
  part = select_subgraph(g, f);
  CHECK_FALSE(has(ids(part), "instrument/religious_cooperation"));
  CHECK(has(ids(part), "institution/tika"));
  CHECK(std::get<double>(part.attributes.at("filter_min_confidence")) == 0.6);
}

TEST_CASE("a filter of a filtered graph is added to the chain") {
  GraphFilter a;
  a.view = View::kInfluence;
  GraphFilter b;
  b.focus = {"actor/china"};
  const Graph part = select_subgraph(select_subgraph(view_graph(), a), b);
  CHECK(std::get<std::vector<std::string>>(part.attributes.at("filter_chain")) ==
        std::vector<std::string>{"--view influence", "--view all --focus actor/china --depth 1"});
  CHECK(std::get<std::int64_t>(part.attributes.at("filter_source_nodes")) == 9);
}

TEST_CASE("unknown names are usage errors that suggest the nearest") {
  const Graph g = view_graph();
  GraphFilter f;
  f.focus = {"Chna"};
  CHECK(usage_error(g, f).find("did you mean 'actor/china' (China)?") != std::string::npos);
  f = {};
  f.node_types = {"Actr"};
  CHECK(usage_error(g, f).find("did you mean 'Actor'?") != std::string::npos);
  f = {};
  f.edge_types = {"TARGET"};
  CHECK(usage_error(g, f).find("did you mean 'TARGETS'?") != std::string::npos);
  f = {};
  f.channels = {"educaton"};
  CHECK(usage_error(g, f).find("did you mean 'education'?") != std::string::npos);
  f = {};
  f.view = View::kLiterature;
  f.focus = {"actor/turkey"};  // exists, but not in the literature view
  CHECK(usage_error(g, f).find("not in the literature view") != std::string::npos);
  f = {};
  f.node_types = {"Institution"};
  f.focus = {"actor/turkey"};  // exists, but not of the types asked for
  CHECK(usage_error(g, f).find("not in what the other filters keep") != std::string::npos);
  f = {};
  f.min_confidence = 1.5;
  CHECK(usage_error(g, f).find("[0, 1]") != std::string::npos);
  CHECK_THROWS_AS(parse_view("influense"), Error);
}
