#include "citation_finder.hpp"

#include <algorithm>
#include <array>

#include "ref_text.hpp"
#include "softgraph/core/ascii_scan.hpp"

namespace softgraph::refs {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

struct Year {
  int year = 0;
  std::string suffix;
  std::string text;  // "n.d.", "forthcoming", "in press", "1998/9"
};

// "2002", "2004a", "1998/9", "n.d.", "forthcoming" at p; returns the end or p.
std::size_t read_year(std::string_view s, std::size_t p, Year& y) {
  for (std::string_view w : {"n.d.", "n. d.", "forthcoming", "in press"})
    if (s.size() - std::min(p, s.size()) >= w.size() && s.compare(p, w.size(), w) == 0 &&
        (p + w.size() == s.size() || !is_letter(code_point_at(s, p + w.size())))) {
      y = {0, "", w == "n. d." ? std::string("n.d.") : std::string(w)};
      return p + w.size();
    }
  if (p + 4 > s.size()) return p;
  for (std::size_t i = p; i < p + 4; ++i)
    if (!digit(s[i])) return p;
  if (p + 4 < s.size() && digit(s[p + 4])) return p;
  int v = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
  if (v < 1500 || v > 2099) return p;
  y.year = v;
  y.suffix.clear();
  std::size_t e = p + 4;
  if (e < s.size() && s[e] >= 'a' && s[e] <= 'z' &&
      (e + 1 == s.size() || !is_letter(code_point_at(s, e + 1)))) {
    y.suffix = std::string(1, s[e]);
    ++e;
  }
  if (e < s.size() && is_letter(code_point_at(s, e))) return p;  // "2002nd", "1990s"
  y.text.clear();
  if (y.suffix.empty() && e + 1 < s.size() && s[e] == '/' && digit(s[e + 1])) {
    std::size_t f = e + 1;  // "1998/9", "1998/99": the first year counts
    while (f < s.size() && f - e <= 4 && digit(s[f])) ++f;
    if (f - e <= 4 && (f == s.size() || !digit(s[f]))) {
      y.text = std::string(s.substr(p, f - p));
      e = f;
    }
  }
  return e;
}

// Years "2002, 2004, 2005" then an optional locator ", p. 9". False if anything else follows.
bool read_years(std::string_view s, std::vector<Year>& years, std::string& locator) {
  std::size_t p = 0;
  while (true) {
    Year y;
    std::size_t e = read_year(s, p, y);
    if (e == p) break;
    years.push_back(y);
    p = e;
    // "1972a,b" and "1979a,b,c": more works of that year, by their letters alone.
    while (!y.suffix.empty() && p + 1 < s.size() && s[p] == ',' &&
           (s[p + 1] >= 'a' && s[p + 1] <= 'z') &&
           (p + 2 == s.size() || !is_letter(code_point_at(s, p + 2)))) {
      years.push_back({y.year, std::string(1, s[p + 1]), ""});
      p += 2;
    }
    std::size_t q = p;
    while (q < s.size() && (s[q] == ',' || s[q] == ' ')) ++q;
    Year next;
    if (read_year(s, q, next) == q) break;
    p = q;
  }
  if (years.empty()) return false;
  std::string_view rest = trim_punct(s.substr(p), " ");
  while (!rest.empty() && (rest.front() == ',' || rest.front() == ':' || rest.front() == ' '))
    rest.remove_prefix(1);
  if (rest.empty()) return true;
  for (std::string_view loc :
       {"p.", "pp.", "P.", "с.", "С.", "S.", "ch.", "chap.", "para.", "fig."})
    if (rest.starts_with(loc)) {
      locator = std::string(rest);
      return true;
    }
  if (digit(rest.front()) && rest.size() < 12) {  // Chicago "2013, 48"
    locator = std::string(rest);
    return true;
  }
  // Roman page numbers ("1995, xl", "xxi-xlviii") and a source named after the year ("2014,
  // as cited by ...", "quoted in ...").
  const std::size_t roman = rest.find_first_not_of("ivxlcdm");
  if (roman != 0 && rest.size() < 16 &&
      (roman == std::string_view::npos || rest[roman] == '-' || rest[roman] == ' ' ||
       rest.compare(roman, 3, "\xE2\x80\x93") == 0)) {
    locator = std::string(rest);
    return true;
  }
  for (std::string_view lead : {"as cited", "cited in", "quoted in", "quoted by", "emphasis"})
    if (rest.starts_with(lead)) {
      locator = std::string(rest);
      return true;
    }
  return false;
}

bool is_stop_word(std::string_view w) {
  static const std::array<std::string_view, 30> kStop = {
      "In",   "The",    "See",       "Figure",   "Fig",      "Table",    "Chapter", "Section",
      "Page", "Note",   "January",   "February", "March",    "April",    "May",     "June",
      "July", "August", "September", "October",  "November", "December", "Since",   "Until",
      "From", "After",  "Before",    "By",       "Also",     "And"};
  // Length and first byte before the bytes: a name is tested against every stop word.
  return std::any_of(kStop.begin(), kStop.end(), [w](std::string_view k) {
    return k.size() == w.size() && k[0] == w[0] && k == w;
  });
}

// s.compare(q, m.size(), m) == 0 for q <= s.size(), byte by byte (no memcmp call for a few
// bytes that mostly differ at the first).
bool at(std::string_view s, std::size_t q, std::string_view m) {
  if (s.size() - q < m.size()) return false;
  for (std::size_t i = 0; i < m.size(); ++i)
    if (s[q + i] != m[i]) return false;
  return true;
}

// A capitalised name at p ("Nye", "Garbuzarova", "Лебедева"); returns the end or p.
std::size_t read_name(std::string_view s, std::size_t p) {
  int len = 0;
  if (p >= s.size() || !is_upper(code_point_at(s, p, &len))) return p;
  std::size_t q = p + len;
  while (q < s.size()) {
    char32_t c = code_point_at(s, q, &len);
    if (is_letter(c)) {
      q += len;
    } else if (c == U'-' && q + 1 < s.size() && is_upper(code_point_at(s, q + 1))) {
      q += len;  // "Garcia-Lopez"
    } else {
      break;
    }
  }
  if (q - p < 2 || is_stop_word(s.substr(p, q - p))) return p;
  // "Bueno de Mesquita": a lower-case particle and a capitalised word go on with the name.
  for (std::string_view part : {" de ", " van ", " von ", " da ", " del ", " der ", " di ", " du ",
                                " dos ", " ten ", " ter "}) {
    if (!at(s, q, part)) continue;
    const std::size_t r = q + part.size();
    std::size_t e = r;
    int l = 0;
    if (e < s.size() && is_upper(code_point_at(s, e, &l))) {
      e += static_cast<std::size_t>(l);
      while (e < s.size() && is_letter(code_point_at(s, e, &l))) e += static_cast<std::size_t>(l);
      if (e - r >= 2) q = e;
    }
    break;
  }
  return q;
}

std::size_t skip_space(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == '\n')) ++p;
  return p;
}

// "Lebedeva & Faure", "Naumkin et al.", "Usmonov and Inagaki" at the start of a parenthetical
// part; returns the end (at the comma or space before the years) or 0.
std::size_t forward_names(std::string_view s, std::vector<std::string>& names, bool& et_al) {
  std::size_t p = 0;
  while (true) {
    std::size_t e = read_name(s, p);
    if (e == p) return names.empty() ? 0 : p;
    names.emplace_back(s.substr(p, e - p));
    std::size_t q = skip_space(s, e);
    for (std::string_view m : {"et al.", "et al", "и др.", "и др"})
      if (at(s, q, m)) {
        et_al = true;
        return q + m.size();
      }
    if (at(s, q, "&")) {
      p = skip_space(s, q + 1);
    } else if (at(s, q, "and ")) {
      p = skip_space(s, q + 4);
    } else if (at(s, q, "\xD0\xB8 ")) {  // "и "
      p = skip_space(s, q + 3);
    } else if (q < s.size() && s[q] == ',' && names.size() < 8) {
      // "Lopez, Novak, and Kim 2021", "Lopez, Novak, & Kim"
      std::size_t r = skip_space(s, q + 1);
      if (at(s, r, "and "))
        r = skip_space(s, r + 4);
      else if (at(s, r, "&"))
        r = skip_space(s, r + 1);
      if (read_name(s, r) == r) return e;
      p = r;
    } else {
      return e;
    }
  }
}

// The word that ends at `end` (after skipping spaces back from it): [begin, end) of the word.
ByteRange word_before(std::string_view s, std::size_t end) {
  std::size_t e = end;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
  std::size_t b = e;
  while (b > 0) {
    std::size_t pb = prev_boundary(s, b);
    char32_t c = code_point_at(s, pb);
    if (is_letter(c) || c == U'\'' || c == U'\u2019' || c == U'-' || c == U'.') {
      b = pb;
    } else {
      break;
    }
  }
  return {b, e};
}

std::string_view strip_possessive(std::string_view w, bool& possessive) {
  for (std::string_view tail : {"\xE2\x80\x99s", "'s"})
    if (w.size() > tail.size() && w.ends_with(tail)) {
      possessive = true;
      return w.substr(0, w.size() - tail.size());
    }
  possessive = false;
  return w;
}

bool is_name_word(std::string_view w) { return !w.empty() && read_name(w, 0) == w.size(); }

bool is_lower_word(std::string_view w) {
  if (w.empty()) return false;
  for (std::size_t i = 0; i < w.size();) {
    int len = 1;
    if (!is_lower(code_point_at(w, i, &len))) return false;
    i += std::max(len, 1);
  }
  return true;
}

struct Names {
  std::vector<std::string> names;
  bool et_al = false;
  std::size_t begin = 0;
  std::string_view rule;
};

// Authors named just before "(2002...)": "Vlasov", "Nye's", "Naumkin et al.", "Usmonov and
// Inagaki", or a possessive a few lower-case words back ("Nye's foundational works").
bool back_names(std::string_view s, std::size_t open, Names& out) {
  ByteRange w = word_before(s, open);
  std::string_view word = w.slice(s);
  if (word == "al." || word == "др.") {
    ByteRange et = word_before(s, w.begin);
    std::string_view et_word = et.slice(s);
    if (et_word != "et" && et_word != "и") return false;
    w = word_before(s, et.begin);
    word = w.slice(s);
    out.et_al = true;
  }
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  bool possessive = false;
  std::string_view name = strip_possessive(word, possessive);
  out.rule = possessive ? "citation:possessive" : "citation:narrative";
  if (!is_name_word(name)) {
    // "Nye's foundational works (2002, 2004, 2005)": up to four lower-case words back.
    ByteRange cur = w;
    for (int k = 0; k < 4 && is_lower_word(cur.slice(s)); ++k) {
      cur = word_before(s, cur.begin);
      std::string_view n = strip_possessive(cur.slice(s), possessive);
      if (possessive && is_name_word(n)) {
        out.names.emplace_back(n);
        out.begin = cur.begin;
        out.rule = "citation:possessive";
        return true;
      }
    }
    return false;
  }
  out.names.emplace_back(name);
  out.begin = w.begin;
  // Co-authors to the left: "Usmonov and Inagaki", "Lebedeva & Faure", "A, B, and C".
  bool conjunction = false;  // one "and" or "&" read: further names come with commas
  while (out.names.size() < 8) {
    ByteRange conj = word_before(s, out.begin);
    std::string_view c = conj.slice(s);
    std::size_t before = conj.begin;
    if (!conjunction && c.empty() && conj.end > 0 && s[conj.end - 1] == '&') {
      before = conj.end - 1;
    } else if (!conjunction && (c == "and" || c == "и")) {
      before = conj.begin;
    } else {
      // "Harnisch, Frank, and Maull": a name and its comma before the names read.
      std::size_t e = out.begin;
      while (e > 0 && s[e - 1] == ' ') --e;
      if (!conjunction || e == 0 || s[e - 1] != ',') break;
      before = e - 1;
    }
    // ", and" before the last name: the comma goes with the conjunction.
    std::size_t b = before;
    while (b > 0 && s[b - 1] == ' ') --b;
    if (b > 0 && s[b - 1] == ',') before = b - 1;
    ByteRange prev = word_before(s, before);
    std::string_view pw = prev.slice(s);
    if (!pw.empty() && pw.back() == ',') pw.remove_suffix(1);
    if (!is_name_word(pw)) break;
    out.names.insert(out.names.begin(), std::string(pw));
    out.begin = prev.begin;
    conjunction = true;
  }
  return true;
}

bool in_skip(const std::vector<ByteRange>& skip, std::size_t p) {
  return std::any_of(skip.begin(), skip.end(),
                     [p](const ByteRange& r) { return r.begin <= p && p < r.end; });
}

// One hit per year; the last takes `base` itself (the others copy it).
void add_years(std::vector<CitationHit>& out, CitationHit&& base, const std::vector<Year>& ys) {
  if (ys.empty()) return;
  auto set_year = [](CitationHit& h, const Year& y) {
    h.year = y.year;
    h.year_suffix = y.suffix;
    h.year_text = y.text;
  };
  for (std::size_t k = 0; k + 1 < ys.size(); ++k) set_year(out.emplace_back(base), ys[k]);
  set_year(out.emplace_back(std::move(base)), ys.back());
}

void parenthetical(std::string_view s, std::size_t open, std::size_t close,
                   std::vector<CitationHit>& out) {
  std::string_view inner = s.substr(open + 1, close - open - 1);
  // Parts split at ';'. The names of the last part read stay in `out` (at `last`), for a part
  // that gives only years.
  const bool one_part = inner.find(';') == std::string_view::npos;
  std::size_t last = std::string::npos;
  std::vector<Year> ys;  // per part; one buffer for all
  for (std::size_t b = 0; b <= inner.size();) {
    std::size_t e = inner.find(';', b);
    if (e == std::string_view::npos) e = inner.size();
    std::string_view part = trim(inner.substr(b, e - b));
    b = e + 1;
    std::size_t off = open + 1 + static_cast<std::size_t>(part.data() - inner.data());
    for (std::string_view pre : {"see also ", "see ", "e.g., ", "e.g. ", "cf. ", "as cited in ",
                                 "см. также ", "см.: ", "см. "})
      if (!part.empty() && part[0] == pre[0] && part.starts_with(pre)) {
        part.remove_prefix(pre.size());
        off += pre.size();
      }
    CitationHit h;
    h.rule = "citation:parenthetical";
    std::size_t n = forward_names(part, h.names, h.et_al);
    if (n == 0 && last != std::string::npos) {  // "(Nye, 2002; 2004)"
      h.names = out[last].names;
      h.et_al = out[last].et_al;
    } else if (n == 0) {
      continue;
    }
    std::string_view rest = part.substr(n);
    while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
    ys.clear();
    if (!read_years(rest, ys, h.locator)) continue;
    h.range = one_part ? ByteRange{open, close + 1} : ByteRange{off, off + part.size()};
    add_years(out, std::move(h), ys);  // read_years gave at least one year
    last = out.size() - 1;
  }
}

void numbered(std::string_view s, std::size_t open, std::size_t close,
              std::vector<CitationHit>& out) {
  std::string_view inner = s.substr(open + 1, close - open - 1);
  std::vector<int> nums;
  std::size_t p = 0;
  while (p < inner.size()) {
    while (p < inner.size() && (inner[p] == ' ' || inner[p] == ',')) ++p;
    std::size_t d = p;
    while (p < inner.size() && digit(inner[p]) && p - d < 4) ++p;
    if (p == d) return;
    int a = std::stoi(std::string(inner.substr(d, p - d)));
    int b = a;
    for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
      if (inner.compare(p, dash.size(), dash) == 0) {
        std::size_t q = p + dash.size(), d2 = q;
        while (q < inner.size() && digit(inner[q]) && q - d2 < 4) ++q;
        if (q == d2) return;
        b = std::stoi(std::string(inner.substr(d2, q - d2)));
        p = q;
      }
    if (b < a || b - a > 100 || a == 0) return;  // "[0]" is an index, never a label
    for (int k = a; k <= b; ++k) nums.push_back(k);
    if (p < inner.size() && inner[p] != ',' && inner[p] != ' ') return;
  }
  for (int k : nums) {
    CitationHit h;
    h.range = {open, close + 1};
    h.rule = "citation:numbered";
    h.number = k;
    out.push_back(std::move(h));
  }
}

}  // namespace

namespace {

// "ibid.", "Ibid., 45", "ibid, p. 4": the work cited just before.
bool is_ibid(std::string_view inner) {
  if (!starts_with_ci(inner, "ibid")) return false;
  std::string_view rest = inner.substr(4);
  if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);
  rest = trim(rest);
  return rest.empty() || rest[0] == ',' || rest[0] == ':';
}

// The next '(' or '[' at or after `i` (s.size() if none): citations open with one.
std::size_t next_bracket(std::string_view s, std::size_t i) {
  static constexpr ascii::ByteSet kOpen("([");
  return ascii::find_first_of(s, i, kOpen);
}

}  // namespace

bool names_peoples(const std::vector<std::string>& names) {
  if (names.empty()) return false;
  return std::all_of(names.begin(), names.end(), [](const std::string& n) {
    for (std::string_view end : {"ian", "ean", "ese", "ish", "ic"})
      if (n.size() > end.size() + 2 && n.ends_with(end)) return true;
    return false;
  });
}

std::vector<CitationHit> find_citations(std::string_view s, const std::vector<ByteRange>& skip,
                                        bool numbered_refs) {
  std::vector<CitationHit> out;
  out.reserve(64);
  for (std::size_t open = next_bracket(s, 0); open < s.size(); open = next_bracket(s, open + 1)) {
    char o = s[open];
    if (in_skip(skip, open)) continue;
    char c = o == '(' ? ')' : ']';
    // The next bracket of either kind (a loop: find_first_of calls memchr for every byte), at
    // most 300 bytes on, with no blank line before it.
    std::size_t close = open + 1;
    bool blank_line = false;
    const std::size_t limit = std::min(s.size(), open + 301);
    for (; close < limit && s[close] != o && s[close] != c; ++close)
      if (s[close] == '\n' && close + 1 < s.size() && s[close + 1] == '\n') blank_line = true;
    if (close >= limit || s[close] != c || blank_line) continue;
    if (o == '[') {
      if (numbered_refs) numbered(s, open, close, out);
      continue;
    }
    std::string_view inner = trim(s.substr(open + 1, close - open - 1));
    Year first;
    if (read_year(inner, 0, first) != 0) {
      std::vector<Year> ys;
      CitationHit h;
      Names names;
      if (!read_years(inner, ys, h.locator) || !back_names(s, open, names)) continue;
      h.names = std::move(names.names);
      h.et_al = names.et_al;
      h.rule = names.rule;
      h.range = {names.begin, close + 1};
      add_years(out, std::move(h), ys);
    } else if (is_ibid(inner)) {
      CitationHit h;
      h.range = {open, close + 1};
      h.rule = "citation:ibid";
      out.push_back(std::move(h));
    } else {
      parenthetical(s, open, close, out);
    }
  }
  return out;
}

}  // namespace softgraph::refs
