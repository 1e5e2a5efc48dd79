// Unicode helpers the reference extractor shares: UTF-8 stepping with ICU character classes,
// Cyrillic-to-ASCII transliteration and the fuzzy keys that make "Andreev" and "Андреев" equal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace softgraph::refs {

// The out-of-line (ICU) halves of the inline functions below, for what is not ASCII.
char32_t code_point_at_slow(std::string_view s, std::size_t i, int* len);
bool is_letter_slow(char32_t c);
bool is_upper_slow(char32_t c);
bool is_lower_slow(char32_t c);

// Code point starting at byte `i` (U+FFFD for invalid bytes); `len` receives its byte length.
// Inline for ASCII: the parsers step through every byte of every entry and citation.
inline char32_t code_point_at(std::string_view s, std::size_t i, int* len = nullptr) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
    if (len) *len = 1;
    return static_cast<char32_t>(s[i]);
  }
  return code_point_at_slow(s, i, len);
}
// Byte offset of the code point that ends just before `i` (0 at the start).
std::size_t prev_boundary(std::string_view s, std::size_t i);
// ICU character classes; ASCII answered here (ICU agrees: its only ASCII letters are A-Z, a-z).
inline bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return is_letter_slow(c);
}
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return is_upper_slow(c);
}
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return is_lower_slow(c);
}
// In the Cyrillic or Cyrillic Supplement block (U+0400-U+052F).
inline bool is_cyrillic(char32_t c) { return c >= 0x400 && c <= 0x52F; }
bool has_cyrillic(std::string_view s);
// "kk" when Kazakh-only Cyrillic letters occur, "ru" for other Cyrillic, "en" otherwise.
std::string script_language(std::string_view s);

// Transliterates Cyrillic (Russian BGN, then any script) to plain ASCII; Latin text passes
// through with its diacritics removed.
std::string to_ascii(std::string_view utf8);
// The text a title's trigrams are taken from: transliterated, lower-cased, letters and digits kept
// ('y' as 'i'), every other run as one space, a space first.
std::string title_trigram_text(std::string_view title);
// Lower-case ASCII key of a surname that forgives transliteration schemes: Andreyev ~ Andreev,
// Zhakiyanova ~ Жакиянова.
std::string name_key(std::string_view surname);
// True when two surnames (any script) are the same name in different spellings.
bool same_surname(std::string_view a, std::string_view b);
// edit_distance(a, b) <= 1, in one pass.
bool within_one_edit(std::string_view a, std::string_view b);
// same_surname on keys already made by name_key (to key a name once and compare it often).
// Inline: every citation is compared with every reference.
inline bool same_name_key(std::string_view ka, std::string_view kb) {
  if (ka.empty() || kb.empty()) return false;
  if (ka.size() > kb.size() + 1 || kb.size() > ka.size() + 1) return false;  // two edits apart
  // One slip is forgiven in long names only: short names differ by one letter too often.
  if (ka.size() < 6 || kb.size() < 6) return ka == kb;
  return ka == kb || within_one_edit(ka, kb);
}
// Similarity in [0,1] of two titles after transliteration (Dice coefficient of letter trigrams).
double title_similarity(std::string_view a, std::string_view b);
// True when `s` has two letters or more and none in lower case ("ALLISON", "GRAHAM T.").
bool is_all_caps(std::string_view s);
// Each word's first letter upper case, the rest lower ("BUENO DE MESQUITA" -> "Bueno De Mesquita").
std::string title_case(std::string_view utf8);
// Case-folded copy (ICU full folding) for comparing headings.
std::string fold_case(std::string_view utf8);
std::size_t edit_distance(std::string_view a, std::string_view b);

// Trims spaces, tabs, line ends, form feeds (pdftotext's page breaks) and non-breaking spaces
// (U+00A0) at either end.
inline std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
  while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
  return s;
}
// Trims spaces and the given trailing punctuation.
std::string_view trim_punct(std::string_view s, std::string_view punct = ".,;: ");
bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive

}  // namespace softgraph::refs
