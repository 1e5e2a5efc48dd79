// Dense weight rows summed for the parser (see row_sum.hpp). Measured on real text, 69 % of the
// parser's look-ups end in a dense row of 103 classes; the SSE2 loop the compiler makes from the
// plain code loads and stores the sums for every row, the AVX2 sweep keeps all of them in ymm
// registers (13 for the parser, 3 and 7 for the taggers) across the rows of a call, so a row costs
// one load-and-widen and one add per 8 classes.
#include "softgraph/core/row_sum.hpp"

#include <array>
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace softgraph::rows {

void sum_rows_plain(const std::int16_t* const* rows, std::size_t n, std::size_t stride,
                    std::int32_t* acc) {
  for (std::size_t r = 0; r < n; ++r) {
    const std::int16_t* w = rows[r];
    for (std::size_t c = 0; c < stride; ++c) acc[c] += w[c];
  }
}

#if defined(__x86_64__)
namespace {

// G groups of 8 sums held in registers for the whole sweep (stride = 8 G).
template <int G>
__attribute__((target("avx2"))) void sum_rows_avx2(const std::int16_t* const* rows, std::size_t n,
                                                   std::size_t /*stride*/, std::int32_t* acc) {
  __m256i a[G];
  for (int g = 0; g < G; ++g)
    a[g] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc + 8 * g));
  for (std::size_t r = 0; r < n; ++r) {
    const std::int16_t* w = rows[r];
    for (int g = 0; g < G; ++g)
      a[g] = _mm256_add_epi32(
          a[g],
          _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 8 * g))));
  }
  for (int g = 0; g < G; ++g) _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + 8 * g), a[g]);
}

template <std::size_t... G>
constexpr std::array<SumRows, sizeof...(G)> avx2_table(std::index_sequence<G...>) {
  return {&sum_rows_avx2<static_cast<int>(G + 1)>...};
}

}  // namespace

SumRows sum_rows_for(std::size_t stride) {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  static constexpr auto kAvx2 = avx2_table(std::make_index_sequence<kMaxVectorStride / 8>());
  if (!avx2 || stride == 0 || stride % 8 != 0 || stride > kMaxVectorStride) return &sum_rows_plain;
  return kAvx2[stride / 8 - 1];
}
#else
SumRows sum_rows_for(std::size_t) { return &sum_rows_plain; }
#endif

}  // namespace softgraph::rows
