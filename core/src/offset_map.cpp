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
  pieces_.push_back(
      {text_size_, text_size_ + text_len, raw_begin, std::max(raw_begin, raw_end), false});
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

std::uint64_t OffsetMap::to_text(std::uint64_t r) const {
  if (pieces_.empty()) return r;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), r,
                             [](std::uint64_t v, const Piece& p) { return v < p.raw_begin; });
  if (it == pieces_.begin()) return 0;
  const Piece& p = *--it;
  if (r >= p.raw_end) return p.text_end;  // inside a deleted stretch: the next text byte
  return p.copy ? p.text_begin + (r - p.raw_begin) : p.text_begin;
}

OffsetMap OffsetMap::then(const OffsetMap& inner) const {
  OffsetMap out;
  out.pieces_.reserve(pieces_.size() + inner.pieces_.size());
  const auto& in = inner.pieces_;
  std::size_t j = 0;
  for (const Piece& p : pieces_) {
    if (!p.copy) {
      std::uint64_t b = inner.to_raw_begin(p.raw_begin);
      std::uint64_t e = p.raw_end > p.raw_begin ? inner.to_raw_end(p.raw_end) : b;
      out.add_replacement(p.text_end - p.text_begin, b, e);
      continue;
    }
    // A copied run of the middle text: split it along the inner pieces it spans.
    while (j < in.size() && in[j].text_end <= p.raw_begin) ++j;
    for (std::size_t k = j; k < in.size() && in[k].text_begin < p.raw_end; ++k) {
      const Piece& q = in[k];
      std::uint64_t lo = std::max(p.raw_begin, q.text_begin), hi = std::min(p.raw_end, q.text_end);
      if (hi <= lo) continue;
      if (q.copy) {
        out.add_copy(q.raw_begin + (lo - q.text_begin), hi - lo);
      } else {
        out.add_replacement(hi - lo, q.raw_begin, q.raw_end);
      }
    }
  }
  return out;
}

}  // namespace softgraph
