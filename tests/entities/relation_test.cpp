#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "softgraph/extract/discovery.hpp"
#include "softgraph/extract/entity_recognizer.hpp"
#include "softgraph/extract/relation_extractor.hpp"
#include "entity_test_support.hpp"

using namespace softgraph;

namespace {

struct Run {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::set<std::string> triples;
};

Run run(const std::string& text) {
  static Lexicon lex = Lexicon::builtin();
  static EntityRecognizer rec(lex);
  Document d = test::hand_document(text);
  EntityExtraction found = rec.run(d);
  Discovery disc = discover_entities(d, rec, found, {});
  Run r;
  r.entities = found.entities;
  r.entities.insert(r.entities.end(), disc.entities.begin(), disc.entities.end());
  std::vector<Mention> mentions = found.mentions;
  mentions.insert(mentions.end(), disc.mentions.begin(), disc.mentions.end());
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
  std::map<std::string, const Entity*> by_id;
  for (const auto& e : r.entities) by_id[e.id] = &e;
  r.relations = extract_relations(d, by_id, mentions);
  for (const auto& x : r.relations) r.triples.insert(x.source + " " + x.type + " " + x.target);
  return r;
}

}  // namespace

TEST_CASE("an institution's owner from the lexicon gives OPERATES with evidence") {
  Run r = run("Japan is active in Uzbekistan. JICA lends for railways and trains officials.");
  CHECK(r.triples.count("actor/japan OPERATES institution/jica"));
  for (const auto& x : r.relations)
    if (x.type == "OPERATES") CHECK(x.evidence.quote.find("JICA") != std::string::npos);
}

TEST_CASE("a channel trigger links the sentence's actor and institution") {
  Run r = run("France promotes language learning abroad. The Alliance Française offers language courses in Kazakhstan.");
  CHECK(r.triples.count("actor/france USES_INSTRUMENT instrument/language_promotion"));
  CHECK(r.triples.count("institution/alliance_francaise DELIVERS instrument/language_promotion"));
}

TEST_CASE("a run-in head carries its actor over the paragraph") {
  Run r = run("Norway. The government funds scholarships for students. It also supports independent media.");
  CHECK(r.triples.count("actor/norway USES_INSTRUMENT instrument/scholarships_grants"));
}

TEST_CASE("a long list of powers is an enumeration, not a claim about each") {
  Run r = run("France, Germany, Italy, Spain and Poland all give scholarships.");
  CHECK_FALSE(r.triples.count("actor/italy USES_INSTRUMENT instrument/scholarships_grants"));
}

TEST_CASE("discovery finds an organisation defined with its acronym and attributes it by name") {
  Run r = run("The Norwegian Refugee Assistance Fund (NRAF) opened an office. Later NRAF expanded.");
  const Entity* found = nullptr;
  for (const auto& e : r.entities)
    if (e.id == "institution/norwegian_refugee_assistance_fund") found = &e;
  REQUIRE(found);
  CHECK(std::find(found->aliases.begin(), found->aliases.end(), "NRAF") != found->aliases.end());
  CHECK(r.triples.count("actor/norway OPERATES institution/norwegian_refugee_assistance_fund"));
}

TEST_CASE("figures stated in a sentence stay on the edge") {
  Attributes a = figures_in("The fund built over 40 mosques and invested exceeding $10 billion in 2008.");
  auto figures = std::get<std::vector<std::string>>(a.at("figures"));
  CHECK(std::find(figures.begin(), figures.end(), "over 40 mosques") != figures.end());
  CHECK(std::find(figures.begin(), figures.end(), "exceeding $10 billion") != figures.end());
  CHECK(std::get<std::vector<std::string>>(a.at("years")) == std::vector<std::string>{"2008"});
}

TEST_CASE("a partnership cue ties a pair, not a list, and not a broken relation") {
  Run pair = run("Norway. The Norwegian-Danish partnership runs teacher exchanges.");
  CHECK(pair.triples.count("actor/norway PARTNERS_WITH actor/denmark"));
  Run list = run("France, Italy, Spain and Greece signed an agreement on fisheries.");
  CHECK_FALSE(list.triples.count("actor/spain PARTNERS_WITH actor/greece"));
  Run broken = run("Chile and Peru cut ties with Bolivia after the war.");
  CHECK_FALSE(broken.triples.count("actor/peru PARTNERS_WITH actor/bolivia"));
}

TEST_CASE("states that are no power of the text are targets of the powers beside them") {
  Run r = run("Japan. Japan lends to Laos, Cambodia and Myanmar for new railways.");
  CHECK(r.triples.count("actor/japan TARGETS actor/laos"));
  CHECK(r.triples.count("actor/japan TARGETS actor/myanmar"));
  CHECK_FALSE(r.triples.count("actor/laos USES_INSTRUMENT instrument/development_projects"));
}

TEST_CASE("a membership cue needs the state before it and the organisation after it") {
  Run r = run("Kazakhstan is a member of the Shanghai Cooperation Organisation. The members of ASEAN trade with Japan.");
  CHECK(r.triples.count("actor/kazakhstan MEMBER_OF institution/sco"));
  CHECK_FALSE(r.triples.count("actor/japan MEMBER_OF institution/asean"));
}
