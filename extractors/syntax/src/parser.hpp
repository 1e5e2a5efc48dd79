// The greedy parser: from the initial configuration, take the best-scoring valid transition
// until the tree is complete. Shared by SyntaxModel::parse and the trainer's evaluation, which
// scores with its own weights.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "parser_features.hpp"

namespace softgraph::syntax {

// The best-scoring valid class; the lowest index on a tie.
inline int best_valid(const ParseState& state, const std::int32_t* scores, int classes,
                      int root_label) {
  int best = -1;
  for (int c = 0; c < classes; ++c) {
    // The validity test only for a class that would win: most lose on the score alone.
    if ((best < 0 || scores[c] > scores[best]) && state.valid(c, root_label)) best = c;
  }
  return best;
}

// Applies a move that needs no scores, if there is one: an empty stack can only shift, and a
// lone word before the root can only become the root.
inline bool forced_move(ParseState& state, int root_label) {
  if (state.stack.empty()) {
    state.apply(shift_class());
    return true;
  }
  if (state.b0 == state.n && state.stack.size() == 1) {
    state.apply(left_class(root_label));
    return true;
  }
  return false;
}

// Parses the n words of `words`/`tags`/`xtags` (each n+1 long: the root last) into `state`, whose
// head and label then hold the tree (head n = the root). `score(keys, scores)` adds the weights of
// the feature keys into `scores` (`classes` of them, zeroed before each call).
template <class Score>
void parse_greedy(ParseState& state, std::span<const WordInfo> words,
                  std::span<const std::uint8_t> tags, std::span<const std::uint8_t> xtags,
                  int classes, int root_label, std::vector<std::int32_t>& scores, Score&& score) {
  state.reset(static_cast<int>(words.size()) - 1);
  scores.resize(static_cast<std::size_t>(classes));
  std::uint64_t keys[kParserFeatures];
  while (!state.terminal()) {
    if (forced_move(state, root_label)) continue;
    parser_features(state, words, tags, xtags, keys);
    std::fill(scores.begin(), scores.end(), 0);
    score(std::span<const std::uint64_t>(keys), scores.data());
    state.apply(best_valid(state, scores.data(), classes, root_label));
  }
}

}  // namespace softgraph::syntax
