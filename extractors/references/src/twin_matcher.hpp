// Groups bibliography entries that describe the same work: an entry in its original script and
// its transliterated twin, or the same entry repeated in two lists. Same year, same first author
// after transliteration (fuzzy: Andreev ~ Andreyev), and a similar title where titles compare.
#pragma once

#include <cstddef>
#include <vector>

#include "reference_parser.hpp"

namespace softgraph::refs {

// `list_of[i]` is the list entry i came from. Returns groups of entry indices, each sorted, in
// order of their first entry.
std::vector<std::vector<std::size_t>> match_twins(const std::vector<ParsedReference>& entries,
                                                  const std::vector<int>& list_of);
// The same by comparing every pair (quadratic): the reference that match_twins, which compares
// only entries of one year whose first authors' keys are within one edit, is tested against.
std::vector<std::vector<std::size_t>> match_twins_plain(const std::vector<ParsedReference>& entries,
                                                        const std::vector<int>& list_of);

// True when the two entries name the same first author (and second, when both list one).
bool same_authors(const ParsedReference& a, const ParsedReference& b);

}  // namespace softgraph::refs
