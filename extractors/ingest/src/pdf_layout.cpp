#include "pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "softgraph/core/erase_flagged.hpp"
#include "unicode_util.hpp"

namespace softgraph::ingest::pdf {
namespace {

// Ligatures poppler passes through; NFC keeps them, so spell them out here.
void append_word(std::string& out, std::string_view w) {
  static const std::pair<std::string_view, std::string_view> kLig[] = {{"\xEF\xAC\x80", "ff"},
                                                                       {"\xEF\xAC\x81", "fi"},
                                                                       {"\xEF\xAC\x82", "fl"},
                                                                       {"\xEF\xAC\x83", "ffi"},
                                                                       {"\xEF\xAC\x84", "ffl"}};
  for (std::size_t i = 0; i < w.size();) {
    bool done = false;
    if (static_cast<unsigned char>(w[i]) == 0xEF) {
      for (auto [from, to] : kLig) {
        if (w.substr(i).starts_with(from)) {
          out += to;
          i += from.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out += w[i++];
  }
  // A soft hyphen or U+2010 ending a word is a line-end hyphen.
  for (std::string_view h : {"\xC2\xAD", "\xE2\x80\x90"}) {
    if (std::string_view(out).ends_with(h)) {
      out.resize(out.size() - h.size());
      out += '-';
    }
  }
}

// A vertical strip between two columns: [x0, x1] in page points. A gap between two words of one
// row that is at least `min_gap` wide and holds the strip's middle separates the columns.
struct Gutter {
  double x0 = 0, x1 = 0, min_gap = 0;
  double height = 0;  // median word height on the page
  double mid() const { return (x0 + x1) / 2; }
};

}  // namespace

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

namespace {

// The gap between two words of one row above which it may separate columns.
double wide_gap(const Gutter& g, double h_a, double h_b) {
  return std::max(g.min_gap, 0.6 * std::max(h_a, h_b));
}

// A footnote mark: one to three digits, or a symbol such as * or a dagger.
bool mark_like(std::string_view t) {
  if (t.empty()) return false;
  if (t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  return t == "*" || t == "\xE2\x80\xA0" || t == "\xE2\x80\xA1" || t == "\xE2\x88\x97";
}

// The text of one line from its words: the font most of its letters are set in is the line's;
// a footnote mark raised above the baseline in a smaller font is left out (the first one of a
// line is kept as the line's lead mark, which opens a footnote).
Line finish_line(const std::vector<const Word*>& ws) {
  Line l{ws[0]->x0, ws[0]->y0, ws[0]->x1, ws[0]->y1, 0, {}, 0, {}};
  std::map<long, std::size_t> chars_by_font;
  for (const Word* w : ws) chars_by_font[std::lround(w->font * 10)] += w->text.size();
  long font_key = 0;
  std::size_t most = 0;
  for (auto [f, n] : chars_by_font)
    if (n > most) font_key = f, most = n;
  l.font = font_key / 10.0;
  std::vector<double> bases;
  for (const Word* w : ws)
    if (std::lround(w->font * 10) == font_key) bases.push_back(w->y1);
  std::nth_element(bases.begin(), bases.begin() + bases.size() / 2, bases.end());
  const double base = bases[bases.size() / 2];
  bool space_pending = false;
  const Word* prev = nullptr;
  for (const Word* w : ws) {
    l.x0 = std::min(l.x0, w->x0);
    l.x1 = std::max(l.x1, w->x1);
    l.y0 = std::min(l.y0, w->y0);
    l.y1 = std::max(l.y1, w->y1);
    const double h = std::max(w->y1 - w->y0, 1.0);
    bool raised = ws.size() > 1 && w->font <= 0.8 * l.font && w->y1 < base - 0.15 * l.font &&
                  mark_like(w->text);
    if (raised) {
      if (!prev && l.lead_mark.empty()) l.lead_mark = w->text;
      space_pending = space_pending || w->space_after;
      continue;
    }
    if (prev && (space_pending || w->x0 - prev->x1 > 0.15 * h)) l.text += ' ';
    append_word(l.text, w->text);
    space_pending = w->space_after;
    prev = w;
  }
  return l;
}

// Joins words, in poppler's order, into lines. poppler may put the words of two columns that
// share a baseline into one line when the gutter is narrow, so a gap across the gutter always
// ends a line, and without a known gutter a gap of two ems does (a stretched word space is under
// one); the lines are put into reading order later, by position.
std::vector<Line> make_lines(const std::vector<Word>& words, const std::vector<Gutter>& gutters) {
  const Gutter* gutter = gutters.empty() ? nullptr : &gutters.front();
  std::vector<Line> lines;
  std::vector<const Word*> cur;
  double x1 = 0, y0 = 0, y1 = 0, font = 0;
  for (const Word& w : words) {
    double h = std::max(w.y1 - w.y0, 1.0);
    double cy = (w.y0 + w.y1) / 2;
    // A raised mark is within half the taller height of the line's middle.
    bool same_line = !cur.empty() && std::abs(cy - (y0 + y1) / 2) < 0.5 * std::max(h, y1 - y0) &&
                     w.x0 >= x1 - 0.5 && w.x0 - x1 < (gutter ? 3 : 2) * std::max(font, h);
    for (const Gutter& g : gutters)
      if (same_line && x1 <= g.mid() && w.x0 >= g.mid() && w.x0 - x1 >= wide_gap(g, y1 - y0, h))
        same_line = false;
    if (!same_line) {
      if (!cur.empty()) lines.push_back(finish_line(cur));
      cur.clear();
      y0 = w.y0, y1 = w.y1, font = w.font;
    }
    cur.push_back(&w);
    x1 = std::max(x1, w.x1);
    if (cur.size() == 1) x1 = w.x1;
    font = std::max(font, w.font);
    if (!mark_like(w.text) || cur.size() == 1) {
      y0 = std::min(y0, w.y0);
      y1 = std::max(y1, w.y1);
    }
  }
  if (!cur.empty()) lines.push_back(finish_line(cur));
  return lines;
}

// Finds the gutter of a two-column page from the words' positions alone (poppler's order is not
// trusted): words are grouped into rows by height, gaps narrower than a wide word space are
// closed, and every row covers the x-ranges of what is left. Between two columns lies a strip in
// the middle of the page that only full-width rows (titles, an abstract, footers) cross: the
// widest run of least-covered positions there. Whether the page really has two columns is decided
// on its lines (two_columns()).
std::optional<Gutter> find_gutter(const std::vector<Word>& words, double page_width) {
  if (words.size() < 4 || !std::isfinite(page_width) || page_width <= 0) return std::nullopt;
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(std::max(w.y1 - w.y0, 1.0));
  Gutter g;
  g.height = median(heights);
  std::vector<const Word*> order;
  for (const Word& w : words) order.push_back(&w);
  auto cy = [](const Word* w) { return (w->y0 + w->y1) / 2; };
  std::stable_sort(order.begin(), order.end(),
                   [&](const Word* a, const Word* b) { return cy(a) < cy(b); });
  std::vector<std::vector<const Word*> > rows;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && cy(order[j]) - cy(order[i]) <= 0.3 * g.height) ++j;
    rows.emplace_back(order.begin() + i, order.begin() + j);
    std::sort(rows.back().begin(), rows.back().end(),
              [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    i = j;
  }
  // Wider than a word space, stretched as justified text does, and than one space of a monospaced
  // font; narrower than any real gutter.
  std::vector<double> spaces;
  for (const auto& row : rows)
    for (std::size_t k = 1; k < row.size(); ++k) {
      double gap = row[k]->x0 - row[k - 1]->x1;
      if (gap > 0 && gap < 3 * g.height) spaces.push_back(gap);
    }
  g.min_gap = std::max(0.5 * g.height, 1.2 * median(spaces));

  const int bins = static_cast<int>(std::min(std::ceil(page_width / 0.5), 40000.0)) + 1;
  const double bin_width = page_width / (bins - 1);
  auto bin = [&](double x) {
    double v = x / bin_width;
    return v > 0 ? static_cast<int>(std::min(v, bins - 1.0)) : 0;
  };
  std::vector<int> delta(bins + 1, 0);
  auto cover = [&](double x0, double x1) {
    ++delta[bin(x0)];
    --delta[bin(x1) + 1];
  };
  for (const auto& row : rows) {
    double a = row[0]->x0, b = row[0]->x1, h = row[0]->y1 - row[0]->y0;
    for (std::size_t k = 1; k < row.size(); ++k) {
      double hk = row[k]->y1 - row[k]->y0;
      if (row[k]->x0 - b >= wide_gap(g, h, hk)) {
        cover(a, b);
        a = row[k]->x0;
      }
      b = std::max(b, row[k]->x1);
      h = hk;
    }
    cover(a, b);
  }
  std::vector<int> rows_at(bins, 0);
  for (int b = 0, run = 0; b < bins; ++b) rows_at[b] = run += delta[b];

  const int lo = bin(page_width * 0.25), hi = bin(page_width * 0.75);
  int least = *std::min_element(rows_at.begin() + lo, rows_at.begin() + hi + 1);
  const int limit = least + std::max(1, least / 8);  // a line or two that strays into the gutter
  int best_begin = -1, best_len = 0;
  for (int b = lo; b <= hi;) {
    if (rows_at[b] > limit) {
      ++b;
      continue;
    }
    int e = b;
    while (e <= hi && rows_at[e] <= limit) ++e;
    if (e - b > best_len) best_begin = b, best_len = e - b;
    b = e;
  }
  if (best_begin < 0 || best_len * bin_width < g.min_gap) return std::nullopt;
  g.x0 = best_begin * bin_width;
  g.x1 = (best_begin + best_len) * bin_width;
  return g;
}

// 0 left of the gutter's middle, 1 right of it, -1 across it (full width, or centred on the page).
int column_of(const Line& l, const Gutter& g) {
  return l.x1 <= g.mid() ? 0 : l.x0 >= g.mid() ? 1 : -1;
}

// The column of a line among gutters sorted left to right: how many gutters lie left of it, or -1
// when it crosses one.
int column_of(const Line& l, const std::vector<Gutter>& gutters) {
  int column = 0;
  for (const Gutter& g : gutters) {
    if (l.x0 >= g.mid())
      ++column;
    else if (l.x1 > g.mid())
      return -1;
  }
  return column;
}

// Whether the lines on both sides of a gutter candidate are two columns rather than one-column
// text with a few wide word spaces in a row (justified text has such "rivers"), or a table:
// - both sides hold at least two lines, and lines crossing the gutter (a title, an abstract) are
//   not most of the page;
// - lines right of the gutter start at one x, the right column's margin (the words after a river
//   start anywhere), apart from a few (indented first lines, centred headings);
// - they come in runs, not one at a time between lines crossing the gutter, as split rows of
//   one-column text do.
bool two_columns(std::vector<Line> lines, const Gutter& g) {
  int count[3] = {0, 0, 0};
  std::vector<double> starts;
  for (Line& l : lines) {
    l.column = column_of(l, g);
    ++count[l.column + 1];
    if (l.column == 1) starts.push_back(l.x0);
  }
  const int right = count[2];
  if (count[1] < 2 || right < 2 || 2 * (count[1] + right) < count[0]) return false;
  std::sort(starts.begin(), starts.end());
  int aligned = 0;
  for (std::size_t i = 0, j = 0; j < starts.size(); ++j) {
    while (starts[j] - starts[i] > 1.0) ++i;
    aligned = std::max(aligned, static_cast<int>(j - i + 1));
  }
  if (aligned < 2 || 2 * aligned < right) return false;
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.y0 < b.y0; });
  int in_runs = 0, run = 0;
  for (const Line& l : lines) {
    if (l.column == -1) {
      in_runs += run >= 2 ? run : 0;
      run = 0;
    } else {
      run += l.column == 1;
    }
  }
  in_runs += run >= 2 ? run : 0;
  return in_runs >= 2 && 2 * in_runs >= right;
}

// A header or footer line beside one column only (a page number under the left column) is read
// as a full-width line: the first line of a column that sits above every line of the other column,
// or its last line below them all, far (4 word heights) from the rest of its column.
void mark_furniture(std::vector<Line>& lines, double height) {
  for (int side = 0; side <= 1; ++side) {
    double other_top = INFINITY, other_bottom = -INFINITY;
    std::vector<Line*> own;
    for (Line& l : lines) {
      if (l.column == 1 - side) {
        other_top = std::min(other_top, l.y0);
        other_bottom = std::max(other_bottom, l.y1);
      } else if (l.column == side) {
        own.push_back(&l);
      }
    }
    if (own.size() < 2 || !std::isfinite(other_top)) continue;
    std::stable_sort(own.begin(), own.end(),
                     [](const Line* a, const Line* b) { return a->y0 < b->y0; });
    if (own[0]->y1 < other_top && own[1]->y0 - own[0]->y1 > 4 * height) own[0]->column = -1;
    Line* last = own.back();
    if (last->y0 > other_bottom && last->y0 - own[own.size() - 2]->y1 > 4 * height)
      last->column = -1;
  }
}

// Sorts lines whose columns are set into reading order: lines across the gutter (-1) split the
// page into bands; in each band the left column is read before the right.
void read_columns(std::vector<Line>& lines) {
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.y0 < b.y0; });
  std::vector<Line> out;
  out.reserve(lines.size());
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].column == -1) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() && lines[j].column != -1) ++j;
    int columns = 0;
    for (std::size_t k = i; k < j; ++k) columns = std::max(columns, lines[k].column + 1);
    for (int col = 0; col < columns; ++col)
      for (std::size_t k = i; k < j; ++k)
        if (lines[k].column == col) out.push_back(std::move(lines[k]));
    i = j;
  }
  lines = std::move(out);
}

// When the words show no gutter (it is hardly wider than the word spaces): columns from a
// vertical strip near the middle of the page that at most a tenth of the lines cross.
bool columns_from_lines(std::vector<Line>& lines, double page_width) {
  if (lines.empty() || !std::isfinite(page_width)) return false;
  const int bins = 200;
  std::vector<int> cover(bins, 0);
  auto bin = [&](double x) {
    double v = x / page_width * bins;
    return v > 0 ? static_cast<int>(std::min(v, bins - 1.0)) : 0;
  };
  for (const Line& l : lines)
    for (int b = bin(l.x0); b <= bin(l.x1); ++b) ++cover[b];
  int best_begin = -1, best_len = 0;
  for (int b = bins * 3 / 10; b < bins * 7 / 10; ++b) {
    if (cover[b] * 10 > static_cast<int>(lines.size())) continue;  // crossed by >10% of lines
    int e = b;
    while (e < bins * 7 / 10 && cover[e] * 10 <= static_cast<int>(lines.size())) ++e;
    if (e - b > best_len) best_begin = b, best_len = e - b;
    b = e;
  }
  if (best_len < 2) return false;
  double gx0 = best_begin * page_width / bins, gx1 = (best_begin + best_len) * page_width / bins;
  int left = 0, right = 0;
  for (Line& l : lines) {
    l.column = l.x1 <= gx1 ? 0 : l.x0 >= gx0 ? 1 : -1;
    left += l.column == 0;
    right += l.column == 1;
  }
  return left >= 2 && right >= 2;
}

// The lines of one page in reading order.
// Three columns or more: each side of a page's gutter may hold a gutter of its own, found and
// checked the same way on the words of that side alone. All gutters, left to right.
std::vector<Gutter> more_gutters(const std::vector<Word>& words, const Gutter& g,
                                 double page_width) {
  std::vector<Gutter> out{g};
  for (int side = 0; side <= 1; ++side) {
    const double lo = side == 0 ? 0 : g.mid(), hi = side == 0 ? g.mid() : page_width;
    std::vector<Word> part;
    for (const Word& w : words)
      if (side == 0 ? w.x1 <= g.mid() : w.x0 >= g.mid()) {
        part.push_back(w);
        part.back().x0 -= lo;
        part.back().x1 -= lo;
      }
    std::optional<Gutter> inner = find_gutter(part, hi - lo);
    if (!inner) continue;
    std::vector<Line> lines = make_lines(part, {*inner});
    // A real column of its own on both sides: as many lines on each as the page's columns have.
    if (!two_columns(lines, *inner)) continue;
    int count[2] = {0, 0};
    for (const Line& l : lines)
      if (int c = column_of(l, *inner); c >= 0) ++count[c];
    if (std::min(count[0], count[1]) < 5) continue;
    inner->x0 += lo;
    inner->x1 += lo;
    out.push_back(*inner);
  }
  std::sort(out.begin(), out.end(), [](const Gutter& a, const Gutter& b) { return a.x0 < b.x0; });
  return out;
}

// Whether every gutter of several separates two columns: the lines on either side of it (and
// those across it) pass the two-column test.
bool columns_hold(const std::vector<Line>& lines, const std::vector<Gutter>& gutters) {
  for (std::size_t i = 0; i < gutters.size(); ++i) {
    std::vector<Line> near;
    for (const Line& l : lines) {
      int c = column_of(l, gutters);
      if (c == -1 || c == static_cast<int>(i) || c == static_cast<int>(i) + 1) near.push_back(l);
    }
    if (!two_columns(near, gutters[i])) return false;
  }
  return true;
}

// A drop cap: one capital letter set at least two body lines high, the rest of its word beside its
// first line ("F" + "reedom"). The letter is put before that word and leaves the page's words.
void join_drop_caps(std::vector<Word>& words) {
  if (words.size() < 3) return;
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.y1 - w.y0);
  const double usual = median(heights);
  std::vector<bool> gone(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word& cap = words[i];
    int len = 0;
    UChar32 c = cp_at(cap.text, 0, &len);
    if (len <= 0 || static_cast<std::size_t>(len) != cap.text.size() || !is_upper(c) ||
        cap.y1 - cap.y0 < 1.8 * usual)
      continue;
    Word* next = nullptr;
    for (std::size_t j = 0; j < words.size(); ++j) {
      Word& w = words[j];
      double cy = (w.y0 + w.y1) / 2;
      if (j == i || gone[j] || w.x0 < cap.x1 - 1 || w.x0 - cap.x1 > 1.5 * usual ||
          cy < cap.y0 - 0.5 * usual || cy > cap.y1 || w.text.empty() || !is_lower(cp_at(w.text, 0)))
        continue;
      if (!next || w.y0 < next->y0 - 0.5 * usual) next = &w;
    }
    if (!next) continue;
    next->text = cap.text + next->text;
    gone[i] = true;
  }
  erase_flagged(words, gone);
}

}  // namespace

std::vector<Line> page_lines(std::vector<Word> words, double page_width) {
  join_drop_caps(words);
  if (std::optional<Gutter> gutter = find_gutter(words, page_width)) {
    // Three columns or more first: with all gutters known, no line runs across one.
    std::vector<Gutter> gutters = more_gutters(words, *gutter, page_width);
    if (gutters.size() > 1) {
      std::vector<Line> lines = make_lines(words, gutters);
      if (columns_hold(lines, gutters)) {
        for (Line& l : lines) l.column = column_of(l, gutters);
        read_columns(lines);
        return lines;
      }
    }
    std::vector<Line> lines = make_lines(words, {*gutter});
    if (two_columns(lines, *gutter)) {
      for (Line& l : lines) l.column = column_of(l, *gutter);
      mark_furniture(lines, gutter->height);
      read_columns(lines);
      return lines;
    }
  }
  std::vector<Line> lines = make_lines(words, {});
  if (columns_from_lines(lines, page_width)) {
    read_columns(lines);
    return lines;
  }
  for (Line& l : lines) l.column = 0;
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::abs(a.y0 - b.y0) > 1 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  return lines;
}

}  // namespace softgraph::ingest::pdf
