#include "pdf_asides.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "unicode_util.hpp"

namespace softgraph::ingest::pdf {
namespace {

// A box holds at most this many lines (a table's cells, a chart's labels, a sidebar); more is not
// an aside but a reading-order error, left alone.
constexpr std::size_t kMaxAsideLines = 120;
// The line that resumes a sentence is running text, not a chart label: this many words at least,
// or as wide as its column.
constexpr std::size_t kMinResumeWords = 5;
// The line a box cuts is a line of running text, not a label.
constexpr std::size_t kMinCutWords = 4;

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// "Figure 2.", "Table 3:", "Box 1", "Source:": the head of a caption or a box.
bool opens_caption(std::string_view s) {
  for (std::string_view w : {"Figure", "Fig.", "Table", "Box", "Chart", "Map", "Exhibit", "Source",
                             "Photo", "Note:", "Notes:"})
    if (s.starts_with(w) && (s.size() == w.size() || s[w.size()] == ' ' || s[w.size()] == ':'))
      return true;
  return false;
}

// A line ending in an e-mail address or a URL is a title block's or a note's, not running text.
bool ends_in_address(std::string_view s) {
  std::size_t sp = s.rfind(' ');
  std::string_view last = sp == std::string_view::npos ? s : s.substr(sp + 1);
  return last.find('@') != std::string_view::npos || last.find('/') != std::string_view::npos;
}

}  // namespace

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ')' || s.back() == '"' || s.back() == '\'' || s.back() == ' '))
    s.remove_suffix(1);
  // closing curly quotes
  while (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

int set_asides(std::vector<Page>& pages, double body_font, double line_gap) {
  if (body_font <= 0) return 0;
  struct At {
    std::size_t page, line;
  };
  std::vector<At> seq;
  auto running = [&](const Line& l) { return std::abs(l.font - body_font) <= 0.15 * body_font; };
  // The right edge of the running text (in the body font, not a table's slightly smaller one) in
  // each column of each page: a line reaching it (within two ems) is full.
  std::vector<std::map<int, double> > right(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      const Line& l = pages[p].lines[i];
      seq.push_back({p, i});
      double& r = right[p][l.column];
      if (std::abs(l.font - body_font) <= 0.05 * body_font) r = std::max(r, l.x1);
    }
  auto line = [&](std::size_t k) -> Line& { return pages[seq[k].page].lines[seq[k].line]; };
  auto full = [&](std::size_t k) {
    const Line& l = line(k);
    return l.x1 >= right[seq[k].page][l.column] - 2 * body_font;
  };
  int made_whole = 0;
  for (std::size_t k = 0; k + 2 < seq.size(); ++k) {
    Line& prev = line(k);
    if (prev.aside || !running(prev) || !full(k) || ends_sentence(prev.text) ||
        words_in(prev.text) < kMinCutWords || ends_in_address(prev.text))
      continue;
    // The next line in the same font goes on as the running text does, unless it opens a figure
    // or table: a caption, or a short line (a code listing, a table's head) away from `prev`.
    const Line& first = line(k + 1);
    if (std::abs(first.font - prev.font) <= 0.05 * body_font) {
      bool below = seq[k + 1].page == seq[k].page && first.column == prev.column &&
                   first.y0 > prev.y0 && first.y0 - prev.y1 <= line_gap + 0.5 * body_font;
      int c = first.text.empty() ? 0 : cp_at(first.text, 0);
      if (below || is_lower(c) || (full(k + 1) && !opens_caption(first.text))) continue;
    }
    std::size_t j = k + 1;
    for (; j < seq.size() && j - (k + 1) <= kMaxAsideLines; ++j) {
      const Line& l = line(j);
      if (std::abs(l.font - prev.font) > 0.05 * body_font) continue;
      int c = l.text.empty() ? 0 : cp_at(l.text, 0);
      if (!is_lower(c) || (words_in(l.text) < kMinResumeWords && !full(j))) continue;
      // A line just under a line of its own font in its column goes on from that line (the
      // second line of a paragraph in the box), it resumes nothing.
      const Line& above = line(j - 1);
      bool goes_on = seq[j - 1].page == seq[j].page && above.column == l.column &&
                     std::abs(above.font - l.font) <= 0.05 * body_font && l.y0 > above.y0 &&
                     l.y0 - above.y1 <= line_gap + 0.5 * body_font;
      if (!goes_on) break;
    }
    if (j >= seq.size() || j - (k + 1) > kMaxAsideLines) continue;
    // A box, figure or table has some text in another font (labels, cells, the quote itself);
    // lines all in the running font are the running text out of order, not a box.
    bool other_font = false;
    for (std::size_t m = k + 1; m < j; ++m)
      other_font |= std::abs(line(m).font - prev.font) > 0.05 * body_font;
    if (!other_font) continue;
    // Only what stands between a page's foot and the next page's head, or inside one page.
    if (seq[j].page > seq[k].page + 1) continue;
    for (std::size_t m = k + 1; m < j; ++m) line(m).aside = true;
    line(j).resumes = true;
    ++made_whole;
    k = j - 1;
  }
  return made_whole;
}

}  // namespace softgraph::ingest::pdf
