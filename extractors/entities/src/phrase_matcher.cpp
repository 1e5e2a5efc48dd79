#include "softgraph/extract/phrase_matcher.hpp"

namespace softgraph {
namespace {

std::string concat_tokens(std::string_view text, const std::vector<Token>& tokens,
                          std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i <= last; ++i) out.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
  return out;
}

}  // namespace

bool PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, bool case_sensitive) {
  std::vector<Token> tokens = tokenize(phrase);
  if (tokens.empty()) return false;
  std::uint32_t node = 0;
  for (const Token& t : tokens) {
    auto it = nodes_[node].next.find(t.folded_hash);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      std::uint32_t id = static_cast<std::uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(t.folded_hash, id);
      node = id;
    } else {
      node = it->second;
    }
  }
  std::string exact = case_sensitive ? concat_tokens(phrase, tokens, 0, tokens.size() - 1) : "";
  for (const Terminal& t : nodes_[node].terminals)
    if (t.payload == payload && t.case_sensitive == case_sensitive && t.exact == exact) return true;
  nodes_[node].terminals.push_back({payload, case_sensitive, std::move(exact)});
  ++phrases_;
  return true;
}

const PhraseMatcher::Node* PhraseMatcher::walk(const std::vector<Token>& tokens) const {
  std::uint32_t node = 0;
  for (const Token& t : tokens) {
    auto it = nodes_[node].next.find(t.folded_hash);
    if (it == nodes_[node].next.end()) return nullptr;
    node = it->second;
  }
  return &nodes_[node];
}

std::vector<std::uint32_t> PhraseMatcher::payloads_of(std::string_view phrase) const {
  std::vector<std::uint32_t> out;
  const Node* n = walk(tokenize(phrase));
  if (n)
    for (const Terminal& t : n->terminals) out.push_back(t.payload);
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::match(std::string_view text,
                                              const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::uint32_t node = 0;
    bool found = false;
    PhraseMatch best;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      auto it = nodes_[node].next.find(tokens[j].folded_hash);
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      // Multi-token phrases must not straddle a line break of two or more newlines (paragraphs).
      const Node& n = nodes_[node];
      for (const Terminal& t : n.terminals) {
        if (t.case_sensitive && concat_tokens(text, tokens, i, j) != t.exact) continue;
        best = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), t.payload};
        found = true;
        break;
      }
    }
    if (found) {
      out.push_back(best);
      i = best.last_token + 1;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace softgraph
