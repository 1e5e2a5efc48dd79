#include "reference_list_finder.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <set>

#include "entry_splitter.hpp"
#include "ref_text.hpp"
#include "reference_parser.hpp"
#include "softgraph/core/ascii_scan.hpp"
#include "softgraph/ingest/reference_headings.hpp"

namespace softgraph::refs {
namespace {

struct Line {
  ByteRange range;  // trimmed
  bool blank_before = false;
};

// Calls fn(line) for the trimmed non-blank lines of text[begin, end).
template <typename Fn>
void for_each_line(std::string_view text, std::uint64_t begin, std::uint64_t end, Fn&& fn) {
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
      fn(Line{{b, b + t.size()}, blank});
      blank = false;
    }
    p = nl + 1;
  }
}

std::vector<Line> lines_from(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  std::vector<Line> out;
  for_each_line(text, begin, end, [&](const Line& ln) { out.push_back(ln); });
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
  // Both readings need a year near the start: the cheap test first.
  if (!has_year_early(l)) return false;
  if (starts_with_author(l)) return true;
  int len = 0;
  return l.size() > 30 && is_upper(code_point_at(l, 0, &len)) &&
         l.find(" \xE2\x80\x93 ") == std::string_view::npos;
}

bool looks_unfinished(std::string_view entry) {
  if (entry.empty()) return false;
  char c = entry.back();
  return c == '-' || c == ',' || c == '%' || c == '/' || (c >= 'a' && c <= 'z');
}

// Whether the entry's last word is a link ("http://example.org/a-"): its hyphen is the
// link's. The last word only: an entry may be long, and every line is appended.
bool last_word_is_link(std::string_view text) {
  if (text.size() > 200) text.remove_prefix(text.size() - 200);  // a link's tail tells
  const std::size_t sp = text.rfind(' ');
  const std::string_view word = sp == std::string_view::npos ? text : text.substr(sp + 1);
  return word.find("http") != std::string_view::npos || word.find("www.") != std::string_view::npos;
}

void append_line(ReferenceEntry& e, std::string_view line, std::uint64_t end) {
  if (e.text.empty()) {
    e.text = std::string(line);
  } else if (e.text.back() == '-' && !line.empty() && line[0] >= 'a' && line[0] <= 'z' &&
             !last_word_is_link(e.text)) {
    e.text.pop_back();  // "inter-" + "national" -> "international"
    e.text += line;
  } else {
    e.text += " ";
    e.text += line;
  }
  e.range.end = end;
}

// A short line between parts of a list that belongs to none: a running head or foot the reader
// left ("EVAN JONES"), with no punctuation an entry's fragment would carry.
bool looks_like_furniture(std::string_view l) {
  return l.size() <= 60 && l.find_first_of(".,:;") == std::string_view::npos;
}

// A line that opens with a year ("2008. Strong Borders, ...") after an entry whose year has not
// come yet: the rest of that entry, cut by a column or page break after its authors.
bool year_first(std::string_view l, std::string_view open_before) {
  return !l.empty() && l[0] >= '0' && l[0] <= '9' && !open_before.empty() &&
         !has_year_early(open_before);
}

ReferenceList read_list(std::string_view text, ByteRange heading, std::uint64_t limit) {
  ReferenceList list;
  list.heading = heading;
  list.range = heading;
  std::vector<Line> lines = lines_from(text, heading.end, limit);
  ReferenceEntry cur;
  EntrySplitter splitter;
  // How many entries in a row began at a paragraph and ended with it (0 once one did not).
  int paragraph_entries = 0;
  int strict_opens = 0;  // entries opened by EntrySplitter (labels, author-date openings, dashes)
  auto close = [&] {
    if (!cur.text.empty()) list.entries.push_back(cur);
    cur = {};
  };
  // Whether line k goes on with the list: it opens an entry or holds one (a copy of the
  // splitter, so that looking ahead changes nothing).
  // Line k with the start of the line after it, when that goes on without a blank line: an
  // entry's names may fill a line before their year ("Dodds, P. S.; Harris, K. D.;" / "and
  // Danforth, C. M. 2011.").
  std::string window;
  auto with_next = [&](std::size_t k) -> std::string_view {
    std::string_view l = lines[k].range.slice(text);
    if (k + 1 >= lines.size() || lines[k + 1].blank_before || l.size() > 300) return l;
    std::string_view next = lines[k + 1].range.slice(text);
    window.assign(l);
    window += ' ';
    window.append(next.substr(0, 300));
    return window;
  };
  auto holds_entries = [&](std::size_t k) {
    if (k >= lines.size()) return false;
    std::string_view l = lines[k].range.slice(text);
    if (is_reference_heading(l)) return false;
    EntrySplitter probe = splitter;
    return looks_like_entry_start(l) || probe.opens(with_next(k), lines[k].blank_before, {}) ||
           !probe.inner_starts(l, {}).empty();
  };
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& ln = lines[k];
    std::string_view l = ln.range.slice(text);
    if (is_reference_heading(l)) break;
    // A numbered list opens entries with its labels only (a wrapped line may start "2019. ...").
    // An entry whose names go on over the line ("Bliss, C. A.;") goes on here, whatever the
    // line looks like ("Reagan, A. J.; and Dodds, P. S. 2021." opens no entry of its own).
    const bool mid_names = !cur.text.empty() && (cur.text.back() == ',' || cur.text.back() == ';' ||
                                                 cur.text.back() == '&');
    const bool strict = !mid_names && splitter.opens(with_next(k), ln.blank_before, cur.text);
    strict_opens += strict;
    // The looser reading of the list finder (a capitalised line with a year early) serves lists
    // the rules above do not read (GOST); once they have read two entries it would split lines
    // that wrap ("Russo-Ukrainian Crisis. arXiv:2203.05967.").
    bool starts = strict || (!splitter.numbered() && strict_opens < 2 && !mid_names &&
                             looks_like_entry_start(l) && !year_first(l, cur.text) &&
                             !(looks_unfinished(cur.text) && !has_bullet(l) && !has_number(l)));
    if (cur.text.empty() && list.entries.empty() && !starts) break;
    std::vector<std::size_t> inner =
        splitter.inner_starts(l, starts ? std::string_view() : std::string_view(cur.text));
    strict_opens += static_cast<int>(inner.size());
    if (!starts && ln.blank_before && inner.empty() &&
        !(looks_unfinished(cur.text) && !is_upper(code_point_at(l, 0)))) {
      // A paragraph with no entry in it: a fragment cut off by a column or page break, or a
      // running head, when the list goes on after it; else the list has ended ("Information
      // about authors:").
      if (looks_like_furniture(l)) {
        // A page number and a running head ("376", "EVAN JONES") between two pages of the list:
        // skipped when the list goes on after them.
        std::size_t next = k + 1;
        while (next < lines.size() && next < k + 4 &&
               looks_like_furniture(lines[next].range.slice(text)) && !holds_entries(next))
          ++next;
        if (!holds_entries(next)) break;
        continue;
      }
      // The entry may go on over a line or two first ("Package for ..." / "R Archive Network").
      if (!holds_entries(k + 1) && !holds_entries(k + 2)) break;
      // In a list that gives each entry a paragraph, this is an entry not understood: one of
      // its own (a warning names it), not the end of the list.
      starts = paragraph_entries >= 2 && !looks_unfinished(cur.text);
    }
    if (starts && ln.blank_before && inner.empty())
      ++paragraph_entries;
    else if (starts || !inner.empty() || ln.blank_before)  // an entry began or went on elsewhere
      paragraph_entries = 0;
    if (starts) {
      close();
      cur.range.begin = ln.range.begin;
    }
    std::size_t from = 0;
    for (std::size_t at : inner) {
      const std::string_view part = trim(l.substr(from, at - from));
      append_line(
          cur, part,
          ln.range.begin + static_cast<std::uint64_t>(part.data() - l.data()) + part.size());
      close();
      cur.range.begin = ln.range.begin + at;
      from = at;
    }
    append_line(cur, l.substr(from), ln.range.end);
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
  std::size_t sp = 0;  // only a space in the first five bytes counts
  while (sp < 5 && sp < t.size() && t[sp] != ' ') ++sp;
  if (sp < 5 && sp < t.size() && sp >= 1 && t[sp - 1] == '.' &&
      t.substr(0, sp - 1).find_first_not_of("0123456789IVX") == std::string_view::npos)
    t.remove_prefix(sp + 1);
  return t;
}

}  // namespace

namespace {

// The known headings case-folded, and what a line must share with one of them to be worth
// folding: every line of a text is tried, and almost none is a heading.
struct Headings {
  std::set<std::string> folded;
  std::vector<std::string> ascii;      // the folded headings that are plain ASCII
  std::uint64_t ascii_lengths = 0;     // bit n: an ASCII heading of n bytes (n < 64)
  bool ascii_first[128] = {};          // first bytes of folded headings that are ASCII
  std::bitset<128 * 128> ascii_pairs;  // first two bytes of those, when both are ASCII
  // first_letters_rule_out by a line's first two bytes, for an ASCII first byte (a second byte
  // from 0x80 up counts as 0: neither is a letter, a digit, 'I', 'V', 'X' or '.').
  std::bitset<128 * 128> ruled_out;
  // The first four bytes of the folded headings that open with four ASCII letters.
  std::vector<std::uint32_t> letter_prefixes;
};

// The four bytes at `p` as one number (in memory order).
std::uint32_t four_bytes(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A trimmed line that starts with letters keeps them first in heading_text() (its trailing
// marks go, never a letter) unless they are a numeral (I, V, X) of "V. Bibliography": if no
// heading starts with them, the line is none. Most lines are rejected here, before other work.
bool first_letters_rule_out(std::string_view trimmed, const Headings& h) {
  if (trimmed.empty() || !ascii_letter(trimmed[0])) return false;
  const char c = trimmed[0];
  if (c == 'I' || c == 'V' || c == 'X')  // a numeral goes on with one of these, or its '.'
    return trimmed.size() < 2 ||
           std::string_view("0123456789IVX.").find(trimmed[1]) == std::string_view::npos;
  if (!h.ascii_first[static_cast<unsigned char>(ascii_lower(c))]) return true;
  return trimmed.size() >= 2 && ascii_letter(trimmed[1]) &&
         !h.ascii_pairs.test(static_cast<unsigned char>(ascii_lower(c)) * 128 +
                             static_cast<unsigned char>(ascii_lower(trimmed[1])));
}

const Headings& headings() {
  static const Headings kHeadings = [] {
    Headings h;
    for (const ReferenceHeading& heading : kReferenceHeadings)
      h.folded.insert(fold_case(heading.name));
    for (const std::string& f : h.folded) {
      const auto first = static_cast<unsigned char>(f.front());
      if (first < 0x80) h.ascii_first[first] = true;
      if (f.size() >= 2 && first < 0x80 && static_cast<unsigned char>(f[1]) < 0x80)
        h.ascii_pairs.set(first * 128 + static_cast<unsigned char>(f[1]));
      if (std::all_of(f.begin(), f.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        h.ascii.push_back(f);
        if (f.size() < 64) h.ascii_lengths |= std::uint64_t{1} << f.size();
      }
    }
    for (int b0 = 0; b0 < 128; ++b0)
      for (int b1 = 0; b1 < 128 && ascii_letter(static_cast<char>(b0)); ++b1) {
        const char pair[2] = {static_cast<char>(b0), static_cast<char>(b1)};
        if (first_letters_rule_out(std::string_view(pair, 2), h)) h.ruled_out.set(b0 * 128 + b1);
      }
    for (const std::string& f : h.folded)
      if (f.size() >= 4 && std::all_of(f.begin(), f.begin() + 4, ascii_letter))
        h.letter_prefixes.push_back(four_bytes(f.data()));
    return h;
  }();
  return kHeadings;
}

}  // namespace

bool is_reference_heading(std::string_view line) {
  if (line.size() > 80) return false;
  const Headings& h = headings();
  if (first_letters_rule_out(trim(line), h)) return false;
  std::string_view t = heading_text(line);
  if (t.empty()) return false;  // folds to "", no heading
  // Case folding maps each code point on its own and ASCII to its lower case: an ASCII first
  // byte must be the first byte of a heading; an ASCII line must equal an ASCII heading.
  const auto first = static_cast<unsigned char>(t.front());
  if (first < 0x80 && !h.ascii_first[static_cast<unsigned char>(ascii_lower(t.front()))])
    return false;
  if (t.size() >= 2 && first < 0x80 && static_cast<unsigned char>(t[1]) < 0x80 &&
      !h.ascii_pairs.test(static_cast<unsigned char>(ascii_lower(t[0])) * 128 +
                          static_cast<unsigned char>(ascii_lower(t[1]))))
    return false;
  if (ascii::all_ascii(t)) {
    if (t.size() < 64 && !(h.ascii_lengths >> t.size() & 1)) return false;
    return std::any_of(h.ascii.begin(), h.ascii.end(), [&](const std::string& a) {
      return a.size() == t.size() && std::equal(a.begin(), a.end(), t.begin(),
                                                [](char x, char y) { return x == ascii_lower(y); });
    });
  }
  if (first >= 0x80) {
    // The folded line starts with the folded first code point: some heading must too.
    int len = 1;
    code_point_at(t, 0, &len);
    const std::string f = fold_case(t.substr(0, static_cast<std::size_t>(std::max(len, 1))));
    if (std::none_of(h.folded.begin(), h.folded.end(),
                     [&](const std::string& k) { return k.starts_with(f); }))
      return false;
  }
  return h.folded.count(fold_case(t)) != 0;
}

std::vector<std::uint64_t> newline_offsets(std::string_view text) {
  std::vector<std::uint64_t> out;
  out.reserve(text.size() / 48 + 16);
  ascii::append_positions(text, '\n', out);
  return out;
}

std::vector<ReferenceList> find_reference_lists(const Document& doc) {
  return find_reference_lists(doc, newline_offsets(doc.text));
}

std::vector<ReferenceList> find_reference_lists(const Document& doc,
                                                const std::vector<std::uint64_t>& newlines) {
  std::string_view text = doc.text;
  // Heading positions: the ingest's "references" sections, then headings found in the lines.
  std::vector<std::pair<ByteRange, std::uint64_t>> starts;  // heading, limit
  for (const Section& s : doc.sections)
    if (s.kind == "references" && s.range.end <= text.size()) {
      ByteRange h = s.title_range.empty() ? ByteRange{s.range.begin, s.range.begin} : s.title_range;
      starts.push_back({h, s.range.end});
    }
  const Headings& h = headings();
  // Every non-blank line, trimmed (as for_each_line gives them), the known newlines marking the
  // line ends.
  std::uint64_t p = 0;
  for (std::size_t k = 0; k <= newlines.size(); ++k) {
    const std::uint64_t nl = k < newlines.size() ? newlines[k] : text.size();
    const std::uint64_t line_begin = p;
    p = nl + 1;
    if (line_begin < nl) {
      // A line that starts with a letter is trimmed to itself at the front, and the two bytes
      // there settle first_letters_rule_out (after one letter comes a byte the trim removes, or
      // the end: as a second byte, neither rules more or less out): most lines end here.
      const auto b0 = static_cast<unsigned char>(text[line_begin]);
      if (b0 < 0x80 && ascii_letter(static_cast<char>(b0))) {
        const auto b1 = line_begin + 1 < text.size()
                            ? static_cast<unsigned char>(text[line_begin + 1])
                            : static_cast<unsigned char>(0);
        if (h.ruled_out.test(b0 * 128 + (b1 < 0x80 ? b1 : 0))) continue;
        // Four letters (the first no numeral I, V or X) stay the first four bytes of
        // heading_text() and, lower-cased, of its folded form: they must open a heading.
        if (b0 != 'I' && b0 != 'V' && b0 != 'X' && line_begin + 4 <= nl &&
            ascii_letter(text[line_begin + 1]) && ascii_letter(text[line_begin + 2]) &&
            ascii_letter(text[line_begin + 3])) {
          char lower[4];
          for (int k = 0; k < 4; ++k) lower[k] = ascii_lower(text[line_begin + k]);
          const std::uint32_t v = four_bytes(lower);
          if (std::find(h.letter_prefixes.begin(), h.letter_prefixes.end(), v) ==
              h.letter_prefixes.end())
            continue;
        }
      }
    }
    const std::string_view raw = text.substr(line_begin, nl - line_begin);
    const std::string_view l = trim(raw);
    // The cheap tests of is_reference_heading first, without a call.
    if (l.empty() || l.size() > 80 || first_letters_rule_out(l, h) || !is_reference_heading(l))
      continue;
    const std::uint64_t b = line_begin + static_cast<std::uint64_t>(l.data() - raw.data());
    const ByteRange range{b, b + l.size()};
    bool known = std::any_of(starts.begin(), starts.end(), [&](const auto& st) {
      return st.first.overlaps(range) || st.first == range;
    });
    if (!known) starts.push_back({range, text.size()});
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
