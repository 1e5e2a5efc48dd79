// Leftmost-longest matching of many phrases over a token stream: a trie keyed by folded token
// hashes. Case-sensitive phrases (acronyms) are checked against the original bytes on a match.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/probe_table.hpp"
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
  // The trie's edges in one hash table keyed by (parent node, token hash): one probe per token
  // instead of a hash map per node (and no maps to move when the trie grows).
  struct Edge {
    std::uint64_t hash = 0;
    std::uint32_t parent = 0;
    std::uint32_t child = 0;  // 0: free slot (the root, node 0, is no node's child)
  };
  // The token hashes are mixed already (FNV): the parent is spread over them by a multiplication.
  static std::uint64_t edge_key(std::uint32_t parent, std::uint64_t hash) {
    return hash ^ (static_cast<std::uint64_t>(parent) * 0x9E3779B97F4A7C15ull);
  }
  struct EdgeTraits {
    static bool empty(const Edge& e) { return e.child == 0; }
    static std::uint64_t hash(const Edge& e) { return edge_key(e.parent, e.hash); }
  };
  using EdgeTable = ProbeTable<Edge, EdgeTraits>;
  std::uint32_t child(std::uint32_t parent, std::uint64_t hash) const;  // 0: no such edge
  void add_edge(std::uint32_t parent, std::uint64_t hash, std::uint32_t child);
  // The node `tokens` lead to from the root, or -1.
  std::int64_t walk(const std::vector<Token>& tokens) const;
  // Two tables: the root's edges, probed for every token that may start a phrase, apart from
  // the deeper ones, probed only inside a match: the first stays small enough for the cache.
  EdgeTable& table(std::uint32_t parent) { return parent == 0 ? root_edges_ : edges_; }
  const EdgeTable& table(std::uint32_t parent) const { return parent == 0 ? root_edges_ : edges_; }
  EdgeTable root_edges_{32};
  EdgeTable edges_{32};
  // A bit per first-token hash bucket: most tokens of a text start no phrase, and one bit test
  // tells so before probing the edge table.
  static constexpr std::size_t kFirstBits = 1 << 16;
  static std::size_t first_bit(std::uint64_t hash) { return hash & (kFirstBits - 1); }
  std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(kFirstBits / 64);
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
