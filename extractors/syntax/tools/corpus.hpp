// Treebank sentences prepared for training: words described once, tags and labels as indices
// into sorted name lists, heads 0-based with the root as word n (as the parser counts).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "conllu.hpp"
#include "word_features.hpp"

namespace softgraph::syntax {

struct Names {
  std::vector<std::string> tags, xtags, labels;
  int tag(const std::string& name) const;    // -1 when unknown
  int xtag(const std::string& name) const;   // -1 when unknown
  int label(const std::string& name) const;  // -1 when unknown
};

// The sorted tag and label sets of a treebank.
Names collect_names(const std::vector<ConlluSentence>& sentences);

// The gold tag of a word whose tag is "_" or unseen: taggers do not learn from it.
inline constexpr std::uint8_t kUnknownTag = 252;

struct Sentence {
  const ConlluSentence* source = nullptr;
  std::vector<WordInfo> words;            // n + 1: the root last
  std::vector<std::uint8_t> tags, xtags;  // gold UPOS and XPOS, n + 1 (kRootTag last)
  // What the parser trains on: tags predicted by taggers that did not see the sentence.
  std::vector<std::uint8_t> train_tags, train_xtags;
  std::vector<int> heads;                  // gold, n; root = n
  std::vector<int> labels;                 // gold, n
  std::vector<std::vector<int>> children;  // gold, n + 1
  int size() const { return static_cast<int>(heads.size()); }
};

std::vector<Sentence> prepare(const std::vector<ConlluSentence>& sentences, const Names& names);

// A deterministic shuffle (std::shuffle's result may differ between standard libraries).
template <class T>
void shuffle(std::vector<T>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

}  // namespace softgraph::syntax
