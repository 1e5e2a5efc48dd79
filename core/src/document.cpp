#include "softgraph/core/document.hpp"

#include <algorithm>

namespace softgraph {

int Document::sentence_at(std::uint64_t t) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), t,
                             [](std::uint64_t v, const Sentence& s) { return v < s.range.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  if (t < it->range.end) return static_cast<int>(it - sentences.begin());
  return -1;
}

}  // namespace softgraph
