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
  // Sorted by id, each id once (the last of an id wins, as the pipeline's lists never repeat one).
  std::map<std::string, const Entity*> by_id;
  for (const auto& e : r.entities) by_id[e.id] = &e;
  std::vector<Entity> sorted;
  for (const auto& [id, e] : by_id) sorted.push_back(*e);
  r.relations = extract_relations(d, sorted, mentions);
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

TEST_CASE("figures: number words in any case, digits only where a word starts") {
  using List = std::vector<std::string>;
  Attributes a = figures_in("Hundreds of\nstudents came; Twenty schools and THOUSANDS of teachers.");
  CHECK(std::get<List>(a.at("figures")) ==
        List{"Hundreds of\nstudents", "Twenty schools", "THOUSANDS of teachers"});
  Attributes b = figures_in(
      "The G20 and covid-19 and 2008s and 1990s-era and 3 and 45 percent rose by 12% in 2019.");
  CHECK(std::get<List>(b.at("figures")) == List{"1990", "45 percent", "12%"});
  CHECK(std::get<List>(b.at("years")) == List{"2008s", "2019"});
  CHECK(figures_in("No figures here, just words like tenets, fifteenth, democracy, help.").empty());
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

namespace {
bool partners(const Run& r, const std::string& a, const std::string& b) {
  return r.triples.count(a + " PARTNERS_WITH " + b) || r.triples.count(b + " PARTNERS_WITH " + a);
}
}  // namespace

TEST_CASE("a signing ties its signatories, the two states, and the party signed with") {
  Run three = run("Chile, Peru and Bolivia signed an agreement on a railway in 2024.");
  CHECK(partners(three, "actor/chile", "actor/peru"));
  CHECK(partners(three, "actor/chile", "actor/bolivia"));
  Run two = run("Norway backed Denmark in the talks, and the two states signed a treaty in 2020.");
  CHECK(partners(two, "actor/norway", "actor/denmark"));
  Run with = run("Morocco signed an Association Agreement with the EU in 2000.");
  CHECK(partners(with, "actor/morocco", "actor/eu"));
  Run others = run("Tehran views Baku's close ties with Turkey and Israel with suspicion.");
  CHECK_FALSE(partners(others, "actor/turkey", "actor/israel"));
  // One edge per pair, whatever the order the sentences name them in.
  Run both = run("Norway and Denmark signed a treaty. Denmark and Norway signed an agreement.");
  CHECK(both.triples.count("actor/norway PARTNERS_WITH actor/denmark") +
            both.triples.count("actor/denmark PARTNERS_WITH actor/norway") ==
        1);
}

TEST_CASE("membership stops at a negation and needs a body with members") {
  Run r = run("Serbia is a member of the OSCE, but it has not joined the Collective Security "
              "Treaty Organization.");
  CHECK(r.triples.count("actor/serbia MEMBER_OF institution/osce"));
  CHECK_FALSE(r.triples.count("actor/serbia MEMBER_OF institution/csto"));
  Run agency = run("Germany is the most active EU member state in aid, working through GIZ.");
  CHECK(agency.triples.count("actor/germany MEMBER_OF actor/eu"));
  CHECK_FALSE(agency.triples.count("actor/germany MEMBER_OF institution/giz"));
}

TEST_CASE("coordinated subjects are all actors, not targets of the last one") {
  Run r = run("Turkey. Saudi Arabia, Qatar and Turkey have all offered to build mosques.");
  CHECK_FALSE(r.triples.count("actor/turkey TARGETS actor/qatar"));
  CHECK_FALSE(r.triples.count("actor/turkey TARGETS actor/saudi_arabia"));
}

TEST_CASE("an institution worked through delivers what comes before it, not the next clause") {
  Run r = run("The EU funds student mobility through Erasmus+ and supports the rule of law.");
  CHECK(r.triples.count("institution/erasmus_plus DELIVERS instrument/academic_exchange"));
  CHECK_FALSE(r.triples.count("institution/erasmus_plus DELIVERS instrument/values_promotion"));
}
