// Repairs what PDF-to-text extraction leaves behind (hyphenated breaks, paragraphs cut by page
// breaks, a line repeated at a page join) and NFC normalisation; each step reports offset edits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "piece_map.hpp"

namespace softgraph::ingest {

struct RepairOptions {
  bool hyphens = true;  // "sub-\n\nstantive" -> "substantive"; "socio-\ncultural" keeps its hyphen
  bool page_cuts = true;  // blank-line gap inside a sentence -> one space
  bool repeats = true;    // tail of a paragraph repeated at the head of the next block -> dropped
};

struct RepairStats {
  int hyphens_joined = 0, hyphens_kept = 0, cuts_joined = 0, repeats_dropped = 0;
};

// The edits that repair `text` (valid UTF-8, LF line ends), sorted and disjoint.
std::vector<Edit> find_repairs(std::string_view text, const RepairOptions& options = {},
                               RepairStats* stats = nullptr);

// NFC-normalises `text` with ICU. Returns false (leaving `out` empty) when it already is NFC.
bool normalize_nfc(std::string_view text, std::string& out, OffsetMap& map);

}  // namespace softgraph::ingest
