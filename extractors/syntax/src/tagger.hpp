// The part-of-speech tagger: a greedy left-to-right averaged perceptron over the features of
// Honnibal's tagger (the word, its affixes and shape, the two previous tags, the neighbouring
// words up to two away). The same feature function serves training (tools/) and parsing.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>

#include "word_features.hpp"

namespace softgraph::syntax {

inline constexpr int kTaggerFeatures = 32;
inline constexpr int kNoTag = 255;  // the tag of the positions before the sentence

// The tags each frequent word had in training (its "ambiguity class"): for the words to the
// right, which a left-to-right tagger has not tagged yet, this is the next best thing.
class TagLexicon {
 public:
  TagLexicon() = default;
  explicit TagLexicon(std::unordered_map<std::uint64_t, std::uint32_t> sets)
      : sets_(std::move(sets)) {}
  // The set of tags (bit t for tag t) of the word whose lower-cased form hashes to `lower`.
  std::uint32_t find(std::uint64_t lower) const {
    auto it = sets_.find(lower);
    return it == sets_.end() ? 0 : it->second;
  }
  const std::unordered_map<std::uint64_t, std::uint32_t>& sets() const { return sets_; }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> sets_;
};

// The feature keys of word i given the two tags before it (kNoTag at the start).
void tagger_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2,
                     std::uint64_t (&keys)[kTaggerFeatures]);

// Tags a sentence greedily. `score(keys, scores)` adds the weights of `keys` into `scores`
// (`classes` of them); the best class wins, the lowest index on a tie.
template <class Score>
void tag_greedy(std::span<const WordInfo> words, int classes, std::span<std::uint8_t> tags,
                Score&& score) {
  std::uint64_t keys[kTaggerFeatures];
  std::int32_t scores[256];
  for (std::size_t i = 0; i < words.size(); ++i) {
    int p1 = i >= 1 ? tags[i - 1] : kNoTag, p2 = i >= 2 ? tags[i - 2] : kNoTag;
    tagger_features(words, i, p1, p2, keys);
    for (int c = 0; c < classes; ++c) scores[c] = 0;
    score(std::span<const std::uint64_t>(keys), scores);
    int best = 0;
    for (int c = 1; c < classes; ++c)
      if (scores[c] > scores[best]) best = c;
    tags[i] = static_cast<std::uint8_t>(best);
  }
}

}  // namespace softgraph::syntax
