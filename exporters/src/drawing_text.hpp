// Text as diagrams show it: labels wrapped and clipped, DOT strings kept under Graphviz's 16 KB
// limit. The data exports keep the full text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace softgraph {

// `s` cut to at most `max_bytes` bytes at a UTF-8 boundary, with "…" when cut.
std::string clip_text(std::string_view s, std::size_t max_bytes);
// A node label as drawn for a node of Graphviz `shape`: white space collapsed, clipped to 80
// characters with "…", wrapped at spaces into lines of 10 (circles) to 18 (boxes) characters.
std::string drawing_label(std::string_view label, const std::string& shape);

}  // namespace softgraph
