#include "softgraph/core/ascii_scan.hpp"

#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define SOFTGRAPH_ASCII_SSE2 1
#endif

namespace softgraph::ascii {

namespace scalar {

std::size_t find_first_of(std::string_view s, std::size_t from, const ByteSet& set) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (set.contains(static_cast<unsigned char>(s[i]))) return i;
  return s.size();
}

std::size_t find_non_ascii(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  return s.size();
}

std::size_t find_control(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\t') return i;
  }
  return s.size();
}

std::size_t count_ascii_letters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(static_cast<unsigned char>(c) | 0x20);
    n += b >= 'a' && b <= 'z';
  }
  return n;
}

void append_positions(std::string_view s, char c, std::vector<std::uint64_t>& out) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == c) out.push_back(i);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

Block16 classify_block(const unsigned char* p) {
  Block16 b;
  b.alnum_run = 16;
  for (std::uint32_t i = 0; i < 16; ++i) {
    const unsigned char c = p[i];
    const auto folded = static_cast<unsigned char>(c | 0x20);
    const bool alnum = (folded >= 'a' && folded <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && b.alnum_run == 16) b.alnum_run = i;
    if (c > 0x60 && c < 0x80) b.above_0x60 |= 1u << i;
    b.folded[i / 8] |= std::uint64_t{folded} << (8 * (i % 8));
  }
  return b;
}

}  // namespace scalar

namespace vector {

#ifdef SOFTGRAPH_ASCII_SSE2
namespace {
inline __m128i load(const void* p) { return _mm_loadu_si128(static_cast<const __m128i*>(p)); }
inline unsigned mask_of(__m128i v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
inline std::size_t ctz(std::uint64_t m) { return static_cast<std::size_t>(__builtin_ctzll(m)); }

// Bytes of `v` in [lo, hi] (both below 0x80) as 0xFF: shifted so that the range starts at the
// smallest signed byte, one signed comparison tells (bytes >= 0x80 land outside).
inline __m128i in_range(__m128i v, char lo, char hi) {
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - lo)));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + (hi - lo) + 1)));
}
}  // namespace

std::size_t find_first_of(std::string_view s, std::size_t from, const ByteSet& set) {
  std::size_t i = from;
  __m128i wanted[8];
  for (std::uint8_t k = 0; k < set.size; ++k) wanted[k] = _mm_set1_epi8(set.bytes[k]);
  const __m128i none = _mm_setzero_si128();
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = load(s.data() + i);
    __m128i hit = set.non_ascii ? x : none;  // the high bit is what movemask reads
    for (std::uint8_t k = 0; k < set.size; ++k)
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, wanted[k]));
    if (const unsigned m = mask_of(hit)) return i + ctz(m);
  }
  return scalar::find_first_of(s, i, set);
}

std::size_t find_non_ascii(std::string_view s, std::size_t from) {
  std::size_t i = from;
  // Thirty-two bytes a step: text is mostly ASCII, one test for both halves.
  for (; i + 32 <= s.size(); i += 32) {
    const __m128i a = load(s.data() + i), b = load(s.data() + i + 16);
    if (mask_of(_mm_or_si128(a, b)) != 0) break;
  }
  for (; i + 16 <= s.size(); i += 16)
    if (const unsigned m = mask_of(load(s.data() + i))) return i + ctz(m);
  return scalar::find_non_ascii(s, i);
}

std::size_t find_control(std::string_view s, std::size_t from) {
  std::size_t i = from;
  const __m128i top = _mm_set1_epi8(0x1F), lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = load(s.data() + i);
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, top), x);
    const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, tab));
    if (const unsigned m = mask_of(_mm_andnot_si128(allowed, control))) return i + ctz(m);
  }
  return scalar::find_control(s, i);
}

std::size_t count_ascii_letters(std::string_view s) {
  std::size_t n = 0, k = 0;
  const __m128i case_bit = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'), last = _mm_set1_epi8(25);
  while (k + 16 <= s.size()) {
    __m128i counts = _mm_setzero_si128();  // per byte lane: at most 255 blocks before summing
    for (int blocks = 0; blocks < 255 && k + 16 <= s.size(); ++blocks, k += 16) {
      const __m128i off = _mm_sub_epi8(_mm_or_si128(load(s.data() + k), case_bit), a);
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_min_epu8(off, last), off));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  }
  return n + scalar::count_ascii_letters(s.substr(k));
}

void append_positions(std::string_view s, char c, std::vector<std::uint64_t>& out) {
  // Sixty-four bytes a test (a line is about that long): one call per hit (memchr) costs more.
  const __m128i wanted = _mm_set1_epi8(c);
  auto bits = [&](std::size_t at) -> std::uint64_t {
    return mask_of(_mm_cmpeq_epi8(load(s.data() + at), wanted));
  };
  std::size_t i = 0;
  for (; i + 64 <= s.size(); i += 64) {
    std::uint64_t m = bits(i) | bits(i + 16) << 16 | bits(i + 32) << 32 | bits(i + 48) << 48;
    for (; m != 0; m &= m - 1) out.push_back(i + ctz(m));
  }
  for (; i < s.size(); ++i)
    if (s[i] == c) out.push_back(i);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const __m128i case_bit = _mm_set1_epi8(0x20);
  auto lower = [&](__m128i v) {
    return _mm_or_si128(v, _mm_and_si128(in_range(v, 'A', 'Z'), case_bit));
  };
  std::size_t i = 0;
  for (; i + 16 <= a.size(); i += 16)
    if (mask_of(_mm_cmpeq_epi8(lower(load(a.data() + i)), lower(load(b.data() + i)))) != 0xFFFF)
      return false;
  return scalar::equal_ignoring_case(a.substr(i), b.substr(i));
}

Block16 classify_block(const unsigned char* p) {
  const __m128i v = load(p);
  // Letters and digits have bit 0x20 set once folded ('A' | 0x20 == 'a'; digits have it).
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i alnum = _mm_or_si128(in_range(folded, 'a', 'z'), in_range(v, '0', '9'));
  Block16 b;
  b.alnum_run = static_cast<std::uint32_t>(__builtin_ctz(~mask_of(alnum)));  // 16: all
  b.above_0x60 = mask_of(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x60)));
  b.folded[0] = static_cast<std::uint64_t>(_mm_cvtsi128_si64(folded));
  b.folded[1] = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(folded, folded)));
  return b;
}

#else  // no SSE2: the scalar code

std::size_t find_first_of(std::string_view s, std::size_t from, const ByteSet& set) {
  return scalar::find_first_of(s, from, set);
}
std::size_t find_non_ascii(std::string_view s, std::size_t from) {
  // Eight bytes a step, as one word.
  std::size_t i = from;
  for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  return scalar::find_non_ascii(s, i);
}
std::size_t find_control(std::string_view s, std::size_t from) {
  return scalar::find_control(s, from);
}
std::size_t count_ascii_letters(std::string_view s) { return scalar::count_ascii_letters(s); }
void append_positions(std::string_view s, char c, std::vector<std::uint64_t>& out) {
  scalar::append_positions(s, c, out);
}
bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return scalar::equal_ignoring_case(a, b);
}
Block16 classify_block(const unsigned char* p) { return scalar::classify_block(p); }

#endif

}  // namespace vector

}  // namespace softgraph::ascii
