// The parser's feature templates, after Zhang & Nivre (2011) adapted to arc-hybrid: words and
// tags of the top three stack words and the first three buffer words, their outermost children
// and those children's labels, the distance between s0 and b0 (and s1 and s0), valencies and the
// sets of labels already on a word's children. Both universal (UPOS) and Penn Treebank (XPOS)
// tags: the latter tell a past participle from a past tense, a plural from a singular.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "transition_system.hpp"
#include "word_features.hpp"

namespace softgraph::syntax {

inline constexpr int kParserFeatures = 103;
inline constexpr std::uint8_t kRootTag = 254, kNoneTag = 253;

// Template numbers (positions in the key array) by what they read, for the parser's caches
// (parse_cached.hpp); keep them in step with parser_features.cpp. kStackTemplates read only the
// words and tags of s0, s1 and s2 and the s1-s0 distance (never children, labels, valencies or
// the buffer): equal for equal (s0, s1, s2). kBufferTemplates read only the words and tags of
// b0, b1 and b2: equal for equal b0. The tests check the parses against the uncached parser.
inline constexpr std::array<std::uint8_t, 23> kStackTemplates = {
    0, 1, 2, 3, 4, 5, 6, 7, 22, 23, 24, 25, 26, 32, 48, 49, 50, 87, 89, 91, 92, 96, 100};
inline constexpr std::array<std::uint8_t, 15> kBufferTemplates = {8,  9,  10, 11, 12, 13,  14, 15,
                                                                  29, 33, 88, 93, 94, 101, 102};

// `words`, `tags` (UPOS) and `xtags` (XPOS) hold n+1 entries: the words, then the root
// (root_word(), kRootTag).
void parser_features(const ParseState& state, std::span<const WordInfo> words,
                     std::span<const std::uint8_t> tags, std::span<const std::uint8_t> xtags,
                     std::uint64_t (&keys)[kParserFeatures]);

}  // namespace softgraph::syntax
