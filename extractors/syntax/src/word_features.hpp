// What the tagger and the parser know of one word, hashed once per word before any feature is
// built: its lower-cased form, exact form, affixes and shape.
#pragma once

#include <cstdint>
#include <string_view>

namespace softgraph::syntax {

struct WordInfo {
  std::uint64_t lower = 0;       // lower-cased form ("The" -> "the")
  std::uint64_t exact = 0;       // form as written
  std::uint64_t suffix[4] = {};  // last 1..4 bytes, lower-cased
  std::uint64_t prefix1 = 0, prefix3 = 0;
  std::uint64_t shape = 0;        // "Xxxx", "dd,ddd", "X.X." with runs cut at two
  std::uint64_t short_shape = 0;  // the same with runs cut at one: "Xx", "d,d"
  std::uint8_t flags = 0;         // kCapital, kDigit, kHyphen, kAllCaps
  std::uint32_t tag_set = 0;      // the tags the word had in training (TagLexicon); 0 = rare
};

inline constexpr std::uint8_t kCapital = 1, kDigit = 2, kHyphen = 4, kAllCaps = 8;

// Fills `info` from the word's bytes; no allocation.
void describe_word(std::string_view form, WordInfo& info);

// Stand-ins for positions before the first and after the last word, and for the parser's root.
const WordInfo& start_word();
const WordInfo& end_word();
const WordInfo& root_word();

}  // namespace softgraph::syntax
