// The shortcuts of the reference extractor agree with the plain readings they stand for: the
// author test of a list line, the line pre-filter of the heading search, the newline scan and
// the byte-level gates of the entry parser.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "citation_finder.hpp"
#include "ref_text.hpp"
#include "reference_list_finder.hpp"
#include "reference_parser.hpp"
#include "softgraph/core/document.hpp"

using namespace softgraph::refs;

namespace {

// Lines made of pieces that names, initials and their separators are built from.
std::vector<std::string> random_lines(std::size_t count, unsigned seed) {
  static const std::vector<std::string> kPieces = {
      "Nye",   "Keohane", "van ",     "de ", "Лебедева", "Иванов", "J.",
      "S.",    "И.",      "И.И.",     "JA",  "Zh.",      ", ",     " ",
      "&",     "and ",    "и ",       ".",   "-",        "'",      "O'",
      "Brien", "2004",    "(",        ")",   "a",        "Smith",  "IV",
      "X",     "et al.",  "\xC2\xA0", "\t",  "Robert",   "O.",     "Garcia-Lopez",
      "ж",     "ab",      "Ab",       "AB",  "1."};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1), length(0, 7);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string l;
    for (std::size_t k = length(rng); k > 0; --k) l += kPieces[piece(rng)];
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

TEST_CASE("starts_with_author agrees with parse_authors on whether a line opens with a name") {
  std::vector<std::string> lines = random_lines(20000, 7);
  for (const char* l :
       {"Nye, J. S. (2004). Soft power.", "Nye J.S. Soft power", "Smith JA, Jones B.",
        "J. S. Nye. Soft power", "И. И. Иванов", "Иванов И.И., Петров П.П.", "van der Berg, A.",
        "Nye", "Nye, Joseph S.", "The limits of attraction", "", " Nye, J.", "O'Brien, K."})
    lines.emplace_back(l);
  int with_author = 0;
  for (const std::string& l : lines) {
    std::vector<Author> authors;
    bool et_al = false;
    const bool expected = parse_authors(l, authors, et_al, false) > 0;
    with_author += expected;
    INFO(l);
    CHECK(starts_with_author(l) == expected);
  }
  CHECK(with_author > 100);  // the random lines do reach both answers
}

TEST_CASE("newline_offsets finds every line end, in blocks and in the tail") {
  std::mt19937 rng(11);
  for (std::size_t size : {0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1000}) {
    std::string text(size, 'x');
    for (char& c : text) c = "ab\n\xD0 "[rng() % 5];
    std::vector<std::uint64_t> expected;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') expected.push_back(i);
    CHECK(newline_offsets(text) == expected);
  }
}

TEST_CASE("the heading search finds a list under exactly the lines is_reference_heading takes") {
  const std::vector<std::string> headings = {"References",
                                             "REFERENCES:",
                                             "  References  ",
                                             "5. References",
                                             "IV. Bibliography",
                                             "V. Sources",
                                             "X. Notes",
                                             "I. References",
                                             "Reference list",
                                             "Works cited",
                                             "Notes",
                                             "Notes and references",
                                             "## Bibliography",
                                             "**References**",
                                             "Refs",
                                             "Referencing",
                                             "Sources and literature",
                                             "Sourcesx",
                                             "R",
                                             "Re",
                                             "Ref",
                                             "Refe",
                                             "IV",
                                             "I",
                                             "It is",
                                             "International",
                                             "Литература",
                                             "Список литературы",
                                             "Әдебиеттер тізімі",
                                             "Endnotes",
                                             "endnotes",
                                             "Literature",
                                             "Litera",
                                             "\xC2\xA0References",
                                             "References\xC2\xA0",
                                             "\tNotes",
                                             "XI. Notes",
                                             "Bibliography.",
                                             "Bib",
                                             "Sources:",
                                             "Sour",
                                             "Wo",
                                             "Works",
                                             "N",
                                             "No"};
  for (const std::string& h : headings) {
    softgraph::Document doc;
    doc.text = "Some prose before.\n\n" + h + "\n\nNye, J. S. (2004). Soft power. PublicAffairs.\n";
    const bool expected = is_reference_heading(trim(h));
    INFO(h);
    CHECK(!find_reference_lists(doc).empty() == expected);
  }
}

TEST_CASE("entries with spaces to collapse, links and access dates past the first bytes") {
  auto r = parse_reference(
      "Keohane, R. O., & Nye, J. S. (1998).  Power and\ninterdependence. Foreign Affairs, "
      "77(5), 81-94. https://doi.org/10.2307/20049052 (accessed 1 May 2020)");
  CHECK(r.text ==
        "Keohane, R. O., & Nye, J. S. (1998). Power and interdependence. Foreign Affairs, "
        "77(5), 81-94. https://doi.org/10.2307/20049052 (accessed 1 May 2020)");
  CHECK(r.doi == "10.2307/20049052");
  CHECK(r.title == "Power and interdependence");
  CHECK(r.venue == "Foreign Affairs");
  CHECK(r.pages == "81-94");
  auto plain = parse_reference("Barlow, A. (1997). The limits of attraction. Policy Quarterly.");
  CHECK(plain.doi.empty());
  CHECK(plain.url.empty());
  CHECK(plain.text == "Barlow, A. (1997). The limits of attraction. Policy Quarterly.");
  auto dated = parse_reference(
      "Nye, J. (2004). Soft power. DOI: 10.1000/182 URL: http://example.org/x (Accessed 2 May)");
  CHECK(dated.doi == "10.1000/182");
  CHECK(dated.url == "http://example.org/x");
}

// Brackets are looked for thirty-two bytes, then sixteen, then one at a time: a citation is
// found wherever its parenthesis falls in those blocks, and one bracket is never passed over.
TEST_CASE("a citation is found at every offset of the bracket scan's blocks") {
  for (std::size_t pad = 0; pad < 100; ++pad) {
    for (const char* filler : {"x", "a (b) c ", "[q]"}) {
      std::string text;
      while (text.size() < pad) text += filler;
      text.resize(pad);
      const std::size_t open = text.size() + 5;
      text += " Nye (2002) argued.";
      std::vector<CitationHit> hits = find_citations(text, {}, false);
      REQUIRE_MESSAGE(!hits.empty(), "pad " << pad << " filler " << filler);
      CHECK_MESSAGE(hits.back().range.end == open + 6, "pad " << pad << " filler " << filler);
      CHECK(hits.back().year == 2002);
    }
  }
}
