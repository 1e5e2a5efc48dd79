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

std::uint32_t PhraseMatcher::child(std::uint32_t parent, std::uint64_t hash) const {
  const Edge* e = table(parent).get(
      edge_key(parent, hash), [&](const Edge& e) { return e.hash == hash && e.parent == parent; });
  return e ? e->child : 0;
}

void PhraseMatcher::add_edge(std::uint32_t parent, std::uint64_t hash, std::uint32_t to) {
  // Only edges not there yet are added: the slot is a free one.
  *table(parent).insert(edge_key(parent, hash), [](const Edge&) { return false; }).first = {
      hash, parent, to};
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
      node = child(node, hash);
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
