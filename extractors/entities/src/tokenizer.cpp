#include "softgraph/extract/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace softgraph {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

inline UChar32 fold(UChar32 c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return '\'';  // typographic apostrophes
  if (c == 0x2010 || c == 0x2011 || c == 0x2013) return '-';   // hyphens and en dash
  UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (f == 0x0451) return 0x0435;  // ё -> е: Russian texts write both
  return f;
}

inline std::uint64_t mix(std::uint64_t h, UChar32 c) {
  // Hash the code point's bytes; equal strings hash equally whatever their encoding path.
  std::uint32_t v = static_cast<std::uint32_t>(c);
  for (int i = 0; i < 3; ++i) {
    h ^= (v & 0xff);
    h *= kFnvPrime;
    v >>= 8;
  }
  return h;
}

inline bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

inline bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B;
}

}  // namespace

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>& out) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t i = static_cast<std::int32_t>(begin);
  const std::int32_t n = static_cast<std::int32_t>(end);
  while (i < n) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // invalid bytes are not tokens
    if (is_space(c)) continue;
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.folded_hash = kFnvOffset;
    if (!is_word_char(c)) {
      t.folded_hash = mix(t.folded_hash, fold(c));
      t.end = static_cast<std::uint32_t>(i);
      out.push_back(t);
      continue;
    }
    t.word = true;
    t.upper_initial = u_isupper(c);
    bool all_upper = true;
    std::int32_t j = start;
    while (j < n) {
      std::int32_t k = j;
      UChar32 d;
      U8_NEXT(s, k, n, d);
      if (d < 0 || !is_word_char(d)) break;
      if (u_isalpha(d) && !u_isupper(d)) all_upper = false;
      t.folded_hash = mix(t.folded_hash, fold(d));
      j = k;
    }
    t.all_upper = all_upper;
    t.end = static_cast<std::uint32_t>(j);
    i = j;
    out.push_back(t);
  }
}

std::string fold_case(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t i = 0, n = static_cast<std::int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    c = fold(c);
    char buf[4];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(buf), len, c);
    out.append(buf, static_cast<std::size_t>(len));
  }
  return out;
}

}  // namespace softgraph
