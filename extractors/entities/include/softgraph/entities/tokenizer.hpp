// Splits UTF-8 text into word tokens (runs of letters, digits and marks) and single punctuation
// tokens, each with its byte range and a 64-bit hash of its case-folded form, without allocating
// per token. Phrases and texts are tokenised the same way, so matching is token-exact.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "softgraph/core/probe_table.hpp"

namespace softgraph {

struct Token {
  std::uint32_t begin = 0, end = 0;  // byte range in the tokenised text
  std::uint64_t folded_hash = 0;     // hash of the case-folded token (ё=е, ’=')
  bool word = false;                 // letters/digits, not punctuation
  bool upper_initial = false;        // starts with an upper-case letter
  bool all_upper = false;            // every letter upper-case (acronyms)
};

// Tokens of text[begin, end).
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>& out);
inline std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  tokenize(text, 0, static_cast<std::uint32_t>(text.size()), out);
  return out;
}
// Case-folded form of `s` as the tokenizer folds it (for messages and dictionaries).
std::string fold_case(std::string_view s);
// fold_case(s) appended to `out` (no string per call when folding many tokens).
void append_folded(std::string& out, std::string_view s);
// fold_case(s) written from `out` on, which must have room for 2 * s.size() bytes (no code point
// folds to more than twice its UTF-8 length); returns the end of what was written.
char* fold_into(char* out, std::string_view s);

// Word lists as bits: folded word -> the lists it is in. Looked up by a token's folded_hash and
// confirmed on the folded word itself (a hash alone could collide), so a token is folded only
// when its hash is in the table: one probe instead of a folded copy and a set lookup per list.
class WordClasses {
 public:
  // Adds `bits` to `word`'s classes. A word of more than one token can equal no token and is
  // left out.
  void add(std::string_view word, std::uint32_t bits);
  // Every word of each list, with that list's bit.
  void add_lists(
      std::initializer_list<std::pair<const std::set<std::string>*, std::uint32_t>> lists) {
    for (const auto& [list, bit] : lists)
      for (const std::string& w : *list) add(w, bit);
  }
  // Classes of the token of `text` at [t.begin, t.end) (0: in no list). Inline: most tokens are
  // in no list, which one bit of a filter on their hash tells.
  std::uint32_t of(std::string_view text, const Token& t) const {
    return may_have(t.folded_hash) ? find(text, t) : 0;
  }
  // Classes of a token whose hash is `hash` and folded form `folded`.
  std::uint32_t of_folded(std::uint64_t hash, std::string_view folded) const;
  // False when no listed word has this folded hash: the token is in no list.
  bool may_have(std::uint64_t hash) const {
    const std::size_t bit = hash & (kFilterBits - 1);
    return (filter_[bit / 64] >> (bit % 64) & 1) != 0;
  }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::string word;        // as added
    std::uint32_t bits = 0;  // 0: free slot
  };
  static constexpr std::size_t kFilterBits = 4096;
  struct EntryTraits {
    static bool empty(const Entry& e) { return e.bits == 0; }
    static std::uint64_t hash(const Entry& e) { return e.hash; }
  };
  std::uint32_t find(std::string_view text, const Token& t) const;
  ProbeTable<Entry, EntryTraits> table_{0, 1};  // a quarter full at most: probes stay short
  std::array<std::uint64_t, kFilterBits / 64> filter_{};  // a bit per hash of a listed word
};

}  // namespace softgraph
