// Unicode helpers the reference extractor shares: UTF-8 stepping with ICU character classes,
// Cyrillic-to-ASCII transliteration and the fuzzy keys that make "Andreev" and "Андреев" equal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace softgraph::refs {

// Code point starting at byte `i` (U+FFFD for invalid bytes); `len` receives its byte length.
char32_t code_point_at(std::string_view s, std::size_t i, int* len = nullptr);
// Byte offset of the code point that ends just before `i` (0 at the start).
std::size_t prev_boundary(std::string_view s, std::size_t i);
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_cyrillic(char32_t c);
bool has_cyrillic(std::string_view s);
// "kk" when Kazakh-only Cyrillic letters occur, "ru" for other Cyrillic, "en" otherwise.
std::string script_language(std::string_view s);

// Transliterates Cyrillic (Russian BGN, then any script) to plain ASCII; Latin text passes
// through with its diacritics removed.
std::string to_ascii(std::string_view utf8);
// Lower-case ASCII key of a surname that forgives transliteration schemes: Andreyev ~ Andreev,
// Zhakiyanova ~ Жакиянова.
std::string name_key(std::string_view surname);
// True when two surnames (any script) are the same name in different spellings.
bool same_surname(std::string_view a, std::string_view b);
// same_surname on keys already made by name_key (to key a name once and compare it often).
bool same_name_key(std::string_view ka, std::string_view kb);
// Similarity in [0,1] of two titles after transliteration (Dice coefficient of letter trigrams).
double title_similarity(std::string_view a, std::string_view b);
// Case-folded copy (ICU full folding) for comparing headings.
std::string fold_case(std::string_view utf8);
std::size_t edit_distance(std::string_view a, std::string_view b);

std::string_view trim(std::string_view s);
// Trims spaces and the given trailing punctuation.
std::string_view trim_punct(std::string_view s, std::string_view punct = ".,;: ");
bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive

}  // namespace softgraph::refs
