// Channel dominance on the article: facts an analyst reading it would check.
#include <doctest/doctest.h>

#include <cmath>

#include "softgraph/cli/pipeline.hpp"
#include "softgraph/graph/channels.hpp"
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

std::string leader(const std::string& channel) {
  const ChannelEntry* c = article_channels().find(channel);
  REQUIRE_MESSAGE(c != nullptr, channel);
  REQUIRE_FALSE(c->actors.empty());
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
  // TACIS was the EU's first channel in the region.
  CHECK(leader("technical_assistance") == "actor/eu");
  // China's cultural products and Confucius Institutes.
  CHECK(leader("cultural_diplomacy") == "actor/china");
  // TIKA's development projects.
  CHECK(leader("development_projects") == "actor/turkey");
}

// Leaders the article gives that the relations read from sentence structure do not reach yet:
// the article states the EU's education programmes and its "five plus one" meetings in nominal
// academic prose ("the evolution of these initiatives includes ...") that yields fewer relations
// than Germany's and Russia's sections. Expected to fail until they are read; a pass means the
// gap is closed and these checks move up.
TEST_CASE("who leads which channel in the article: leaders not reached yet" *
          doctest::should_fail()) {
  if (!test::have_article()) {
    FAIL("article absent");  // (keeps the expected failure when ../shared is missing)
    return;
  }
  CHECK(leader("education") == "actor/eu");
  CHECK(leader("high_level_diplomacy") == "actor/eu");
}
