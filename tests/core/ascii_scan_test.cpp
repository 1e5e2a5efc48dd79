// The vector kernels against their scalar references: random and edge inputs of every length
// from 0 to 80 at every alignment, bytes >= 0x80 included.
#include "softgraph/core/ascii_scan.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace softgraph;

namespace {

// Bytes the kernels look at, often: the sets' members, controls, letter edges, high bytes.
constexpr unsigned char kInteresting[] = {'(',  '[',  '.',  '!',  '?',  '\r', '\n', '\t', ' ',
                                          'h',  'd',  'D',  '@',  '`',  '{',  'Z',  'a',  'z',
                                          '0',  '9',  '/',  ':',  0x00, 0x1F, 0x20, 0x7F, 0x80,
                                          0xC3, 0xE2, 0xFF, 0x9F, 0x01, 0x60, 0x61};

const ascii::ByteSet kSets[] = {ascii::ByteSet("(["),      ascii::ByteSet(".!?\r\n", true),
                                ascii::ByteSet(" \n\r\t"), ascii::ByteSet("hdD("),
                                ascii::ByteSet(""),        ascii::ByteSet("", true),
                                ascii::ByteSet("abcdefgh")};

void check_all(std::string_view s) {
  for (const ascii::ByteSet& set : kSets)
    for (std::size_t from = 0; from <= s.size(); from += (from < 20 ? 1 : 7)) {
      REQUIRE(ascii::vector::find_first_of(s, from, set) ==
              ascii::scalar::find_first_of(s, from, set));
    }
  for (std::size_t from = 0; from <= s.size(); from += (from < 20 ? 1 : 7)) {
    REQUIRE(ascii::vector::find_non_ascii(s, from) == ascii::scalar::find_non_ascii(s, from));
    REQUIRE(ascii::vector::find_control(s, from) == ascii::scalar::find_control(s, from));
  }
  REQUIRE(ascii::vector::count_ascii_letters(s) == ascii::scalar::count_ascii_letters(s));
  for (char c : {'\n', 'a', '\xC3'}) {
    std::vector<std::uint64_t> v, r;
    ascii::vector::append_positions(s, c, v);
    ascii::scalar::append_positions(s, c, r);
    REQUIRE(v == r);
  }
  // Against itself with every letter's case flipped, and against a copy with one byte changed.
  std::string flipped(s), changed(s);
  for (char& c : flipped)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') c = static_cast<char>(c ^ 0x20);
  if (!changed.empty()) changed[changed.size() / 2] ^= 0x20;
  for (std::string_view other : {std::string_view(flipped), std::string_view(changed)}) {
    REQUIRE(ascii::vector::equal_ignoring_case(s, other) ==
            ascii::scalar::equal_ignoring_case(s, other));
    REQUIRE(ascii::vector::equal_ignoring_case(s, other.substr(0, other.size() / 2)) ==
            ascii::scalar::equal_ignoring_case(s, other.substr(0, other.size() / 2)));
  }
  REQUIRE(ascii::equal_ignoring_case(s, flipped));
  if (s.size() >= 16) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const ascii::Block16 v = ascii::vector::classify_block(p), r = ascii::scalar::classify_block(p);
    REQUIRE(v.alnum_run == r.alnum_run);
    REQUIRE(v.above_0x60 == r.above_0x60);
    REQUIRE(v.folded[0] == r.folded[0]);
    REQUIRE(v.folded[1] == r.folded[1]);
  }
}

}  // namespace

TEST_CASE("ascii kernels: the scalar references say what each kernel means") {
  CHECK(ascii::find_first_of("abc(d[", 0, ascii::ByteSet("([")) == 3);
  CHECK(ascii::find_first_of("abc(d[", 4, ascii::ByteSet("([")) == 5);
  CHECK(ascii::find_first_of("abc", 0, ascii::ByteSet("([")) == 3);
  CHECK(ascii::find_first_of("ab\xC3\xA9.", 0, ascii::ByteSet(".", true)) == 2);
  CHECK(ascii::find_non_ascii(std::string(40, 'a') + "\xE2\x80\x94", 0) == 40);
  CHECK(ascii::all_ascii(std::string(100, 'x')));
  CHECK(!ascii::all_ascii(std::string(100, 'x') + "\xFF"));
  CHECK(ascii::find_control("a\tb\nc\rd", 0) == 5);
  CHECK(ascii::count_ascii_letters("Az@[`{09 \xC3\xA9") == 2);
  CHECK(ascii::equal_ignoring_case("Ibid., 45", "ibid., 45"));
  CHECK(!ascii::equal_ignoring_case("@", "`"));  // 0x40 and 0x60 differ by the case bit only
  CHECK(ascii::starts_with_ignoring_case("IBID, p. 4", "ibid"));
  CHECK(!ascii::starts_with_ignoring_case("ib", "ibid"));
  std::vector<std::uint64_t> nl;
  ascii::append_positions(std::string(70, 'x') + "\n\n", '\n', nl);
  CHECK(nl == std::vector<std::uint64_t>{70, 71});
  const std::string word = "Kazakhstan, and China";
  const ascii::Block16 b =
      ascii::classify_block(reinterpret_cast<const unsigned char*>(word.data()));
  CHECK(b.alnum_run == 10);
  CHECK((b.above_0x60 & 1) == 0);  // 'K' is upper case
  CHECK((b.above_0x60 & 2) == 2);
  CHECK((b.folded[0] & 0xFF) == 'k');
}

TEST_CASE("ascii kernels: vector and scalar agree on random bytes at every length and alignment") {
  std::mt19937 rng(19);
  std::string buffer(128, '\0');
  for (int round = 0; round < 60; ++round) {
    for (std::size_t length = 0; length <= 80; ++length)
      for (std::size_t align = 0; align < 16; ++align) {
        for (std::size_t i = 0; i < length; ++i) {
          const unsigned r = rng();
          // Half interesting bytes, a third plain letters, the rest any byte at all.
          buffer[align + i] =
              static_cast<char>(r % 6 < 3   ? kInteresting[(r >> 8) % sizeof kInteresting]
                                : r % 6 < 5 ? 'a' + static_cast<char>((r >> 8) % 26)
                                            : static_cast<char>(r >> 8));
        }
        check_all(std::string_view(buffer.data() + align, length));
      }
  }
}

TEST_CASE("ascii kernels: vector and scalar agree on edge inputs") {
  std::vector<std::string> cases;
  for (std::size_t n :
       std::initializer_list<std::size_t>{0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 4100})
    for (int fill : {int{'a'}, int{'Z'}, int{'\n'}, int{'('}, 0x80, 0xFF, 0x00, 0x1F, int{' '}}) {
      cases.push_back(std::string(n, static_cast<char>(fill)));
      // One different byte at the start, the middle and the end of each vector step.
      for (std::size_t at : {std::size_t{0}, n / 2, n ? n - 1 : 0})
        if (at < n) {
          std::string s(n, 'q');
          s[at] = static_cast<char>(fill);
          cases.push_back(s);
        }
    }
  for (const std::string& s : cases) check_all(s);
}
