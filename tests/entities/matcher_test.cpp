#include <doctest/doctest.h>

#include <set>

#include "softgraph/core/error.hpp"
#include "softgraph/extract/entity_recognizer.hpp"
#include "softgraph/extract/phrase_matcher.hpp"
#include "softgraph/extract/tokenizer.hpp"
#include "entity_test_support.hpp"

using namespace softgraph;

TEST_CASE("tokenizer splits words and punctuation with byte ranges") {
  std::string s = "Türkiye's TİKA, U.S. aid";
  auto t = tokenize(s);
  REQUIRE(t.size() == 10);
  CHECK(s.substr(t[0].begin, t[0].end - t[0].begin) == "Türkiye");
  CHECK(s.substr(t[1].begin, t[1].end - t[1].begin) == "'");
  CHECK(t[3].all_upper);
  CHECK(fold_case("ЁЛКА Россию") == "елка россию");
}

TEST_CASE("phrase matcher is leftmost-longest and respects case for acronyms") {
  PhraseMatcher m;
  m.add("Central Asia", 1, false);
  m.add("Central Asian countries", 2, false);
  m.add("US", 3, true);
  std::string text = "Help for central asian countries from the US, not from us.";
  auto tokens = tokenize(text);
  auto matches = m.match(text, tokens);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].payload == 2);
  CHECK(matches[1].payload == 3);
}

TEST_CASE("a surface form claimed by two entries is a conflicting-alias error") {
  Lexicon lex;
  lex.add_json(R"({"lexicon":"a","entries":[
    {"id":"actor/alpha","type":"Actor","label":"Alpha","aliases":["Northland"]},
    {"id":"actor/beta","type":"Actor","label":"Beta","aliases":["northland"]}]})", "two.json");
  CHECK_THROWS_WITH_AS(EntityRecognizer{lex}, doctest::Contains("conflicting aliases"), Error);
}

TEST_CASE("a malformed lexicon names the file and the JSON path") {
  Lexicon lex;
  try {
    lex.add_json(R"({"lexicon":"a","entries":[{"id":"actor/x","type":"Actor"}]})", "bad.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("bad.json") != std::string::npos);
    CHECK(std::string(e.what()).find("$.entries[0]") != std::string::npos);
    CHECK(std::string(e.what()).find("label") != std::string::npos);
  }
  try {
    lex.add_json("{\"lexicon\": \n [", "broken.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("broken.json:line 2") != std::string::npos);
  }
}

TEST_CASE("the built-in lexicon finds states by name, demonym, acronym and Russian case form") {
  Lexicon lex = Lexicon::builtin();
  EntityRecognizer rec(lex);
  Document d = test::hand_document(
      "The USA and Russia compete. Chinese banks lend to Kazakhstan. Россию и Китай обсуждают.");
  auto found = rec.run(d);
  std::set<std::string> ids;
  for (const auto& m : found.mentions) ids.insert(m.entity);
  CHECK(ids.count("actor/united_states"));
  CHECK(ids.count("actor/russia"));
  CHECK(ids.count("actor/china"));
  CHECK(ids.count("actor/kazakhstan"));
  for (const auto& m : found.mentions)
    CHECK(d.text.substr(m.range.begin, m.range.size()) == m.surface);
}
