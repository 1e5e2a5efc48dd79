// Removing the flagged elements of a vector in one pass: for the filters that decide first and
// remove after (dropped mentions, joined PDF words).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace softgraph {

// Removes the elements v[k] whose drop[k] is set, keeping the others in order; each kept element
// is moved at most once. `drop` has v.size() flags.
template <class T, class Flags>
void erase_flagged(std::vector<T>& v, const Flags& drop) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < v.size(); ++k)
    if (!drop[k]) {
      if (kept != k) v[kept] = std::move(v[k]);
      ++kept;
    }
  v.resize(kept);
}

}  // namespace softgraph
