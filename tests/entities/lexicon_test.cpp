#include "softgraph/entities/lexicon.hpp"

#include <doctest/doctest.h>

#include <string>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/entities/tokenizer.hpp"

using namespace softgraph;

// Lexicon::builtin() skips the schema and UTF-8 checks of the embedded lexicons at start-up: this
// test is where they are made.
TEST_CASE("every embedded lexicon is valid UTF-8 JSON that matches the lexicon schema") {
  const auto paths = embedded_files_under("schemas/lexicon/");
  REQUIRE(!paths.empty());
  for (auto path : paths) {
    CAPTURE(path);
    rapidjson::Document doc = parse_json(embedded_file(path), std::string(path));
    CHECK_NOTHROW(
        validate_json(doc, embedded_file("schemas/lexicon.schema.json"), std::string(path)));
  }
}

TEST_CASE("the built-in lexicon equals the embedded files loaded as a user's files are") {
  Lexicon checked;
  for (auto path : embedded_files_under("schemas/lexicon/"))
    checked.add_json(embedded_file(path), std::string(path));
  const Lexicon builtin = Lexicon::builtin();
  REQUIRE(builtin.entries().size() == checked.entries().size());
  for (std::size_t i = 0; i < builtin.entries().size(); ++i) {
    const LexiconEntry& a = builtin.entries()[i];
    const LexiconEntry& b = checked.entries()[i];
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.type == b.type);
    CHECK(a.label == b.label);
    CHECK(a.aliases == b.aliases);
    CHECK(a.acronyms == b.acronyms);
    CHECK(a.demonyms == b.demonyms);
    CHECK(a.names == b.names);
    CHECK(a.cities == b.cities);
    CHECK(a.triggers == b.triggers);
    CHECK(a.owner == b.owner);
    CHECK(a.channels == b.channels);
    CHECK(a.members == b.members);
    CHECK(a.attributes == b.attributes);
    CHECK(a.source == b.source);
  }
}

TEST_CASE("tokens hash as their case-folded forms, whatever the script") {
  auto one = [](std::string_view s) {
    auto t = tokenize(s);
    REQUIRE(t.size() == 1);
    return t[0];
  };
  CHECK(one("NATO").folded_hash == one("nato").folded_hash);
  CHECK(one("Türkiye").folded_hash == one("TÜRKIYE").folded_hash);
  CHECK(one("Россию").folded_hash == one("РОССИЮ").folded_hash);
  CHECK(one("ёлка").folded_hash == one("елка").folded_hash);
  CHECK(one("NATO").folded_hash != one("NATOs").folded_hash);
  CHECK(one("NATO").all_upper);
  CHECK(one("NATO").upper_initial);
  CHECK(!one("NATo").all_upper);
  CHECK(one("ÉCOLE").all_upper);
  CHECK(!one("École").all_upper);
  CHECK(one("École").upper_initial);
  CHECK(one("2024").all_upper);  // no lower-case letter
  CHECK(!one("2024").upper_initial);
  // A punctuation token hashes as its folded code point: typographic apostrophes are one.
  CHECK(one("\xE2\x80\x99").folded_hash == one("'").folded_hash);
  CHECK(!one("'").word);
  auto t = tokenize(
      "  Ab\xC2\xA0"
      "cd\xFF"
      "ef\tGH-ij ");  // NBSP, an invalid byte, a tab
  REQUIRE(t.size() == 6);
  CHECK(t[0].begin == 2);
  CHECK(t[0].end == 4);
  CHECK(t[1].begin == 6);  // after the two bytes of the NBSP
  CHECK(t[1].end == 8);    // before the invalid byte, which is no token
  CHECK(t[2].begin == 9);
  CHECK(t[4].word == false);
}

TEST_CASE("word classes match a token by its folded form, any case, any script") {
  WordClasses classes;
  classes.add("foundation", 1);
  classes.add("für", 2);
  classes.add("of", 4);
  classes.add("Upper", 8);  // a listed word folding would change matches no token
  std::string text = "FOUNDATION Für of OF upper Upper foundations FÜR";
  auto t = tokenize(text);
  REQUIRE(t.size() == 8);
  CHECK(classes.of(text, t[0]) == 1);
  CHECK(classes.of(text, t[1]) == 2);
  CHECK(classes.of(text, t[2]) == 4);
  CHECK(classes.of(text, t[3]) == 4);
  CHECK(classes.of(text, t[4]) == 0);
  CHECK(classes.of(text, t[5]) == 0);
  CHECK(classes.of(text, t[6]) == 0);
  CHECK(classes.of(text, t[7]) == 2);
  CHECK(classes.of_folded(t[0].folded_hash, "foundation") == 1);
}
