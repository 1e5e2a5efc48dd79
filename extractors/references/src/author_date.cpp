// Author-date entries: the year forms bibliographies write, what stands before the year
// (names only, a same-author dash, a body in capitals) and whether a text opens such an entry.
// Shared by the entry parser and the entry splitter.
#include "author_date.hpp"

#include <cctype>

#include "ref_text.hpp"
#include "reference_parser.hpp"

namespace softgraph::refs {
namespace author_date {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// Four digits 1500-2099 at `p`, not inside a longer number; `suffix` gets a following a-z.
bool year_at(std::string_view s, std::size_t p, int& year, std::string& suffix) {
  if (p + 4 > s.size()) return false;
  for (std::size_t i = p; i < p + 4; ++i)
    if (!digit(s[i])) return false;
  if (p > 0 && digit(s[p - 1])) return false;
  if (p + 4 < s.size() && digit(s[p + 4])) return false;
  int y = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
  if (y < 1500 || y > 2099) return false;
  year = y;
  suffix.clear();
  if (p + 5 <= s.size() && p + 4 < s.size() && s[p + 4] >= 'a' && s[p + 4] <= 'z' &&
      (p + 5 == s.size() || !std::isalpha(static_cast<unsigned char>(s[p + 5]))))
    suffix = std::string(1, s[p + 4]);
  return true;
}

// What may follow a year that closes an author part: "." or "," or the end ("2015;55(3)" is
// Vancouver's year before a volume); a form that ends with its own full stop ("n.d.") needs
// nothing.
bool closes_year(std::string_view s, const YearForm& y) {
  if (!y.text.empty() && y.text.back() == '.') return true;
  return y.end >= s.size() || s[y.end] == '.' || s[y.end] == ',';
}

// The author part before a year: ends with the full stop of a last initial ("Lerman, K."), not
// with one that only closes the part ("Alden, Chris."); editors' marks go.
std::string_view author_part(std::string_view s, std::size_t stop) {
  std::string_view seg = s.substr(0, stop);
  if (stop < s.size() && s[stop] == '.' && stop >= 1 && s[stop - 1] >= 'A' && s[stop - 1] <= 'Z' &&
      (stop == 1 || s[stop - 2] == ' ' || s[stop - 2] == '.' || s[stop - 2] == '-'))
    seg = s.substr(0, stop + 1);
  seg = trim(seg);
  for (bool more = true; more;) {
    more = false;
    for (std::string_view mark :
         {", eds.", ", ed.", ", eds", ", ed", ". eds", ". ed", " (eds.)", " (ed.)", " (Eds.)",
          " (Ed.)", ", editors", ", editor", ", trans."})
      if (seg.size() > mark.size() && seg.ends_with(mark)) {
        seg.remove_suffix(mark.size());
        more = true;
      }
    while (!seg.empty() && (seg.back() == ',' || seg.back() == ';' || seg.back() == ' '))
      seg.remove_suffix(1), more = true;
  }
  return seg;
}

// After "ed." or "eds." that follow a dash: "———, ed. 1987."
std::size_t skip_editor_mark(std::string_view s, std::size_t p) {
  for (std::string_view mark : {"eds.", "ed.", "Eds.", "Ed.", "trans."})
    if (s.compare(p, mark.size(), mark) == 0) {
      p += mark.size();
      while (p < s.size() && (s[p] == ' ' || s[p] == ',' || s[p] == '.')) ++p;
      return p;
    }
  return p;
}

// Whether `seg` is names and nothing else; `named`: one of them has a given name or initials, or
// there are several (a lone capitalised word is as likely a publisher's).
bool only_names(std::string_view seg, bool named) {
  if (seg.empty()) return false;
  std::vector<Author> authors;
  bool et_al = false;
  std::size_t n = parse_authors(seg, authors, et_al, true);
  if (n == 0) return false;
  std::string_view rest = trim(seg.substr(n));
  if (!rest.empty() && rest != "." && rest != ",") return false;
  if (!named) return true;
  return authors.size() > 1 || et_al || !authors[0].given.empty();
}

}  // namespace author_date

namespace {

using namespace author_date;

// "CHINESE MINISTRY OF FOREIGN AFFAIRS": a body as author, set in capitals as the list's names
// are; a few words of capitals and nothing else.
bool corporate_in_capitals(std::string_view seg) {
  if (!is_all_caps(seg) || seg.size() > 80) return false;
  int words = 1;
  for (char c : seg) {
    if (c == ' ')
      ++words;
    else if (static_cast<unsigned char>(c) < 0x80 && !(c >= 'A' && c <= 'Z') && c != '&' &&
             c != '-' && c != '\'')
      return false;
  }
  return words <= 8;
}

}  // namespace

bool read_year_form(std::string_view s, std::size_t p, YearForm& out) {
  out = {};
  for (std::string_view w : {"n.d.", "n. d.", "N.d.", "forthcoming", "Forthcoming", "in press",
                             "In press", "\xD0\xB1. \xD0\xB3."})  // б. г.
    if (s.compare(p, w.size(), w) == 0 &&
        (p + w.size() == s.size() || !is_letter(code_point_at(s, p + w.size())))) {
      out.text = std::string(w);
      out.end = p + w.size();
      return true;
    }
  if (!year_at(s, p, out.year, out.suffix)) return false;
  out.end = p + 4 + out.suffix.size();
  if (out.suffix.empty()) {
    // "1998/9", "1998/99", "1998-99", "1998–99": the first year counts, the form is kept.
    for (std::string_view sep : {"/", "-", "\xE2\x80\x93"}) {
      if (s.compare(out.end, sep.size(), sep) != 0) continue;
      std::size_t q = out.end + sep.size(), e = q;
      while (e < s.size() && e - q < 4 && digit(s[e])) ++e;
      if (e == q || (e < s.size() && (digit(s[e]) || is_letter(code_point_at(s, e))))) break;
      if (e - q == 4 && s.compare(q, 2, s.substr(p, 2)) != 0) break;
      out.text = std::string(s.substr(p, e - p));
      out.end = e;
      break;
    }
  }
  return true;
}

std::size_t same_author_dash(std::string_view s) {
  std::size_t p = 0;
  int long_dashes = 0, short_dashes = 0;
  while (p < s.size()) {
    if (s.compare(p, 3, "\xE2\x80\x94") == 0 || s.compare(p, 3, "\xE2\x80\x95") == 0) {
      ++long_dashes;  // — ―
      p += 3;
    } else if (s.compare(p, 3, "\xE2\x80\x93") == 0) {
      ++short_dashes;  // –
      p += 3;
    } else if (s[p] == '-' || s[p] == '_') {
      ++short_dashes;
      ++p;
    } else {
      break;
    }
  }
  if (long_dashes == 0 && short_dashes < 2) return 0;
  // A dash ends at a full stop, a comma or a space: "———.", "—,", "——— 1987".
  if (p < s.size() && s[p] != '.' && s[p] != ',' && s[p] != ' ') return 0;
  return p;
}

bool opens_author_date_entry(std::string_view s, bool without_year) {
  if (std::size_t d = same_author_dash(s)) {
    std::size_t q = d;
    while (q < s.size() && (s[q] == '.' || s[q] == ',' || s[q] == ' ')) ++q;
    q = skip_editor_mark(s, q);
    YearForm y;
    return read_year_form(s, q, y) || (q < s.size() && s[q] == '(');
  }
  if (s.empty() || !is_upper(code_point_at(s, 0))) return false;
  const std::size_t limit = std::min<std::size_t>(s.size(), 300);
  for (std::size_t q = 1; q + 2 < limit; ++q) {
    const char c = s[q];
    if (c == '"' || s.compare(q, 3, "\xE2\x80\x9C") == 0 || s.compare(q, 3, "\xE2\x80\x9D") == 0)
      return false;  // a quoted title before any year: no author-date start
    if (s[q + 1] != ' ' && !(c == ' ' && s[q + 1] == '(')) continue;
    YearForm y;
    if (c == '.') {
      if (read_year_form(s, q + 2, y) && closes_year(s, y)) {
        const std::string_view seg = author_part(s, q);
        return only_names(seg, true) || corporate_in_capitals(seg);
      }
      const bool initial = s[q - 1] >= 'A' && s[q - 1] <= 'Z' &&
                           (q == 1 || s[q - 2] == ' ' || s[q - 2] == '.' || s[q - 2] == '-');
      if (without_year && !initial) return only_names(author_part(s, q), false);
    } else if (c == ' ' && read_year_form(s, q + 2, y) && y.end < s.size() && s[y.end] == ')') {
      return only_names(author_part(s, q), true);  // "Nye, J. S. (2004)"
    } else if (c == ',' && read_year_form(s, q + 2, y) && y.end < s.size() &&
               (s[y.end] == '.' || s[y.end] == ',')) {
      return only_names(author_part(s, q), true);  // Harvard "Nye, J.S., 2004."
    }
  }
  return false;
}

}  // namespace softgraph::refs
