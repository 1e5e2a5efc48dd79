// Text as diagrams show it: Graphviz 2.43 cannot read back a quoted DOT string over 16 KB, and a
// label of a paragraph cannot be read in a drawing anyway; the full text stays in the data exports.
#include "drawing_text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace softgraph {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code points of `s` as byte ranges, so that cutting and counting never split a character.
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && is_continuation(static_cast<unsigned char>(s[j]))) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

constexpr std::size_t kLabelChars = 80;
const std::string kEllipsis = "\u2026";

// Shapes that are wide around their text (circles, diamonds) take shorter lines, so that they
// grow less.
std::size_t line_length(const std::string& shape) {
  if (shape == "doublecircle" || shape == "circle") return 10;
  if (shape == "diamond") return 12;
  if (shape == "hexagon") return 14;
  return 18;
}

}  // namespace

std::string clip_text(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(s[cut]))) --cut;
  return std::string(s.substr(0, cut)) + kEllipsis;
}

std::string drawing_label(std::string_view label, const std::string& shape) {
  const std::size_t line_chars = line_length(shape);
  auto cps = code_points(label);
  if (cps.size() > kLabelChars) {
    cps.resize(kLabelChars - 1);
    cps.push_back(kEllipsis);
  }
  // Words (white space of any kind separates them), then lines of whole words of at most about
  // line_chars characters; a longer word stands on a line of its own.
  std::vector<std::pair<std::string, std::size_t>> words(1);  // text, characters
  for (auto cp : cps) {
    if (cp == " " || cp == "\n" || cp == "\r" || cp == "\t") {
      if (words.back().second > 0) words.emplace_back();
      continue;
    }
    words.back().first += cp;
    ++words.back().second;
  }
  std::string out;
  std::size_t line = 0;
  for (const auto& [word, chars] : words) {
    if (chars == 0) continue;
    if (line > 0 && line + 1 + chars > line_chars) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += chars;
  }
  return out;
}

}  // namespace softgraph
