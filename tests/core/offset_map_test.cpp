#include "softgraph/core/offset_map.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace softgraph;

namespace {

// A map of random copies and replacements, deletions (replacements of no text) among them.
OffsetMap random_map(std::mt19937& rng, int pieces) {
  OffsetMap map;
  std::uint64_t raw = rng() % 3;  // a text need not start at raw offset 0 (a BOM, a header)
  for (int k = 0; k < pieces; ++k) {
    const std::uint64_t len = rng() % 6;
    const std::uint64_t raw_len = rng() % 6;
    if (rng() % 2)
      map.add_copy(raw, len);
    else
      map.add_replacement(len, raw, raw + raw_len);
    raw += (rng() % 2) ? len : raw_len;
  }
  return map;
}

}  // namespace

TEST_CASE("offset look-ups from a hint give what a search gives, for any order of offsets") {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const OffsetMap map = random_map(rng, 1 + round % 12);
    const std::uint64_t size = map.text_size();
    // Rising offsets (mentions in text order), then offsets in any order, each from the last hint.
    std::vector<std::uint64_t> offsets;
    for (std::uint64_t t = 0; t <= size + 1; ++t) offsets.push_back(t);
    for (int k = 0; k < 40; ++k) offsets.push_back(rng() % (size + 2));
    std::size_t begin_hint = 0, end_hint = 0;
    for (std::uint64_t t : offsets) {
      CHECK(map.to_raw_begin(t, begin_hint) == map.to_raw_begin(t));
      CHECK(map.to_raw_end(t, end_hint) == map.to_raw_end(t));
    }
  }
}

TEST_CASE("a map that copies its text from raw offset 0 maps every text offset to itself") {
  std::mt19937 rng(11);
  int seen = 0;
  for (int round = 0; round < 2000; ++round) {
    const OffsetMap map = random_map(rng, 1 + round % 3);
    if (!map.maps_text_to_itself()) continue;
    ++seen;
    for (std::uint64_t t = 0; t <= map.text_size(); ++t) {
      CHECK(map.to_raw_begin(t) == t);
      CHECK(map.to_raw_end(t) == t);
    }
  }
  CHECK(seen > 10);
  OffsetMap empty;
  CHECK(empty.maps_text_to_itself());
  OffsetMap shifted;
  shifted.add_copy(3, 10);  // a text after a 3-byte BOM
  CHECK_FALSE(shifted.maps_text_to_itself());
  OffsetMap repaired;
  repaired.add_copy(0, 10);
  repaired.add_replacement(2, 10, 13);
  CHECK_FALSE(repaired.maps_text_to_itself());
}
