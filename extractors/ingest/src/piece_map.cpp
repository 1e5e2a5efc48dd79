#include "piece_map.hpp"

#include <algorithm>

namespace softgraph::ingest {

void PieceMap::copy(std::uint64_t in_begin, std::uint64_t len) {
  if (len == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copy && last.in_end == in_begin) {  // extend a running copy
      last.out_end += len;
      last.in_end += len;
      out_size_ += len;
      return;
    }
  }
  pieces_.push_back({out_size_, out_size_ + len, in_begin, in_begin + len, true});
  out_size_ += len;
}

void PieceMap::replace(std::uint64_t out_len, std::uint64_t in_begin, std::uint64_t in_end) {
  pieces_.push_back({out_size_, out_size_ + out_len, in_begin, std::max(in_begin, in_end), false});
  out_size_ += out_len;
}

bool PieceMap::identity(std::uint64_t in_size) const {
  if (pieces_.empty()) return in_size == 0;
  return pieces_.size() == 1 && pieces_[0].copy && pieces_[0].in_begin == 0 &&
         pieces_[0].in_end == in_size;
}

std::uint64_t PieceMap::to_in_begin(std::uint64_t o) const {
  if (pieces_.empty()) return o;
  // The last piece starting at or before `o`; a deletion sharing its start with the next piece
  // sorts first, so the piece holding byte `o` wins.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), o,
                             [](std::uint64_t v, const Piece& p) { return v < p.out_begin; });
  if (it == pieces_.begin()) return pieces_.front().in_begin;
  const Piece& p = *--it;
  if (o >= p.out_end) return p.in_end;
  return p.copy ? p.in_begin + (o - p.out_begin) : p.in_begin;
}

std::uint64_t PieceMap::to_in_end(std::uint64_t o) const {
  if (pieces_.empty()) return o;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), o,
                             [](std::uint64_t v, const Piece& p) { return v <= p.out_begin; });
  if (it == pieces_.begin()) return pieces_.front().in_begin;
  const Piece& p = *--it;
  if (o <= p.out_begin) return p.in_begin;
  if (o >= p.out_end) return p.in_end;
  return p.copy ? p.in_begin + (o - p.out_begin) : p.in_end;
}

std::uint64_t PieceMap::to_out(std::uint64_t i) const {
  if (pieces_.empty()) return i;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), i,
                             [](std::uint64_t v, const Piece& p) { return v < p.in_begin; });
  if (it == pieces_.begin()) return 0;
  const Piece& p = *--it;
  if (i >= p.in_end) return p.out_end;  // inside a deleted stretch: the next output byte
  return p.copy ? p.out_begin + (i - p.in_begin) : p.out_begin;
}

PieceMap PieceMap::then(const PieceMap& inner) const {
  PieceMap out;
  out.pieces_.reserve(pieces_.size() + inner.pieces_.size());
  const auto& in = inner.pieces_;
  std::size_t j = 0;
  for (const Piece& p : pieces_) {
    if (!p.copy) {
      std::uint64_t b = inner.to_in_begin(p.in_begin);
      std::uint64_t e = p.in_end > p.in_begin ? inner.to_in_end(p.in_end) : b;
      out.replace(p.out_end - p.out_begin, b, e);
      continue;
    }
    // A copied run of the middle text: split it along the inner pieces it spans.
    while (j < in.size() && in[j].out_end <= p.in_begin) ++j;
    for (std::size_t k = j; k < in.size() && in[k].out_begin < p.in_end; ++k) {
      const Piece& q = in[k];
      std::uint64_t lo = std::max(p.in_begin, q.out_begin), hi = std::min(p.in_end, q.out_end);
      if (hi <= lo) continue;
      if (q.copy) {
        out.copy(q.in_begin + (lo - q.out_begin), hi - lo);
      } else {
        out.replace(hi - lo, q.in_begin, q.in_end);
      }
    }
  }
  return out;
}

OffsetMap PieceMap::to_offset_map() const {
  OffsetMap m;
  for (const Piece& p : pieces_) {
    if (p.copy) {
      m.add_copy(p.in_begin, p.out_end - p.out_begin);
    } else {
      m.add_replacement(p.out_end - p.out_begin, p.in_begin, p.in_end);
    }
  }
  return m;
}

void TextBuilder::copy(std::size_t begin, std::size_t end) {
  if (end <= begin) return;
  out_.append(src_.data() + begin, end - begin);
  map_.copy(begin, end - begin);
}

void TextBuilder::replace(std::string_view with, std::size_t begin, std::size_t end) {
  out_.append(with);
  map_.replace(with.size(), begin, end);
}

void apply_edits(std::string_view src, const std::vector<Edit>& edits, std::string& out,
                 PieceMap& map) {
  TextBuilder b(src);
  b.reserve(src.size());
  std::size_t pos = 0;
  for (const Edit& e : edits) {
    b.copy(pos, e.begin);
    b.replace(e.with, e.begin, e.end);
    pos = e.end;
  }
  b.copy(pos, src.size());
  out = std::move(b.text());
  map = std::move(b.map());
}

}  // namespace softgraph::ingest
