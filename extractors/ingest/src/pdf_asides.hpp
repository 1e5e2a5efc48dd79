// Boxes, pull quotes, charts and captions that interrupt a sentence of a PDF's running text: set
// apart, so that the reader gives them after the paragraph they cut instead of inside it.
#pragma once

#include <vector>

#include "pdf_page.hpp"

namespace softgraph::ingest::pdf {

// Whether a line's text ends a sentence (a stop, possibly inside quotes or brackets).
bool ends_sentence(std::string_view text);
// Marks as asides the lines that stand between a full line of running text that stops
// mid-sentence and the line, in the same font, that continues it in lower case; marks that line
// as resuming the sentence (`line_gap`: the usual gap between lines of a paragraph). Works over the
// pages in reading order (a box may open the next page). Returns how many sentences were made
// whole.
int set_asides(std::vector<Page>& pages, double body_font, double line_gap);

}  // namespace softgraph::ingest::pdf
