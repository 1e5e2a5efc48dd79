// Strict UTF-8 checking (no overlong forms, surrogates or code points past U+10FFFF), and the
// first clean-up stage of ingest: BOM, CRLF and (in lossy mode) invalid bytes, with an offset map.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "piece_map.hpp"

namespace softgraph::ingest {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are invalid.
int valid_sequence_length(std::string_view s, std::size_t i);
// Offset of the first byte that does not start a valid sequence, or npos.
std::size_t find_invalid_utf8(std::string_view s, std::size_t from = 0);

// Validates `raw` and produces the cleaned text (BOM dropped, CRLF/CR/FF -> LF, invalid
// sequences -> U+FFFD when `lossy`). Throws input_error naming `path` and the byte offset.
// Returns false (and leaves `out` empty) when nothing needed cleaning, so callers can use `raw`.
bool clean_utf8(std::string_view raw, const std::string& path, bool lossy, std::string& out,
                OffsetMap& map);

}  // namespace softgraph::ingest
