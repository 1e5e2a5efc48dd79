// `softgraph text FILE`: the text that evidence and mention offsets index, so that a reader can go
// from an edge to its place. Plain text: the file's bytes. PDF: each page's text, pages separated
// by a form feed (the Nth chunk is page N). HTML: each element's text, separated by form feeds.
#pragma once

#include <ostream>

#include "softgraph/core/document.hpp"

namespace softgraph {

// Writes what the offsets of `doc`'s evidence index; `page` > 0: that PDF page's text alone.
void write_indexed_text(const Document& doc, std::ostream& out, int page = 0);

}  // namespace softgraph
