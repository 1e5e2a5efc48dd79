// One bibliography entry -> fields. Order of work: label, links (URL, DOI), authors, year, title
// (quoted, italic or up to the first full stop), bracketed translation or genre, container or
// publisher, then volume, issue, pages and (for GOST, Vancouver, IEEE) the year from the tail.
#include "reference_parser.hpp"

#include <array>
#include <cctype>
#include <cstring>

#include "author_date.hpp"
#include "ref_text.hpp"
#include "softgraph/core/ascii_scan.hpp"

namespace softgraph::refs {
using namespace author_date;
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Line ends and tabs as spaces, runs of spaces as one, none at either end. Written into `out`
// (which may be `s` itself: the writer never passes the reader).
void collapse_spaces_into(std::string_view s, char* out, std::size_t& n) {
  // Entries come mostly with single spaces already: the bytes before the first one to change
  // stay where they are.
  auto changes_at = [&](std::size_t i) {  // the byte at `i` is one to change
    const char c = s[i];
    return c == '\n' || c == '\r' || c == '\t' ||
           (c == ' ' && (i == 0 || i + 1 == s.size() || s[i + 1] == ' '));
  };
  // Only spaces, tabs and line ends can change.
  static constexpr ascii::ByteSet kSpaces(" \n\r\t");
  std::size_t i = ascii::find_first_of(s, 0, kSpaces);
  while (i < s.size() && !changes_at(i)) i = ascii::find_first_of(s, i + 1, kSpaces);
  if (i == s.size()) {
    if (out != s.data()) std::memcpy(out, s.data(), s.size());
    n = s.size();
    return;
  }
  if (out != s.data()) std::memcpy(out, s.data(), i);
  std::size_t w = i;
  bool space = i == 0 || s[i - 1] == ' ';  // drops leading spaces
  for (char c : s.substr(i)) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && space) continue;
    space = c == ' ';
    out[w++] = c;
  }
  if (w > 0 && out[w - 1] == ' ') --w;
  n = w;
}

std::string collapse_spaces(std::string_view s) {
  std::string out(s.size(), '\0');
  std::size_t n = 0;
  collapse_spaces_into(s, out.data(), n);
  out.resize(n);
  return out;
}

// "1. ", "1) ", "[1] " -> 1.
int strip_label(std::string& s) {
  std::size_t i = 0;
  bool bracket = !s.empty() && s[0] == '[';
  if (bracket) ++i;
  std::size_t d = i;
  while (i < s.size() && digit(s[i]) && i - d < 4) ++i;
  if (i == d || i - d > 3) return 0;  // "2020. Title": a year, not a label
  if (bracket ? (i >= s.size() || s[i] != ']') : (i >= s.size() || (s[i] != '.' && s[i] != ')')))
    return 0;
  if (i + 1 < s.size() && s[i + 1] != ' ') return 0;
  int n = std::stoi(s.substr(d, i - d));
  s = std::string(trim(std::string_view(s).substr(i + 1)));
  return n;
}

void remove_range(std::string& s, std::size_t b, std::size_t e) {
  s.erase(b, e - b);
  std::size_t n = 0;
  collapse_spaces_into(s, s.data(), n);
  s.resize(n);
}

std::string clean_url(std::string_view u) {
  while (!u.empty() && std::string_view(".,;)>»").find(u.back()) != std::string_view::npos)
    u.remove_suffix(1);
  return std::string(u);
}

// Which marks take_links looks for can occur in `s`: "http", "doi:"/"DOI", an access date
// ("(accessed", "(Accessed", "(дата"). One pass, so that an entry with none of them (most) is
// not searched once per mark.
void take_urls(std::string& s, ParsedReference& r);
void take_dois(std::string& s, ParsedReference& r);
void take_access_dates(std::string& s);

struct LinkMarks {
  bool http = false, doi = false, access = false;
};
// Whether the mark that opens with the byte at `i` is there.
void mark_at(std::string_view s, std::size_t i, LinkMarks& m) {
  if (i + 2 >= s.size()) return;
  const char c = s[i];
  if (c == 'h')
    m.http = m.http || (i + 3 < s.size() && s[i + 1] == 't' && s[i + 2] == 't' && s[i + 3] == 'p');
  else if (c == 'd')
    m.doi = m.doi || (s[i + 1] == 'o' && s[i + 2] == 'i');
  else if (c == 'D')
    m.doi = m.doi || (s[i + 1] == 'O' && s[i + 2] == 'I');
  else if (c == '(')
    m.access = m.access || s[i + 1] == 'a' || s[i + 1] == 'A' || s[i + 1] == '\xD0';
}

LinkMarks link_marks(std::string_view s) {
  LinkMarks m;
  static constexpr ascii::ByteSet kOpeners("hdD(");  // the bytes that open a mark
  for (std::size_t i = ascii::find_first_of(s, 0, kOpeners); i < s.size();
       i = ascii::find_first_of(s, i + 1, kOpeners))
    mark_at(s, i, m);
  return m;
}

// Takes URLs ("<https://...>" or bare) and DOIs out of `s`.
void take_links(std::string& s, ParsedReference& r) {
  // Each step below finds nothing without its mark, and those that change `s` look again.
  LinkMarks marks = link_marks(s);
  if (marks.http) {
    take_urls(s, r);
    marks = link_marks(s);
  }
  if (marks.doi) {
    take_dois(s, r);
    marks = link_marks(s);
  }
  if (marks.access) take_access_dates(s);
}

void take_urls(std::string& s, ParsedReference& r) {
  for (std::size_t pos; (pos = s.find("http")) != std::string::npos;) {
    if (s.compare(pos, 7, "http://") != 0 && s.compare(pos, 8, "https://") != 0) {
      s[pos] = 'H';  // not a link; step past it
      continue;
    }
    std::size_t b = pos, e = s.find(' ', pos);
    if (e == std::string::npos) e = s.size();
    if (b > 0 && s[b - 1] == '<') {
      --b;
      std::size_t close = s.find('>', pos);
      if (close != std::string::npos && close < e + 1) e = close + 1;
    }
    std::string url = clean_url(std::string_view(s).substr(pos, e - pos));
    if (auto d = url.find("doi.org/"); d != std::string::npos && r.doi.empty())
      r.doi = url.substr(d + 8);
    else if (r.url.empty())
      r.url = url;
    // Labels that announce the link ("URL:", "Режим доступа:").
    for (std::string_view label : {"URL: ", "URL:", "Режим доступа: ", "Available at: "})
      if (b >= label.size() && s.compare(b - label.size(), label.size(), label) == 0)
        b -= label.size();
    remove_range(s, b, e);
  }
}

void take_dois(std::string& s, ParsedReference& r) {
  for (std::string_view label : {"doi:", "DOI:", "DOI "}) {
    std::size_t pos = s.find(label);
    if (pos == std::string::npos) continue;
    std::size_t b = pos + label.size();
    while (b < s.size() && s[b] == ' ') ++b;
    if (s.compare(b, 3, "10.") != 0) continue;
    std::size_t e = s.find(' ', b);
    if (e == std::string::npos) e = s.size();
    if (r.doi.empty()) r.doi = clean_url(std::string_view(s).substr(b, e - b));
    remove_range(s, pos, e);
  }
}

// Access dates say nothing about the work.
void take_access_dates(std::string& s) {
  for (std::string_view open : {"(accessed", "(дата обращения", "(Accessed"}) {
    std::size_t pos = s.find(open);
    std::size_t close = pos == std::string::npos ? pos : s.find(')', pos);
    if (close != std::string::npos) remove_range(s, pos, close + 1);
  }
}

}  // namespace

namespace {

bool is_genre(std::string_view bracket) {
  static const std::array<std::string_view, 14> kWords = {
      "ресурс",      "resource",    "диссертац",   "dissertation", "thesis",
      "Автореферат", "автореферат", "Abstract of", "monograph",    "монография",
      "Электрон",    "Online",      "online",      "report"};
  for (auto w : kWords)
    if (bracket.find(w) != std::string_view::npos) return true;
  return false;
}

std::size_t skip_seps(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == '.' || s[p] == ',' || s[p] == ':')) ++p;
  return p;
}

// Closing quote for an opening one, or 0.
std::string_view closing_quote(std::string_view s, std::size_t p, std::size_t& open_len) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kQuotes = {{
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xC2\xAB", "\xC2\xBB"},          // « »
      {"\xE2\x80\x9E", "\xE2\x80\x9C"},  // „ “
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\"", "\""},
      {"'", "'"},
  }};
  // Every opening quote starts with one of these bytes: most titles have none.
  if (p < s.size() && s[p] != '\xE2' && s[p] != '\xC2' && s[p] != '"' && s[p] != '\'') return {};
  for (const auto& [open, close] : kQuotes)
    if (s.compare(p, open.size(), open) == 0) {
      open_len = open.size();
      return close;
    }
  return {};
}

// Title at `p`: quoted, *italic* or up to the first sentence end. Returns the position after it.
std::size_t read_title(std::string_view s, std::size_t p, ParsedReference& r, bool& italic) {
  std::size_t open_len = 0;
  std::string_view close = closing_quote(s, p, open_len);
  if (!close.empty()) {
    std::size_t c = s.find(close, p + open_len);
    // A title in quotes ends at its closing quote followed by punctuation or a space.
    while (c != std::string_view::npos && c + close.size() < s.size() &&
           std::isalpha(static_cast<unsigned char>(s[c + close.size()])))
      c = s.find(close, c + close.size());
    // Only a wholly quoted title counts ("“Title.”", "'Title',"); "“Soft power” in Asia" is a
    // title that merely starts with a quotation.
    if (c != std::string_view::npos && c - p < 600) {
      std::string_view inner = s.substr(p + open_len, c - p - open_len);
      std::size_t after = c + close.size();
      bool punct_inside =
          !inner.empty() && std::string_view(".,?!").find(inner.back()) != std::string_view::npos;
      bool punct_after =
          after >= s.size() || std::string_view(".,:;").find(s[after]) != std::string_view::npos;
      if (punct_inside || punct_after) {
        r.title = std::string(trim_punct(inner));
        return after;
      }
    }
  }
  if (p < s.size() && s[p] == '*') {
    std::size_t c = s.find('*', p + 1);
    if (c != std::string_view::npos) {
      r.title = std::string(trim_punct(s.substr(p + 1, c - p - 1)));
      italic = true;
      return c + 1;
    }
  }
  int depth = 0;
  std::size_t i = p;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') depth = depth > 0 ? depth - 1 : 0;
    if (depth > 0) continue;
    if (c == '[' || (c == ' ' && i + 1 < s.size() && s[i + 1] == '[')) break;
    if (c == ' ' && i + 2 < s.size() && s[i + 1] == '/' && s[i + 2] == '/') break;  // " //"
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == s.size() || s[i + 1] == ' ')) {
      if (c != '.') ++i;
      break;
    }
  }
  r.title = std::string(trim_punct(s.substr(p, i - p), ".,; "));
  return i;
}

// Bracketed parts after the title: an English translation or a genre ("[Abstract of ...]").
std::size_t read_brackets(std::string_view s, std::size_t p, ParsedReference& r) {
  while (true) {
    std::size_t q = p;
    while (q < s.size() && s[q] == ' ') ++q;
    if (q >= s.size() || s[q] != '[') return p;
    int depth = 0;
    std::size_t e = q;
    for (; e < s.size(); ++e) {
      if (s[e] == '[') ++depth;
      if (s[e] == ']' && --depth == 0) break;
    }
    if (e >= s.size()) return p;
    std::string inner(trim(s.substr(q + 1, e - q - 1)));
    if (is_genre(inner))
      r.genre = r.genre.empty() ? inner : r.genre + "; " + inner;
    else if (r.title_translation.empty())
      r.title_translation = inner;
    p = e + 1;
  }
}

// Container, or place and publisher, at `p`. Returns the position after it.
std::size_t read_container(std::string_view s, std::size_t p, bool book, ParsedReference& r) {
  p = skip_seps(s, p);
  if (s.compare(p, 2, "//") == 0) p = skip_seps(s, p + 2);
  if (p < s.size() && s[p] == '*') {
    std::size_t c = s.find('*', p + 1);
    if (c != std::string_view::npos) {
      std::string v(trim_punct(s.substr(p + 1, c - p - 1)));
      (book ? r.publisher : r.venue) = v;
      return c + 1;
    }
  }
  // "New York: PublicAffairs", "М.: Наука": place, then publisher.
  std::size_t colon = s.find(':', p);
  std::size_t stop = p;  // the first ',' or ';' (find_first_of would call memchr per byte)
  while (stop < s.size() && s[stop] != ',' && s[stop] != ';') ++stop;
  if (stop == s.size()) stop = std::string_view::npos;
  if (colon != std::string_view::npos && colon - p <= 30 &&
      (stop == std::string_view::npos || colon < stop)) {
    std::string_view place = trim(s.substr(p, colon - p));
    bool no_digits = place.find_first_of("0123456789") == std::string_view::npos;
    if (!place.empty() && no_digits && place.find(". ") == std::string_view::npos) {
      r.place = std::string(trim_punct(place));
      std::size_t b = colon + 1, e = b;
      // Up to "," or a sentence end; "M.E. Sharpe" keeps its initials.
      while (e < s.size() && s[e] != ',' &&
             !(s[e] == '.' && (e + 1 == s.size() || s[e + 1] == ' ') &&
               !(e >= 2 && s[e - 2] == '.') &&
               !(e >= 1 && e - b > 1 && s[e - 1] >= 'A' && s[e - 1] <= 'Z' &&
                 (s[e - 2] == ' ' || s[e - 2] == '.'))))
        ++e;
      r.publisher = std::string(trim_punct(s.substr(b, e - b)));
      r.type = "book";
      return e;
    }
  }
  std::size_t e = p;
  while (e < s.size() && s[e] != ',' && s[e] != ';' &&
         !(s[e] == '.' && (e + 1 == s.size() || s[e + 1] == ' ')))
    ++e;
  // Chicago: "Venue 13 (3): 73-86" - the container stops before its volume number.
  std::size_t d = p;
  while (d < e && !(digit(s[d]) && d > p && s[d - 1] == ' ')) ++d;
  if (d < e) e = d;
  std::string v(trim_punct(s.substr(p, e - p)));
  if (v.empty()) return p;
  bool digits_only = v.find_first_not_of("0123456789-–; ()") == std::string::npos;
  if (digits_only) return p;
  (book ? r.publisher : r.venue) = v;
  return e;
}

std::size_t read_number(std::string_view s, std::size_t p, std::string& out) {
  while (p < s.size() && s[p] == ' ') ++p;
  std::size_t e = p;
  while (e < s.size() && (digit(s[e]) || (s[e] >= 'A' && s[e] <= 'Z' && e > p))) ++e;
  if (e == p) return p;
  out = std::string(s.substr(p, e - p));
  return e;
}

// "73-86", "73–86", "48": returns the end, or p.
std::size_t read_pages(std::string_view s, std::size_t p, std::string& out) {
  while (p < s.size() && s[p] == ' ') ++p;
  std::size_t e = p;
  while (e < s.size() && digit(s[e])) ++e;
  if (e == p) return p;
  std::size_t f = e;
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (s.compare(e, dash.size(), dash) == 0) {
      std::size_t g = e + dash.size();
      while (g < s.size() && digit(s[g])) ++g;
      if (g > e + dash.size()) f = g;
    }
  out = std::string(s.substr(p, e - p));
  if (f != e) {
    std::size_t d = e + 1;  // the first digit after the dash (f != e: there is one)
    while (!digit(s[d])) ++d;
    out += '-';
    out += s.substr(d, f - d);
  }
  return f;
}

bool word_at(std::string_view s, std::size_t p, std::string_view w) {
  return s.substr(p).starts_with(w) &&
         (p == 0 || !std::isalpha(static_cast<unsigned char>(s[p - 1])));
}

// Volume, issue, pages and (if still unknown) the year in what follows the container.
void read_tail(std::string_view s, std::size_t p, ParsedReference& r) {
  for (std::size_t i = p; i < s.size();) {
    std::size_t n = i;
    // Only these bytes can open a label or a number below; other bytes are passed at once.
    const char b = s[i];
    const bool label = b == 'v' || b == 'V' || b == '\xD0' || b == 'n' || b == 'N' || b == 'I' ||
                       b == '\xE2' || b == 'p' || b == 'P' || b == 'S';
    if (!label && !digit(b)) {
      int len = 1;
      code_point_at(s, i, &len);
      i += static_cast<std::size_t>(std::max(len, 1));
      continue;
    }
    if (!digit(b)) {  // no label starts with a digit
      if (word_at(s, i, "vol.") || word_at(s, i, "Vol.") || word_at(s, i, "Т.") ||
          word_at(s, i, "Vol ")) {
        n = read_number(s, i + (s[i] == 'V' || s[i] == 'v' ? 4 : 3), r.volume);
      } else if (word_at(s, i, "no.") || word_at(s, i, "No.") || word_at(s, i, "Iss.") ||
                 word_at(s, i, "№")) {
        n = read_number(s, i + (s[i] == 'I' ? 4 : 3), r.issue);
      } else if (word_at(s, i, "pp.") || word_at(s, i, "p.") || word_at(s, i, "P.") ||
                 word_at(s, i, "С.") || word_at(s, i, "S.")) {
        std::size_t skip = s[i] == 'p' && s[i + 1] == 'p' ? 3 : (s[i] == '\xD0' ? 3 : 2);
        n = read_pages(s, i + skip, r.pages);
      }
    } else if (i == 0 || !digit(s[i - 1])) {
      int y = 0;
      std::string suffix;
      std::size_t e = i;
      while (e < s.size() && digit(s[e])) ++e;
      std::string_view after = s.substr(e);
      const char a0 = after.empty() ? '\0' : after[0];
      bool page_count = a0 == ' ' && (after.starts_with(" с.") || after.starts_with(" p.") ||
                                      after.starts_with(" pp.") || after.starts_with(" стр.") ||
                                      after.starts_with(" P."));
      if (page_count) {
        n = e + 3;
      } else if (r.year == 0 && year_at(s, i, y, suffix) && a0 != '(' && a0 != '-' &&
                 !after.starts_with("\xE2\x80\x93")) {
        r.year = y;
        r.year_suffix = suffix;
        n = i + 4 + suffix.size();
      } else if (r.year != 0 && year_at(s, i, y, suffix) && y == r.year) {
        n = i + 4;
      } else if (a0 == '(' || after.starts_with(" (")) {  // 13(3) or 13 (3)
        r.volume = std::string(s.substr(i, e - i));
        std::size_t open = s.find('(', e), close = s.find(')', open);
        if (close != std::string_view::npos)
          r.issue = std::string(trim(s.substr(open + 1, close - open - 1)));
        n = close == std::string_view::npos ? e : close + 1;
      } else {
        std::string pages;
        std::size_t f = read_pages(s, i, pages);
        if (pages.find('-') != std::string::npos || (!r.volume.empty() && r.pages.empty())) {
          if (r.pages.empty()) r.pages = pages;
        } else if (r.volume.empty()) {
          r.volume = pages;
        }
        n = f;
      }
    }
    if (n <= i) {
      int len = 1;
      code_point_at(s, i, &len);
      n = i + std::max(len, 1);
    }
    i = n;
  }
}

// APA/Harvard "(2002)", "(2002a)", "(n.d.)" at the end of the author part. Returns the position
// after the closing parenthesis, or npos.
std::size_t paren_year(std::string_view s, std::size_t from, ParsedReference& r,
                       std::size_t& open) {
  for (std::size_t p = s.find('(', from); p != std::string_view::npos; p = s.find('(', p + 1)) {
    YearForm y;
    if (!read_year_form(s, p + 1, y)) continue;
    std::size_t close = s.find(')', p);
    if (close == std::string_view::npos || close - p > 40) continue;
    // The year closes the author part: a "(2010)" deep in a GOST title is not it.
    if (p > 300 || s.substr(0, p).find("//") != std::string_view::npos)
      return std::string_view::npos;
    r.year = y.year;
    r.year_suffix = y.suffix;
    r.year_text = y.text;
    open = p;
    return close + 1;
  }
  return std::string_view::npos;
}

// Chicago "Surname, Given. 2004." : the full stop before the year, or npos; `after` gets the
// byte after the year.
std::size_t chicago_year(std::string_view s, ParsedReference& r, std::size_t& after) {
  std::size_t limit = std::min<std::size_t>(s.size(), 300);
  for (std::size_t p = 0; p + 6 < limit; ++p) {
    if (s[p] == '"' || s[p] == '*' || s.compare(p, 3, "\xE2\x80\x9C") == 0 ||
        s.compare(p, 2, "//") == 0)
      return std::string_view::npos;
    if ((s[p] != '.' && s[p] != ',') || s[p + 1] != ' ') continue;
    YearForm y;
    if (!read_year_form(s, p + 2, y) || !closes_year(s, y)) continue;
    // Harvard's "Hess, S. and Aidoo, R., 2015." when names alone come before the comma.
    if (s[p] == ',' && !only_names(author_part(s, p), true)) continue;
    r.year = y.year;
    r.year_suffix = y.suffix;
    r.year_text = y.text;
    after = y.end;
    return p;
  }
  return std::string_view::npos;
}

}  // namespace

ParsedReference parse_reference(std::string_view entry) {
  ParsedReference r;
  r.text = collapse_spaces(trim(entry));
  if (r.text.starts_with("- ") || r.text.starts_with("* ") || r.text.starts_with("• "))
    r.text = std::string(trim(std::string_view(r.text).substr(r.text[0] == '\xE2' ? 3 : 2)));
  std::string s = r.text;
  r.number = strip_label(s);
  if (r.number) r.text = s;
  take_links(s, r);
  r.language = script_language(s);

  std::size_t open = 0, rest = std::string::npos;
  // "———. 2011." (the authors of the entry before) and "2022. Title." (none): the year first.
  std::size_t first = 0;
  if (std::size_t d = same_author_dash(s)) {
    r.same_authors_as_previous = true;
    first = d;
    while (first < s.size() && (s[first] == '.' || s[first] == ',' || s[first] == ' ')) ++first;
    first = skip_editor_mark(s, first);
  }
  YearForm leading;
  std::size_t after_paren = std::string::npos, chicago = std::string::npos, chicago_end = 0;
  if (read_year_form(s, first, leading) && closes_year(s, leading)) {
    r.year = leading.year;
    r.year_suffix = leading.suffix;
    r.year_text = leading.text;
    rest = leading.end;
    r.style = "chicago";
  } else if (first > 0 && first < s.size() && s[first] == '(') {
    after_paren = paren_year(s, first, r, open);
    rest = after_paren;
    r.style = "apa";
  } else {
    after_paren = paren_year(s, 0, r, open);
    if (after_paren == std::string::npos) chicago = chicago_year(s, r, chicago_end);
  }
  if (first > 0 || rest != std::string::npos) {
    if (rest == std::string::npos) rest = first;  // the year read above; no author part
  } else if (after_paren != std::string::npos) {
    std::string_view seg = author_part(s, open);
    std::size_t used = parse_authors(seg, r.authors, r.et_al, true);
    if (r.authors.empty() && !seg.empty())
      r.authors.push_back({std::string(trim_punct(seg)), "", ""});
    (void)used;
    rest = after_paren;
    r.style = (rest < s.size() && s[rest] == '.') ? "apa" : "harvard";
  } else if (chicago != std::string::npos) {
    std::string_view seg = author_part(s, chicago);
    parse_authors(seg, r.authors, r.et_al, true);
    if (r.authors.empty()) r.authors.push_back({std::string(trim_punct(seg)), "", ""});
    rest = chicago_end;
    r.style = "chicago";
  } else {
    std::size_t used = parse_authors(s, r.authors, r.et_al, false);
    rest = used;
    bool ieee = !r.authors.empty() && r.authors[0].given == r.authors[0].initials &&
                s.compare(0, r.authors[0].family.size(), r.authors[0].family) != 0;
    r.style = s.find("//") != std::string::npos || has_cyrillic(s) ? "gost"
              : ieee                                               ? "ieee"
                                                                   : "vancouver";
  }

  // "ALLISON, GRAHAM T." as "Allison, Graham T.": names set in capitals are names, not acronyms.
  for (Author& a : r.authors)
    if (!a.given.empty() && is_all_caps(a.family) && is_all_caps(a.given)) {
      a.family = title_case(a.family);
      a.given = title_case(a.given);
    }
  std::string_view sv(s);
  std::size_t p = skip_seps(sv, rest);
  bool italic = false;
  p = read_title(sv, p, r, italic);
  p = read_brackets(sv, p, r);
  bool thesis = r.genre.find("иссертац") != std::string::npos ||
                r.genre.find("issertation") != std::string::npos ||
                r.genre.find("hesis") != std::string::npos;
  if (thesis) r.type = "thesis";
  if (italic) r.type = "book";
  std::size_t q = skip_seps(sv, p);
  if (thesis && q >= sv.size()) {
    p = q;
  } else if (thesis && sv[q] != '*') {
    std::size_t e = sv.find_first_of(",.", q);
    r.place = std::string(trim_punct(sv.substr(q, e == std::string_view::npos ? e : e - q)));
    p = e == std::string_view::npos ? sv.size() : e;
  } else {
    p = read_container(sv, p, italic, r);
    if (r.type == "article-journal" && r.publisher.empty() && r.venue.empty() && r.place.empty() &&
        !r.url.empty())
      r.type = "webpage";
  }
  read_tail(sv, p, r);
  // "Title. Test Press." names a publisher, not a journal, when no volume or pages follow.
  bool press = false;
  for (std::string_view w :
       {"Press", "Publisher", "Publishing", "Verlag", "Издательство", "Изд-во"})
    press = press || r.venue.find(w) != std::string::npos;
  if (press && r.type == "article-journal" && r.volume.empty() && r.pages.empty()) {
    r.publisher = std::move(r.venue);
    r.venue.clear();
    r.type = "book";
  }
  if (!r.title_translation.empty() && r.language == "en") r.language = "und";
  if (r.year == 0 && r.year_text.empty()) {
    // IEEE's year closes the entry ("..., tools, 2006."), where a title may have taken it.
    YearForm y;
    for (std::size_t i = sv.size(); i-- > 0;)
      if (digit(sv[i]) && (i == 0 || !digit(sv[i - 1])) && read_year_form(sv, i, y) && y.year &&
          closes_year(sv, y) && (i == 0 || sv[i - 1] == ' ')) {
        r.year = y.year;
        r.year_suffix = y.suffix;
        break;
      }
  }
  return r;
}

}  // namespace softgraph::refs
