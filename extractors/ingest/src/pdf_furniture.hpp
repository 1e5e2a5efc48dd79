// Page furniture of a PDF: running heads and feet (repeated at the page's edge, per page parity
// or on every page, with their page numbers), page numbers in any style, copyright blocks; and
// footnotes, moved from the page's foot into the page's notes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pdf_page.hpp"

namespace softgraph::ingest::pdf {

// "12", "- 12 -", "Page 3 of 10", "3/27", "xii", "12 | Title": a page number line.
bool is_page_number(std::string_view line);
// The mark opening a footnote line ("1 Text", a raised "1", "* Text"), or "".
std::string note_mark(const Line& line);
// Drops running heads and feet, page numbers and copyright lines from the edges of every page.
void drop_furniture(std::vector<Page>& pages);
// Moves footnotes (a smaller font than `body_font` at a page's or column's foot, opened by a
// note mark) from each page's lines to its notes.
void separate_footnotes(std::vector<Page>& pages, double body_font);

}  // namespace softgraph::ingest::pdf
