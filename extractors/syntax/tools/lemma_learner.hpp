// Learning the lemmatiser from a treebank (see src/lemmatiser.hpp for how it is applied).
#pragma once

#include <vector>

#include "corpus.hpp"
#include "lemmatiser.hpp"

namespace softgraph::syntax {

// Keyed by XPOS tags (Names::xtags). Whether tags keep case, suffix rules from the vocabulary
// (suffixes seen on at least `min_types` word types), then exceptions wherever the rules miss the
// most frequent lemma.
Lemmatiser learn_lemmatiser(const std::vector<ConlluSentence>& sentences, const Names& names,
                            int min_types = 2);

}  // namespace softgraph::syntax
