// The greedy parser of parser.hpp with the scores of two template groups cached, for
// SyntaxModel::parse. Nearly all of a parse is the parser's weight look-ups (memory latency),
// and a third of its 103 templates read only the top three stack words (kStackTemplates) or only
// the first three buffer words (kBufferTemplates). Their summed rows stay valid while those
// words do: the buffer's while b0 stays (a left or right arc leaves it), the stack's for each
// stack depth while it holds the same three words (after an arc pops s0 the stack is back to a
// configuration scored before the shift). Integer sums in any order are the same sums, so the
// parse is the same as parse_greedy's; the tests compare the two on the EWT dev file.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "parser.hpp"
#include "weight_table.hpp"

namespace softgraph::syntax {

// Per-thread buffers for parse_cached, grown to the longest sentence and reused.
struct ParseCache {
  std::vector<std::int32_t> stack_sums;      // one row of `classes` sums per stack depth
  std::vector<std::array<int, 3>> stack_of;  // the (s0, s1, s2) each row was made for
  std::vector<std::int32_t> buffer_sums, scores;
};

namespace detail {

// The templates in neither group, in template order.
inline constexpr std::array<std::uint8_t,
                            kParserFeatures - kStackTemplates.size() - kBufferTemplates.size()>
    kOtherTemplates = [] {
      std::array<bool, kParserFeatures> grouped{};
      for (auto t : kStackTemplates) grouped[t] = true;
      for (auto t : kBufferTemplates) grouped[t] = true;
      std::array<std::uint8_t, kParserFeatures - kStackTemplates.size() - kBufferTemplates.size()>
          out{};
      std::size_t k = 0;
      for (int t = 0; t < kParserFeatures; ++t)
        if (!grouped[static_cast<std::size_t>(t)]) out[k++] = static_cast<std::uint8_t>(t);
      return out;
    }();

// Sets `sums` (classes of them) to the weights of the templates `which` of `keys`.
template <std::size_t N>
void group_sums(const WeightTable& table, const std::uint64_t (&keys)[kParserFeatures],
                const std::array<std::uint8_t, N>& which, std::int32_t* sums) {
  std::uint64_t picked[N];
  for (std::size_t i = 0; i < N; ++i) picked[i] = keys[which[i]];
  std::fill_n(sums, table.classes(), 0);
  table.score(std::span<const std::uint64_t>(picked, N), sums);
}

}  // namespace detail

// As parse_greedy with `table`'s weights; the same tree.
inline void parse_cached(ParseState& state, std::span<const WordInfo> words,
                         std::span<const std::uint8_t> tags, std::span<const std::uint8_t> xtags,
                         int root_label, const WeightTable& table, ParseCache& cache) {
  const int n = static_cast<int>(words.size()) - 1;
  state.reset(n);
  const auto classes = static_cast<std::size_t>(table.classes());
  const auto depths = static_cast<std::size_t>(n) + 1;
  cache.stack_sums.resize(depths * classes);
  cache.stack_of.assign(depths, {kNone - 1, kNone - 1, kNone - 1});
  cache.buffer_sums.resize(classes);
  cache.scores.resize(classes);
  int buffer_of = kNone - 1;
  std::uint64_t keys[kParserFeatures];
  while (!state.terminal()) {
    if (forced_move(state, root_label)) continue;
    parser_features(state, words, tags, xtags, keys);
    std::int32_t* scores = cache.scores.data();
    detail::group_sums(table, keys, detail::kOtherTemplates, scores);
    const std::size_t depth = state.stack.size();
    const std::array<int, 3> top = {state.s(0), state.s(1), state.s(2)};
    std::int32_t* stack_sums = &cache.stack_sums[depth * classes];
    if (cache.stack_of[depth] != top) {
      detail::group_sums(table, keys, kStackTemplates, stack_sums);
      cache.stack_of[depth] = top;
    }
    if (buffer_of != state.b0) {
      detail::group_sums(table, keys, kBufferTemplates, cache.buffer_sums.data());
      buffer_of = state.b0;
    }
    const std::int32_t* buffer_sums = cache.buffer_sums.data();
    for (std::size_t c = 0; c < classes; ++c) scores[c] += stack_sums[c] + buffer_sums[c];
    state.apply(best_valid(state, scores, static_cast<int>(classes), root_label));
  }
}

}  // namespace softgraph::syntax
