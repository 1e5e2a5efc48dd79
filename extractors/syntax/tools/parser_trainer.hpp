// Training the parser with the dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid: at each
// configuration every transition gets a cost (gold arcs it makes unreachable, plus one for a
// wrong label on a right arc); the model is updated when its choice costs more than the best,
// and after the first epoch it follows its own choice 90 % of the time, so it learns to recover
// from its mistakes. Non-projective trees are kept: the cheapest transitions count as gold.
#pragma once

#include <cstdint>
#include <vector>

#include "corpus.hpp"
#include "train_table.hpp"

namespace softgraph::syntax {

struct ParserTraining {
  int epochs = 15;
  double follow_prediction = 0.9;  // from the second epoch on
  std::uint64_t seed = 1;
};

// Trains on each sentence's train_tags.
TrainTable train_parser(const std::vector<Sentence>& sentences, int labels, int root_label,
                        const ParserTraining& options);

}  // namespace softgraph::syntax
