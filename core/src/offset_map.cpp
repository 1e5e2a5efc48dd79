#include "softgraph/core/offset_map.hpp"

#include <algorithm>

namespace softgraph {

void OffsetMap::add_copy(std::uint64_t raw_begin, std::uint64_t len) {
  if (len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copy && last.raw_end == raw_begin) {  // extend a running copy
      last.text_end += len;
      last.raw_end += len;
      text_size_ += len;
      return;
    }
  }
  pieces_.push_back({text_size_, text_size_ + len, raw_begin, raw_begin + len, true});
  text_size_ += len;
}

void OffsetMap::add_replacement(std::uint64_t text_len, std::uint64_t raw_begin,
                                std::uint64_t raw_end) {
  pieces_.push_back({text_size_, text_size_ + text_len, raw_begin, raw_end, false});
  text_size_ += text_len;
}

const OffsetMap::Piece* OffsetMap::find(std::uint64_t t, bool for_end) const {
  if (pieces_.empty()) return nullptr;
  // For a begin offset we want the piece with text_begin <= t < text_end; for an end offset the
  // piece with text_begin < t <= text_end.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t,
                             [for_end](std::uint64_t v, const Piece& p) {
                               return for_end ? v <= p.text_begin : v < p.text_begin;
                             });
  if (it == pieces_.begin()) return &pieces_.front();
  --it;
  // Skip empty replacement pieces (deletions) when looking for a begin.
  return &*it;
}

std::uint64_t OffsetMap::to_raw_begin(std::uint64_t t) const {
  const Piece* p = find(t, false);
  return p ? begin_in(*p, t) : t;
}

std::uint64_t OffsetMap::to_raw_end(std::uint64_t t) const {
  const Piece* p = find(t, true);
  return p ? end_in(*p, t) : t;
}

}  // namespace softgraph
