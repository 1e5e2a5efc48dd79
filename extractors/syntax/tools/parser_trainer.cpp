// Parser training with the arc-hybrid dynamic oracle (see parser_trainer.hpp).
#include "parser_trainer.hpp"

#include <cstdio>
#include <limits>

#include "parser_features.hpp"

namespace softgraph::syntax {
namespace {

// The cost of each transition class in `st` against the gold tree of `s`; invalid classes get
// INT_MAX. in_stack[i] tells whether word i is on the stack.
void transition_costs(const ParseState& st, const Sentence& s, const std::vector<char>& in_stack,
                      int root_label, std::vector<int>& costs) {
  const int inf = std::numeric_limits<int>::max();
  std::fill(costs.begin(), costs.end(), inf);
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b0;
  auto count_children_from = [&](int h, int from) {  // gold children of h at index >= from
    int c = 0;
    for (int k : s.children[static_cast<std::size_t>(h)]) c += k >= from;
    return c;
  };
  if (st.can_shift()) {
    // b0 goes on the stack: it can no longer take a head deeper than s0, nor a stack dependent.
    int h = s.heads[static_cast<std::size_t>(b0)];
    int c = (h != s0 && h < st.n && in_stack[static_cast<std::size_t>(h)]) ? 1 : 0;
    for (int k : s.children[static_cast<std::size_t>(b0)])
      c += in_stack[static_cast<std::size_t>(k)];
    costs[0] = c;
  }
  if (s0 == kNone) return;
  const int h0 = s.heads[static_cast<std::size_t>(s0)];
  const int gold_label = s.labels[static_cast<std::size_t>(s0)];
  const int lost_children = count_children_from(s0, b0);  // s0 is popped by LEFT and RIGHT
  const int labels = (static_cast<int>(costs.size()) - 1) / 2;
  if (st.can_left()) {
    int c = (h0 == s1 ? 1 : 0) + (h0 > b0 ? 1 : 0) + lost_children;
    for (int l = 0; l < labels; ++l) {
      int cls = left_class(l);
      if (st.valid(cls, root_label))
        costs[static_cast<std::size_t>(cls)] = c + (h0 == b0 && l != gold_label);
    }
  }
  if (st.can_right()) {
    int c = (h0 >= b0 ? 1 : 0) + lost_children;
    for (int l = 0; l < labels; ++l) {
      int cls = right_class(l);
      if (st.valid(cls, root_label))
        costs[static_cast<std::size_t>(cls)] = c + (h0 == s1 && l != gold_label);
    }
  }
}

}  // namespace

TrainTable train_parser(const std::vector<Sentence>& sentences, int labels, int root_label,
                        const ParserTraining& options) {
  const int classes = 1 + 2 * labels;
  TrainTable table(classes);
  std::mt19937_64 rng(options.seed);
  std::vector<const Sentence*> order;
  for (const auto& s : sentences) order.push_back(&s);
  std::vector<std::int32_t> scores(static_cast<std::size_t>(classes));
  std::vector<int> costs(static_cast<std::size_t>(classes));
  std::vector<char> in_stack;
  ParseState st;
  std::uint64_t keys[kParserFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle(order, rng);
    long correct = 0, total = 0;
    for (const Sentence* s : order) {
      st.reset(s->size());
      in_stack.assign(static_cast<std::size_t>(s->size()) + 1, 0);
      while (!st.terminal()) {
        parser_features(st, s->words, s->train_tags, s->train_xtags, keys);
        std::fill(scores.begin(), scores.end(), 0);
        table.score(keys, scores.data());
        transition_costs(st, *s, in_stack, root_label, costs);
        int pred = -1, gold = -1, min_cost = std::numeric_limits<int>::max();
        for (int c = 0; c < classes; ++c)
          min_cost = std::min(min_cost, costs[static_cast<std::size_t>(c)]);
        for (int c = 0; c < classes; ++c) {
          auto u = static_cast<std::size_t>(c);
          if (costs[u] == std::numeric_limits<int>::max()) continue;
          if (pred < 0 || scores[u] > scores[static_cast<std::size_t>(pred)]) pred = c;
          if (costs[u] == min_cost &&
              (gold < 0 || scores[u] > scores[static_cast<std::size_t>(gold)]))
            gold = c;
        }
        const bool wrong = costs[static_cast<std::size_t>(pred)] > min_cost;
        if (wrong) table.update(keys, gold, pred);
        table.tick();
        ++total;
        correct += !wrong;
        // Explore: follow the model's own choice (right or wrong) most of the time.
        bool follow =
            epoch > 0 && static_cast<double>(rng() >> 11) * 0x1.0p-53 < options.follow_prediction;
        int next = follow ? pred : gold;
        if (next == 0) {
          in_stack[static_cast<std::size_t>(st.b0)] = 1;
        } else {
          in_stack[static_cast<std::size_t>(st.s(0))] = 0;
        }
        st.apply(next);
      }
    }
    std::fprintf(stderr, "  parser epoch %d: %.2f%% of transitions right\n", epoch + 1,
                 100.0 * static_cast<double>(correct) / static_cast<double>(total));
  }
  return table;
}

}  // namespace softgraph::syntax
