// Facts of the article, asserted on the graph softgraph builds from it (read from ../shared).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "softgraph/core/json_io.hpp"
#include "softgraph/pipeline/pipeline.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

const Graph& article_graph() {
  static Graph g = [] {
    Pipeline p(PipelineOptions{});
    return p.build(p.extract_all({test::article_path().string()}));
  }();
  return g;
}

bool has_edge(const Graph& g, const std::string& s, const std::string& type, const std::string& t) {
  for (EdgeDesc e : g.sorted_edges())
    if (g.edge(e).type == type && g.node(boost::source(e, g.boost())).id == s &&
        g.node(boost::target(e, g.boost())).id == t)
      return true;
  return false;
}

}  // namespace

TEST_CASE("the article's seven external actors are Actor nodes") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  for (const char* id : {"actor/eu", "actor/iran", "actor/china", "actor/russia",
                         "actor/united_states", "actor/turkey", "actor/japan"}) {
    auto v = g.find(id);
    CHECK_MESSAGE(v.has_value(), id);
    if (v) CHECK_MESSAGE(g.node(*v).type == "Actor", id);
  }
}

TEST_CASE("the Central Asian states the article names are nodes, Kazakhstan as an operator") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  for (const char* id : {"actor/kazakhstan", "actor/kyrgyzstan", "actor/turkmenistan"})
    CHECK_MESSAGE(g.find(id).has_value(), id);
  auto kz = g.find("actor/kazakhstan");
  REQUIRE(kz);
  auto roles = g.node(*kz).attributes.find("roles");
  REQUIRE(roles != g.node(*kz).attributes.end());
  auto list = std::get<std::vector<std::string>>(roles->second);
  // (The article says Kazakhstan builds soft power of its own, through institutions it runs:
  // running them makes it an operator, which the ontology lets run institutions, though no act
  // of its abroad is read. No sentence has an outside power act on Kazakhstan by name, so it has
  // no target role from the text.)
  CHECK(std::count(list.begin(), list.end(), "operator") == 1);
  CHECK(std::count(list.begin(), list.end(), "target") == 0);
}

TEST_CASE("Turkey operates TIKA, with evidence whose bytes quote the sentence naming it") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  std::string raw = read_file(test::article_path().string());
  bool found = false;
  for (EdgeDesc e : g.sorted_edges()) {
    const EdgeProps& ep = g.edge(e);
    if (ep.type != "OPERATES" || g.node(boost::source(e, g.boost())).id != "actor/turkey" ||
        g.node(boost::target(e, g.boost())).id != "institution/tika")
      continue;
    found = true;
    REQUIRE_FALSE(ep.evidence().empty());
    for (const Evidence& ev : ep.evidence()) {
      REQUIRE(ev.range.end <= raw.size());
      std::string bytes = raw.substr(ev.range.begin, ev.range.size());
      CHECK(bytes == ev.quote);
      CHECK(bytes.find("TIKA") != std::string::npos);
      CHECK(bytes.find("Turkish Cooperation and Coordination Agency") != std::string::npos);
    }
  }
  CHECK(found);
}

TEST_CASE("every evidence quote is the exact bytes of the input file") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  std::string raw = read_file(test::article_path().string());
  int checked = 0;
  for (EdgeDesc e : g.sorted_edges())
    for (const Evidence& ev : g.edge(e).evidence()) {
      REQUIRE(ev.range.end <= raw.size());
      CHECK(raw.compare(ev.range.begin, ev.range.size(), ev.quote) == 0);
      ++checked;
    }
  CHECK(checked > 100);
}

TEST_CASE("institutions the article names are nodes with the right owner") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  const std::vector<std::pair<const char*, const char*>> owned = {
      {"actor/turkey", "institution/tika"},
      {"actor/china", "institution/confucius_institute"},
      {"actor/russia", "institution/rossotrudnichestvo"},
      {"actor/russia", "institution/russkiy_mir_foundation"},
      {"actor/russia", "institution/gorchakov_fund"},
      {"actor/germany", "institution/daad"},
      {"actor/united_states", "institution/usaid"},
      {"actor/eu", "institution/erasmus_plus"},
  };
  for (const auto& pair : owned) {
    const auto& owner = pair.first;  // not a structured binding: doctest's messages capture it
    const auto& inst = pair.second;
    CHECK_MESSAGE(g.find(inst).has_value(), inst);
    CHECK_MESSAGE(has_edge(g, owner, "OPERATES", inst), owner << " OPERATES " << inst);
  }
}

TEST_CASE("names in the Kazakh and Russian abstracts merge with their English nodes") {
  if (!test::have_article()) return;
  const Graph& g = article_graph();
  auto aliases_of = [&](const char* id) {
    auto v = g.find(id);
    REQUIRE(v);
    const auto& a = g.node(*v).aliases;
    return std::set<std::string>(a.begin(), a.end());
  };
  CHECK(aliases_of("actor/russia").count("Россию"));
  CHECK(aliases_of("actor/turkey").count("Түркия"));
  CHECK(aliases_of("actor/china").count("Китай"));
}
