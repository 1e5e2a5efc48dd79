// In-text citation shapes, on sentences written for these tests.
#include "citation_finder.hpp"

#include <doctest/doctest.h>

#include <string>

using softgraph::refs::CitationHit;
using softgraph::refs::find_citations;

namespace {
std::vector<CitationHit> find(const std::string& text, bool numbered = false) {
  return find_citations(text, {}, numbered);
}
std::string span(const std::string& text, const CitationHit& h) {
  return text.substr(h.range.begin, h.range.size());
}
}  // namespace

TEST_CASE("splits a parenthetical group into one hit per work") {
  std::string t = "Many agree (Smith, 2015a; Brown & Green, 2016, 2018; Lee et al., 2019, p. 4).";
  auto hits = find(t);
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].names == std::vector<std::string>{"Smith"});
  CHECK(hits[0].year == 2015);
  CHECK(hits[0].year_suffix == "a");
  CHECK(span(t, hits[0]) == "Smith, 2015a");
  CHECK(hits[1].names == std::vector<std::string>{"Brown", "Green"});
  CHECK(hits[1].year == 2016);
  CHECK(hits[2].year == 2018);
  CHECK(hits[3].et_al);
  CHECK(hits[3].locator == "p. 4");
  for (const auto& h : hits) CHECK(h.rule == "citation:parenthetical");
}

TEST_CASE("a single parenthetical citation spans its parentheses") {
  std::string t = "It grew (Smith, 2015).";
  auto hits = find(t);
  REQUIRE(hits.size() == 1);
  CHECK(span(t, hits[0]) == "(Smith, 2015)");
}

TEST_CASE("finds narrative, two-author, et al. and page-locator citations") {
  std::string t =
      "Smith (2015) disagrees. Cooley and Nexon (2020) argue so. Laruelle et al. (2013) do not. "
      "As Brown (2004, p. 9) shows.";
  auto hits = find(t);
  REQUIRE(hits.size() == 4);
  CHECK(span(t, hits[0]) == "Smith (2015)");
  CHECK(hits[0].rule == "citation:narrative");
  CHECK(hits[1].names == std::vector<std::string>{"Cooley", "Nexon"});
  CHECK(hits[2].et_al);
  CHECK(span(t, hits[2]) == "Laruelle et al. (2013)");
  CHECK(hits[3].locator == "p. 9");
}

TEST_CASE("finds possessive citations, also with words between name and years") {
  std::string t =
      "Smith's (2015, 2016) view and Brown\xE2\x80\x99s (2004) too. Later, Lee's early papers "
      "(2001, 2003) were read.";
  auto hits = find(t);
  REQUIRE(hits.size() == 5);
  CHECK(hits[0].names == std::vector<std::string>{"Smith"});
  CHECK(hits[1].year == 2016);
  CHECK(hits[2].names == std::vector<std::string>{"Brown"});
  CHECK(hits[3].names == std::vector<std::string>{"Lee"});
  CHECK(span(t, hits[3]) == "Lee's early papers (2001, 2003)");
  for (const auto& h : hits) CHECK(h.rule == "citation:possessive");
}

TEST_CASE("ignores parentheses and years that are not citations") {
  std::string t =
      "The agency (TIKA) opened in 1992. Its report (p. 9) says so; in the 1990s (or before) and "
      "according to Joseph Nye himself. In (2004) nothing. The concept (2013 edition) changed.";
  CHECK(find(t).empty());
}

TEST_CASE("numbered citations expand ranges and lists only when the list is numbered") {
  std::string t =
      "As shown [3], [3\xE2\x80\x93"
      "5] and [3, 7]; see [Note: x].";
  auto hits = find(t, true);
  std::vector<int> numbers;
  for (const auto& h : hits) numbers.push_back(h.number);
  CHECK(numbers == std::vector<int>{3, 3, 4, 5, 3, 7});
  CHECK(find(t, false).empty());
}

TEST_CASE("skipped ranges hold no citations") {
  std::string t = "Smith (2015) said. Note: Brown (2016) too.";
  auto hits = find_citations(t, {{19, t.size()}}, false);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].names[0] == "Smith");
}

TEST_CASE("reads Cyrillic author-date citations") {
  std::string t = "Как пишет Иванов (2010), и другие (Петров и Сидоров, 2012).";
  auto hits = find(t);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].names[0] == "Иванов");
  CHECK(hits[1].names == std::vector<std::string>{"Петров", "Сидоров"});
}
