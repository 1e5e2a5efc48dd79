#pragma once
// The byte-scanning kernels the extractors spend their time in, in one place: each has a plain
// scalar reference (ascii::scalar) and a vector path (ascii::vector: SSE2 on x86-64, the scalar
// code elsewhere), and a differential test and a fuzz target hold the two equal. The unqualified
// functions are the vector ones. No other file but row_sum.cpp (the parser's kernel) uses SIMD
// intrinsics.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace softgraph::ascii {

// Up to eight ASCII bytes to look for, and optionally every byte >= 0x80.
struct ByteSet {
  std::array<char, 8> bytes{};
  std::uint8_t size = 0;
  bool non_ascii = false;

  constexpr ByteSet(std::string_view chars, bool with_non_ascii = false)
      : non_ascii(with_non_ascii) {
    for (char c : chars)
      if (size < bytes.size()) bytes[size++] = c;
  }
  constexpr bool contains(unsigned char c) const {
    if (c >= 0x80 && non_ascii) return true;
    for (std::uint8_t k = 0; k < size; ++k)
      if (static_cast<unsigned char>(bytes[k]) == c) return true;
    return false;
  }
};

// Sixteen bytes read as the start of a word: how many leading bytes are ASCII letters or digits
// (16: all), which bytes are in 0x61-0x7F (bit i: byte i; within a word, the lower-case letters),
// and the bytes with bit 0x20 set (letters folded to lower case), little-endian in two words.
struct Block16 {
  std::uint32_t alnum_run = 0;
  std::uint32_t above_0x60 = 0;
  std::uint64_t folded[2] = {0, 0};
};

#define SOFTGRAPH_ASCII_KERNELS                                                                 \
  /* The first byte of s at or after `from` in `set`; s.size() if none. */                      \
  std::size_t find_first_of(std::string_view s, std::size_t from, const ByteSet& set);          \
  /* The first byte >= 0x80 at or after `from`; s.size() if none. */                            \
  std::size_t find_non_ascii(std::string_view s, std::size_t from);                             \
  /* The first control byte (below 0x20) other than LF and tab at or after `from`; s.size(). */ \
  std::size_t find_control(std::string_view s, std::size_t from);                               \
  /* How many bytes are ASCII letters (A-Z, a-z). */                                            \
  std::size_t count_ascii_letters(std::string_view s);                                          \
  /* Appends the offset of every byte equal to `c`, in order. */                                \
  void append_positions(std::string_view s, char c, std::vector<std::uint64_t>& out);           \
  /* Whether a and b are equal, ASCII letters compared without case (other bytes exactly). */   \
  bool equal_ignoring_case(std::string_view a, std::string_view b);                             \
  /* The word start at p; 16 bytes must be readable from p. */                                  \
  Block16 classify_block(const unsigned char* p);

namespace scalar {
SOFTGRAPH_ASCII_KERNELS
}  // namespace scalar
namespace vector {
SOFTGRAPH_ASCII_KERNELS
}  // namespace vector
#undef SOFTGRAPH_ASCII_KERNELS

using vector::append_positions;
using vector::classify_block;
using vector::count_ascii_letters;
using vector::equal_ignoring_case;
using vector::find_control;
using vector::find_first_of;
using vector::find_non_ascii;

// Whether s starts with prefix, ASCII letters compared without case.
inline bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equal_ignoring_case(s.substr(0, prefix.size()), prefix);
}
// Whether every byte is below 0x80.
inline bool all_ascii(std::string_view s) { return find_non_ascii(s, 0) == s.size(); }

}  // namespace softgraph::ascii
