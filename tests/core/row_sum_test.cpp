// The row kernel's vector path against its plain reference, on every stride it takes.
#include "softgraph/core/row_sum.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

using namespace softgraph;

TEST_CASE("row sums: the chosen path equals the plain loop for every stride and row count") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> weight(-32768, 32767);
  for (std::size_t stride = 8; stride <= rows::kMaxVectorStride + 8; stride += 8) {
    for (std::size_t n : {0u, 1u, 2u, 7u, 40u}) {
      std::vector<std::vector<std::int16_t>> data(n, std::vector<std::int16_t>(stride));
      std::vector<const std::int16_t*> ptrs;
      for (auto& row : data) {
        for (auto& w : row) w = static_cast<std::int16_t>(weight(rng));
        ptrs.push_back(row.data());
      }
      std::vector<std::int32_t> start(stride);
      for (auto& a : start) a = weight(rng) * 1000;
      std::vector<std::int32_t> plain = start, chosen = start;
      rows::sum_rows_plain(ptrs.data(), n, stride, plain.data());
      rows::sum_rows_for(stride)(ptrs.data(), n, stride, chosen.data());
      CHECK_MESSAGE(chosen == plain, "stride " << stride << ", rows " << n);
    }
  }
  // A stride the vector path does not take falls back to the plain loop.
  const bool plain_12 = rows::sum_rows_for(12) == &rows::sum_rows_plain;
  CHECK(plain_12);
  const bool plain_wide = rows::sum_rows_for(rows::kMaxVectorStride + 8) == &rows::sum_rows_plain;
  CHECK(plain_wide);
}
