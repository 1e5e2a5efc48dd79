// Leftmost-longest matching of many phrases over a token stream: a trie keyed by folded token
// hashes. Case-sensitive phrases (acronyms) are checked against the original bytes on a match.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "softgraph/extract/tokenizer.hpp"

namespace softgraph {

struct PhraseMatch {
  std::uint32_t first_token = 0, last_token = 0;  // inclusive token indices
  std::uint32_t payload = 0;                      // what add() was given
};

class PhraseMatcher {
 public:
  // Adds `phrase`; returns false if it has no tokens. A phrase added twice with different
  // payloads keeps both (the caller decides whether that is a conflict via payloads_of()).
  bool add(std::string_view phrase, std::uint32_t payload, bool case_sensitive);
  // Matches over `tokens` of `text`, leftmost-longest and non-overlapping.
  std::vector<PhraseMatch> match(std::string_view text, const std::vector<Token>& tokens) const;
  // Payloads already registered for the same folded phrase (for conflict checks).
  std::vector<std::uint32_t> payloads_of(std::string_view phrase) const;
  std::size_t size() const { return phrases_; }

 private:
  struct Terminal {
    std::uint32_t payload;
    bool case_sensitive;
    std::string exact;  // the phrase's tokens concatenated, for case-sensitive checks
  };
  struct Node {
    std::unordered_map<std::uint64_t, std::uint32_t> next;
    std::vector<Terminal> terminals;
  };
  const Node* walk(const std::vector<Token>& tokens) const;
  std::vector<Node> nodes_{1};
  std::size_t phrases_ = 0;
};

}  // namespace softgraph
