#include "softgraph/entities/phrase_matcher.hpp"

namespace softgraph {
namespace {

std::string concat_tokens(std::string_view text, const std::vector<Token>& tokens,
                          std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i <= last; ++i)
    out.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
  return out;
}

// concat_tokens(text, tokens, first, last) == exact, without building the string.
bool tokens_equal(std::string_view text, std::span<const Token> tokens, std::size_t first,
                  std::size_t last, std::string_view exact) {
  for (std::size_t i = first; i <= last; ++i) {
    std::string_view t = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (!exact.starts_with(t)) return false;
    exact.remove_prefix(t.size());
  }
  return exact.empty();
}

}  // namespace

namespace {

// The token hashes are mixed already (FNV): the parent is spread over them with one
// multiplication, and the high half folded into the low bits the mask keeps.
std::size_t edge_slot(std::uint32_t parent, std::uint64_t hash, std::size_t mask) {
  const std::uint64_t k = hash ^ (static_cast<std::uint64_t>(parent) * 0x9E3779B97F4A7C15ull);
  return static_cast<std::size_t>(k ^ (k >> 32)) & mask;
}

}  // namespace

std::uint32_t PhraseMatcher::child(std::uint32_t parent, std::uint64_t hash) const {
  const std::vector<Edge>& edges = table(parent);
  const std::size_t mask = edges.size() - 1;
  for (std::size_t i = edge_slot(parent, hash, mask);; i = (i + 1) & mask) {
    const Edge& e = edges[i];
    if (e.child == 0) return 0;
    if (e.hash == hash && e.parent == parent) return e.child;
  }
}

void PhraseMatcher::add_edge(std::uint32_t parent, std::uint64_t hash, std::uint32_t to) {
  std::vector<Edge>& edges = table(parent);
  std::size_t& count = parent == 0 ? root_edge_count_ : edge_count_;
  if ((count + 1) * 2 > edges.size()) {  // at most half full: short probes
    std::vector<Edge> old = std::move(edges);
    edges.assign(old.size() * 2, Edge{});
    count = 0;
    for (const Edge& e : old)
      if (e.child != 0) add_edge(e.parent, e.hash, e.child);
  }
  const std::size_t mask = edges.size() - 1;
  std::size_t i = edge_slot(parent, hash, mask);
  while (edges[i].child != 0) i = (i + 1) & mask;
  edges[i] = {hash, parent, to};
  ++count;
}

bool PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, bool case_sensitive) {
  std::vector<Token> tokens = tokenize(phrase);
  if (tokens.empty()) return false;
  std::uint32_t node = 0;
  const std::size_t bit = first_bit(tokens[0].folded_hash);
  first_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  for (const Token& t : tokens) {
    std::uint32_t next = child(node, t.folded_hash);
    if (next == 0) {
      terminals_.emplace_back();
      accept_.push_back(0);
      next = static_cast<std::uint32_t>(terminals_.size() - 1);
      add_edge(node, t.folded_hash, next);
    }
    node = next;
  }
  std::string exact = case_sensitive ? concat_tokens(phrase, tokens, 0, tokens.size() - 1) : "";
  for (const Terminal& t : terminals_[node])
    if (t.payload == payload && t.case_sensitive == case_sensitive && t.exact == exact) return true;
  terminals_[node].push_back({payload, case_sensitive, std::move(exact)});
  const Terminal& first = terminals_[node].front();
  accept_[node] = first.case_sensitive ? kCheck : first.payload + 1;
  ++phrases_;
  return true;
}

std::int64_t PhraseMatcher::walk(const std::vector<Token>& tokens) const {
  std::uint32_t node = 0;
  for (const Token& t : tokens) {
    node = child(node, t.folded_hash);
    if (node == 0) return -1;
  }
  return node;
}

std::vector<std::uint32_t> PhraseMatcher::payloads_of(std::string_view phrase) const {
  std::vector<std::uint32_t> out;
  std::int64_t n = walk(tokenize(phrase));
  if (n >= 0)
    for (const Terminal& t : terminals_[static_cast<std::size_t>(n)]) out.push_back(t.payload);
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::match(std::string_view text,
                                              std::span<const Token> tokens) const {
  std::vector<PhraseMatch> out;
  match(text, tokens, out);
  return out;
}

bool PhraseMatcher::accept_checked(std::string_view text, std::span<const Token> tokens,
                                   std::size_t first, std::size_t last, std::uint32_t node,
                                   std::uint32_t& payload) const {
  for (const Terminal& t : terminals_[node]) {
    if (t.case_sensitive && !tokens_equal(text, tokens, first, last, t.exact)) continue;
    payload = t.payload;
    return true;
  }
  return false;
}

void PhraseMatcher::match(std::string_view text, std::span<const Token> tokens,
                          std::vector<PhraseMatch>& out) const {
  out.clear();
  const Token* const tok = tokens.data();
  const Token* const tok_end = tok + tokens.size();
  const std::uint64_t* const first = first_.data();
  const std::uint32_t* const accept = accept_.data();
  const Edge* const root = root_edges_.data();
  const std::size_t root_mask = root_edges_.size() - 1;
  const Edge* const edges = edges_.data();
  const std::size_t mask = edges_.size() - 1;
  const Token* t = tok;
  for (;;) {
    // Most tokens start no phrase: one bit test each, in a loop of its own.
    for (; t != tok_end; ++t) {
      const std::size_t bit = first_bit(t->folded_hash);
      if (first[bit / 64] >> (bit % 64) & 1) break;
    }
    if (t == tok_end) return;
    const auto i = static_cast<std::size_t>(t - tok);
    std::uint32_t node = 0;
    bool found = false;
    PhraseMatch best;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      const std::uint64_t hash = tok[j].folded_hash;
      if (node == 0) {  // the root's edges: parent 0, so the hash alone decides
        std::size_t slot = edge_slot(0, hash, root_mask);
        while (root[slot].child != 0 && root[slot].hash != hash) slot = (slot + 1) & root_mask;
        node = root[slot].child;
      } else {
        std::size_t slot = edge_slot(node, hash, mask);
        while (edges[slot].child != 0 && (edges[slot].hash != hash || edges[slot].parent != node))
          slot = (slot + 1) & mask;
        node = edges[slot].child;
      }
      if (node == 0) break;
      const std::uint32_t a = accept[node];
      if (a == 0) continue;
      std::uint32_t payload = a - 1;
      if (a == kCheck && !accept_checked(text, tokens, i, j, node, payload)) continue;
      best = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), payload};
      found = true;
    }
    if (found) {
      out.push_back(best);
      t = tok + best.last_token + 1;
    } else {
      ++t;
    }
  }
}

}  // namespace softgraph
