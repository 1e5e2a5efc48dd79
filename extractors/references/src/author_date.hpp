// Pieces of author-date entries that the entry parser and the entry splitter share (internal to
// the references library; the public functions are in reference_parser.hpp).
#pragma once

#include <string>
#include <string_view>

#include "reference_parser.hpp"

namespace softgraph::refs::author_date {

// Four digits 1500-2099 at `p`, not inside a longer number; `suffix` gets a following a-z.
bool year_at(std::string_view s, std::size_t p, int& year, std::string& suffix);
// Whether what follows the year `y` read in `s` lets it close an author part ("." or ",").
bool closes_year(std::string_view s, const YearForm& y);
// The author part of `s` before the full stop or comma at `stop`, editors' marks removed.
std::string_view author_part(std::string_view s, std::size_t stop);
// Past "ed." or "eds." at `p` (after a same-author dash).
std::size_t skip_editor_mark(std::string_view s, std::size_t p);
// Whether `seg` is names and nothing else (`named`: with a given name, initials or co-authors).
bool only_names(std::string_view seg, bool named);

}  // namespace softgraph::refs::author_date
