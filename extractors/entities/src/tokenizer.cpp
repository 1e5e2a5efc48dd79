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

// Every byte value classified once, so that the inner loop of tokenize() reads one table entry
// per ASCII byte: the low byte is the byte's folded value (ASCII only), the high byte its class.
enum : std::uint16_t {
  kSpace = 1 << 8,       // ASCII white space
  kWordChar = 1 << 9,    // ASCII letter or digit
  kLowerChar = 1 << 10,  // ASCII lower-case letter
  kUpperChar = 1 << 11,  // ASCII upper-case letter
  kMultiByte = 1 << 12,  // a byte >= 0x80: part of a multi-byte sequence (or invalid)
};
struct ByteTable {
  std::array<std::uint16_t, 256> entry{};
  constexpr ByteTable() {
    for (int c = 0; c < 256; ++c) {
      if (c >= 0x80) {
        entry[c] = kMultiByte;
        continue;
      }
      const bool upper = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      std::uint16_t e = static_cast<std::uint16_t>(upper ? c + 32 : c);
      if (space) e |= kSpace;
      if (upper || low || (c >= '0' && c <= '9')) e |= kWordChar;
      if (low) e |= kLowerChar;
      if (upper) e |= kUpperChar;
      entry[c] = e;
    }
  }
};
constexpr ByteTable kBytes;

// Where a word ends, its hash, and kLowerChar if it has a lower-case letter.
struct WordScan {
  const std::uint8_t* end;
  std::uint64_t hash;
  std::uint16_t seen;
};

// The rest of a word from `p` on, any script (ASCII by table, the rest through props()), given
// the hash and classes of what came before. Out of line and by value: the ASCII loop of
// tokenize() keeps its registers.
[[gnu::noinline]] WordScan scan_word(const std::uint8_t* base, const std::uint8_t* p,
                                     const std::uint8_t* end, std::uint64_t hash,
                                     std::uint16_t seen) {
  std::int32_t j = static_cast<std::int32_t>(p - base);
  const std::int32_t n = static_cast<std::int32_t>(end - base);
  while (j < n) {
    const std::uint16_t e = kBytes.entry[base[j]];
    if (e & kWordChar) {
      seen |= e;
      hash = mix_byte(hash, e & 0xff);
      ++j;
      continue;
    }
    if (!(e & kMultiByte)) break;
    std::int32_t k = j;
    UChar32 d;
    U8_NEXT(base, k, n, d);
    if (d < 0) break;
    const CodePoint cp = props(d);  // d >= 0x80 here
    if (!cp.word) break;
    if (cp.lower_letter) seen |= kLowerChar;
    hash = mix(hash, cp.folded);
    j = k;
  }
  return {base + j, hash, seen};
}

// The token that starts with the non-ASCII byte at `p` (if any: spaces and invalid bytes are
// none) appended to `out`; returns where it ends.
[[gnu::noinline]] const std::uint8_t* non_ascii_token(const std::uint8_t* base,
                                                      const std::uint8_t* p,
                                                      const std::uint8_t* end,
                                                      std::vector<Token>& out) {
  const std::int32_t start = static_cast<std::int32_t>(p - base);
  std::int32_t i = start;
  UChar32 c;
  U8_NEXT(base, i, static_cast<std::int32_t>(end - base), c);
  if (c < 0) return base + i;  // invalid bytes are not tokens
  const CodePoint cp = props(c);
  if (cp.space) return base + i;
  Token t;
  t.begin = static_cast<std::uint32_t>(start);
  t.folded_hash = kFnvOffset;
  if (!cp.word) {
    t.folded_hash = mix(t.folded_hash, cp.folded);
    t.end = static_cast<std::uint32_t>(i);
    out.push_back(t);
    return base + i;
  }
  t.word = true;
  t.upper_initial = cp.upper;
  const WordScan w = scan_word(base, p, end, t.folded_hash, 0);
  t.folded_hash = w.hash;
  t.all_upper = !(w.seen & kLowerChar);
  t.end = static_cast<std::uint32_t>(w.end - base);
  out.push_back(t);
  return w.end;
}

}  // namespace

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>& out) {
  const auto* const base = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::uint8_t* p = base + begin;
  const std::uint8_t* const stop = base + end;
  while (p < stop) {
    std::uint16_t e = kBytes.entry[*p];
    if (e & kSpace) {
      ++p;
      continue;
    }
    if (e & kWordChar) {
      // An ASCII word, most tokens of any text: one table read and one multiplication a byte.
      const std::uint8_t* const start = p;
      const bool upper_initial = (e & kUpperChar) != 0;
      std::uint64_t h = kFnvOffset;
      std::uint16_t seen = 0;
      do {
        seen |= e;
        h = mix_byte(h, e & 0xff);
        ++p;
      } while (p < stop && ((e = kBytes.entry[*p]) & kWordChar));
      if (p < stop && (e & kMultiByte)) {  // "Türkiye"
        const WordScan w = scan_word(base, p, stop, h, seen);
        p = w.end;
        h = w.hash;
        seen = w.seen;
      }
      out.push_back(Token{static_cast<std::uint32_t>(start - base),
                          static_cast<std::uint32_t>(p - base), h, true, upper_initial,
                          !(seen & kLowerChar)});
      continue;
    }
    if (e & kMultiByte) {
      p = non_ascii_token(base, p, stop, out);
      continue;
    }
    // ASCII punctuation: a token of one byte.
    const auto at = static_cast<std::uint32_t>(p - base);
    out.push_back(Token{at, at + 1, mix_byte(kFnvOffset, e & 0xff), false, false, false});
    ++p;
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

std::uint32_t WordClasses::of_folded(std::uint64_t hash, std::string_view folded) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (e.bits == 0) return 0;
    if (e.hash == hash && e.word == folded) return e.bits;
  }
}

namespace {

// fold_case(raw) == word, without folding when `raw` is ASCII (nearly every token): then the two
// are equal exactly when their lengths are and each byte of `raw`, lower-cased, is word's byte.
bool folds_to(std::string_view raw, std::string_view word) {
  std::size_t i = 0;
  for (; i < raw.size(); ++i) {
    const auto c = static_cast<std::uint8_t>(raw[i]);
    if (c >= 0x80) break;
    if (i >= word.size() || static_cast<char>(kBytes.entry[c] & 0xff) != word[i]) return false;
  }
  if (i == raw.size()) return i == word.size();
  char buf[64];  // a listed word is short: folded on the stack
  if (raw.size() * 2 <= sizeof buf) return std::string_view(buf, fold_into(buf, raw) - buf) == word;
  return fold_case(raw) == word;
}

}  // namespace

std::uint32_t WordClasses::of(std::string_view text, const Token& t) const {
  const Entry* const slots = slots_.data();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = t.folded_hash & mask;; i = (i + 1) & mask) {
    const Entry& e = slots[i];
    if (e.bits == 0) return 0;  // the common case: no fold, no comparison
    if (e.hash == t.folded_hash &&
        folds_to(std::string_view(text.data() + t.begin, t.end - t.begin), e.word))
      return e.bits;
  }
}

std::string fold_case(std::string_view text) {
  // Folded into room for the longest result, then cut: no append per code point.
  std::string out(2 * text.size(), '\0');
  out.resize(static_cast<std::size_t>(fold_into(out.data(), text) - out.data()));
  return out;
}

}  // namespace softgraph
