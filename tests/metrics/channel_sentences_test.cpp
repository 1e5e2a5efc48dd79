// Channel shares count each evidence sentence once, and the breakdown by target places each
// sentence by the targets it names (rules in graph/channels.hpp).
#include <doctest/doctest.h>

#include "softgraph/analysis/channels.hpp"

using namespace softgraph;

namespace {

Evidence sentence(int i) {
  Evidence e;
  e.document = "doc";
  e.range = {std::uint64_t(i) * 100, std::uint64_t(i) * 100 + 50};
  e.sentence = i;
  e.confidence = 0.9;
  return e;
}

//  s1: eu USES academic_exchange, erasmus and tempus (both the EU's) DELIVER it; eu TARGETS kz
//  s2: erasmus and tempus DELIVER it (no place named)
//  s3, s4: daad (Germany's) DELIVERS it;    s6: kazakhstan USES it (a state that also acts)
//  s7: germany TARGETS kz (no channel);     s8: eu TARGETS uk (a place only, no channel)
//  s9: eu TARGETS central_asia (no channel)
Graph sentence_graph() {
  Graph g;
  auto node = [&](const std::string& id, const std::string& type, Attributes attrs = {}) {
    g.add_node(Entity{id, type, id.substr(id.find('/') + 1), {}, std::move(attrs)});
  };
  node("actor/eu", "Actor");
  node("actor/germany", "Actor");
  node("actor/kazakhstan", "Actor", {{"roles", std::vector<std::string>{"actor", "target"}}});
  node("actor/uk", "TargetCountry");
  node("region/central_asia", "Region");
  for (auto i : {"erasmus", "tempus", "daad"}) node(std::string("institution/") + i, "Institution");
  node("instrument/academic_exchange", "Instrument",
       {{"channel", std::string("academic_exchange")}});
  const std::string ax = "instrument/academic_exchange";
  auto op = [&](const std::string& a, const std::string& i) {
    g.add_weighted_edge(a, i, "OPERATES", 1, {});
  };
  op("actor/eu", "institution/erasmus");
  op("actor/eu", "institution/tempus");
  op("actor/germany", "institution/daad");
  g.add_edge("actor/eu", ax, "USES_INSTRUMENT", sentence(1));
  for (int s : {1, 2}) {
    g.add_edge("institution/erasmus", ax, "DELIVERS", sentence(s));
    g.add_edge("institution/tempus", ax, "DELIVERS", sentence(s));
  }
  g.add_edge("institution/daad", ax, "DELIVERS", sentence(3));
  g.add_edge("institution/daad", ax, "DELIVERS", sentence(4));
  g.add_edge("actor/kazakhstan", ax, "USES_INSTRUMENT", sentence(6));
  g.add_edge("actor/eu", "actor/kazakhstan", "TARGETS", sentence(1));
  g.add_edge("actor/germany", "actor/kazakhstan", "TARGETS", sentence(7));
  g.add_edge("actor/eu", "actor/uk", "TARGETS", sentence(8));
  g.add_edge("actor/eu", "region/central_asia", "TARGETS", sentence(9));
  return g;
}

}  // namespace

TEST_CASE("a sentence naming an actor and its institutions counts once") {
  const ChannelReport r = compute_channels(sentence_graph());
  const ChannelEntry* c = r.find("academic_exchange");
  REQUIRE(c);
  REQUIRE(c->actors.size() == 3);
  // eu: s1 (own use; erasmus and tempus deliver in it too) + s2 (its institutions) = 2, not 5
  CHECK(c->actors[0].actor == "actor/eu");
  CHECK(c->actors[0].direct == 1);
  CHECK(c->actors[0].via_institutions == 1);
  CHECK(c->actors[0].raw == 2);
  CHECK(c->actors[0].sentences == 2);
  CHECK(c->actors[1].actor == "actor/germany");
  CHECK(c->actors[1].raw == 2);
  CHECK(c->actors[1].rank == 1);  // a tie with the EU
  CHECK(c->actors[2].actor == "actor/kazakhstan");
  CHECK(c->actors[2].share == doctest::Approx(0.2));
  CHECK(c->total == 5);
  for (const auto& a : c->actors) CHECK_MESSAGE(a.raw <= a.sentences, a.actor);
}

TEST_CASE("a sentence delivered by an institution two actors run is split between them") {
  Graph g = sentence_graph();
  g.add_node(Entity{"institution/joint", "Institution", "joint", {}, {}});
  g.add_weighted_edge("actor/eu", "institution/joint", "OPERATES", 1, {});
  g.add_weighted_edge("actor/germany", "institution/joint", "OPERATES", 1, {});
  g.add_edge("institution/joint", "instrument/academic_exchange", "DELIVERS", sentence(2));
  g.add_edge("institution/joint", "instrument/academic_exchange", "DELIVERS", sentence(5));
  const ChannelReport r = compute_channels(g);
  const ChannelEntry* c = r.find("academic_exchange");
  REQUIRE(c);
  // eu: s1, s2 (whole through erasmus already), half of s5 = 2.5; germany: s3, s4, half of s2
  // and of s5 = 3; kazakhstan 1
  CHECK(c->total == 6.5);
  CHECK(c->find_share("actor/eu") == doctest::Approx(2.5 / 6.5));
  CHECK(c->find_share("actor/germany") == doctest::Approx(3.0 / 6.5));
}

TEST_CASE("the breakdown places each sentence by the targets it names") {
  const ChannelReport r = compute_channels(sentence_graph());
  const ChannelEntry* c = r.find("academic_exchange");
  REQUIRE(c);
  // Kazakhstan acts too (it is an Actor), and is a target where it receives TARGETS; the UK,
  // targeted in a sentence with no channel, gets no row.
  REQUIRE(c->by_target.size() == 2);
  const TargetBreakdown& kz = c->by_target[0];
  CHECK(kz.target == "actor/kazakhstan");
  REQUIRE(kz.actors.size() == 1);  // germany targets kz, but not in its channel's sentences
  CHECK(kz.actors[0].actor == "actor/eu");
  CHECK(kz.actors[0].raw == 1);  // s1 only
  const TargetBreakdown& ca = c->by_target[1];
  CHECK(ca.target == "region/central_asia");
  REQUIRE(ca.actors.size() == 1);
  CHECK(ca.actors[0].actor == "actor/eu");
  CHECK(ca.actors[0].raw == 1);  // s2, which names no place: the region the EU targets
}
