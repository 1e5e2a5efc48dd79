// Bibliographies as typeset papers give them, on entries written for these tests: lists whose
// lines a PDF reader joined into one paragraph, same-author dashes, given-name-first and
// capitalised author lists, year forms, entries that cannot be read, and the citations of
// author-date papers ("Lopez et al. (2021)", "(ibid.)", "(Lopez, Novak, and Kim 2021)").
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "citation_finder.hpp"
#include "entry_splitter.hpp"
#include "reference_list_finder.hpp"
#include "reference_parser.hpp"
#include "softgraph/refs/references.hpp"

using namespace softgraph;
using namespace softgraph::refs;

namespace {

Document plain(const std::string& text) {
  Document d;
  d.id = "document/shapes";
  d.path = "shapes.txt";
  d.raw = d.text = text;
  return d;
}

std::vector<std::string> entries_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& list : find_reference_lists(plain(text)))
    for (const auto& e : list.entries) out.push_back(e.text);
  return out;
}

const Entity* reference(const ReferenceExtraction& x, const std::string& id) {
  for (const auto& e : x.entities)
    if (e.id == id) return &e;
  return nullptr;
}

std::size_t cites(const ReferenceExtraction& x, const std::string& id) {
  return static_cast<std::size_t>(
      std::count_if(x.relations.begin(), x.relations.end(),
                    [&](const Relation& r) { return r.type == "CITES" && r.target == id; }));
}

// A Chicago list as a two-column PDF reader gives it: every entry of a column in one paragraph,
// a running head between the columns, an entry cut by the column break.
const std::string kJoined =
    "Body text.\n\n"
    "References\n\n"
    "LOPEZ, MARIA. 2011. \xE2\x80\x9C"
    "A Study of Ports.\xE2\x80\x9D Harbour Review 3: 1\xE2\x80\x93"
    "20. \xE2\x80\x94\xE2\x80\x94\xE2\x80\x94. 2013. Ports Again. Springfield: Test Press. "
    "LOPEZ, MARIA, AND JAN NOVAK. 2014. \xE2\x80\x9CRails.\xE2\x80\x9D Rail Quarterly 9: 4\xE2\x80"
    "\x93"
    "9. NOVAK, JAN T., AND KIM, SORA. 1998/9. Canals. Springfield: Test Press. NOVAK, JAN. "
    "n.d. \xE2\x80\x9C"
    "Dams.\xE2\x80\x9D Unpublished. THE HARBOUR OFFICE OF TESTLAND. 2010. "
    "Annual Report. Springfield. ORTIZ, ANA. forthcoming. \xE2\x80\x9CLocks.\xE2\x80\x9D In Water "
    "Works, edited by J. C. Reyes and\n\n"
    "RUNNING HEAD OF THE JOURNAL\n\n"
    "B. Soto, 11\xE2\x80\x93"
    "40. Springfield: Test Press. PARK, LEE. 2019a. Tides. Springfield: "
    "Test Press. !!! a line the reader garbled 1999 ??? PARK, LEE. 2019b. More Tides. Springfield: "
    "Test Press.\n";

}  // namespace

TEST_CASE("entries joined into one paragraph split at author-date starts and dashes") {
  auto e = entries_of(kJoined);
  REQUIRE(e.size() == 9);
  CHECK(e[0].starts_with("LOPEZ, MARIA. 2011."));
  CHECK(e[1].starts_with("\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94. 2013."));
  CHECK(e[2].starts_with("LOPEZ, MARIA, AND JAN NOVAK. 2014."));
  CHECK(e[3].starts_with("NOVAK, JAN T., AND KIM, SORA. 1998/9."));
  CHECK(e[4].starts_with("NOVAK, JAN. n.d."));
  CHECK(e[5].starts_with("THE HARBOUR OFFICE OF TESTLAND. 2010."));
  // The entry cut by the column break goes on after it; the running head is dropped.
  CHECK(e[6].starts_with("ORTIZ, ANA. forthcoming."));
  CHECK(e[6].find("B. Soto, 11") != std::string::npos);
  CHECK(e[6].find("RUNNING HEAD") == std::string::npos);
  CHECK(e[7].starts_with("PARK, LEE. 2019a."));
  // Text that opens no entry goes with the one before; the list does not end there.
  CHECK(e[7].find("!!! a line") != std::string::npos);
  CHECK(e[8].starts_with("PARK, LEE. 2019b."));
}

TEST_CASE("numbered entries joined into one paragraph split at the labels in sequence") {
  auto e = entries_of(
      "References\n\n[1] A. Lopez. Ports. In Proc. of Tests, pages 1\xE2\x80\x93"
      "9, 2001. "
      "[2] Harbour site - http://example.org/[3]. [3] B. Novak and C. Kim. Rails, 2004. "
      "[5] not a label in sequence. [4] D. Park. Tides. 2009.\n");
  REQUIRE(e.size() == 4);
  CHECK(e[1].find("http://example.org/[3].") != std::string::npos);
  CHECK(e[3].starts_with("[4] D. Park."));
  CHECK(e[2].find("[5] not a label") != std::string::npos);
}

TEST_CASE("a same-author dash, year forms and author lists as Chicago and AAAI write them") {
  auto dash = parse_reference("\xE2\x80\x94. 2011. \xE2\x80\x9CPorts.\xE2\x80\x9D Review 3: 1-9.");
  CHECK(dash.same_authors_as_previous);
  CHECK(dash.authors.empty());
  CHECK(dash.year == 2011);
  CHECK(dash.title == "Ports");

  auto range = parse_reference("Lopez, Maria. 1998/9. Canals. Springfield: Test Press.");
  CHECK(range.year == 1998);
  CHECK(range.year_text == "1998/9");
  CHECK(range.title == "Canals");
  auto nd = parse_reference(
      "Lopez, Maria. n.d. \xE2\x80\x9C"
      "Dams.\xE2\x80\x9D Unpublished.");
  CHECK(nd.year == 0);
  CHECK(nd.year_text == "n.d.");
  CHECK(nd.authors.size() == 1);
  auto coming = parse_reference("Lopez, M. (forthcoming). Locks. Test Press.");
  CHECK(coming.year_text == "forthcoming");

  auto given = parse_reference(
      "Lopez, Maria, Jan Novak, and Sora Kim. 2021. \xE2\x80\x9CRails.\xE2\x80\x9D Rail Quarterly "
      "9: 4-9.");
  REQUIRE(given.authors.size() == 3);
  CHECK(given.authors[0].family == "Lopez");
  CHECK(given.authors[0].given == "Maria");
  CHECK(given.authors[1].family == "Novak");
  CHECK(given.authors[2].family == "Kim");
  CHECK(given.year == 2021);

  auto aaai = parse_reference(
      "Lopez, M.; Novak, J. T.; and De Souza, K. 2019. Rails and ports. In Proc. of Tests.");
  REQUIRE(aaai.authors.size() == 3);
  CHECK(aaai.authors[1].initials == "J. T.");
  CHECK(aaai.authors[2].family == "De Souza");
  CHECK(aaai.year == 2019);
  CHECK(aaai.title == "Rails and ports");

  auto caps = parse_reference("NOVAK, JAN T., AND KIM, SORA. 2015. Canals. Test Press.");
  REQUIRE(caps.authors.size() == 2);
  CHECK(caps.authors[0].family == "Novak");
  CHECK(caps.authors[0].given == "Jan T.");
  CHECK(caps.authors[1].family == "Kim");
  CHECK(caps.authors[1].given == "Sora");
  auto initial_first = parse_reference("LOPEZ, M. ALBA. 2008. Ports. Test Press.");
  REQUIRE(initial_first.authors.size() == 1);
  CHECK(initial_first.authors[0].given == "M. Alba");

  auto harvard = parse_reference("Lopez, M. and Novak, J., 2015. Ports of call. Test Press.");
  REQUIRE(harvard.authors.size() == 2);
  CHECK(harvard.year == 2015);
  auto particle = parse_reference("Reyes de Souza, Ana. 2012. Ports. Test Press.");
  REQUIRE(particle.authors.size() == 1);
  CHECK(particle.authors[0].family == "Reyes de Souza");
}

TEST_CASE("what opens an author-date entry inside a joined line") {
  CHECK(opens_author_date_entry("Lopez, Maria. 2011. Ports."));
  CHECK(opens_author_date_entry("Lopez, M.; and Novak, J. 2011. Ports."));
  CHECK(opens_author_date_entry("\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94 1987. Ports."));
  CHECK(opens_author_date_entry("Lopez, M. (2011). Ports."));
  // Not an entry: a place and publisher before the next year, a title, a lone word.
  CHECK_FALSE(opens_author_date_entry("Springfield, MA: Test Press. LOPEZ, MARIA. 2011."));
  CHECK_FALSE(opens_author_date_entry("In Water Works, edited by J. Reyes. 2011."));
  CHECK_FALSE(opens_author_date_entry("\xE2\x80\x9CPorts.\xE2\x80\x9D Review 3. 2011."));
  CHECK_FALSE(opens_author_date_entry("Press. 2011. Ports."));
  // Names alone up to a full stop open an entry only at a paragraph's start.
  CHECK_FALSE(opens_author_date_entry("Lopez, Maria. \xE2\x80\x9CPorts.\xE2\x80\x9D Review."));
  CHECK(opens_author_date_entry("Lopez, Maria. \xE2\x80\x9CPorts.\xE2\x80\x9D Review.", true));
}

TEST_CASE("dashes inherit the authors before; an entry not understood stays, with a warning") {
  const std::string text =
      "Ports grew (Lopez 2011; Lopez 2013). Lopez and Novak (2014) disagree, as do Lopez, "
      "Novak, and Kim (2016). Canals came later (Novak and Kim 1998/9), dams too (Novak n.d.; "
      "Ortiz forthcoming). The office counted them (ibid.). Russian and Chinese (2014) ports "
      "differ. Park (2019b) adds tides.\n\n"
      "References\n\n" +
      kJoined.substr(kJoined.find("LOPEZ")) +
      "\nLOPEZ, MARIA, JAN NOVAK, AND SORA KIM. 2016. Locks. Test Press.\n\n"
      "ORTIZ, ANA. 2017. Weirs. Test Press.\n\n"
      "PORTAL OF THE HARBOUR, an online listing without author or date.\n\n"
      "PARK, LEE. 2020. Waves. Test Press.\n";
  ReferenceExtraction x = extract_references(plain(text), {}, {});
  const Entity* again = reference(x, "reference/lopez_2013");
  REQUIRE(again);
  CHECK(again->label == "Lopez (2013)");
  CHECK(cites(x, "reference/lopez_2011") == 1);
  CHECK(cites(x, "reference/lopez_2013") == 1);
  CHECK(cites(x, "reference/lopez_novak_2014") == 1);
  CHECK(cites(x, "reference/lopez_et_al_2016") == 1);
  CHECK(cites(x, "reference/novak_kim_1998") == 1);
  CHECK(cites(x, "reference/novak_n_d") == 1);
  CHECK(cites(x, "reference/ortiz_forthcoming") == 2);  // and "(ibid.)" after it
  CHECK(cites(x, "reference/park_2019b") == 1);
  const Entity* nd = reference(x, "reference/novak_n_d");
  REQUIRE(nd);
  CHECK(nd->label == "Novak (n.d.)");
  // The entry it cannot read is a Reference of its own with its text, named in a warning; the
  // list goes on after it.
  CHECK(std::any_of(x.warnings.begin(), x.warnings.end(), [](const std::string& w) {
    return w.find("not understood") != std::string::npos &&
           w.find("PORTAL OF") != std::string::npos;
  }));
  CHECK(std::any_of(x.entities.begin(), x.entities.end(), [](const Entity& e) {
    return e.type == "Reference" && !e.aliases.empty() && e.aliases[0].starts_with("PORTAL OF");
  }));
  CHECK(reference(x, "reference/park_2020"));
  // A pair of peoples with a year is no citation, and no warning either.
  CHECK(std::none_of(x.warnings.begin(), x.warnings.end(),
                     [](const std::string& w) { return w.find("Russian") != std::string::npos; }));
}

TEST_CASE("author-date citations as papers write them") {
  const std::string t =
      "As Lopez et al. (2021) show (Lopez et al. 2021, 45; Novak 1972a,b; Kim 2010, xiv), and "
      "as Lopez, Novak, and Kim (2016) hold (Lopez, Novak, and Kim 2016; Park 2019, as cited "
      "by Soto 2020), ports matter (ibid.). Rails [3\xE2\x80\x93"
      "5] too.";
  auto hits = find_citations(t, {}, true);
  auto has = [&](const std::string& name, int year, const std::string& suffix = "") {
    return std::count_if(hits.begin(), hits.end(), [&](const CitationHit& h) {
      return !h.names.empty() && h.names[0] == name && h.year == year && h.year_suffix == suffix;
    });
  };
  CHECK(has("Lopez", 2021) == 2);
  CHECK(has("Novak", 1972, "a") == 1);
  CHECK(has("Novak", 1972, "b") == 1);
  CHECK(has("Kim", 2010) == 1);
  CHECK(has("Lopez", 2016) == 2);
  CHECK(has("Park", 2019) == 1);
  auto three = std::find_if(hits.begin(), hits.end(), [](const CitationHit& h) {
    return h.year == 2016 && h.rule == "citation:narrative";
  });
  REQUIRE(three != hits.end());
  CHECK(three->names == std::vector<std::string>{"Lopez", "Novak", "Kim"});
  CHECK(std::count_if(hits.begin(), hits.end(),
                      [](const CitationHit& h) { return h.rule == "citation:ibid"; }) == 1);
  std::vector<int> numbers;
  for (const auto& h : hits)
    if (h.number) numbers.push_back(h.number);
  CHECK(numbers == std::vector<int>{3, 4, 5});
  CHECK(names_peoples({"Russian", "Chinese"}));
  CHECK_FALSE(names_peoples({"Lopez", "Chinese"}));
}

TEST_CASE("without a reference list, author-date look-alikes are counted in one warning") {
  ReferenceExtraction x = extract_references(
      plain("The Law on Assemblies (2013) and the Act on Gatherings (1990) apply. See a[0].\n"), {},
      {});
  CHECK(x.relations.empty());
  REQUIRE(x.warnings.size() == 1);
  CHECK(x.warnings[0] == "shapes.txt: 2 author-date citation(s) but no reference list found");
}
