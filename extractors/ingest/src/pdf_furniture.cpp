#include "pdf_furniture.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>

namespace softgraph::ingest::pdf {
namespace {

// Lines this close to the top or bottom of the page (share of its height) may be furniture.
constexpr double kEdgeZone = 0.15;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A line's text with every run of digits as '#', lower-cased and without spaces: running heads
// that differ only in their page number ("12 | Title", "Title 13") share it.
std::string repeat_key(std::string_view s) {
  std::string k;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (k.empty() || k.back() != '#') k += '#';
    } else if (c != ' ' && c != '\t') {
      k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return k;
}

bool is_roman(std::string_view s) {
  if (s.empty() || s.size() > 7) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  });
}

bool is_number(std::string_view s) {
  return !s.empty() && s.size() <= 5 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Decorations around a page number: dashes, bars, brackets, dots, bullets.
bool is_decoration(std::string_view s, std::size_t i, std::size_t* len) {
  // en and em dash, middle dot, bullet, no-break space
  static constexpr std::string_view kMarks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
                                                "\xE2\x80\xA2", "\xC2\xA0"};
  char c = s[i];
  if (c == '-' || c == '|' || c == '(' || c == ')' || c == '[' || c == ']' || c == ' ' ||
      c == '.' || c == '~' || c == '<' || c == '>') {
    *len = 1;
    return true;
  }
  for (std::string_view m : kMarks)
    if (s.substr(i).starts_with(m)) {
      *len = m.size();
      return true;
    }
  return false;
}

bool is_copyright(std::string_view text) {
  std::string low = lower_ascii(text);
  return low.find("\xC2\xA9") != std::string::npos || low.starts_with("copyright") ||
         low.find("all rights reserved") != std::string::npos ||
         low.starts_with("permission to make digital or hard copies");
}

// A copyright block at the foot of a page (a paper's first page): the lines of a copyright line's
// column and font that run on from it, above and below, in the bottom zone.
void drop_copyright_blocks(Page& p, std::vector<bool>& drop) {
  const double zone = p.height * 0.6;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const Line& c = p.lines[i];
    if (drop[i] || c.y0 < zone || !is_copyright(c.text)) continue;
    drop[i] = true;
    for (int dir : {-1, 1}) {
      double edge = dir < 0 ? c.y0 : c.y1;
      bool grown = true;
      while (grown) {
        grown = false;
        for (std::size_t j = 0; j < p.lines.size(); ++j) {
          const Line& l = p.lines[j];
          if (drop[j] || l.y0 < zone || std::abs(l.font - c.font) > 0.5 ||
              std::abs(l.x0 - c.x0) > 2 * c.font)
            continue;
          double gap = dir < 0 ? edge - l.y1 : l.y0 - edge;
          if (gap < -0.5 * c.font || gap > 0.8 * c.font) continue;
          drop[j] = true;
          edge = dir < 0 ? l.y0 : l.y1;
          grown = true;
        }
      }
    }
  }
}

double center(const Line& l) { return (l.y0 + l.y1) / 2; }

// "__________": a rule typed as underscores (above footnotes), never text, wherever it is.
bool is_rule(std::string_view text) {
  return text.size() >= 5 && text.find_first_not_of('_') == std::string_view::npos;
}

// "*1512556*": the text under a Code 39 barcode.
bool is_barcode(std::string_view text) {
  return text.size() >= 5 && text.front() == '*' && text.back() == '*' &&
         std::all_of(text.begin() + 1, text.end() - 1,
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

}  // namespace

bool is_page_number(std::string_view s) {
  // "12 | Title" or "Title | 12": a number on one side of a bar, a few words on the other.
  if (std::size_t bar = s.find('|');
      bar != std::string_view::npos && s.find('|', bar + 1) == std::string_view::npos) {
    auto trimmed = [](std::string_view t) {
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      return t;
    };
    std::string_view left = trimmed(s.substr(0, bar)), right = trimmed(s.substr(bar + 1));
    auto words = [](std::string_view t) { return std::count(t.begin(), t.end(), ' ') + 1; };
    if ((is_number(left) && !right.empty() && words(right) <= 8) ||
        (is_number(right) && !left.empty() && words(left) <= 8))
      return true;
  }
  // Tokens between decorations: [page|p.|pg.] N [of|/ M], N arabic or roman.
  std::vector<std::string> tokens;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (s[i] == '/') {
      if (!cur.empty()) tokens.push_back(cur);
      tokens.push_back("/");
      cur.clear();
      ++i;
    } else if (is_decoration(s, i, &len)) {
      if (!cur.empty() && !(s[i] == '.' && lower_ascii(cur) == "p"))
        tokens.push_back(cur), cur.clear();
      i += len;
    } else {
      cur += s[i++];
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  std::size_t t = 0;
  if (t < tokens.size()) {
    std::string w = lower_ascii(tokens[t]);
    if (w == "page" || w == "p" || w == "pg" || w == "seite" || w == "p." || w == "стр") ++t;
  }
  if (t >= tokens.size() || !(is_number(tokens[t]) || is_roman(tokens[t]))) return false;
  ++t;
  if (t == tokens.size()) return true;
  std::string w = lower_ascii(tokens[t]);
  if ((w == "of" || w == "/") && t + 2 == tokens.size() && is_number(tokens[t + 1])) return true;
  return false;
}

void drop_furniture(std::vector<Page>& pages) {
  // Where each edge line's key occurs: (page, centre height).
  std::map<std::string, std::vector<std::pair<int, double>>> seen;
  std::map<std::string, std::set<int>> one_word;  // edge lines of one word: on which pages
  int with_text = 0;
  for (const Page& p : pages) {
    with_text += !p.lines.empty();
    for (const Line& l : p.lines) {
      bool edge = l.y1 <= p.height * kEdgeZone || l.y0 >= p.height * (1 - kEdgeZone);
      if (!edge) continue;
      seen[repeat_key(l.text)].emplace_back(p.number, center(l));
      if (l.text.find(' ') == std::string::npos) one_word[l.text].insert(p.number);
    }
  }
  // On at least a fifth of the pages (a head on every other page is on half), at least three.
  const int threshold =
      with_text >= 6 ? std::max(3, static_cast<int>(std::ceil(0.2 * with_text))) : 2;
  auto repeated = [&](const Page& p, const Line& l) {
    auto it = seen.find(repeat_key(l.text));
    if (it == seen.end()) return false;
    const double tolerance = std::max(8.0, 0.02 * p.height);
    int pages_at = 0, last = -1;
    for (auto [page, y] : it->second)
      if (page != last && std::abs(y - center(l)) <= tolerance) {
        ++pages_at;
        last = page;
      }
    return pages_at >= threshold;
  };

  // A first page's footer often adds to a running one ("15-12556 (E) 250815" for "15-12556"):
  // an edge line whose first word (with a digit, five characters at least) is an edge line of its
  // own on as many pages as a running line.
  auto opens_with_running_line = [&](const Line& l) {
    std::string_view t = l.text;
    std::size_t space = t.find(' ');
    if (space == std::string_view::npos || space < 5) return false;
    auto it = one_word.find(std::string(t.substr(0, space)));
    return it != one_word.end() && static_cast<int>(it->second.size()) >= threshold &&
           it->first.find_first_of("0123456789") != std::string::npos;
  };

  for (Page& p : pages) {
    const std::size_t n = p.lines.size();
    std::vector<bool> drop(n, false);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p.lines[a].y0 < p.lines[b].y0; });
    // Repeated lines anywhere in the edge zones; page numbers and copyright lines only at the
    // very edge, or beyond furniture already found there.
    auto furniture = [&](const Line& l, bool at_edge) {
      if (repeated(p, l) || opens_with_running_line(l)) return true;
      return at_edge && (is_page_number(l.text) || is_copyright(l.text) || is_barcode(l.text));
    };
    bool at_edge = true;
    for (std::size_t k = 0; k < n; ++k) {
      const Line& l = p.lines[order[k]];
      if (l.y1 > p.height * kEdgeZone) break;
      if (furniture(l, at_edge))
        drop[order[k]] = true;
      else
        at_edge = false;
    }
    at_edge = true;
    for (std::size_t k = n; k-- > 0;) {
      const Line& l = p.lines[order[k]];
      if (l.y0 < p.height * (1 - kEdgeZone)) break;
      if (furniture(l, at_edge))
        drop[order[k]] = true;
      else
        at_edge = false;
    }
    drop_copyright_blocks(p, drop);
    std::vector<Line> kept;
    kept.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      if (!drop[i] && !is_rule(p.lines[i].text)) kept.push_back(std::move(p.lines[i]));
    p.lines = std::move(kept);
  }
}

std::string note_mark(const Line& l) {
  if (!l.lead_mark.empty()) return l.lead_mark;
  std::string_view t = l.text;
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] >= '0' && t[i] <= '9') ++i;
  // Digits joined to what follows by punctuation are a number, not a mark: "3.", "4%", a page
  // range "15-26" or "15–26", a date or path "02/msg" (a URL's run-on line), a time "10:30".
  auto number_goes_on = [](std::string_view rest) {
    static constexpr std::string_view kJoins = ".,)%/-:;";
    return kJoins.find(rest[0]) != std::string_view::npos || (rest[0] >= '0' && rest[0] <= '9') ||
           rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94");
  };
  if (i > 0 && i < t.size() && !number_goes_on(t.substr(i))) return std::string(t.substr(0, i));
  for (std::string_view m : {"*", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xE2\x88\x97"})
    if (t.starts_with(m)) return std::string(m);
  return "";
}

void separate_footnotes(std::vector<Page>& pages, double body_font) {
  if (body_font <= 0) return;
  const double small = 0.9 * body_font;
  for (Page& p : pages) {
    if (p.lines.size() < 3) continue;
    std::vector<bool> note(p.lines.size(), false);
    std::vector<int> columns;
    for (const Line& l : p.lines)
      if (std::find(columns.begin(), columns.end(), l.column) == columns.end())
        columns.push_back(l.column);
    for (int col : columns) {
      // The column's lines (full-width lines count for every column), bottom up.
      std::vector<std::size_t> idx;
      for (std::size_t i = 0; i < p.lines.size(); ++i)
        if (p.lines[i].column == col || (p.lines[i].column == -1 && col != -1)) idx.push_back(i);
      std::stable_sort(idx.begin(), idx.end(),
                       [&](std::size_t a, std::size_t b) { return p.lines[a].y0 < p.lines[b].y0; });
      std::size_t first_small = idx.size();
      while (first_small > 0 && p.lines[idx[first_small - 1]].font <= small &&
             (p.lines[idx[first_small - 1]].column == col || col == -1))
        --first_small;
      // The body above in a body font: a page of small print (a reference list) has no notes.
      bool body_above = false;
      for (std::size_t k = 0; k < first_small; ++k) body_above |= p.lines[idx[k]].font > small;
      if (!body_above || first_small == idx.size()) continue;
      // Notes open with a mark: small lines above the first mark are not notes (a caption).
      // A line after one ending in a hyphen carries on its word (a URL or a name broken over two
      // lines), so a number opening it is no mark.
      auto opens_note = [&](std::size_t k) {
        if (note_mark(p.lines[idx[k]]).empty()) return false;
        return k == 0 || !p.lines[idx[k - 1]].text.ends_with('-');
      };
      std::size_t start = first_small;
      while (start < idx.size() && !opens_note(start)) ++start;
      for (std::size_t k = start; k < idx.size(); ++k) note[idx[k]] = true;
    }
    std::vector<Line> body;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      if (!note[i]) {
        body.push_back(std::move(p.lines[i]));
        continue;
      }
      Line& l = p.lines[i];
      if (!l.lead_mark.empty()) {
        l.text = l.lead_mark + " " + l.text;
        l.lead_mark.clear();
      }
      p.notes.push_back(std::move(l));
    }
    p.lines = std::move(body);
    std::stable_sort(p.notes.begin(), p.notes.end(), [](const Line& a, const Line& b) {
      int ca = std::max(a.column, 0), cb = std::max(b.column, 0);
      return ca != cb ? ca < cb : a.y0 < b.y0;
    });
  }
}

}  // namespace softgraph::ingest::pdf
