// The bibliographies of real papers (../shared/eval/docs/pdf/, read at run time) against the
// entries and citations counted by hand in tests/gold/real-paper-*.txt. Prints per document how
// many entries came out as separate references with authors and year, and how many author-date
// citations were linked to the right work; fails below the aims of issue 17 (90 % and 80 %,
// over all papers and per paper that has enough of them). SOFTGRAPH_DETAILS=1 prints the
// warnings: entries not understood, citations not resolved.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ref_text.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "softgraph/refs/references.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

struct Work {
  std::string family;  // "-" when none
  std::string year;    // digits only ("2016a" -> "2016"), "-" when none
};

struct Expected {
  std::size_t entries = 0;  // as counted
  std::vector<Work> works;  // one per entry
  std::size_t unlisted = 0;
  std::vector<Work> citations;  // of listed works
};

std::string digits(std::string_view y) {
  std::string out;
  for (char c : y)
    if (c >= '0' && c <= '9') out += c;
  return out.empty() ? "-" : out;
}

// "document FILE N [M]" then "family year" lines (family may hold spaces; the year is last).
void read_gold(const std::filesystem::path& path, bool citations,
               std::map<std::string, Expected>& out) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::string line;
  Expected* cur = nullptr;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w[0] == "document") {
      cur = &out[w[1]];
      (citations ? cur->citations : cur->works).reserve(std::stoul(w[2]));
      if (citations)
        cur->unlisted = std::stoul(w[3]);
      else
        cur->entries = std::stoul(w[2]);
      continue;
    }
    REQUIRE(cur);
    if (w[0] == "unlisted") continue;
    Work work;
    if (w[0] == "-") {  // "- YEAR [KEY]"
      work = {"-", digits(w[1])};
    } else {
      std::string family = w[0];
      for (std::size_t k = 1; k + 1 < w.size(); ++k) family += " " + w[k];
      work = {family, w.back() == "-" ? "-" : digits(w.back())};
    }
    (citations ? cur->citations : cur->works).push_back(work);
  }
}

std::string key_of(const Work& w) {
  return (w.family == "-" ? std::string("-") : refs::name_key(w.family)) + "|" + w.year;
}

// The first author's family name and the year of a Reference entity.
Work work_of(const Entity& e) {
  Work w{"-", "-"};
  auto a = e.attributes.find("authors");
  if (a != e.attributes.end())
    if (const auto* list = std::get_if<std::vector<std::string>>(&a->second);
        list && !list->empty())
      w.family = list->front().substr(0, list->front().find(", "));
  auto y = e.attributes.find("year");
  if (y != e.attributes.end())
    if (const auto* v = std::get_if<std::int64_t>(&y->second); v && *v != 0)
      w.year = std::to_string(*v);
  return w;
}

// How many of `expected` are in `found`, each found item used once; SOFTGRAPH_DETAILS=1 prints
// those missed.
std::size_t matched(const std::vector<Work>& expected, std::multiset<std::string> found) {
  std::size_t n = 0;
  for (const Work& w : expected) {
    auto it = found.find(key_of(w));
    if (it != found.end()) {
      found.erase(it);
      ++n;
    } else if (std::getenv("SOFTGRAPH_DETAILS")) {
      std::printf("  missed: %s %s\n", w.family.c_str(), w.year.c_str());
    }
  }
  if (std::getenv("SOFTGRAPH_DETAILS"))
    for (const std::string& k : found) std::printf("  not counted: %s\n", k.c_str());
  return n;
}

}  // namespace

TEST_CASE("real papers: bibliography entries parsed and author-date citations linked") {
  const auto pdfs = test::shared_dir() / "eval" / "docs" / "pdf";
  if (!std::filesystem::exists(pdfs)) {
    if (std::getenv("SOFTGRAPH_REQUIRE_SHARED")) FAIL("../shared/eval/docs/pdf is missing");
    MESSAGE("skipped: " << pdfs << " not found");
    return;
  }
  std::map<std::string, Expected> gold;
  read_gold(test::source_dir() / "tests" / "gold" / "real-paper-references.txt", false, gold);
  read_gold(test::source_dir() / "tests" / "gold" / "real-paper-citations.txt", true, gold);
  std::size_t all_works = 0, all_parsed = 0, all_cites = 0, all_linked = 0;
  // entries: references made (one per entry); counted: by hand; parsed: hand-counted entries
  // with authors and year found as a reference with those; citations: counted by hand (of
  // works in the list and not); linked: those of listed works linked to them; links: all
  // author-date CITES made (a link beyond `linked` is wrong or a citation not counted).
  std::printf("%-52s %8s %8s %8s %10s %8s %6s\n", "paper", "entries", "counted", "parsed",
              "citations", "linked", "links");
  for (const auto& [file, exp] : gold) {
    Document doc = load_document((pdfs / file).string());
    ReferenceExtraction x = extract_references(doc, {}, {});
    if (std::getenv("SOFTGRAPH_DETAILS"))  // the warnings, for error analysis
      for (const std::string& w : x.warnings) std::printf("  %s\n", w.c_str());
    std::multiset<std::string> refs_found, cited;
    std::map<std::string, const Entity*> by_id;
    std::size_t entries = 0;
    for (const Entity& e : x.entities)
      if (e.type == "Reference") {
        by_id[e.id] = &e;
        entries += e.aliases.size();  // one alias per bibliography entry
        const Work w = work_of(e);
        if (w.family != "-" && w.year != "-")
          for (std::size_t k = 0; k < e.aliases.size(); ++k) refs_found.insert(key_of(w));
      }
    for (const Relation& r : x.relations)
      if (r.type == "CITES" && r.evidence.rule != "citation:numbered" && by_id.count(r.target))
        cited.insert(key_of(work_of(*by_id[r.target])));
    std::vector<Work> with_both;
    for (const Work& w : exp.works)
      if (w.family != "-" && w.year != "-") with_both.push_back(w);
    const std::size_t parsed = matched(with_both, refs_found);
    const std::size_t linked = matched(exp.citations, cited);
    std::printf("%-52s %8zu %8zu %5zu/%-3zu %10zu %5zu/%-3zu %6zu\n", file.c_str(), entries,
                exp.entries, parsed, with_both.size(), exp.citations.size() + exp.unlisted, linked,
                exp.citations.size(), cited.size());
    all_works += with_both.size();
    all_parsed += parsed;
    all_cites += exp.citations.size();
    all_linked += linked;
    // Each paper on its own: entries never run together or split (within a tenth).
    CHECK_MESSAGE(entries * 10 >= exp.entries * 9, file);
    CHECK_MESSAGE(entries * 10 <= exp.entries * 11, file);
    CHECK_MESSAGE(parsed * 10 >= with_both.size() * 9, file);
    if (exp.citations.size() >= 20) CHECK_MESSAGE(linked * 10 >= exp.citations.size() * 8, file);
  }
  std::printf("%-52s %8s %8s %5zu/%-3zu %10s %5zu/%-3zu\n", "all", "", "", all_parsed, all_works,
              "", all_linked, all_cites);
  CHECK(all_parsed * 10 >= all_works * 9);
  CHECK(all_linked * 10 >= all_cites * 8);
}
