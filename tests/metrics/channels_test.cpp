// Channel dominance and projections on a hand-built graph.
#include "softgraph/analysis/channels.hpp"

#include <doctest/doctest.h>

#include "softgraph/analysis/projections.hpp"

using namespace softgraph;

namespace {

//  china  --USES(2 sentences)--> education        china  --OPERATES--> confucius --DELIVERS 3-->
//  education turkey --USES 1-------------> education        turkey --OPERATES--> tika --DELIVERS
//  1--> education turkey, russia --OPERATES--> joint --DELIVERS 2--> education   (split 1 + 1)
//  orphan (no operator) --DELIVERS 4--> education                  (unattributed)
//  turkey --USES 1--> instrument/religious_cooperation (no channel attribute)
//  russia --USES 1--> instrument/religious_cooperation
//  china, turkey, eu --TARGETS--> kazakhstan; turkey --TARGETS--> uzbekistan;
//  confucius --TARGETS--> uzbekistan (its own target wins over china's)
//
//  education raws: china 2 + 3 = 5, turkey 1 + 1 + 1 = 3, russia 1; total 9
//    shares 5/9, 3/9, 1/9; HHI (25 + 9 + 1) / 81 = 35/81
//  religious_cooperation: turkey 1, russia 1 -> 1/2 each, both rank 1, HHI 1/2
//  education in kazakhstan: china 2 (own use), turkey 1 + tika 1 + joint 1 = 3 -> 0.4 / 0.6
//  education in uzbekistan: china 3 (confucius), turkey 3 -> 0.5 / 0.5
Graph channel_graph() {
  Graph g;
  auto node = [&](const std::string& id, const std::string& type, Attributes attrs = {}) {
    g.add_node(Entity{id, type, id.substr(id.find('/') + 1), {}, std::move(attrs)});
  };
  for (auto a : {"china", "turkey", "russia", "eu"}) node(std::string("actor/") + a, "Actor");
  for (auto t : {"kazakhstan", "uzbekistan"}) node(std::string("country/") + t, "TargetCountry");
  for (auto i : {"confucius", "tika", "joint", "orphan"})
    node(std::string("institution/") + i, "Institution");
  node("instrument/education", "Instrument", {{"channel", std::string("education")}});
  node("instrument/religious_cooperation", "Instrument");

  auto sentence = [](int i) {
    Evidence e;
    e.document = "doc";
    e.range = {std::uint64_t(i) * 10, std::uint64_t(i) * 10 + 5};
    e.sentence = i;
    return e;
  };
  const Evidence s1 = sentence(1), s2 = sentence(2);
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", s1);
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", s2);
  auto edge = [&](const std::string& s, const std::string& t, const std::string& type, double w) {
    g.add_weighted_edge(s, t, type, w, {});
  };
  edge("actor/china", "institution/confucius", "OPERATES", 1);
  edge("institution/confucius", "instrument/education", "DELIVERS", 3);
  edge("actor/turkey", "instrument/education", "USES_INSTRUMENT", 1);
  edge("actor/turkey", "institution/tika", "OPERATES", 1);
  edge("institution/tika", "instrument/education", "DELIVERS", 1);
  edge("actor/turkey", "institution/joint", "OPERATES", 1);
  edge("actor/russia", "institution/joint", "OPERATES", 5);  // OPERATES weight does not matter
  edge("institution/joint", "instrument/education", "DELIVERS", 2);
  edge("institution/orphan", "instrument/education", "DELIVERS", 4);
  edge("actor/turkey", "instrument/religious_cooperation", "USES_INSTRUMENT", 1);
  edge("actor/russia", "instrument/religious_cooperation", "USES_INSTRUMENT", 1);
  g.add_edge("actor/china", "country/kazakhstan", "TARGETS", s1);  // the sentences of its use
  g.add_edge("actor/china", "country/kazakhstan", "TARGETS", s2);
  edge("actor/turkey", "country/kazakhstan", "TARGETS", 1);
  edge("actor/eu", "country/kazakhstan", "TARGETS", 1);
  edge("actor/turkey", "country/uzbekistan", "TARGETS", 1);
  edge("institution/confucius", "country/uzbekistan", "TARGETS", 1);
  return g;
}

}  // namespace

TEST_CASE("an actor's share counts its own use and what its institutions deliver") {
  const Graph g = channel_graph();
  const ChannelReport r = compute_channels(g);
  REQUIRE(r.channels.size() == 2);
  const ChannelEntry* edu = r.find("education");
  REQUIRE(edu);
  CHECK(edu->instrument == "instrument/education");
  REQUIRE(edu->actors.size() == 3);
  CHECK(edu->actors[0].actor == "actor/china");
  CHECK(edu->actors[0].rank == 1);
  CHECK(edu->actors[0].direct == 2);
  CHECK(edu->actors[0].via_institutions == 3);
  CHECK(edu->actors[0].share == doctest::Approx(5.0 / 9));
  CHECK(edu->actors[1].actor == "actor/turkey");
  CHECK(edu->actors[1].share == doctest::Approx(3.0 / 9));
  CHECK(edu->actors[1].institutions ==
        std::vector<std::string>{"institution/joint", "institution/tika"});
  CHECK(edu->actors[2].actor == "actor/russia");
  CHECK(edu->actors[2].share == doctest::Approx(1.0 / 9));
  CHECK(edu->actors[2].rank == 3);
  CHECK(edu->total == 9);
  CHECK(edu->unattributed == 4);
  CHECK(edu->hhi == doctest::Approx(35.0 / 81));
}

TEST_CASE("shares of every channel sum to 1") {
  const ChannelReport r = compute_channels(channel_graph());
  for (const auto& c : r.channels) {
    double sum = 0;
    for (const auto& s : c.actors) sum += s.share;
    CHECK_MESSAGE(sum == doctest::Approx(1.0).epsilon(1e-12), c.channel);
    for (const auto& t : c.by_target) {
      double ts = 0;
      for (const auto& s : t.actors) ts += s.share;
      CHECK_MESSAGE(ts == doctest::Approx(1.0).epsilon(1e-12), c.channel << " in " << t.target);
    }
  }
}

TEST_CASE("each share names the edges and counts the sentences behind it") {
  const ChannelReport r = compute_channels(channel_graph());
  const ActorShare& china = r.find("education")->actors[0];
  CHECK(china.evidence ==
        std::vector<std::string>{"DELIVERS:institution/confucius->instrument/education",
                                 "OPERATES:actor/china->institution/confucius",
                                 "USES_INSTRUMENT:actor/china->instrument/education"});
  CHECK(china.sentences == 2);
}

TEST_CASE("carrying institutions list their weight and owners, nobody's included") {
  const ChannelReport r = compute_channels(channel_graph());
  const ChannelEntry* edu = r.find("education");
  REQUIRE(edu->institutions.size() == 4);
  CHECK(edu->institutions[0].institution == "institution/orphan");
  CHECK(edu->institutions[0].owners.empty());
  CHECK(edu->institutions[1].institution == "institution/confucius");
  CHECK(edu->institutions[2].institution == "institution/joint");
  CHECK(edu->institutions[2].owners == std::vector<std::string>{"actor/russia", "actor/turkey"});
}

TEST_CASE("equal scores share a rank; the channel name falls back to the id") {
  const ChannelReport r = compute_channels(channel_graph());
  const ChannelEntry* rel = r.find("religious_cooperation");
  REQUIRE(rel);
  REQUIRE(rel->actors.size() == 2);
  CHECK(rel->actors[0].actor == "actor/russia");  // tie: by id
  CHECK(rel->actors[0].rank == 1);
  CHECK(rel->actors[1].rank == 1);
  CHECK(rel->hhi == doctest::Approx(0.5));
}

TEST_CASE("the breakdown by target follows actors' and institutions' TARGETS") {
  const ChannelReport r = compute_channels(channel_graph());
  const ChannelEntry* edu = r.find("education");
  REQUIRE(edu->by_target.size() == 2);
  const TargetBreakdown& kz = edu->by_target[0];
  CHECK(kz.target == "country/kazakhstan");
  REQUIRE(kz.actors.size() == 2);
  CHECK(kz.actors[0].actor == "actor/turkey");
  CHECK(kz.actors[0].share == doctest::Approx(0.6));
  CHECK(kz.actors[1].actor == "actor/china");
  CHECK(kz.actors[1].share == doctest::Approx(0.4));
  const TargetBreakdown& uz = edu->by_target[1];
  CHECK(uz.target == "country/uzbekistan");
  REQUIRE(uz.actors.size() == 2);
  CHECK(uz.actors[0].share == doctest::Approx(0.5));
  CHECK(uz.hhi == doctest::Approx(0.5));
}

TEST_CASE("annotate_channels writes shares, HHI and the dominant actor into attributes") {
  Graph g = channel_graph();
  annotate_channels(g, compute_channels(g));
  const auto& china = g.node(*g.find("actor/china")).attributes;
  CHECK(std::get<double>(china.at("channel_share_education")) == doctest::Approx(5.0 / 9));
  CHECK(china.count("channel_share_religious_cooperation") == 0);
  const auto& edu = g.node(*g.find("instrument/education")).attributes;
  CHECK(std::get<double>(edu.at("hhi")) == doctest::Approx(35.0 / 81));
  CHECK(std::get<std::string>(edu.at("dominant_actor")) == "actor/china");
}

TEST_CASE("a graph without instruments gives an empty report") {
  Graph g;
  g.add_node(Entity{"actor/china", "Actor", "China", {}, {}});
  CHECK(compute_channels(g).channels.empty());
}

TEST_CASE("actor-actor projection counts shared channels and targets") {
  const Graph g = channel_graph();
  const auto edges = actor_actor_projection(g, compute_channels(g));
  auto weight = [&](const std::string& a, const std::string& b) {
    for (const auto& e : edges)
      if (e.source == a && e.target == b) return e.weight;
    return 0.0;
  };
  // china-turkey: education + kazakhstan + uzbekistan (china's via confucius)
  CHECK(weight("actor/china", "actor/turkey") == 3);
  CHECK(weight("actor/russia", "actor/turkey") == 2);  // education, religious_cooperation
  CHECK(weight("actor/china", "actor/russia") == 1);   // education
  CHECK(weight("actor/china", "actor/eu") == 1);       // kazakhstan
  CHECK(weight("actor/eu", "actor/russia") == 0);
  for (const auto& e : edges) {
    CHECK(e.kind == "actor_actor");
    CHECK(e.source < e.target);
  }
}

TEST_CASE("actor-channel projection is bipartite and weighted by share") {
  const auto edges = actor_channel_projection(compute_channels(channel_graph()));
  REQUIRE(edges.size() == 5);
  CHECK(edges[0].source == "actor/china");
  CHECK(edges[0].target == "instrument/education");
  CHECK(edges[0].weight == doctest::Approx(5.0 / 9));
  CHECK(edges[0].kind == "actor_channel");
}
