// Figures stated in a sentence: amounts, counts and years ("over 40 mosques", "exceeding $10
// billion", "in 2008"), kept on the sentence's relations.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "softgraph/relations/relation_extractor.hpp"

namespace softgraph {
namespace {

using namespace std::string_view_literals;
// Words around a number that belong to the figure ("over 40 mosques", "$10 billion").
const std::vector<std::string> kQualifiers = {"more than", "exceeding", "approximately", "at least",
                                              "up to",     "roughly",   "nearly",        "almost",
                                              "around",    "about",     "over",          "some"};
constexpr std::string_view kScales[] = {"million", "billion", "trillion", "thousand", "hundred"};
constexpr std::string_view kUnits[] = {
    "dollars",    "euros",        "usd",       "mosques",  "schools",    "universities",
    "students",   "scholarships", "meetings",  "projects", "institutes", "centers",
    "centres",    "branches",     "grants",    "people",   "volunteers", "programs",
    "programmes", "high-level",   "countries", "teachers"};

// Number words: ten, twenty ... ninety, hundreds, thousands, dozens, millions. Most words fail
// on their length or first letter, without a compare.
bool is_number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0]) {
    case 't':
      return w == "ten"sv || w == "twenty"sv || w == "thirty"sv || w == "thousands"sv;
    case 'f':
      return w == "forty"sv || w == "fifty"sv;
    case 's':
      return w == "sixty"sv || w == "seventy"sv;
    case 'e':
      return w == "eighty"sv;
    case 'n':
      return w == "ninety"sv;
    case 'h':
      return w == "hundreds"sv;
    case 'd':
      return w == "dozens"sv;
    case 'm':
      return w == "millions"sv;
    default:
      return false;
  }
}

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// ASCII classes as the C locale's <cctype> has them (the program never sets a locale), and the
// folding figures_in() reads with, as byte tables: one load per byte instead of range tests.
struct FigureBytes {
  enum : std::uint8_t { kDigit = 1, kAlpha = 2, kWord = 4 };
  std::array<std::uint8_t, 256> cls{}, folded{};
  constexpr FigureBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool digit = c >= '0' && c <= '9';
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      cls[c] = static_cast<std::uint8_t>((digit ? kDigit : 0) | (alpha ? kAlpha : 0) |
                                         (digit || alpha || c == '-' ? kWord : 0));
      // Lower case, and wrapped lines read as spaces.
      folded[c] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z'                  ? c + 32
                                            : c == '\n' || c == '\t' || c == '\r' ? ' '
                                                                                  : c);
    }
  }
};
constexpr FigureBytes kFigureBytes;
std::uint8_t figure_class(char c) { return kFigureBytes.cls[static_cast<unsigned char>(c)]; }
bool is_digit(char c) { return figure_class(c) & FigureBytes::kDigit; }
bool is_word_byte(char c) { return figure_class(c) & FigureBytes::kWord; }

// The word that starts at `pos` (letters, digits, hyphens), lower-cased.
std::string_view word_from(std::string_view lower, std::size_t pos) {
  std::size_t e = pos;
  while (e < lower.size() && is_word_byte(lower[e])) ++e;
  return lower.substr(pos, e - pos);
}

}  // namespace

Attributes figures_in(std::string_view sentence) {
  // A hand-written scanner: std::regex took most of the extraction time.
  // Folding keeps every byte's class (it changes case and makes line breaks spaces): words are
  // found in `sentence` itself, and the folded copy is made only once a figure may start.
  thread_local std::string lower;  // one buffer for every sentence
  bool lowered = false;
  auto fold_sentence = [&] {
    if (lowered) return;
    lowered = true;
    lower.resize(sentence.size());
    char* const dst = lower.data();  // (through the string, every store would reload its pointer)
    for (std::size_t k = 0; k < sentence.size(); ++k)
      dst[k] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[k])]);
  };
  std::vector<std::string> figures, years;
  const std::size_t n = sentence.size();
  std::size_t i = 0;
  while (i < n) {
    // Only a digit or a letter opening a word can start a figure.
    const std::uint8_t c = figure_class(sentence[i]);
    if (!(c & (FigureBytes::kDigit | FigureBytes::kAlpha)) ||
        (i > 0 && is_word_byte(sentence[i - 1]))) {
      ++i;
      continue;
    }
    bool number_word = false;
    std::size_t begin = i, end = i;
    if (c & FigureBytes::kDigit) {
      fold_sentence();
      while (end < lower.size() &&
             (is_digit(lower[end]) || ((lower[end] == ',' || lower[end] == '.') &&
                                       end + 1 < lower.size() && is_digit(lower[end + 1]))))
        ++end;
    } else {
      std::size_t e = i + 1;
      while (e < n && is_word_byte(sentence[e])) ++e;
      // A number word has 3 to 9 letters and starts with one of "defhmnst": only such words
      // are folded and compared.
      char w[9];
      const std::size_t size = e - i;
      bool candidate = size >= 3 && size <= 9;
      if (candidate) {
        w[0] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i])]);
        candidate = w[0] == 'd' || w[0] == 'e' || w[0] == 'f' || w[0] == 'h' || w[0] == 'm' ||
                    w[0] == 'n' || w[0] == 's' || w[0] == 't';
      }
      if (candidate)
        for (std::size_t k = 1; k < size; ++k)
          w[k] =
              static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i + k])]);
      if (!candidate || !is_number_word(std::string_view(w, size))) {
        i = e;
        continue;
      }
      fold_sentence();
      number_word = true;
      end = e;
    }
    std::string_view digits = std::string_view(lower).substr(begin, end - begin);
    bool year = !number_word && digits.size() == 4 &&
                (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    if (year) {
      std::size_t ye = end;
      if (ye < lower.size() && lower[ye] == 's') ++ye;
      if (ye >= lower.size() || !is_word_byte(lower[ye])) {
        years.push_back(std::string(sentence.substr(begin, ye - begin)));
        i = ye;
        continue;
      }
    }
    // Extend backwards over a currency sign and a qualifier.
    if (begin > 0 && sentence[begin - 1] == '$')
      --begin;
    else if (begin >= 3 && sentence.substr(begin - 3, 3) == "\u20AC")
      begin -= 3;  // euro sign
    else if (begin >= 2 && sentence.substr(begin - 2, 2) == "\u00A3")
      begin -= 2;  // pound sign
    for (const auto& q : kQualifiers) {
      std::size_t qs = begin >= q.size() + 1 ? begin - q.size() - 1 : std::string::npos;
      if (qs != std::string::npos && lower.compare(qs, q.size(), q) == 0 &&
          lower[qs + q.size()] == ' ' && (qs == 0 || !is_word_byte(lower[qs - 1]))) {
        begin = qs;
        break;
      }
    }
    // Forwards over "%", a scale and a unit noun (or "of <noun>" after "hundreds").
    std::size_t j = end;
    auto next_word = [&](std::size_t at, std::string_view& w) {
      std::size_t k = at;
      while (k < lower.size() && lower[k] == ' ') ++k;
      w = word_from(lower, k);
      return w.empty() ? std::string::npos : k + w.size();
    };
    if (j < lower.size() && lower[j] == '%') ++j;
    std::string_view w;
    std::size_t after = next_word(j, w);
    if (after != std::string::npos && (w == "percent")) j = after, after = next_word(j, w);
    if (after != std::string::npos && one_of(kScales, w)) j = after, after = next_word(j, w);
    for (int units = 0; units < 2 && after != std::string::npos && one_of(kUnits, w); ++units)
      j = after, after = next_word(j, w);
    if (number_word && after != std::string::npos && w == "of") {
      std::string_view noun;
      std::size_t n2 = next_word(after, noun);
      if (n2 != std::string::npos) j = n2;
    }
    bool bare_small = !number_word && digits.size() < 2 && j == end && begin == i;
    bool bare_word = number_word && j == end && begin == i;
    if (!bare_small && !bare_word)
      figures.push_back(std::string(sentence.substr(begin, j - begin)));
    i = std::max(j, end);
  }
  Attributes out;
  if (!figures.empty()) out["figures"] = figures;
  if (!years.empty()) out["years"] = years;
  return out;
}

}  // namespace softgraph
