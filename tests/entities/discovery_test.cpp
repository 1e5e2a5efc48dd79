// Discovery names organisations the lexicon lacks, and nothing else: sentence openings,
// determiners, titles, generic words, documents, events and places are not institutions. Every
// sentence here is written for this test.
#include "softgraph/entities/discovery.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "entity_test_support.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/entities/entity_recognizer.hpp"

using namespace softgraph;

namespace {

struct Found {
  std::set<std::string> discovered;  // labels of the new institutions
  std::set<std::string> ids;         // every entity id with a mention, after discovery
};

Found discover(const std::string& text) {
  static Lexicon lex = Lexicon::builtin();
  static EntityRecognizer rec(lex);
  Document d = test::hand_document(text);
  EntityExtraction found = rec.run(d);
  Discovery disc = discover_entities(d, rec, found, {});
  Found f;
  for (const auto& e : disc.entities)
    if (e.attributes.count("discovered")) f.discovered.insert(e.label);
  for (const auto& m : found.mentions) f.ids.insert(m.entity);
  for (const auto& m : disc.mentions) f.ids.insert(m.entity);
  return f;
}

}  // namespace

TEST_CASE("the word lists are data, valid against their schema") {
  const std::string file = "schemas/discovery.json";
  rapidjson::Document doc = parse_json(embedded_file(file), file);
  CHECK_NOTHROW(validate_json(doc, embedded_file("schemas/discovery.schema.json"), file));
  const auto& heads = doc["heads"].GetArray();
  CHECK(std::any_of(heads.begin(), heads.end(),
                    [](const auto& v) { return std::string(v.GetString()) == "agency"; }));
}

TEST_CASE("'the X Agency' is an institution; the determiner is not part of its name") {
  Found f = discover("Last spring the Zarvonian Water Agency drilled twelve wells in the valley.");
  CHECK(f.discovered == std::set<std::string>{"Zarvonian Water Agency"});
}

TEST_CASE("determiners and sentence openings are not institutions") {
  Found f = discover(
      "The Council met twice. During the Summit the delegates signed nothing. "
      "However Foundation stones were laid. While the Bank waited, prices rose.");
  CHECK(f.discovered.empty());
}

TEST_CASE("an opener before a name comes off it") {
  Found f = discover("During the Orlavia Heritage Foundation conference, grants were announced.");
  CHECK(f.discovered == std::set<std::string>{"Orlavia Heritage Foundation"});
}

TEST_CASE("treaties, agreements, conventions and memoranda are not institutions") {
  Found f = discover(
      "The Treaty of Velmora Bay was signed in 1961. Both sides honour the Quenby Agreement. "
      "They signed a Memorandum of Understanding on Fisheries (MOU) last year.");
  CHECK(f.discovered.empty());
}

TEST_CASE("summits, conferences and meetings are events, not institutions") {
  Found f = discover(
      "Ministers gathered at the Harlow Island Climate Conference. The Second Dunmore Summit "
      "followed in May.");
  CHECK(f.discovered.empty());
}

TEST_CASE("a title or a person before 'of' is not part of the organisation's name") {
  Found f = discover(
      "Said Anna Berg of the Tellmark Institute of Policy, the aid was late. The Spokesman of the "
      "Norvane Development Corporation declined to comment.");
  CHECK(f.discovered ==
        std::set<std::string>{"Norvane Development Corporation", "Tellmark Institute of Policy"});
}

TEST_CASE("generic words with a head are no name") {
  Found f = discover(
      "The High Commission issued visas. A Standing Committee reviewed them and the Foreign "
      "Ministry agreed, as did the National Council.");
  CHECK(f.discovered.empty());
}

TEST_CASE("a name ends at its head unless a connector carries it on") {
  Found f = discover(
      "Volunteers of the Brellin Rural Corps Vietnam arrived. The Ministry of Coastal Fisheries "
      "of Ostrava paid them.");
  CHECK(f.discovered.count("Brellin Rural Corps"));
  CHECK(f.discovered.count("Ministry of Coastal Fisheries of Ostrava"));
  CHECK(!f.discovered.count("Brellin Rural Corps Vietnam"));
}

TEST_CASE("an ordinal before a name makes an edition of an event: it comes off") {
  Found f = discover("Delegates attended the Thirty-Second Marrow Sea Forum in the capital.");
  CHECK(f.discovered == std::set<std::string>{"Marrow Sea Forum"});
}

TEST_CASE("two names joined by 'and' are two institutions") {
  Found f = discover(
      "Members include the Kestrel Basin Programme and the Secretariat of the Halden Community.");
  CHECK(f.discovered ==
        std::set<std::string>{"Kestrel Basin Programme", "Secretariat of the Halden Community"});
}

TEST_CASE("'and the' inside one name does not join two names") {
  Found f = discover("She worked for the Commission for Tarn and the Highlands for years.");
  CHECK(f.discovered == std::set<std::string>{"Commission for Tarn and the Highlands"});
}

TEST_CASE("an acronym's long form needs an organisation head") {
  Found f = discover(
      "The Velmarian Republic (VR) hosted the Grenwick Training Institute (GTI), and the GTI "
      "trained nurses.");
  CHECK(f.discovered == std::set<std::string>{"Grenwick Training Institute"});
}

TEST_CASE("a unit of a university is not an organisation of its own") {
  Found f =
      discover("A lecturer in the Department of Marine Studies at Corvell University spoke to us.");
  CHECK(!f.discovered.count("Department of Marine Studies"));
  CHECK(f.discovered.count("Corvell University"));
}

TEST_CASE("a head that is part of a place the lexicon knows is not an institution") {
  Found f = discover("Clinics opened in the West Bank and Gaza in 2021.");
  CHECK(f.discovered.empty());
  CHECK(f.ids.count("actor/palestine"));
}

TEST_CASE("'X International' names an organisation") {
  Found f = discover("Volunteers from Pellmark International built a school.");
  CHECK(f.discovered == std::set<std::string>{"Pellmark International"});
}

TEST_CASE("a city in a treaty's name does not stand for its state") {
  // Colombo and Lomé are capitals the lexicon knows; here they only name where a text was signed.
  Found f = discover(
      "The states adhered to the Lomé Convention of 1975 and later to the Colombo "
      "Accord on Shipping.");
  CHECK(!f.ids.count("actor/togo"));
  CHECK(!f.ids.count("actor/sri_lanka"));
  CHECK(f.discovered.empty());
}

TEST_CASE("a region in an event's name is not a region the text discusses") {
  Found f = discover("Leaders met at the East Asia Summit in the autumn.");
  CHECK(!f.ids.count("region/east_asia"));
}

TEST_CASE("two states in a treaty's name keep their mentions") {
  Found f = discover("The Japan-Vietnam Fisheries Agreement expired in 1998.");
  CHECK(f.ids.count("actor/japan"));
  CHECK(f.ids.count("actor/vietnam"));
}

TEST_CASE("organisations of membership lists and state media are in the lexicon") {
  Found f = discover(
      "The island state belongs to the Universal Postal Union, the Pacific Islands Forum, the "
      "Colombo Plan and the Group of 77. It watches CCTV and listens to Radio Free Asia, and "
      "Freedom House rates it free.");
  for (const char* id : {"institution/upu", "institution/pacific_islands_forum",
                         "institution/colombo_plan", "institution/g77", "institution/cctv",
                         "institution/radio_free_asia", "institution/freedom_house"})
    CHECK_MESSAGE(f.ids.count(id), id);
  CHECK(!f.ids.count("actor/sri_lanka"));  // Colombo in the Colombo Plan
  CHECK(f.discovered.empty());
}

TEST_CASE("a heading in capitals is not an organisation's name") {
  Found f =
      discover("REGIONAL WATER SAFETY PROGRAM\n\nThe ministry tested wells in four districts.");
  CHECK(f.discovered.empty());
}

TEST_CASE("an institute hosted at a university is an institution of its own") {
  Found f = discover("The Ferrow Language Institute at Dalby University teaches evening classes.");
  CHECK(f.discovered.count("Ferrow Language Institute"));
}

TEST_CASE("'and the' before a longer name does not carry one name into the next") {
  Found f = discover("Officials of the Ministry of Mining and the Valdor Rural Guard attended.");
  CHECK(f.discovered.count("Ministry of Mining"));
  CHECK(!f.discovered.count("Ministry of Mining and the Valdor Rural Guard"));
}

TEST_CASE("an event after an organisation's name is not part of it") {
  Found f =
      discover("Ministers met at the Ostrell Convention Centre for the Summit of Coastal States.");
  CHECK(f.discovered == std::set<std::string>{"Ostrell Convention Centre"});
}

TEST_CASE("a country in the name of a body of its members makes no owner") {
  static Lexicon lex = Lexicon::builtin();
  static EntityRecognizer rec(lex);
  Document d = test::hand_document(
      "The Norwegian Lawyers Association and the Norwegian Fisheries Agency met in Oslo.");
  EntityExtraction found = rec.run(d);
  Discovery disc = discover_entities(d, rec, found, {});
  std::map<std::string, bool> owned;
  for (const auto& e : disc.entities)
    if (e.attributes.count("discovered")) owned[e.label] = e.attributes.count("owner") > 0;
  CHECK(owned == std::map<std::string, bool>{{"Norwegian Fisheries Agency", true},
                                             {"Norwegian Lawyers Association", false}});
}
