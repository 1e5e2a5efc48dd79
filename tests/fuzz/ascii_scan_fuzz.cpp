// libFuzzer target for the byte-scanning kernels (core/ascii_scan): on any bytes, at every start,
// the vector path gives what the scalar reference gives. The first byte picks the set of bytes
// looked for, so that sets of every size meet every input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/ascii_scan.hpp"

namespace ascii = softgraph::ascii;

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // Set: the bytes after the first, as many as the first byte's low three bits say (plus one),
  // with bytes >= 0x80 when its bit 3 is set; the text is all of the input after the first byte.
  const std::size_t members = std::min<std::size_t>((data[0] & 7) + 1, size - 1);
  const ascii::ByteSet set(std::string_view(reinterpret_cast<const char*>(data + 1), members),
                           (data[0] & 8) != 0);
  const std::string_view s(reinterpret_cast<const char*>(data + 1), size - 1);
  for (std::size_t from = 0; from <= s.size(); ++from) {
    require(ascii::vector::find_first_of(s, from, set) ==
            ascii::scalar::find_first_of(s, from, set));
    require(ascii::vector::find_non_ascii(s, from) == ascii::scalar::find_non_ascii(s, from));
    require(ascii::vector::find_control(s, from) == ascii::scalar::find_control(s, from));
    if (from + 16 <= s.size()) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data() + from);
      const ascii::Block16 v = ascii::vector::classify_block(p),
                           r = ascii::scalar::classify_block(p);
      require(v.alnum_run == r.alnum_run && v.above_0x60 == r.above_0x60 &&
              v.folded[0] == r.folded[0] && v.folded[1] == r.folded[1]);
    }
  }
  // The two halves of the text, and the text against itself with the case of its letters flipped.
  const std::string_view a = s.substr(0, s.size() / 2), b = s.substr(s.size() / 2, a.size());
  require(ascii::vector::equal_ignoring_case(a, b) == ascii::scalar::equal_ignoring_case(a, b));
  std::string flipped(s);
  for (char& c : flipped)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') c = static_cast<char>(c ^ 0x20);
  require(ascii::vector::equal_ignoring_case(s, flipped) &&
          ascii::scalar::equal_ignoring_case(s, flipped));
  require(ascii::vector::count_ascii_letters(s) == ascii::scalar::count_ascii_letters(s));
  std::vector<std::uint64_t> v, r;
  ascii::vector::append_positions(s, static_cast<char>(data[0]), v);
  ascii::scalar::append_positions(s, static_cast<char>(data[0]), r);
  require(v == r);
  return 0;
}
