// The layout of a PDF page from its words: lines (raised note marks set apart), columns (two or
// more, found from the gutters between them), reading order, drop caps joined to their words.
#pragma once

#include <vector>

#include "pdf_page.hpp"

namespace softgraph::ingest::pdf {

// The page's lines in reading order, each with its column (-1: across the columns).
std::vector<Line> page_lines(std::vector<Word> words, double page_width);
// The median of `v` (0 when empty).
double median(std::vector<double> v);

}  // namespace softgraph::ingest::pdf
