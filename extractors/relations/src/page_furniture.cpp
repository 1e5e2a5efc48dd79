#include "page_furniture.hpp"

#include <array>
#include <cctype>
#include <string>

#include "softgraph/core/text_util.hpp"

namespace softgraph {
namespace {

// The longest section an acknowledgement's or a disclaimer's heading makes furniture, in bytes.
constexpr std::uint64_t kMaxFurnitureSection = 2500;

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Whether `s` (lower-case) holds a year (1800-2099) at `i`, standing alone.
bool year_at(std::string_view s, std::size_t i) {
  if (i + 4 > s.size() || (i > 0 && digit(s[i - 1])) || (i + 4 < s.size() && digit(s[i + 4])))
    return false;
  const bool century =
      (s[i] == '1' && (s[i + 1] == '8' || s[i + 1] == '9')) || (s[i] == '2' && s[i + 1] == '0');
  return century && digit(s[i + 2]) && digit(s[i + 3]);
}

bool month(std::string_view w) {
  for (std::string_view m : kMonths)
    if (ascii_lower(w) == m) return true;
  return false;
}

// Whether `s` begins with what a citation ends with after a quoted title: an outlet's name (its
// words capitalised, "(blog)" and the like in parentheses aside) and a date, "Voice of America, 15
// September 2015", ", Time, June 23, 2014", ", 2013".
bool outlet_and_date(std::string_view s, const WordSet& function_words) {
  s = s.substr(0, 100);
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (digit(c)) {
      if (year_at(s, i)) return true;
      ++i;
      continue;
    }
    if (!alpha(c)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && alpha(s[j])) ++j;
    const std::string_view w = s.substr(i, j - i);
    if (depth == 0 && !upper(w[0]) && !month(w) && !function_words.contains(ascii_lower(w)))
      return false;
    i = j;
  }
  return false;
}

// A quoted title ending in a comma, a full stop, a question mark or a closing inner quote, then an
// outlet and a date: "“Title,” Voice of America, 15 September 2015".
bool quoted_title_with_date(std::string_view text, const WordSet& function_words) {
  constexpr std::string_view kClose = "\u201D";
  for (std::size_t i = text.find(kClose); i != std::string_view::npos; i = text.find(kClose, i + 1))
    if (i > 0 &&
        (text[i - 1] == ',' || text[i - 1] == '.' || text[i - 1] == '?' ||
         text.substr(0, i).ends_with("\u2019")) &&
        outlet_and_date(text.substr(i + kClose.size()), function_words))
      return true;
  for (std::size_t i = text.find(",\""); i != std::string_view::npos; i = text.find(",\"", i + 1))
    if (outlet_and_date(text.substr(i + 2), function_words)) return true;
  return false;
}

// A publisher's place and year in parentheses: "(Washington: Department of Defense, 2013)".
bool publisher_note(std::string_view lower) {
  for (std::size_t open = lower.find('('); open != std::string_view::npos;
       open = lower.find('(', open + 1)) {
    const std::size_t close = lower.find(')', open);
    if (close == std::string_view::npos) return false;
    const std::string_view inside = lower.substr(open + 1, close - open - 1);
    const std::size_t colon = inside.find(": ");
    if (colon < 30 && inside.size() >= 6 && year_at(inside, inside.size() - 4) &&
        inside.substr(0, inside.size() - 4).ends_with(", "))
      return true;
  }
  return false;
}

// A name or a title: every word capitalised (or a number), function words aside. A long list of
// names (a masthead) may hold a stray lower-case word or two.
bool name_or_title(std::string_view text, const WordSet& function_words) {
  int words = 0, lower = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!alpha(text[i]) && !digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (alpha(text[j]) || digit(text[j]))) ++j;
    const std::string_view w = text.substr(i, j - i);
    ++words;
    if (!upper(w[0]) && !digit(w[0]) && !function_words.contains(ascii_lower(w))) ++lower;
    i = j;
  }
  return words >= 2 && (lower == 0 || (words >= 20 && lower * 20 <= words));
}

}  // namespace

bool furniture_text(std::string_view sentence, const FurnitureWords& words) {
  std::size_t b = 0;
  while (b < sentence.size() && std::isspace(static_cast<unsigned char>(sentence[b]))) ++b;
  sentence = sentence.substr(b);
  if (sentence.starts_with("^")) return true;  // a reference of a wiki page
  const std::string lower = ascii_lower(sentence);
  for (const std::string& cue : words.cues)
    if (lower.find(cue) != std::string::npos) return true;
  if (lower.find("www.") != std::string::npos || lower.find("http://") != std::string::npos ||
      lower.find("https://") != std::string::npos)
    return true;
  // A footnote that sends the reader elsewhere: "13 See Yan (1987, 482)".
  std::size_t n = 0;
  while (n < lower.size() && n < 3 && digit(lower[n])) ++n;
  if (n > 0 && n < lower.size() && lower[n] == ' ') {
    const std::string_view rest = std::string_view(lower).substr(n + 1);
    if (rest.starts_with("see ") || rest.starts_with("ibid") || rest.starts_with("cf. "))
      return true;
  }
  return quoted_title_with_date(sentence, words.function_words) || publisher_note(lower) ||
         name_or_title(sentence, words.function_words);
}

bool page_furniture(const Document& doc, const Sentence& s, const FurnitureWords& words) {
  if (s.section >= 0) {
    const Section& section = doc.sections[static_cast<std::size_t>(s.section)];
    if (section.kind == "references" || section.kind == "notes" || section.kind == "authors" ||
        section.kind == "keywords")
      return true;
    // (A short one: where headings go unrecognised, an acknowledgement's section runs on into
    // the body.)
    const std::string title = ascii_lower(section.title);
    if (section.range.size() <= kMaxFurnitureSection)
      for (const std::string& start : words.sections)
        if (title.starts_with(start)) return true;
  }
  return furniture_text(doc.slice(s.range), words);
}

}  // namespace softgraph
