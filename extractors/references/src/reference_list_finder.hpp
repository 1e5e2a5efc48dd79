// Finds the bibliographies of a document, from its "references" sections or from headings in the
// text itself (References, Bibliography, Список литературы, Әдебиеттер тізімі ...), and splits
// each into entries: one a line, wrapped over lines, bulleted or numbered.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/byte_range.hpp"
#include "softgraph/core/document.hpp"

namespace softgraph::refs {

struct ReferenceEntry {
  ByteRange range;   // in Document::text, from the bullet or first letter to the last byte
  std::string text;  // its lines joined by single spaces (hyphenated breaks mended)
};

struct ReferenceList {
  ByteRange range;    // heading through the last entry
  ByteRange heading;  // the heading line
  std::vector<ReferenceEntry> entries;
};

// True when `line` is a bibliography heading such as "References" or "Список литературы:".
bool is_reference_heading(std::string_view line);
std::vector<ReferenceList> find_reference_lists(const Document& doc);
// The same, given newline_offsets(doc.text) (the extractor also numbers lines with them).
std::vector<ReferenceList> find_reference_lists(const Document& doc,
                                                const std::vector<std::uint64_t>& newlines);

// Byte offsets of the '\n' in `text`, in order.
std::vector<std::uint64_t> newline_offsets(std::string_view text);

}  // namespace softgraph::refs
