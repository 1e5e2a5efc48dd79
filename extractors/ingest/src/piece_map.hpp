// Offset bookkeeping for each rewriting stage of ingest (clean-up, repairs, NFC): a monotone list
// of copied and replaced runs, composable across stages and invertible for PDF/HTML locations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/offset_map.hpp"

namespace softgraph::ingest {

class PieceMap {
 public:
  struct Piece {
    std::uint64_t out_begin, out_end, in_begin, in_end;
    bool copy;
  };

  // Output bytes [out_size(), +len) copy input bytes [in_begin, +len).
  void copy(std::uint64_t in_begin, std::uint64_t len);
  // Output bytes [out_size(), +out_len) replace input bytes [in_begin, in_end).
  void replace(std::uint64_t out_len, std::uint64_t in_begin, std::uint64_t in_end);

  std::uint64_t out_size() const { return out_size_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  // True when the output is the input unchanged (one copy of everything, or nothing at all).
  bool identity(std::uint64_t in_size) const;

  // This map (out -> mid) after `inner` (mid -> in): the map out -> in.
  PieceMap then(const PieceMap& inner) const;
  // Input offset where output offset `o` begins / ends (same semantics as OffsetMap).
  std::uint64_t to_in_begin(std::uint64_t o) const;
  std::uint64_t to_in_end(std::uint64_t o) const;
  // Output offset for input offset `i` (for ranges known in the input, such as PDF pages).
  std::uint64_t to_out(std::uint64_t i) const;
  OffsetMap to_offset_map() const;

 private:
  std::vector<Piece> pieces_;
  std::uint64_t out_size_ = 0;
};

// Builds an output string together with its PieceMap into `src`.
class TextBuilder {
 public:
  explicit TextBuilder(std::string_view src) : src_(src) {}
  void reserve(std::size_t n) { out_.reserve(n); }
  void copy(std::size_t begin, std::size_t end);
  void replace(std::string_view with, std::size_t begin, std::size_t end);
  std::string& text() { return out_; }
  PieceMap& map() { return map_; }

 private:
  std::string_view src_;
  std::string out_;
  PieceMap map_;
};

// One rewrite of `src` bytes [begin, end) into `with`; a list of them must be sorted and disjoint.
struct Edit {
  std::size_t begin, end;
  std::string with;
};
// Applies sorted, disjoint edits; untouched bytes are copied one to one.
void apply_edits(std::string_view src, const std::vector<Edit>& edits, std::string& out,
                 PieceMap& map);

}  // namespace softgraph::ingest
