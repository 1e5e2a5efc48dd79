// The parser's feature templates, after Zhang & Nivre (2011) adapted to arc-hybrid: words and
// tags of the top three stack words and the first three buffer words, their outermost children
// and those children's labels, the distance between s0 and b0 (and s1 and s0), valencies and the
// sets of labels already on a word's children. Both universal (UPOS) and Penn Treebank (XPOS)
// tags: the latter tell a past participle from a past tense, a plural from a singular.
#pragma once

#include <cstdint>
#include <span>

#include "transition_system.hpp"
#include "word_features.hpp"

namespace softgraph::syntax {

inline constexpr int kParserFeatures = 103;
inline constexpr std::uint8_t kRootTag = 254, kNoneTag = 253;

// `words`, `tags` (UPOS) and `xtags` (XPOS) hold n+1 entries: the words, then the root
// (root_word(), kRootTag).
void parser_features(const ParseState& state, std::span<const WordInfo> words,
                     std::span<const std::uint8_t> tags, std::span<const std::uint8_t> xtags,
                     std::uint64_t (&keys)[kParserFeatures]);

}  // namespace softgraph::syntax
