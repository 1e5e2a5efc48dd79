// Runs every example of schemas/relations.json through the whole extraction (lexicon, discovery,
// parse, patterns): each relation an example lists must come out, and one of them from the
// example's own pattern; each relation it lists under "not" must not.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "entity_test_support.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/entities/discovery.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/entities/tokenizer.hpp"
#include "softgraph/relations/relation_extractor.hpp"

using namespace softgraph;

namespace {

struct Triple {
  std::string source, type, target, rule;
};

// The relations of `text`, with their ends named by every name the entity has.
struct Extracted {
  std::vector<Relation> relations;
  std::map<std::string, std::set<std::string>> names;  // id -> folded names
};

Extracted extract(const std::string& text) {
  static Lexicon lex = Lexicon::builtin();
  static EntityRecognizer rec(lex);
  Document d = test::hand_document(text);
  EntityExtraction found = rec.run(d);
  Discovery disc = discover_entities(d, rec, found, {});
  std::vector<Entity> entities = found.entities;
  entities.insert(entities.end(), disc.entities.begin(), disc.entities.end());
  std::vector<Mention> mentions = found.mentions;
  mentions.insert(mentions.end(), disc.mentions.begin(), disc.mentions.end());
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
  std::map<std::string, const Entity*> by_id;
  for (const auto& e : entities) by_id[e.id] = &e;
  std::vector<Entity> sorted;
  for (const auto& [id, e] : by_id) sorted.push_back(*e);
  Extracted out;
  out.relations = extract_relations(d, sorted, mentions);
  for (const Entity& e : sorted) {
    auto& n = out.names[e.id];
    n.insert(fold_case(e.label));
    for (const auto& a : e.aliases) n.insert(fold_case(a));
    n.insert(e.id.substr(e.id.find('/') + 1));
  }
  for (const Relation& r : out.relations)  // owners the lexicon names but the text does not
    for (Symbol id : {r.source, r.target}) out.names[id].insert(id.substr(id.find('/') + 1));
  return out;
}

Triple parse_triple(const std::string& s) {
  const std::size_t a = s.find(' ');
  const std::size_t b = s.find(' ', a + 1);
  for (const char* type : {" OPERATES ", " MEMBER_OF ", " USES_INSTRUMENT ", " DELIVERS ",
                           " TARGETS ", " PARTNERS_WITH "})
    if (std::size_t at = s.find(type); at != std::string::npos) {
      const std::string t(type);
      return {s.substr(0, at), t.substr(1, t.size() - 2), s.substr(at + t.size()), ""};
    }
  return {s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1), ""};
}

bool named(const Extracted& x, Symbol id, const std::string& name) {
  auto it = x.names.find(id);
  std::string folded = fold_case(name);
  for (char& c : folded)
    if (c == ' ' && id.starts_with("instrument/")) c = '_';
  return it != x.names.end() && it->second.count(folded);
}

const Relation* find(const Extracted& x, const Triple& t) {
  for (const Relation& r : x.relations)
    if (r.type == t.type && named(x, r.source, t.source) && named(x, r.target, t.target)) return &r;
  return nullptr;
}

std::string listing(const Extracted& x) {
  std::string s;
  for (const Relation& r : x.relations)
    s += "  " + r.source.str() + " " + r.type.str() + " " + r.target.str() + " [" +
         r.evidence.rule.str() + "]\n";
  return s;
}

}  // namespace

TEST_CASE("every relation pattern's examples fire as written, and by that pattern") {
  const std::string_view json = embedded_file("schemas/relations.json");
  rapidjson::Document d = parse_json(json, "schemas/relations.json");
  int examples = 0;
  for (const auto& p : d["patterns"].GetArray()) {
    const std::string id = p["id"].GetString();
    const std::string rule = "pattern:" + id;
    REQUIRE_MESSAGE(p["examples"].Size() > 0, id << " has no example");
    for (const auto& ex : p["examples"].GetArray()) {
      ++examples;
      const std::string text = ex["text"].GetString();
      const Extracted x = extract(text);
      INFO(id << ": \"" << text << "\"\n" << listing(x));
      bool own = ex["relations"].Empty();
      for (const auto& want : ex["relations"].GetArray()) {
        const Relation* r = find(x, parse_triple(want.GetString()));
        CHECK_MESSAGE(r, "missing: " << std::string(want.GetString()));
        if (r && r->evidence.rule == rule) own = true;
      }
      CHECK_MESSAGE(own, "no listed relation came from " << rule);
      if (ex.HasMember("not"))
        for (const auto& bad : ex["not"].GetArray())
          CHECK_MESSAGE(!find(x, parse_triple(bad.GetString())),
                        "produced: " << std::string(bad.GetString()));
    }
  }
  CHECK(examples >= 15);
}
