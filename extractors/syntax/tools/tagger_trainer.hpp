// Training the tagger: greedy left to right over shuffled sentences, updating on each wrong tag.
#pragma once

#include <cstdint>
#include <vector>

#include "corpus.hpp"
#include "tagger.hpp"
#include "train_table.hpp"

namespace softgraph::syntax {

// The tag sets of the words seen at least `min_count` times (rarer words look unknown, in
// training as after it), and the same sets written into the sentences' words.
TagLexicon build_tag_lexicon(const std::vector<Sentence>& sentences, int min_count);
void apply_tag_lexicon(const TagLexicon& lexicon, std::vector<Sentence>& sentences);

// Trains on the gold tags in `gold` (&Sentence::tags for UPOS, &Sentence::xtags for XPOS).
using GoldTags = std::vector<std::uint8_t> Sentence::*;
TrainTable train_tagger(const std::vector<const Sentence*>& sentences, GoldTags gold, int tags,
                        int epochs, std::uint64_t seed);

// The tags `table` (averaged or not) predicts for the n words of `s`.
std::vector<std::uint8_t> predict_tags(const TrainTable& table, const Sentence& s);

}  // namespace softgraph::syntax
