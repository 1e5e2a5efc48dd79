// Dominance = sum of channel shares + channels led (shared leads split), from the channel report.
#include "softgraph/analysis/dominance.hpp"

#include <doctest/doctest.h>

using namespace softgraph;

namespace {

ChannelEntry channel(const std::string& name, std::vector<std::pair<std::string, double>> raws) {
  ChannelEntry c;
  c.channel = name;
  for (const auto& [id, raw] : raws) c.total += raw;
  int i = 0;
  for (const auto& [id, raw] : raws) {
    ActorShare s;
    s.actor = id;
    s.label = id.substr(id.find('/') + 1);
    s.raw = raw;
    s.share = raw / c.total;
    s.rank = (i > 0 && raw == c.actors.back().raw) ? c.actors.back().rank : i + 1;
    c.actors.push_back(s);
    ++i;
  }
  return c;
}

}  // namespace

TEST_CASE("dominance adds channel shares and channels led, a shared lead split") {
  ChannelReport r;
  r.channels.push_back(channel("education", {{"actor/eu", 2}, {"actor/germany", 2}}));
  r.channels.push_back(channel("media", {{"actor/russia", 3}, {"actor/eu", 1}}));
  r.channels.push_back(channel("religion", {{"actor/turkey", 1}}));
  r.channels.push_back(channel("empty", {}));
  const auto d = rank_dominance(r);
  REQUIRE(d.size() == 4);
  // turkey: 1 + 1 = 2; russia: 0.75 + 1 = 1.75; eu: 0.5 + 0.25 + 0.5 = 1.25; germany: 0.5 + 0.5
  CHECK(d[0].actor == "actor/turkey");
  CHECK(d[0].score == doctest::Approx(2.0));
  CHECK(d[1].actor == "actor/russia");
  CHECK(d[1].score == doctest::Approx(1.75));
  CHECK(d[1].leads == std::vector<std::string>{"media"});
  CHECK(d[2].actor == "actor/eu");
  CHECK(d[2].score == doctest::Approx(1.25));
  CHECK(d[2].channels_led == doctest::Approx(0.5));
  CHECK(d[2].channels == 2);
  CHECK(d[2].leads == std::vector<std::string>{"education"});
  CHECK(d[2].shared == std::vector<std::string>{"education"});
  CHECK(d[3].actor == "actor/germany");
  CHECK(d[3].score == doctest::Approx(1.0));
}

TEST_CASE("annotate_dominance writes the score and the channels led") {
  Graph g;
  g.add_node(Entity{"actor/turkey", "Actor", "Turkey", {}, {}});
  ChannelReport r;
  r.channels.push_back(channel("religion", {{"actor/turkey", 1}, {"actor/absent", 1}}));
  annotate_dominance(g, rank_dominance(r));  // an actor missing from the graph is skipped
  const auto& a = g.node(*g.find("actor/turkey")).attributes;
  CHECK(std::get<double>(a.at("dominance")) == doctest::Approx(1.0));
  CHECK(std::get<std::vector<std::string>>(a.at("channels_led")) ==
        std::vector<std::string>{"religion"});
}
