// Finds in-text citations: author-date ("(Lebedeva, 2014)", "(Andreev, 2023; Nye, 2002, 2004)",
// "Vlasov (2013)", "Nye's (2002)", "Nye's foundational works (2002, 2004)", "Usmonov and Inagaki
// (2021)", "(Naumkin et al., 2013, p. 48)") and numbered ("[3]", "[3–5]", "[3, 7]"). One hit per
// cited work; a grouped "(Nye, 2002, 2004)" gives two hits sharing one range.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/byte_range.hpp"

namespace softgraph::refs {

struct CitationHit {
  ByteRange range;        // in Document::text: the citation as written
  std::string_view rule;  // a literal: citation:parenthetical, :narrative, :possessive, :numbered,
                          // :ibid
  std::vector<std::string> names;  // surnames as written, first author first
  bool et_al = false;
  int year = 0;  // 0 for "n.d.", "forthcoming", "in press" (then in year_text)
  std::string year_suffix;
  std::string year_text;  // "n.d.", "forthcoming", "in press", "1998/9"
  int number = 0;         // numbered citations
  std::string locator;    // "p. 48"
};

// `skip`: ranges where nothing counts (reference lists, translator's notes). `numbered`: whether
// bracketed numbers are citations (the document has a numbered reference list).
// True when every name is a people's or a language's ("Russian", "Sino-Japanese", "Turkish"):
// "Russian and Chinese (2022)" is no citation unless the list holds a work of such authors.
bool names_peoples(const std::vector<std::string>& names);

std::vector<CitationHit> find_citations(std::string_view text, const std::vector<ByteRange>& skip,
                                        bool numbered);

}  // namespace softgraph::refs
