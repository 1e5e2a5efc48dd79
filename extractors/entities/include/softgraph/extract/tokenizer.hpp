// Splits UTF-8 text into word tokens (runs of letters, digits and marks) and single punctuation
// tokens, each with its byte range and a 64-bit hash of its case-folded form, without allocating
// per token. Phrases and texts are tokenised the same way, so matching is token-exact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace softgraph
