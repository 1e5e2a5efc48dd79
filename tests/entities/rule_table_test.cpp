// The rule table: one or more rows per relation rule (tests/data/rules/rows.json), each a text of
// our own run through ingest, the recognizer, discovery and the relation extractor with a small
// lexicon of its own (tests/data/rules/lexicon.json), and the relations that rule must make,
// with the rule named on their evidence. A second test fails for any rule that has no row: the
// patterns of schemas/relations.json and every rule id the relation extractor's code names. The
// same for the sources of mentions (the recognizer's lexicon forms, discovery's patterns).
//
// For tests/bench/mutation.py: SOFTGRAPH_TEST_RELATION_RULES (a relations file used instead of
// the built-in one) and SOFTGRAPH_TEST_DISABLE_RULES (rule ids, comma-separated) ablate rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/entities/discovery.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "softgraph/relations/relation_extractor.hpp"
#include "test_support.hpp"

using namespace softgraph;
namespace fs = std::filesystem;

namespace {

const fs::path kRows = "tests/data/rules/rows.json";
const fs::path kLexicon = "tests/data/rules/lexicon.json";

RelationOptions ablation() {
  RelationOptions o;
  const std::string rules = test::env_or("SOFTGRAPH_TEST_RELATION_RULES", "");
  if (!rules.empty()) o.rules = load_relation_rules(rules);
  std::stringstream ids(test::env_or("SOFTGRAPH_TEST_DISABLE_RULES", ""));
  for (std::string id; std::getline(ids, id, ',');)
    if (!id.empty()) o.disabled_rules.insert(id);
  return o;
}

// "source TYPE target [rule]" for each relation, for the failure messages.
std::string listing(const std::vector<Relation>& relations) {
  std::string s;
  for (const Relation& r : relations)
    s += "  " + r.source.str() + " " + r.type.str() + " " + r.target.str() + " [" +
         r.evidence.rule.str() + "]\n";
  return s.empty() ? "  (none)\n" : s;
}

struct Extracted {
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
};

Extracted extract(const std::string& text, const std::string& name) {
  static const Lexicon lexicon = [] {
    Lexicon l;
    const fs::path path = test::source_dir() / kLexicon;
    l.add_json(read_file(path.string()), path.string());
    return l;
  }();
  static const EntityRecognizer recognizer(lexicon);
  static const RelationOptions options = ablation();
  const Document doc = make_document(text, name + ".txt");
  EntityExtraction found = recognizer.run(doc);
  Discovery discovered = discover_entities(doc, recognizer, found, {});
  // Entities sorted by id, each once; mentions in text order (as the pipeline hands them on).
  std::map<std::string, Entity> by_id;
  for (const Entity& e : found.entities) by_id.emplace(e.id, e);
  for (const Entity& e : discovered.entities) by_id.emplace(e.id, e);
  std::vector<Entity> entities;
  for (auto& [id, e] : by_id) entities.push_back(e);
  std::vector<Mention> mentions = found.mentions;
  mentions.insert(mentions.end(), discovered.mentions.begin(), discovered.mentions.end());
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.range.begin < b.range.begin;
  });
  std::vector<Relation> relations = extract_relations(doc, entities, mentions, nullptr, options);
  return {std::move(mentions), std::move(relations)};
}

bool made(const std::vector<Relation>& relations, const std::string& triple,
          const std::string* rule) {
  for (const Relation& r : relations)
    if (r.source.str() + " " + r.type.str() + " " + r.target.str() == triple &&
        (!rule || r.evidence.rule == *rule))
      return true;
  return false;
}

rapidjson::Document rows() {
  const fs::path path = test::source_dir() / kRows;
  return parse_json(read_file(path.string()), path.string());
}

// The rule ids string literals in an extractor's sources name ("scope:section-actor"), comments
// left out: the rules the code can put on a relation's evidence or a mention's source.
std::set<std::string> code_rules(const char* extractor = "relations") {
  std::set<std::string> out;
  const fs::path dir = test::source_dir() / "extractors" / extractor / "src";
  const std::regex literal(R"re("((?:pattern|scope|lexicon|cue|attribution):[a-z0-9:_-]+)")re");
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (auto c = line.find("//"); c != std::string::npos) line.erase(c);
      for (std::sregex_iterator m(line.begin(), line.end(), literal), end; m != end; ++m)
        out.insert((*m)[1].str());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("rule table: each row's rule makes the row's relations") {
  const rapidjson::Document d = rows();
  int n = 0;
  for (const auto& row : d["rows"].GetArray()) {
    const std::string rule = row["rule"].GetString();
    const std::string text = row["text"].GetString();
    const std::vector<Relation> got = extract(text, "rule-row-" + std::to_string(n++)).relations;
    INFO("row " << n << ", rule " << rule << ": \"" << text << "\"\nmade:\n" << listing(got));
    // A row expects relations of its rule, or only lists what must not come out (a negation).
    REQUIRE((row["expect"].Size() > 0 || (row.HasMember("not") && row["not"].Size() > 0)));
    for (const auto& want : row["expect"].GetArray())
      CHECK_MESSAGE(made(got, want.GetString(), &rule),
                    "missing from " << rule << ": " << std::string(want.GetString()));
    if (row.HasMember("not"))
      for (const auto& bad : row["not"].GetArray())
        CHECK_MESSAGE(!made(got, bad.GetString(), nullptr),
                      "made: " << std::string(bad.GetString()));
  }
  CHECK(n >= 30);
}

TEST_CASE("rule table: every relation rule has a row, and every row a rule") {
  std::set<std::string> rules = code_rules();
  REQUIRE_MESSAGE(rules.size() >= 5, "no rule ids found in the relation extractor's sources under "
                                         << test::source_dir() << " (SOFTGRAPH_SOURCE_DIR)");
  const rapidjson::Document patterns =
      parse_json(embedded_file("schemas/relations.json"), "schemas/relations.json");
  for (const auto& p : patterns["patterns"].GetArray())
    rules.insert(std::string("pattern:") + p["id"].GetString());
  std::set<std::string> rowed;
  const rapidjson::Document d = rows();
  for (const auto& row : d["rows"].GetArray()) rowed.insert(row["rule"].GetString());
  for (const std::string& rule : rules)
    CHECK_MESSAGE(rowed.contains(rule), "rule " << rule << " has no row in " << kRows.string()
                                                << ": add a text of our own that it makes a "
                                                   "relation from, with the relations expected");
  for (const std::string& rule : rowed)
    CHECK_MESSAGE(rules.contains(rule), "row for " << rule << " in " << kRows.string()
                                                   << ": no pattern or code names this rule");
}

TEST_CASE("rule table: each mention row's source finds the row's mention") {
  const rapidjson::Document d = rows();
  int n = 0;
  for (const auto& row : d["mentions"].GetArray()) {
    const std::string source = row["source"].GetString(), entity = row["entity"].GetString(),
                      surface = row["surface"].GetString();
    const Extracted x = extract(row["text"].GetString(), "mention-row-" + std::to_string(n++));
    std::string found;
    bool ok = false;
    for (const Mention& m : x.mentions) {
      found += "  " + m.entity.str() + " \"" + m.surface + "\" [" + m.source.str() + "]\n";
      ok = ok || (m.entity == entity && m.surface == surface && m.source == source);
    }
    CHECK_MESSAGE(ok, "mention row " << n << ": no " << entity << " \"" << surface << "\" from "
                                     << source << " in \"" << row["text"].GetString()
                                     << "\"; found:\n"
                                     << found);
  }
  CHECK(n >= 5);
}

TEST_CASE("rule table: every mention source of the recognizer and discovery has a row") {
  const std::set<std::string> sources = code_rules("entities");
  REQUIRE(sources.size() >= 5);
  std::set<std::string> rowed;
  const rapidjson::Document d = rows();
  for (const auto& row : d["mentions"].GetArray()) rowed.insert(row["source"].GetString());
  for (const std::string& source : sources)
    CHECK_MESSAGE(rowed.contains(source), "mention source " << source << " has no row under "
                                                            << "\"mentions\" in "
                                                            << kRows.string());
}
