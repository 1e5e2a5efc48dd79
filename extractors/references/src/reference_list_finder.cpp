#include "softgraph/extract/reference_list_finder.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "softgraph/extract/ref_text.hpp"
#include "softgraph/extract/reference_parser.hpp"

namespace softgraph::refs {
namespace {

struct Line {
  ByteRange range;  // trimmed
  bool blank_before = false;
};

std::vector<Line> lines_from(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  std::vector<Line> out;
  bool blank = false;
  for (std::uint64_t p = begin; p < end;) {
    std::uint64_t nl = text.find('\n', p);
    if (nl == std::string_view::npos || nl > end) nl = end;
    std::string_view raw = text.substr(p, nl - p);
    std::string_view t = trim(raw);
    if (t.empty()) {
      blank = true;
    } else {
      std::uint64_t b = p + static_cast<std::uint64_t>(t.data() - raw.data());
      out.push_back({{b, b + t.size()}, blank});
      blank = false;
    }
    p = nl + 1;
  }
  return out;
}

bool has_bullet(std::string_view l) {
  return l.starts_with("- ") || l.starts_with("* ") || l.starts_with("\xE2\x80\xA2 ") ||
         l.starts_with("\xE2\x80\x93 ");
}

bool has_number(std::string_view l) {
  std::size_t i = l.starts_with("[") ? 1 : 0, d = i;
  while (i < l.size() && i - d < 3 && l[i] >= '0' && l[i] <= '9') ++i;
  if (i == d || i >= l.size()) return false;
  if (d == 1) return l[i] == ']';
  return (l[i] == '.' || l[i] == ')') && i + 1 < l.size() && l[i + 1] == ' ';
}

bool has_year_early(std::string_view l) {
  std::size_t limit = std::min<std::size_t>(l.size(), 160);
  for (std::size_t i = 0; i + 4 <= limit; ++i) {
    bool four = true;
    for (std::size_t k = i; k < i + 4; ++k) four = four && l[k] >= '0' && l[k] <= '9';
    if (!four) continue;
    bool alone = (i == 0 || !(l[i - 1] >= '0' && l[i - 1] <= '9')) &&
                 (i + 4 == l.size() || !(l[i + 4] >= '0' && l[i + 4] <= '9'));
    if (alone && (l[i] == '1' || l[i] == '2')) return true;
  }
  return false;
}

// A line that opens an entry without a bullet: it starts with a name list, or is a capitalised
// line with a year near its start.
bool looks_like_entry_start(std::string_view l) {
  if (has_bullet(l) || has_number(l)) return true;
  std::vector<Author> authors;
  bool et_al = false;
  std::size_t used = parse_authors(l, authors, et_al, false);
  if (used > 0 && has_year_early(l)) return true;
  int len = 0;
  return l.size() > 30 && is_upper(code_point_at(l, 0, &len)) && has_year_early(l) &&
         l.find(" \xE2\x80\x93 ") == std::string_view::npos;
}

bool looks_unfinished(std::string_view entry) {
  if (entry.empty()) return false;
  char c = entry.back();
  return c == '-' || c == ',' || c == '%' || c == '/' || (c >= 'a' && c <= 'z');
}

void append_line(ReferenceEntry& e, std::string_view line, std::uint64_t end) {
  if (e.text.empty()) {
    e.text = std::string(line);
  } else if (e.text.back() == '-' && !line.empty() && line[0] >= 'a' && line[0] <= 'z' &&
             e.text.find("http") == std::string::npos) {
    e.text.pop_back();  // "inter-" + "national" -> "international"
    e.text += line;
  } else {
    e.text += " ";
    e.text += line;
  }
  e.range.end = end;
}

ReferenceList read_list(std::string_view text, ByteRange heading, std::uint64_t limit) {
  ReferenceList list;
  list.heading = heading;
  list.range = heading;
  std::vector<Line> lines = lines_from(text, heading.end, limit);
  ReferenceEntry cur;
  auto close = [&] {
    if (!cur.text.empty()) list.entries.push_back(cur);
    cur = {};
  };
  for (const Line& ln : lines) {
    std::string_view l = ln.range.slice(text);
    if (is_reference_heading(l)) break;
    bool starts = looks_like_entry_start(l);
    if (cur.text.empty() && list.entries.empty()) {
      if (!starts) break;
    } else if (!starts && ln.blank_before &&
               !(looks_unfinished(cur.text) && !is_upper(code_point_at(l, 0)))) {
      break;  // a paragraph that is no entry ends the list ("Information about authors:")
    }
    if (starts) {
      close();
      cur.range.begin = ln.range.begin;
    }
    append_line(cur, l, ln.range.end);
    list.range.end = ln.range.end;
  }
  close();
  return list;
}

// The words of a heading line, before folding.
std::string_view heading_text(std::string_view line) {
  std::string_view t = trim(line);
  while (!t.empty() && (t.front() == '#' || t.front() == '*' || t.front() == ' '))
    t.remove_prefix(1);
  while (!t.empty() && (t.back() == '*' || t.back() == ':' || t.back() == '.' || t.back() == ' '))
    t.remove_suffix(1);
  // "5. References", "V. Bibliography"
  std::size_t sp = t.find(' ');
  if (sp != std::string_view::npos && sp <= 4 && t[sp - 1] == '.' &&
      t.substr(0, sp - 1).find_first_not_of("0123456789IVX") == std::string_view::npos)
    t.remove_prefix(sp + 1);
  return t;
}

}  // namespace

bool is_reference_heading(std::string_view line) {
  if (line.size() > 80) return false;
  static const std::set<std::string> kHeadings = [] {
    std::set<std::string> s;
    for (std::string_view h : {"References",
                               "Reference list",
                               "Bibliography",
                               "Literature",
                               "Works cited",
                               "Sources",
                               "Notes",
                               "Endnotes",
                               "Notes and references",
                               "Sources and literature",
                               "Список литературы",
                               "Литература",
                               "Список использованной литературы",
                               "Список использованных источников",
                               "Библиография",
                               "Источники",
                               "Примечания",
                               "Әдебиеттер тізімі",
                               "Әдебиеттер",
                               "Пайдаланылған әдебиеттер тізімі",
                               "Пайдаланылған әдебиеттер",
                               "Дереккөздер"})
      s.insert(fold_case(h));
    return s;
  }();
  // Every line of a text is tried: one in ASCII (which folds to as many bytes) that is longer
  // than the longest ASCII heading is none, and needs no folded copy.
  static const std::size_t kLongestAscii = [] {
    std::size_t n = 0;
    for (const std::string& h : kHeadings)
      if (std::all_of(h.begin(), h.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        n = std::max(n, h.size());
    return n;
  }();
  std::string_view t = heading_text(line);
  if (t.size() > kLongestAscii) {
    // Is it ASCII? Or-ed without an early exit, a loop the compiler vectorises.
    unsigned char high = 0;
    for (char c : t) high |= static_cast<unsigned char>(c);
    if (high < 0x80) return false;
  }
  return kHeadings.count(fold_case(t)) != 0;
}

std::vector<ReferenceList> find_reference_lists(const Document& doc) {
  std::string_view text = doc.text;
  // Heading positions: the ingest's "references" sections, then headings found in the lines.
  std::vector<std::pair<ByteRange, std::uint64_t>> starts;  // heading, limit
  for (const Section& s : doc.sections)
    if (s.kind == "references" && s.range.end <= text.size()) {
      ByteRange h = s.title_range.empty() ? ByteRange{s.range.begin, s.range.begin} : s.title_range;
      starts.push_back({h, s.range.end});
    }
  for (const Line& ln : lines_from(text, 0, text.size()))
    if (is_reference_heading(ln.range.slice(text))) {
      bool known = std::any_of(starts.begin(), starts.end(), [&](const auto& st) {
        return st.first.overlaps(ln.range) || st.first == ln.range;
      });
      if (!known) starts.push_back({ln.range, text.size()});
    }
  std::sort(starts.begin(), starts.end(),
            [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  std::vector<ReferenceList> out;
  for (const auto& [heading, limit] : starts) {
    if (!out.empty() && heading.begin < out.back().range.end) continue;
    ReferenceList list = read_list(text, heading, limit);
    if (!list.entries.empty()) out.push_back(std::move(list));
  }
  return out;
}

}  // namespace softgraph::refs
