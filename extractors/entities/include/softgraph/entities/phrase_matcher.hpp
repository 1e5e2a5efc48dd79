// Leftmost-longest matching of many phrases over a token stream: a trie keyed by folded token
// hashes. Case-sensitive phrases (acronyms) are checked against the original bytes on a match.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/entities/tokenizer.hpp"

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
  std::vector<PhraseMatch> match(std::string_view text, std::span<const Token> tokens) const;
  // The same into `out` (cleared first): a caller matching sentence after sentence reuses it.
  void match(std::string_view text, std::span<const Token> tokens,
             std::vector<PhraseMatch>& out) const;
  std::vector<PhraseMatch> match(std::string_view text, const std::vector<Token>& tokens) const {
    return match(text, std::span<const Token>(tokens));
  }
  // Payloads already registered for the same folded phrase (for conflict checks).
  std::vector<std::uint32_t> payloads_of(std::string_view phrase) const;
  std::size_t size() const { return phrases_; }

 private:
  struct Terminal {
    std::uint32_t payload;
    bool case_sensitive;
    std::string exact;  // the phrase's tokens concatenated, for case-sensitive checks
  };
  // The trie's edges in one open-addressing table keyed by (parent node, token hash): one probe
  // per token instead of a hash map per node (and no maps to move when the trie grows).
  struct Edge {
    std::uint64_t hash = 0;
    std::uint32_t parent = 0;
    std::uint32_t child = 0;  // 0: free slot (the root, node 0, is no node's child)
  };
  std::uint32_t child(std::uint32_t parent, std::uint64_t hash) const;  // 0: no such edge
  void add_edge(std::uint32_t parent, std::uint64_t hash, std::uint32_t child);
  // The node `tokens` lead to from the root, or -1.
  std::int64_t walk(const std::vector<Token>& tokens) const;
  // Two tables: the root's edges, probed for every token that may start a phrase, apart from
  // the deeper ones, probed only inside a match: the first stays small enough for the cache.
  std::vector<Edge>& table(std::uint32_t parent) { return parent == 0 ? root_edges_ : edges_; }
  const std::vector<Edge>& table(std::uint32_t parent) const {
    return parent == 0 ? root_edges_ : edges_;
  }
  std::vector<Edge> root_edges_ = std::vector<Edge>(64);
  std::size_t root_edge_count_ = 0;
  std::vector<Edge> edges_ = std::vector<Edge>(64);
  // A bit per first-token hash bucket: most tokens of a text start no phrase, and one bit test
  // tells so before probing the edge table.
  static constexpr std::size_t kFirstBits = 1 << 16;
  static std::size_t first_bit(std::uint64_t hash) { return hash & (kFirstBits - 1); }
  std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(kFirstBits / 64);
  std::size_t edge_count_ = 0;
  std::vector<std::vector<Terminal>> terminals_{1};  // per node
  // Per node, what a match reaching it yields without reading terminals_: 0 for no phrase ending
  // there, payload + 1 when its first phrase is case-insensitive (it always wins), kCheck when
  // the case-sensitive phrases must be compared with the text.
  static constexpr std::uint32_t kCheck = UINT32_MAX;
  std::vector<std::uint32_t> accept_{0};
  // The payload a match of tokens[first, last] ending at `node` yields (false: none), for nodes
  // whose accept_ is kCheck.
  bool accept_checked(std::string_view text, std::span<const Token> tokens, std::size_t first,
                      std::size_t last, std::uint32_t node, std::uint32_t& payload) const;
  std::size_t phrases_ = 0;
};

}  // namespace softgraph
