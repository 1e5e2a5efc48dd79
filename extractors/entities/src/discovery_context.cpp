#include "discovery_context.hpp"

#include <algorithm>

namespace softgraph::discovery {

MentionsBySentence::MentionsBySentence(const std::vector<Mention>& mentions,
                                       std::size_t sentences) {
  // The recognizer lists mentions sentence by sentence: one pass groups them, unless they are
  // not so (then a counting sort).
  start_.reserve(sentences + 1);
  grouped_.reserve(mentions.size());
  bool in_sentence_order = true;
  for (const auto& m : mentions) {
    if (m.sentence < 0) continue;
    const auto s = static_cast<std::size_t>(m.sentence);
    if (s + 1 < start_.size()) {
      in_sentence_order = false;
      break;
    }
    while (start_.size() <= s) start_.push_back(static_cast<std::uint32_t>(grouped_.size()));
    grouped_.push_back(&m);
  }
  count_ = sentences;
  if (in_sentence_order) {
    // The last mention's sentence is the greatest: start_ holds one past it.
    if (!grouped_.empty()) count_ = std::max(count_, start_.size());
    start_.resize(count_ + 1, static_cast<std::uint32_t>(grouped_.size()));
    return;
  }
  for (const auto& m : mentions)
    if (m.sentence >= 0) count_ = std::max(count_, static_cast<std::size_t>(m.sentence) + 1);
  start_.assign(count_ + 1, 0);
  for (const auto& m : mentions)
    if (m.sentence >= 0) ++start_[static_cast<std::size_t>(m.sentence) + 1];
  for (std::size_t s = 0; s < count_; ++s) start_[s + 1] += start_[s];
  grouped_.assign(start_.back(), nullptr);
  std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
  for (const auto& m : mentions)
    if (m.sentence >= 0) grouped_[next[static_cast<std::size_t>(m.sentence)]++] = &m;
}

}  // namespace softgraph::discovery
