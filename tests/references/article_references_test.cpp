// The article (read at run time from ../shared/corpus): 14 works, each listed twice (original
// script, then transliterated), and their in-text citations counted by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "softgraph/ingest/ingest.hpp"
#include "softgraph/refs/references.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

std::string read_article() {
  std::ifstream in(test::article_path(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Paragraphs at blank lines, sentences at ". " followed by a capital: a stand-in for the ingest.
Document hand_document(const std::string& text, bool with_structure) {
  Document d;
  d.id = "document/soft-power-central-asia";
  d.path = "soft-power-central-asia.txt";
  d.raw = d.text = text;
  if (!with_structure) return d;
  d.sections.push_back({"body", "en", "", {0, text.size()}, {}, 1});
  for (std::size_t p = 0; p < text.size();) {
    std::size_t e = text.find("\n\n", p);
    if (e == std::string::npos) e = text.size();
    if (e > p) {
      int para = static_cast<int>(d.paragraphs.size());
      d.paragraphs.push_back({{p, e}, 0, {}});
      std::size_t s = p;
      for (std::size_t i = p; i + 2 < e; ++i)
        if (text[i] == '.' && text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z') {
          d.sentences.push_back({{s, i + 1}, para, 0});
          s = i + 2;
        }
      d.sentences.push_back({{s, e}, para, 0});
    }
    p = e + 2;
  }
  return d;
}

// Citations per work, counted by reading the article line by line (one per work in each citation,
// so "(Nye, 2002, 2004, 2005)" counts once for each of the three; "Nye's foundational works
// (2002, 2004, 2005)" likewise). Figure source lines ("The figure is based on Nye (2002).",
// "Compiled based on Panova (2011)") attribute a figure, so they count. The translator's
// "Note: ... Ibragimov (2023) and Nye (2002, p. 9) ..." paragraph does not count, nor does
// "(p. 9)" after "Nye's (2002)", nor "Joseph Nye ... published in 1990", nor "Nye's concept".
//   Andreev 2023:      "Andreev (2023) emphasizes", the grouped list, "according to Andreev (2023)"
//   = 3 Fominykh 2010:     "the works of ... Fominykh (2010)" = 1 Garbuzarova 2022:  grouped list,
//   "works of ... Garbuzarova (2022)", "(Garbuzarova, 2022).",
//                      "According to Garbuzarova (2022), Russia", "According to Garbuzarova (2022),
//                      this approach"                                                             =
//                      5
//   Ibragimov 2023:    "contributions by Ibragimov (2023)", "(Ibragimov, 2023)" = 2 Lebedeva 2014:
//   grouped list, "Lebedeva's (2014) analysis", "Lebedeva (2014) introduces",
//                      "(Lebedeva, 2014)", "As Lebedeva (2014) observes" = 5
//   Lebedeva & Faure 2009: grouped list                                                           =
//   1 Naumkin et al. 2013: "Naumkin et al. (2013)", "(Naumkin et al., 2013, p. 48)" = 2 Nye 2002:
//   grouped list, "Nye's (2002, 2004, 2005)", "Nye's foundational works (...)",
//                      "Nye's (2002) work", "based on Nye (2002)"                                 =
//                      5
//   Nye 2004:          grouped list, the two possessive groups, "Nye (2004) highlights" = 4 Nye
//   2005:          grouped list, the two possessive groups, "Nye (2005) suggests"               = 4
//   Panova 2011:       "Compiled based on Panova (2011)", "according to Panova (2011)",
//                      "Panova (2011) illustrates"                                                =
//                      3
//   Usmonov & Inagaki 2021: "According to Usmonov and Inagaki (2021)" = 1 Vlasov 2013:       "the
//   works of Vlasov (2013)", "Vlasov (2013) documents"                      = 2 Zhakiyanova 2023:
//   "analyzed by Zhakiyanova (2023)", "Zhakiyanova's (2023) research"           = 2
const std::map<std::string, int> kCitations = {
    {"reference/andreev_2023", 3},       {"reference/fominykh_2010", 1},
    {"reference/garbuzarova_2022", 5},   {"reference/ibragimov_2023", 2},
    {"reference/lebedeva_2014", 5},      {"reference/lebedeva_faure_2009", 1},
    {"reference/naumkin_et_al_2013", 2}, {"reference/nye_2002", 5},
    {"reference/nye_2004", 4},           {"reference/nye_2005", 4},
    {"reference/panova_2011", 3},        {"reference/usmonov_inagaki_2021", 1},
    {"reference/vlasov_2013", 2},        {"reference/zhakiyanova_2023", 2}};

std::map<std::string, int> citation_counts(const ReferenceExtraction& x) {
  std::map<std::string, int> out;
  for (const Relation& r : x.relations)
    if (r.type == "CITES")
      out[r.target] += static_cast<int>(std::get<std::int64_t>(r.attributes.at("citations")));
  return out;
}

}  // namespace

TEST_CASE("the article's two reference lists give exactly 14 references, each with both entries") {
  if (!test::have_article()) return;
  std::string text = read_article();
  auto x = extract_references(hand_document(text, true), {}, {});
  REQUIRE(x.reference_sections.size() == 2);
  std::size_t second_list = x.reference_sections[1].begin;
  std::vector<const Entity*> refs;
  for (const Entity& e : x.entities)
    if (e.type == "Reference") refs.push_back(&e);
  CHECK(refs.size() == 14);
  for (const Entity* r : refs) {
    CAPTURE(r->id);
    REQUIRE(r->aliases.size() == 2);
    std::size_t first = text.find(r->aliases[0]), second = text.rfind(r->aliases[1]);
    CHECK(first < second_list);   // the entry in the original list
    CHECK(second > second_list);  // and its transliterated twin
    CHECK(kCitations.count(r->id) == 1);
    CHECK(r->attributes.count("authors") == 1);
    CHECK(r->attributes.count("year") == 1);
    CHECK(r->attributes.count("title") == 1);
  }
}

TEST_CASE("the article's citations per reference match the count by hand") {
  if (!test::have_article()) return;
  std::string text = read_article();
  auto x = extract_references(hand_document(text, true), {}, {});
  CHECK(citation_counts(x) == kCitations);
  for (const std::string& w : x.warnings) {
    CAPTURE(w);
    CHECK(w.find("unresolved citation") == std::string::npos);
    CHECK(w.find("never cited") == std::string::npos);
  }
  CHECK(x.mentions.size() == 40);
}

TEST_CASE("the article without ingest structure gives the same citations") {
  if (!test::have_article()) return;
  auto x = extract_references(hand_document(read_article(), false), {}, {});
  CHECK(citation_counts(x) == kCitations);
}

TEST_CASE("the article's twins merge authors across scripts and works") {
  if (!test::have_article()) return;
  auto x = extract_references(hand_document(read_article(), true), {}, {});
  std::map<std::string, const Entity*> by_id;
  for (const Entity& e : x.entities) by_id[e.id] = &e;
  REQUIRE(by_id.count("person/nye_js"));  // "Nye, J. S." (2002) and "Nye, J." (2004, 2005)
  REQUIRE(by_id.count("person/zhakiyanova_am"));
  const auto& z = by_id["person/zhakiyanova_am"]->aliases;
  CHECK(std::find(z.begin(), z.end(), "Жакиянова, А. М.") != z.end());
  CHECK(by_id.count("person/faure_j"));
  int nye_works = 0;
  for (const Relation& r : x.relations)
    if (r.type == "AUTHORED" && r.source == "person/nye_js") ++nye_works;
  CHECK(nye_works == 6);  // three works, each listed twice
  const Entity* lebedeva = by_id["reference/lebedeva_2014"];
  CHECK(std::get<std::string>(lebedeva->attributes.at("doi")) ==
        "10.24833/2071-8160-2014-2-35-47-55");
  CHECK(std::get<std::string>(lebedeva->attributes.at("venue")) == "Vestnik MGIMO-Universiteta");
  CHECK(std::get<std::string>(lebedeva->attributes.at("language")) == "ru");
  CHECK(lebedeva->label == "Lebedeva (2014)");
}

TEST_CASE("the article through the real ingest gives the same citations") {
  if (!test::have_article()) return;
  Document d = load_document(test::article_path().string());
  auto x = extract_references(d, {}, {});
  CHECK(citation_counts(x) == kCitations);
  std::size_t references = 0;
  for (const Entity& e : x.entities) references += e.type == "Reference";
  CHECK(references == 14);
  for (const Relation& r : x.relations) {
    if (r.type != "CITES") continue;
    // Evidence points into the original bytes and quotes them.
    CHECK(r.evidence.quote == d.raw.substr(r.evidence.range.begin, r.evidence.range.size()));
  }
}
