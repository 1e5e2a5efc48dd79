// Maps byte offsets in a repaired, normalised text back to the original input file's bytes.
// Built piece by piece while the text is produced: copied runs map one to one, rewritten runs
// map their ends to the ends of the bytes they replaced.
#pragma once

#include <cstdint>
#include <vector>

namespace softgraph {

class OffsetMap {
 public:
  // Text bytes [text_size(), +len) are a verbatim copy of raw bytes [raw_begin, +len).
  void add_copy(std::uint64_t raw_begin, std::uint64_t len);
  // Text bytes [text_size(), +text_len) replace raw bytes [raw_begin, raw_end).
  void add_replacement(std::uint64_t text_len, std::uint64_t raw_begin, std::uint64_t raw_end);

  std::uint64_t text_size() const { return text_size_; }
  // Raw offset of the byte that text offset `t` starts at (for the begin of a range).
  std::uint64_t to_raw_begin(std::uint64_t t) const;
  // Raw offset just past the byte that ends at text offset `t` (for the end of a range).
  std::uint64_t to_raw_end(std::uint64_t t) const;
  bool identity() const { return pieces_.empty() || (pieces_.size() == 1 && pieces_[0].copy); }

 private:
  struct Piece {
    std::uint64_t text_begin, text_end, raw_begin, raw_end;
    bool copy;
  };
  const Piece* find(std::uint64_t t, bool for_end) const;
  std::vector<Piece> pieces_;
  std::uint64_t text_size_ = 0;
};

}  // namespace softgraph
