// Finds the structure of a repaired text: paragraphs, sections (front matter per language,
// headings, reference lists, notes, back matter), run-in heads ("Turkey." opening a paragraph),
// languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/document.hpp"

namespace softgraph::ingest {

// A heading the reader already knows (an HTML <h2>), as a range of Document::text.
struct HeadingHint {
  ByteRange range;
  int level = 1;
};

// "en", "kk" or "ru" from the script of the letters (Kazakh by ә ғ қ ң ө ұ ү һ і), else "und".
std::string detect_language(std::string_view text);
// The run-in head opening `paragraph` ("The European Union."), relative to it; empty if none.
ByteRange find_run_in_head(std::string_view paragraph);
// Fills doc.paragraphs and doc.sections from doc.text (sentences are left to the splitter).
void detect_structure(Document& doc, const std::vector<HeadingHint>& hints = {});

}  // namespace softgraph::ingest
