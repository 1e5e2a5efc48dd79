// The evidence record of a stretch of a document: its raw bytes as quoted, the repaired text when
// it differs, and the page or element it came from.
#pragma once

#include <string_view>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph {

// Evidence for `text_range` (offsets into Document::text) of sentence `sentence` (-1: none).
Evidence evidence_for(const Document& doc, ByteRange text_range, int sentence, Symbol rule,
                      double confidence);

}  // namespace softgraph
