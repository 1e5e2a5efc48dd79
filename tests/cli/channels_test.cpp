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

TEST_CASE("education is one of the article's two most contested channels") {
  if (!test::have_article()) return;
  // The EU, Germany, the US, Russia, China and Turkey each put education first or near it; the
  // article names no single leader.
  const ChannelEntry* edu = article_channels().find("education");
  REQUIRE(edu);
  CHECK(edu->actors.size() >= 5);
  CHECK(edu->actors.front().share < 0.35);
  // (Language promotion is as contested: the seven actors of the article's gold that teach their
  // language are named for it once or twice each, and its HHI was below education's before
  // these readings too, 0.156 to 0.173.)
  for (const auto& c : article_channels().channels)
    if (c.actors.size() >= 2 && c.channel != "language_promotion")
      CHECK_MESSAGE(edu->hhi <= c.hhi, c.channel);
  const ChannelEntry* language = article_channels().find("language_promotion");
  REQUIRE(language);
  CHECK(edu->hhi < 0.2);
  CHECK(language->actors.size() >= 5);
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

// Leaders the article gives by how much it writes, not by what more of its sentences state, so
// that the relations read from sentence structure do not reach them:
// - technical assistance: the EU's TACIS programme provides "specialized technical support" in one
//   sentence, Japan's interaction is "complemented by technical cooperation initiatives" in one;
//   the EU's other mention is the programme's name (Technical Assistance to the CIS), which states
//   no act (reading channels from names makes wrong ones elsewhere: a university, a broadcaster).
// - financial aid: Japan's interaction is "predominantly structured around financial support"
//   through ODA in one sentence; the US's economic support through USAID and its financial
//   assistance are two sentences, both true by the gold; "predominantly" is a weight, not a count.
// Expected to fail until they are read; a pass means the gap is closed and these checks move up.
TEST_CASE("who leads which channel in the article: leaders not reached yet" *
          doctest::should_fail()) {
  if (!test::have_article()) {
    FAIL("article absent");  // (keeps the expected failure when ../shared is missing)
    return;
  }
  CHECK(leader("technical_assistance") == "actor/eu");
  CHECK(leader("financial_aid_loans") == "actor/japan");
}
