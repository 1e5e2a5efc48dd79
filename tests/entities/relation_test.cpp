#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "entity_test_support.hpp"
#include "softgraph/entities/discovery.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/relations/relation_extractor.hpp"

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
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
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

TEST_CASE("the agent is the subject; the recipient is the indirect object or the to-phrase") {
  Run r =
      run("Norway has provided Chad with 2 million dollars of aid. Russia agreed to sell Armenia "
          "weapons.");
  CHECK(r.triples.count("actor/norway USES_INSTRUMENT instrument/financial_aid_loans"));
  CHECK(r.triples.count("actor/norway TARGETS actor/chad"));
  CHECK_FALSE(r.triples.count("actor/chad USES_INSTRUMENT instrument/financial_aid_loans"));
  CHECK(r.triples.count("actor/russia USES_INSTRUMENT instrument/hard_power"));
  CHECK(r.triples.count("actor/russia TARGETS actor/armenia"));
  CHECK_FALSE(r.triples.count("actor/armenia USES_INSTRUMENT instrument/hard_power"));
}

TEST_CASE("a channel word near a state is no act of that state") {
  Run r = run("Chad was hit hard, above all in its cotton trade.");
  CHECK_FALSE(r.triples.count("actor/chad USES_INSTRUMENT instrument/trade_investment"));
}

TEST_CASE("negated, hedged and planned acts make no relation") {
  for (const char* text :
       {"Japan does not fund schools in Laos.", "Japan never funded schools in Laos.",
        "Japan could fund schools in Laos.", "Japan plans to fund schools in Laos.",
        "Japan is expected to fund schools in Laos."}) {
    Run r = run(text);
    INFO(text);
    CHECK_FALSE(r.triples.count("actor/japan USES_INSTRUMENT instrument/education"));
    CHECK_FALSE(r.triples.count("actor/japan TARGETS actor/laos"));
  }
  Run yes = run("Japan funds schools in Laos.");
  CHECK(yes.triples.count("actor/japan USES_INSTRUMENT instrument/education"));
  CHECK(yes.triples.count("actor/japan TARGETS actor/laos"));
}

TEST_CASE("the base of an embassy and the origin of staff are places, not targets") {
  Run r = run("Peru is accredited to Georgia from its embassy in Ankara.");
  CHECK_FALSE(r.triples.count("actor/peru TARGETS actor/turkey"));
}

TEST_CASE("recipient-subject verbs put the from-phrase as the agent") {
  Run r = run("Nepal receives scholarships from India.");
  CHECK(r.triples.count("actor/india USES_INSTRUMENT instrument/scholarships_grants"));
  CHECK(r.triples.count("actor/india TARGETS actor/nepal"));
  CHECK_FALSE(r.triples.count("actor/nepal USES_INSTRUMENT instrument/scholarships_grants"));
}

TEST_CASE("coordinated agents share the act") {
  Run r = run("China, Russia and Turkey fund schools in Kyrgyzstan.");
  for (const char* a : {"actor/china", "actor/russia", "actor/turkey"}) {
    INFO(a);
    CHECK(r.triples.count(std::string(a) + " USES_INSTRUMENT instrument/education"));
    CHECK(r.triples.count(std::string(a) + " TARGETS actor/kyrgyzstan"));
  }
  CHECK_FALSE(r.triples.count("actor/china TARGETS actor/russia"));
}

TEST_CASE("a pronoun takes the subject of the sentence before it") {
  Run r = run("Japan is a large donor in the region. It funds schools in Laos.");
  CHECK(r.triples.count("actor/japan USES_INSTRUMENT instrument/education"));
  CHECK(r.triples.count("actor/japan TARGETS actor/laos"));
}

TEST_CASE("a possessive or an adjective names who runs an institution") {
  Run r = run("Turkey's Maarif Foundation runs schools in Chad.");
  CHECK(r.triples.count("actor/turkey OPERATES institution/maarif_foundation"));
  CHECK(r.triples.count("institution/maarif_foundation DELIVERS instrument/education"));
  CHECK(r.triples.count("institution/maarif_foundation TARGETS actor/chad"));
}

TEST_CASE("membership needs a stated membership and stops at a negation") {
  Run r =
      run("Serbia is a member of the OSCE, but it has not joined the Collective Security "
          "Treaty Organization.");
  CHECK(r.triples.count("actor/serbia MEMBER_OF institution/osce"));
  CHECK_FALSE(r.triples.count("actor/serbia MEMBER_OF institution/csto"));
  Run became = run("Tonga became a member of the IMF in 1985.");
  CHECK(became.triples.count("actor/tonga MEMBER_OF institution/imf"));
}

TEST_CASE("every relation names the pattern or lexicon rule that made it") {
  Run r = run("Japan funds schools in Laos. JICA trains officials in Laos.");
  REQUIRE_FALSE(r.relations.empty());
  for (const auto& x : r.relations) {
    const std::string rule = x.evidence.rule;
    CHECK((rule.rfind("pattern:", 0) == 0 || rule.rfind("lexicon:", 0) == 0 ||
           rule.rfind("scope:", 0) == 0 || rule.rfind("attribution:", 0) == 0));
  }
}

TEST_CASE("every relation of a sentence carries that sentence's figures, and only those") {
  Run r = run(
      "The Alliance Française offers language courses to 3,000 students in Kazakhstan since 2015. "
      "France also funds the Alliance Française in Uzbekistan.");
  std::size_t with_figures = 0;
  for (const auto& x : r.relations) {
    if (x.evidence.rule.rfind("lexicon:", 0) == 0) continue;
    if (x.evidence.quote.find("3,000") != std::string::npos) {
      ++with_figures;
      REQUIRE(x.attributes.count("figures"));
      CHECK(std::get<std::vector<std::string>>(x.attributes.at("figures")) ==
            std::vector<std::string>{"3,000 students"});
      CHECK(std::get<std::vector<std::string>>(x.attributes.at("years")) ==
            std::vector<std::string>{"2015"});
    } else {
      CHECK(x.attributes.empty());
    }
  }
  CHECK(with_figures >= 2);
}

TEST_CASE("discovery finds an organisation defined with its acronym and attributes it by name") {
  Run r =
      run("The Norwegian Refugee Assistance Fund (NRAF) opened an office. Later NRAF expanded.");
  const Entity* found = nullptr;
  for (const auto& e : r.entities)
    if (e.id == "institution/norwegian_refugee_assistance_fund") found = &e;
  REQUIRE(found);
  CHECK(std::find(found->aliases.begin(), found->aliases.end(), "NRAF") != found->aliases.end());
  CHECK(r.triples.count("actor/norway OPERATES institution/norwegian_refugee_assistance_fund"));
}

TEST_CASE("figures stated in a sentence stay on the edge") {
  Attributes a =
      figures_in("The fund built over 40 mosques and invested exceeding $10 billion in 2008.");
  auto figures = std::get<std::vector<std::string>>(a.at("figures"));
  CHECK(std::find(figures.begin(), figures.end(), "over 40 mosques") != figures.end());
  CHECK(std::find(figures.begin(), figures.end(), "exceeding $10 billion") != figures.end());
  CHECK(std::get<std::vector<std::string>>(a.at("years")) == std::vector<std::string>{"2008"});
}

TEST_CASE("figures: number words in any case, digits only where a word starts") {
  using List = std::vector<std::string>;
  Attributes a =
      figures_in("Hundreds of\nstudents came; Twenty schools and THOUSANDS of teachers.");
  CHECK(std::get<List>(a.at("figures")) ==
        List{"Hundreds of\nstudents", "Twenty schools", "THOUSANDS of teachers"});
  Attributes b = figures_in(
      "The G20 and covid-19 and 2008s and 1990s-era and 3 and 45 percent rose by 12% in 2019.");
  CHECK(std::get<List>(b.at("figures")) == List{"1990", "45 percent", "12%"});
  CHECK(std::get<List>(b.at("years")) == List{"2008s", "2019"});
  CHECK(figures_in("No figures here, just words like tenets, fifteenth, democracy, help.").empty());
}
