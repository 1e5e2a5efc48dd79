#pragma once
// The parser's hot kernel, beside ascii_scan in core's one home for SIMD: sums of rows of int16
// weights into int32 sums. The plain loop is the reference; the vector path (AVX2 with every sum
// held in registers, chosen at run time) must equal it, which tests/core/row_sum_test.cpp checks.
#include <cstddef>
#include <cstdint>

namespace softgraph::rows {

// acc[c] += rows[r][c] for each of the n rows and each c < stride.
using SumRows = void (*)(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                         std::int32_t* acc);

// The widest stride the vector path takes (a multiple of 8 up to this).
inline constexpr std::size_t kMaxVectorStride = 256;

// The plain reference: one row after the other.
void sum_rows_plain(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                    std::int32_t* acc);

// The fastest sum for `stride` on this CPU: the AVX2 sweep for a multiple of 8 up to
// kMaxVectorStride where the CPU has AVX2 (rows and acc then hold whole groups of 8), the plain
// loop otherwise.
SumRows sum_rows_for(std::size_t stride);

}  // namespace softgraph::rows
