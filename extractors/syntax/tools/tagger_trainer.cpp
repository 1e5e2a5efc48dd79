// Tagger training (see tagger_trainer.hpp).
#include "tagger_trainer.hpp"

#include <span>

#include "tagger.hpp"

namespace softgraph::syntax {

TagLexicon build_tag_lexicon(const std::vector<Sentence>& sentences, int min_count) {
  std::unordered_map<std::uint64_t, std::pair<int, std::uint32_t>> seen;  // count, tags
  for (const auto& s : sentences)
    for (int i = 0; i < s.size(); ++i) {
      if (s.tags[static_cast<std::size_t>(i)] == kUnknownTag) continue;
      auto& [count, set] = seen[s.words[static_cast<std::size_t>(i)].lower];
      ++count;
      set |= 1u << s.tags[static_cast<std::size_t>(i)];
    }
  std::unordered_map<std::uint64_t, std::uint32_t> sets;
  for (const auto& [word, entry] : seen)
    if (entry.first >= min_count) sets.emplace(word, entry.second);
  return TagLexicon(std::move(sets));
}

void apply_tag_lexicon(const TagLexicon& lexicon, std::vector<Sentence>& sentences) {
  for (auto& s : sentences)
    for (int i = 0; i < s.size(); ++i) {
      auto& w = s.words[static_cast<std::size_t>(i)];
      w.tag_set = lexicon.find(w.lower);
    }
}

TrainTable train_tagger(const std::vector<const Sentence*>& sentences, GoldTags gold_tags, int tags,
                        int epochs, std::uint64_t seed) {
  TrainTable table(tags);
  std::mt19937_64 rng(seed);
  std::vector<const Sentence*> order = sentences;
  std::vector<std::int32_t> scores(static_cast<std::size_t>(tags));
  std::uint64_t keys[kTaggerFeatures];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    shuffle(order, rng);
    for (const Sentence* s : order) {
      const std::size_t n = static_cast<std::size_t>(s->size());
      std::span<const WordInfo> words(s->words.data(), n);
      std::vector<std::uint8_t> predicted(n);
      for (std::size_t i = 0; i < n; ++i) {
        // Previous tags as predicted: the tagger must learn to live with its own mistakes.
        int p1 = i >= 1 ? predicted[i - 1] : kNoTag, p2 = i >= 2 ? predicted[i - 2] : kNoTag;
        tagger_features(words, i, p1, p2, keys);
        std::fill(scores.begin(), scores.end(), 0);
        table.score(keys, scores.data());
        int best = 0;
        for (int c = 1; c < tags; ++c)
          if (scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)])
            best = c;
        int gold = ((*s).*gold_tags)[i];
        if (gold != kUnknownTag && best != gold) table.update(keys, gold, best);
        table.tick();
        predicted[i] = static_cast<std::uint8_t>(best);
      }
    }
  }
  return table;
}

std::vector<std::uint8_t> predict_tags(const TrainTable& table, const Sentence& s) {
  const std::size_t n = static_cast<std::size_t>(s.size());
  std::vector<std::uint8_t> out(n);
  tag_greedy(std::span<const WordInfo>(s.words.data(), n), table.classes(), out,
             [&](std::span<const std::uint64_t> keys, std::int32_t* scores) {
               table.score(keys, scores);
             });
  return out;
}

}  // namespace softgraph::syntax
