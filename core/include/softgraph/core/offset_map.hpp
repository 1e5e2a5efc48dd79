// Maps byte offsets in a rewritten text back to the bytes it was made from (a repaired,
// normalised text to the input file's): a monotone list of pieces, built while the text is
// produced. Copied runs map one to one, rewritten runs map their ends to the ends of the bytes
// they replaced. Maps of successive rewrites compose (then), and map back (to_text).
#pragma once

#include <cstdint>
#include <vector>

namespace softgraph {

class OffsetMap {
 public:
  struct Piece {
    std::uint64_t text_begin, text_end, raw_begin, raw_end;
    bool copy;
  };

  // Text bytes [text_size(), +len) are a verbatim copy of raw bytes [raw_begin, +len).
  void add_copy(std::uint64_t raw_begin, std::uint64_t len);
  // Text bytes [text_size(), +text_len) replace raw bytes [raw_begin, raw_end).
  void add_replacement(std::uint64_t text_len, std::uint64_t raw_begin, std::uint64_t raw_end);

  std::uint64_t text_size() const { return text_size_; }
  // Raw offset of the byte that text offset `t` starts at (for the begin of a range).
  std::uint64_t to_raw_begin(std::uint64_t t) const;
  // Raw offset just past the byte that ends at text offset `t` (for the end of a range).
  std::uint64_t to_raw_end(std::uint64_t t) const;
  // Raw offset `r` in the text (for ranges known in the raw bytes, such as PDF pages); inside
  // replaced bytes, where the replacement starts; inside deleted bytes, the next text byte.
  std::uint64_t to_text(std::uint64_t r) const;
  // This map (text -> mid) after `inner` (mid -> raw): the map text -> raw.
  OffsetMap then(const OffsetMap& inner) const;
  const std::vector<Piece>& pieces() const { return pieces_; }
  // Whether every text offset up to text_size() maps to itself (text copied from raw offset 0):
  // a caller may then skip the mapping.
  bool maps_text_to_itself() const {
    return pieces_.empty() || (pieces_.size() == 1 && pieces_[0].copy && pieces_[0].raw_begin == 0);
  }
  // The same as to_raw_begin / to_raw_end, for callers mapping offsets that mostly rise (mentions
  // in text order): `hint` (0 at first, then left as returned) is the piece the last offset was
  // found in, tried before a search. Any offsets give the same answers, only slower.
  std::uint64_t to_raw_begin(std::uint64_t t, std::size_t& hint) const {
    return pieces_.empty() ? t : begin_in(piece_from(t, false, hint), t);
  }
  std::uint64_t to_raw_end(std::uint64_t t, std::size_t& hint) const {
    return pieces_.empty() ? t : end_in(piece_from(t, true, hint), t);
  }

 private:
  const Piece* find(std::uint64_t t, bool for_end) const;
  // find(t, for_end) for a non-empty map, trying the piece `hint` and the one after it first.
  const Piece& piece_from(std::uint64_t t, bool for_end, std::size_t& hint) const {
    // find() gives the last piece starting before t (at or before, for a begin), or the first.
    auto starts_before = [&](const Piece& p) {
      return for_end ? p.text_begin < t : p.text_begin <= t;
    };
    const std::size_t n = pieces_.size();
    for (std::size_t k = hint; k < n && k <= hint + 1; ++k)
      if ((k == 0 || starts_before(pieces_[k])) && (k + 1 == n || !starts_before(pieces_[k + 1]))) {
        hint = k;
        return pieces_[k];
      }
    const Piece* p = find(t, for_end);
    hint = static_cast<std::size_t>(p - pieces_.data());
    return *p;
  }
  static std::uint64_t begin_in(const Piece& p, std::uint64_t t) {
    if (t >= p.text_end) return p.raw_end;
    if (p.copy) return p.raw_begin + (t - p.text_begin);
    return p.raw_begin;
  }
  static std::uint64_t end_in(const Piece& p, std::uint64_t t) {
    if (t <= p.text_begin) return p.raw_begin;
    if (p.copy) return p.raw_begin + (t - p.text_begin);
    return p.raw_end;
  }
  std::vector<Piece> pieces_;
  std::uint64_t text_size_ = 0;
};

}  // namespace softgraph
