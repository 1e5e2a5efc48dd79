// Builds the probe table of a WeightTable (see weight_table.hpp).
#include "weight_table.hpp"

#include <algorithm>
#include <bit>

#include "softgraph/core/error.hpp"

namespace softgraph::syntax {

WeightTable::WeightTable(int classes, float scale, std::vector<std::uint64_t> keys,
                         std::vector<std::uint32_t> offsets, std::vector<WeightEntry> entries)
    : classes_(classes),
      scale_(scale),
      keys_(std::move(keys)),
      offsets_(std::move(offsets)),
      entries_(std::move(entries)) {
  if (offsets_.size() != keys_.size() + 1 || classes > 256)
    throw internal_error("weight table: bad shape");
  // At most half full, so a missing key (the common case for rare features) ends its probe soon.
  dense_stride_ = (static_cast<std::size_t>(classes) + 7) / 8 * 8;
  std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, keys_.size() * 2));
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    const std::uint32_t begin = offsets_[k], count = offsets_[k + 1] - begin;
    if (count == 0 || count > 255) throw internal_error("weight table: bad row length");
    std::size_t i = static_cast<std::size_t>(keys_[k]) & mask_;
    while (slots_[i].count != 0) i = (i + 1) & mask_;
    Slot& s = slots_[i];
    s.fingerprint = static_cast<std::uint32_t>(keys_[k] >> 16);
    s.count = static_cast<std::uint8_t>(count);
    if (count <= kInline) {
      for (std::uint32_t e = 0; e < count; ++e) {
        s.cls[e] = static_cast<std::uint8_t>(entries_[begin + e].cls);
        s.weight[e] = entries_[begin + e].weight;
      }
    } else if (count * 8 >= static_cast<std::uint32_t>(classes)) {
      auto at = static_cast<std::uint32_t>(dense_.size());
      std::memcpy(s.weight, &at, sizeof at);
      s.dense = 1;
      dense_.resize(dense_.size() + dense_stride_, 0);
      for (std::uint32_t e = begin; e < begin + count; ++e)
        dense_[at + entries_[e].cls] += entries_[e].weight;
    } else {
      auto at = static_cast<std::uint32_t>(long_entries_.size());
      std::memcpy(s.weight, &at, sizeof at);
      long_entries_.insert(long_entries_.end(), entries_.begin() + begin,
                           entries_.begin() + begin + count);
    }
  }
}

}  // namespace softgraph::syntax
