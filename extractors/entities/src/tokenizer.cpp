#include "softgraph/extract/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace softgraph {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

UChar32 fold_uncached(UChar32 c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return '\'';  // typographic apostrophes
  if (c == 0x2010 || c == 0x2011 || c == 0x2013) return '-';   // hyphens and en dash
  UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  if (f == 0x0451) return 0x0435;  // ё -> е: Russian texts write both
  return f;
}

// What the tokenizer asks ICU about a non-ASCII code point, kept in a small per-thread cache:
// a text (or the lexicon's foreign names) repeats the same few hundred letters, and each costs
// five ICU calls.
struct CodePoint {
  UChar32 c = -1;
  UChar32 folded = 0;
  bool word = false;  // letter, digit or mark
  bool space = false;
  bool upper = false;
  bool lower_letter = false;  // a letter that is not upper-case
};

inline CodePoint props(UChar32 c) {
  thread_local std::array<CodePoint, 1024> cache;
  CodePoint& e = cache[static_cast<std::uint32_t>(c) & 1023];
  if (e.c != c) {
    e.c = c;
    e.folded = fold_uncached(c);
    e.word = u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
    e.space = u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B;
    e.upper = u_isupper(c);
    e.lower_letter = u_isalpha(c) && !e.upper;
  }
  return e;
}

inline UChar32 fold(UChar32 c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return props(c).folded;
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

// mix() of a code point below 0x100 whose upper two bytes are zero: the three rounds collapse to
// one multiplication by kFnvPrime^3 (arithmetic mod 2^64), the same value.
constexpr std::uint64_t kFnvPrime3 = kFnvPrime * kFnvPrime * kFnvPrime;
inline std::uint64_t mix_byte(std::uint64_t h, UChar32 c) {
  return (h ^ static_cast<std::uint32_t>(c)) * kFnvPrime3;
}

// ASCII bytes classified once: word characters (letters, digits) and lower-case letters, and
// their folded value, so that the inner loop of tokenize() is two table reads per byte.
struct AsciiTable {
  std::array<std::uint8_t, 128> word{}, lower{}, folded{};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      const bool upper = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      word[c] = upper || low || (c >= '0' && c <= '9');
      lower[c] = low;
      folded[c] = static_cast<std::uint8_t>(upper ? c + 32 : c);
    }
  }
};
constexpr AsciiTable kAscii;

inline bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return props(c).word;
}

inline bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return props(c).space;
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
    t.upper_initial = c < 0x80 ? (c >= 'A' && c <= 'Z') : props(c).upper;
    bool all_upper = true;
    std::int32_t j = start;
    while (j < n) {
      if (s[j] < 0x80) {
        // ASCII, most of any text: classified and folded by table, without ICU calls.
        const std::uint8_t d = s[j];
        if (!kAscii.word[d]) break;
        if (kAscii.lower[d]) all_upper = false;
        t.folded_hash = mix_byte(t.folded_hash, kAscii.folded[d]);
        ++j;
        continue;
      }
      std::int32_t k = j;
      UChar32 d;
      U8_NEXT(s, k, n, d);
      if (d < 0) break;
      const CodePoint p = props(d);  // d >= 0x80 here
      if (!p.word) break;
      if (p.lower_letter) all_upper = false;
      t.folded_hash = mix(t.folded_hash, p.folded);
      j = k;
    }
    t.all_upper = all_upper;
    t.end = static_cast<std::uint32_t>(j);
    i = j;
    out.push_back(t);
  }
}

void append_folded(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t i = 0, n = static_cast<std::int32_t>(text.size());
  while (i < n) {
    if (s[i] < 0x80) {
      // A run of ASCII: one byte in, one byte out, appended at once.
      std::int32_t j = i;
      while (j < n && s[j] < 0x80) ++j;
      std::size_t at = out.size();
      out.append(text.data() + i, static_cast<std::size_t>(j - i));
      for (char* p = out.data() + at; p != out.data() + out.size(); ++p)
        if (*p >= 'A' && *p <= 'Z') *p = static_cast<char>(*p + 32);
      i = j;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    c = fold(c);
    char buf[4];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(buf), len, c);
    out.append(buf, static_cast<std::size_t>(len));
  }
}

char* fold_into(char* out, std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto* d = reinterpret_cast<std::uint8_t*>(out);
  std::int32_t i = 0, n = static_cast<std::int32_t>(text.size());
  while (i < n) {
    if (s[i] < 0x80) {
      const std::uint8_t c = s[i++];
      *d++ = c >= 'A' && c <= 'Z' ? static_cast<std::uint8_t>(c + 32) : c;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(d, len, fold(c));
    d += len;
  }
  return reinterpret_cast<char*>(d);
}

void WordClasses::add(std::string_view word, std::uint32_t bits) {
  std::vector<Token> t = tokenize(word);
  if (t.size() != 1 || bits == 0) return;
  if ((used_ + 1) * 4 > slots_.size()) {  // keep it sparse: probes stay short
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(old.size() * 2, Entry{});
    used_ = 0;
    for (Entry& e : old)
      if (e.bits) add(e.word, e.bits);
  }
  // Kept as given: a token is in the list when its folded form equals the word (a word that
  // folding would change matches no token, as with a set of strings).
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = t[0].folded_hash & mask;; i = (i + 1) & mask) {
    Entry& e = slots_[i];
    if (e.bits == 0) {
      e = {t[0].folded_hash, std::string(word), bits};
      ++used_;
      return;
    }
    if (e.hash == t[0].folded_hash && e.word == word) {
      e.bits |= bits;
      return;
    }
  }
}

const WordClasses::Entry* WordClasses::probe(std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.bits == 0) return nullptr;
    if (e.hash == hash) return &e;
  }
}

std::uint32_t WordClasses::of_folded(std::uint64_t hash, std::string_view folded) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.bits == 0) return 0;
    if (e.hash == hash && e.word == folded) return e.bits;
  }
}

std::uint32_t WordClasses::of(std::string_view text, const Token& t) const {
  if (!probe(t.folded_hash)) return 0;  // the common case: no fold needed
  const std::string_view word = text.substr(t.begin, t.end - t.begin);
  char buf[64];  // a listed word is short: folded on the stack
  if (word.size() * 2 <= sizeof buf)
    return of_folded(t.folded_hash, std::string_view(buf, fold_into(buf, word) - buf));
  return of_folded(t.folded_hash, fold_case(word));
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_folded(out, text);
  return out;
}

}  // namespace softgraph
