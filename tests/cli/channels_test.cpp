// Channel dominance on the article: facts an analyst reading it would check.
#include "softgraph/analysis/channels.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "softgraph/pipeline/pipeline.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

const ChannelReport& article_channels() {
  static ChannelReport report = [] {
    Pipeline p(PipelineOptions{});
    Graph g = p.build(p.extract_all({test::article_path().string()}));
    return compute_channels(g);
  }();
  return report;
}

// The one actor ranked first; a tie is no lead ("tie:" and the tied actors).
std::string leader(const std::string& channel) {
  const ChannelEntry* c = article_channels().find(channel);
  REQUIRE_MESSAGE(c != nullptr, channel);
  REQUIRE_FALSE(c->actors.empty());
  if (c->actors.size() > 1 && c->actors[1].rank == 1) {
    std::string tie = "tie:";
    for (const auto& a : c->actors)
      if (a.rank == 1) tie += " " + a.actor;
    return tie;
  }
  return c->actors.front().actor;
}

}  // namespace

TEST_CASE("every channel's shares sum to one and carry their evidence") {
  if (!test::have_article()) return;
  CHECK(article_channels().channels.size() >= 10);
  for (const auto& c : article_channels().channels) {
    double sum = 0;
    for (const auto& a : c.actors) {
      sum += a.share;
      CHECK_MESSAGE(!a.evidence.empty(), c.channel << " " << a.actor);
    }
    if (!c.actors.empty()) CHECK_MESSAGE(std::abs(sum - 1.0) < 1e-12, c.channel);
    CHECK(c.hhi > 0);
    CHECK(c.hhi <= 1.0 + 1e-12);
  }
}

TEST_CASE("who leads which channel in the article") {
  if (!test::have_article()) return;
  // Turkey: the Diyanet Foundation and its mosques.
  CHECK(leader("religious_cooperation") == "actor/turkey");
  // The EU: Erasmus Mundus, Erasmus+ and exchanges between universities.
  CHECK(leader("academic_exchange") == "actor/eu");
  // China's cultural products and Confucius Institutes.
  CHECK(leader("cultural_diplomacy") == "actor/china");
  // The Gorchakov Public Diplomacy Fund is Russia's.
  CHECK(leader("public_diplomacy") == "actor/russia");
  // The EU's high-level diplomatic engagement, evident in multilateral forums and dialogue
  // platforms, and its eighty high-level meetings: two sentences to Russia's and the US's one.
  CHECK(leader("high_level_diplomacy") == "actor/eu");
  // TIKA's infrastructure and development projects, and the development programmes shaped by
  // Turkey's own modernization path: two sentences to the EU's one (its economic development
  // initiatives); Japan's "economic development paradigms" are no projects.
  CHECK(leader("development_projects") == "actor/turkey");
  // Russia's turn to humanitarian and informational channels of influence, its place in the
  // region's information landscape: two sentences to China's and Turkey's one each.
  CHECK(leader("media_information") == "actor/russia");
  // The same turn to humanitarian channels, and Rossotrudnichestvo's humanitarian cooperation
  // initiatives, to USAID's one sentence on public health.
  CHECK(leader("humanitarian_cooperation") == "actor/russia");
  // Turkey's trade volumes with the region and its multibillion-dollar investments, to one
  // sentence of Japan's (Japan's investments in cultural programming are no trade).
  CHECK(leader("trade_investment") == "actor/turkey");
}

TEST_CASE("education is the article's most contested channel") {
  if (!test::have_article()) return;
  // The EU, Germany, the US, Russia, China and Turkey each put education first or near it; the
  // article names no single leader.
  const ChannelEntry* edu = article_channels().find("education");
  REQUIRE(edu);
  CHECK(edu->actors.size() >= 5);
  CHECK(edu->actors.front().share < 0.35);
  for (const auto& c : article_channels().channels)
    if (c.actors.size() >= 2) CHECK_MESSAGE(edu->hhi <= c.hhi, c.channel);
}

TEST_CASE("no share in the article counts a sentence twice") {
  if (!test::have_article()) return;
  // Each distinct sentence counts at most once for an actor, so its raw score never exceeds the
  // sentences behind its edges (the EU's academic exchange once counted one sentence 4 times).
  for (const auto& c : article_channels().channels)
    for (const auto& a : c.actors)
      CHECK_MESSAGE(a.raw <= a.sentences + 1e-9, c.channel << " " << a.actor << " raw " << a.raw
                                                           << " sentences " << a.sentences);
}

TEST_CASE("a target's row holds only the channels its sentences name") {
  if (!test::have_article()) return;
  // Kyrgyzstan is named for Russia's specialised schools only: it is a target in education and
  // nowhere else (Russia's other channels are not credited to it).
  for (const auto& c : article_channels().channels)
    for (const auto& t : c.by_target)
      if (t.target == "actor/kyrgyzstan") {
        CHECK_MESSAGE(c.channel == "education", c.channel);
        REQUIRE_FALSE(t.actors.empty());
        CHECK(t.actors.front().actor == "actor/russia");
      }
  const ChannelEntry* edu = article_channels().find("education");
  REQUIRE(edu);
  bool kyrgyzstan = false;
  for (const auto& t : edu->by_target) kyrgyzstan = kyrgyzstan || t.target == "actor/kyrgyzstan";
  CHECK(kyrgyzstan);
}

// Leaders the article gives that the relations read from sentence structure do not reach yet:
// the EU's "five plus one" format and its eighty high-level meetings are stated in nominal prose
// that yields no relation (Russia leads on one sentence); Japan's financial support through ODA
// ties with one DAAD sentence of Germany's; Turkey's trade volumes and investments yield no
// relation while a sentence on the limits of Japan's resource trade does. Expected to fail until
// they are read; a pass means the gap is closed and these checks move up.
// Three more now tie, since the relations read Japan's own sentences in the article (its engagement
// "characterized by its emphasis on economic development ... and humanitarian cooperation", its
// interaction "structured around financial support ... complemented by technical cooperation"):
// Japan ties with the EU in technical assistance (TACIS), with Turkey in development projects
// (TIKA) and with Russia in humanitarian cooperation (Rossotrudnichestvo), one sentence each, where
// the article gives the lead to the second of each pair by how much it writes of it, not by how
// many sentences name it.
TEST_CASE("who leads which channel in the article: leaders not reached yet" *
          doctest::should_fail()) {
  if (!test::have_article()) {
    FAIL("article absent");  // (keeps the expected failure when ../shared is missing)
    return;
  }
  CHECK(leader("technical_assistance") == "actor/eu");
  CHECK(leader("financial_aid_loans") == "actor/japan");
}
