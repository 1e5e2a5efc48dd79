#include "entry_splitter.hpp"

#include <string>

#include "ref_text.hpp"
#include "reference_parser.hpp"

namespace softgraph::refs {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// "[12]" or "12." (followed by a space) at `p`: the number, else 0.
int label_at(std::string_view s, std::size_t p, std::size_t& end) {
  const bool bracket = p < s.size() && s[p] == '[';
  std::size_t i = p + (bracket ? 1 : 0), d = i;
  while (i < s.size() && i - d < 4 && digit(s[i])) ++i;
  if (i == d || i - d > 3 || i >= s.size()) return 0;  // "2020." is a year, not a label
  if (bracket ? s[i] != ']' : (s[i] != '.' || i + 1 >= s.size() || s[i + 1] != ' ')) return 0;
  end = i + 1;
  return std::stoi(std::string(s.substr(d, i - d)));
}

// An entry ends with one of these before the space that precedes the next.
bool ends_entry(std::string_view s, std::size_t space) {
  std::size_t e = space;
  while (e > 0 && s[e - 1] == ' ') --e;
  if (e == 0) return false;
  const char c = s[e - 1];
  // "Adam S. Harris": a full stop after an initial ends no entry.
  if (c == '.' && e >= 2 && s[e - 2] >= 'A' && s[e - 2] <= 'Z' &&
      (e == 2 || s[e - 3] == ' ' || s[e - 3] == '.'))
    return false;
  if (c == '.' || c == ')' || c == ']' || c == '?' || c == '!' || c == '"') return true;
  // ” ’ »
  return e >= 2 &&
         (s.substr(0, e).ends_with("\xE2\x80\x9D") || s.substr(0, e).ends_with("\xC2\xBB"));
}

// A four-digit year (1500-2099) alone in the first 300 bytes of `s`, where an author-date entry
// gives its year (bounded: an entry may grow long, and every line asks).
bool has_year(std::string_view s) {
  s = s.substr(0, 300);
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    YearForm y;
    if ((i == 0 || !digit(s[i - 1])) && digit(s[i]) && read_year_form(s, i, y) && y.year)
      return true;
  }
  return false;
}

// "2022. Title": a year, its full stop, a capital.
bool year_then_title(std::string_view s) {
  YearForm y;
  if (!read_year_form(s, 0, y) || y.year == 0 || y.end + 2 >= s.size()) return false;
  return s[y.end] == '.' && s[y.end + 1] == ' ' && is_upper(code_point_at(s, y.end + 2));
}

}  // namespace

bool EntrySplitter::opens(std::string_view line, bool paragraph, std::string_view open_before) {
  std::size_t end = 0;
  if (int n = label_at(line, 0, end)) {
    // In a numbered list a line opens with the next label (one or two may be missing), not
    // with the page number a wrapped line begins with ("300. ACM Press").
    if (next_number_ > 0 && (n < next_number_ || n > next_number_ + 2)) return false;
    next_number_ = n + 1;
    return true;
  }
  if (next_number_ > 0) return false;  // a numbered list: its labels open entries
  // A year opens an entry in place of authors only once the entry open has its own year.
  if (year_then_title(line)) return open_before.empty() || has_year(open_before);
  return opens_author_date_entry(line, paragraph);
}

std::vector<std::size_t> EntrySplitter::inner_starts(std::string_view line,
                                                     std::string_view open_before) {
  std::vector<std::size_t> out;
  std::size_t from = 0;  // the current entry's first byte in `line`
  for (std::size_t sp = line.find(' '); sp != std::string_view::npos && sp + 1 < line.size();
       sp = line.find(' ', sp + 1)) {
    const std::size_t q = sp + 1;
    const char c = line[q];
    if (c == ' ') continue;
    if (next_number_ > 0) {
      std::size_t end = 0;
      if ((c == '[' || digit(c)) && label_at(line, q, end) == next_number_ &&
          (c == '[' || ends_entry(line, sp))) {
        ++next_number_;
        out.push_back(q);
        from = q;
      }
      continue;
    }
    if (!ends_entry(line, sp)) continue;
    std::string_view rest = line.substr(q);
    bool start = false;
    if (digit(c)) {
      // A year for authors, when this list writes them so or the entry open already has its year
      // ("ALLISON, GRAHAM. 1969." is the year of an entry begun, not a new one).
      const std::string_view current = line.substr(from, q - from);
      start = year_then_title(rest) && (has_year(current) || (from == 0 && has_year(open_before)));
    } else {
      start = opens_author_date_entry(rest, false);
    }
    if (start) {
      out.push_back(q);
      from = q;
    }
  }
  return out;
}

}  // namespace softgraph::refs
