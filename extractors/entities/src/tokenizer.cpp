#include "softgraph/entities/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "softgraph/core/ascii_scan.hpp"

namespace softgraph {
namespace {

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

// A token's hash is that of its folded form's UTF-8 bytes, taken eight at a time (little-endian,
// the last chunk zero-padded) and finished with the byte count: an ASCII word of up to 16 bytes
// hashes from one or two loads, and every path (ASCII, other scripts, byte by byte) agrees.
constexpr std::uint64_t kHashSeed = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kChunkMul = 0xBF58476D1CE4E5B9ull;
constexpr std::uint64_t kFinalMul = 0x94D049BB133111EBull;

constexpr std::uint64_t absorb(std::uint64_t h, std::uint64_t chunk) {
  return (h ^ chunk) * kChunkMul;  // a bijection of h for each chunk: finish() mixes the bits
}
// A product's high half depends on every bit of its input, its low half only on the low input
// bits: the halves are swapped, as users take the low bits for tables (some after folding the
// high half in).
constexpr std::uint64_t finish(std::uint64_t h, std::uint64_t size) {
  h = (h ^ size) * kFinalMul;
  return (h >> 32) | (h << 32);
}

// UTF-8 bytes of `c`, the first in the low byte, and their count.
constexpr std::pair<std::uint32_t, std::uint32_t> utf8_packed(std::uint32_t u) {
  if (u < 0x80) return {u, 1};
  if (u < 0x800) return {(0xC0 | u >> 6) | (0x80 | (u & 0x3F)) << 8, 2};
  if (u < 0x10000)
    return {(0xE0 | u >> 12) | (0x80 | (u >> 6 & 0x3F)) << 8 | (0x80 | (u & 0x3F)) << 16, 3};
  return {(0xF0 | u >> 18) | (0x80 | (u >> 12 & 0x3F)) << 8 | (0x80 | (u >> 6 & 0x3F)) << 16 |
              (0x80 | (u & 0x3F)) << 24,
          4};
}

// The hash of a folded form given byte by byte or code point by code point.
class FoldedHash {
 public:
  void byte(std::uint8_t b) {
    pending_ |= std::uint64_t{b} << (8 * fill_);
    ++size_;
    if (++fill_ == 8) {
      h_ = absorb(h_, pending_);
      pending_ = 0;
      fill_ = 0;
    }
  }
  // The UTF-8 bytes of `c`, at once.
  void code_point(UChar32 c) {
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80) return byte(static_cast<std::uint8_t>(u));
    const auto [packed, size] = utf8_packed(u);
    bytes(packed, size);
  }
  std::uint64_t value() const { return finish(fill_ ? absorb(h_, pending_) : h_, size_); }

  // `n` (1 to 4) bytes, the first in the low byte of `packed`.
  void bytes(std::uint32_t packed, std::uint32_t n) {
    pending_ |= std::uint64_t{packed} << (8 * fill_);
    size_ += n;
    fill_ += n;
    if (fill_ >= 8) {
      h_ = absorb(h_, pending_);
      fill_ -= 8;  // the bytes that did not fit, the last `fill_` of `packed`
      pending_ = fill_ ? std::uint64_t{packed} >> (8 * (n - fill_)) : 0;
    }
  }

 private:
  std::uint64_t h_ = kHashSeed, pending_ = 0;
  std::uint32_t fill_ = 0, size_ = 0;
};

// What props() tells of every two-byte code point (U+0080 to U+07FF: accented Latin, Greek,
// Cyrillic, ...), with its folded form's UTF-8 bytes ready for the hash: a word in those scripts
// costs a table read per letter. Built on first use (once, then read-only: shared by threads).
struct TwoByteLetter {
  std::uint32_t folded_utf8 = 0;  // as utf8_packed() gives them
  std::uint8_t folded_size = 0;
  bool word = false, upper = false, lower_letter = false;
};
const TwoByteLetter* two_byte_letters() {
  static const std::vector<TwoByteLetter> table = [] {
    std::vector<TwoByteLetter> t(0x800);
    for (UChar32 c = 0x80; c < 0x800; ++c) {
      const CodePoint cp = props(c);
      const auto [packed, size] = utf8_packed(static_cast<std::uint32_t>(cp.folded));
      t[static_cast<std::size_t>(c)] = {packed, static_cast<std::uint8_t>(size), cp.word, cp.upper,
                                        cp.lower_letter};
    }
    return t;
  }();
  return table.data();
}

// Every byte value classified once, so that tokenize() reads one table entry per ASCII byte: the
// low byte is the byte's folded value (ASCII only), the high byte its class.
enum : std::uint16_t {
  kSpace = 1 << 8,       // ASCII white space
  kWordChar = 1 << 9,    // ASCII letter or digit
  kLowerChar = 1 << 10,  // ASCII lower-case letter
  kUpperChar = 1 << 11,  // ASCII upper-case letter
  kMultiByte = 1 << 12,  // a byte >= 0x80: part of a multi-byte sequence (or invalid)
};
struct ByteTable {
  std::array<std::uint16_t, 256> entry{};
  std::array<std::uint64_t, 128> punctuation_hash{};  // of an ASCII byte as a token of its own
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
      punctuation_hash[c] = finish(absorb(kHashSeed, static_cast<std::uint64_t>(c)), 1);
    }
  }
};
constexpr ByteTable kBytes;

// The word (letters, digits, marks of any script) that starts at `start`, whose first code point
// is a word character, appended to `out`; returns where it ends. Byte by byte: the general path.
[[gnu::noinline]] std::int32_t scan_word(const std::uint8_t* base, std::int32_t start,
                                         std::int32_t n, std::vector<Token>& out) {
  FoldedHash hash;
  bool lower = false, upper_initial = false;
  const TwoByteLetter* const two_byte = two_byte_letters();
  std::int32_t j = start;
  while (j < n) {
    const std::uint16_t e = kBytes.entry[base[j]];
    if (e & kWordChar) {
      if (j == start) upper_initial = (e & kUpperChar) != 0;
      lower |= (e & kLowerChar) != 0;
      hash.byte(static_cast<std::uint8_t>(e & 0xff));
      ++j;
      continue;
    }
    if (!(e & kMultiByte)) break;
    std::int32_t k = j;
    UChar32 d;
    const std::uint8_t lead = base[j];
    if (lead >= 0xC2 && lead <= 0xDF && j + 1 < n && (base[j + 1] & 0xC0) == 0x80) {
      // Two bytes (Latin accents, Greek, Cyrillic): what U8_NEXT would decode, more directly,
      // and what props() says of it from a table.
      const TwoByteLetter& letter = two_byte[(lead & 0x1F) << 6 | (base[j + 1] & 0x3F)];
      if (!letter.word) break;
      if (j == start) upper_initial = letter.upper;
      lower |= letter.lower_letter;
      hash.bytes(letter.folded_utf8, letter.folded_size);
      j += 2;
      continue;
    } else {
      U8_NEXT(base, k, n, d);
      if (d < 0) break;
    }
    const CodePoint cp = props(d);  // d >= 0x80 here
    if (!cp.word) break;
    if (j == start) upper_initial = cp.upper;
    lower |= cp.lower_letter;
    hash.code_point(cp.folded);
    j = k;
  }
  out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(j),
                      hash.value(), true, upper_initial, !lower});
  return j;
}

// The token that starts with the non-ASCII byte at `start` (if any: spaces and invalid bytes are
// none) appended to `out`; returns where it ends.
[[gnu::noinline]] std::int32_t non_ascii_token(const std::uint8_t* base, std::int32_t start,
                                               std::int32_t n, std::vector<Token>& out) {
  std::int32_t i = start;
  UChar32 c;
  U8_NEXT(base, i, n, c);
  if (c < 0) return i;  // invalid bytes are not tokens
  const CodePoint cp = props(c);
  if (cp.space) return i;
  if (cp.word) return scan_word(base, start, n, out);
  FoldedHash hash;
  hash.code_point(cp.folded);
  out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i),
                      hash.value(), false, false, false});
  return i;
}

// The low `n` bytes of a 64-bit chunk (n in 0..8).
constexpr std::uint64_t kLowBytes[9] = {0,
                                        0xFF,
                                        0xFFFF,
                                        0xFFFFFF,
                                        0xFFFFFFFF,
                                        0xFFFFFFFFFF,
                                        0xFFFFFFFFFFFF,
                                        0xFFFFFFFFFFFFFF,
                                        ~std::uint64_t{0}};

// The ASCII word at `p` (its first byte a letter or digit, `e` that byte's table entry; text
// offset `at`, `left` bytes before the range ends) when it is shorter than 16 bytes and ends in
// ASCII, given that 16 bytes can be read from `p`: found, classified and hashed with a few vector
// operations, appended to `out`. Returns where it ends (after one following space, the usual
// separator), or null (appending nothing) for a word the general path must read.
[[gnu::always_inline]] inline const std::uint8_t* short_ascii_word(const std::uint8_t* p,
                                                                   std::uint32_t at,
                                                                   std::uint32_t left,
                                                                   std::uint16_t e,
                                                                   std::vector<Token>& out) {
  const ascii::Block16 block = ascii::classify_block(p);
  std::uint32_t size = block.alnum_run;  // 16: no end seen
  std::uint32_t skip = 0;                // a space after the word, stepped over at once
  if (size >= left) {
    size = left;  // the range ends inside the word
  } else {
    if (size == 16 || p[size] >= 0x80) return nullptr;  // long, or going on ("Türkiye")
    skip = p[size] == ' ';
  }
  // Within the word every byte is a letter or digit: the lower-case letters are those above 0x60.
  const std::uint32_t lower = block.above_0x60;
  const std::uint64_t low = block.folded[0];
  const std::uint64_t h =
      size <= 8 ? absorb(kHashSeed, low & kLowBytes[size])
                : absorb(absorb(kHashSeed, low), block.folded[1] & kLowBytes[size - 8]);
  out.push_back(Token{at, at + size, finish(h, size), true, (e & kUpperChar) != 0,
                      (lower & ((1u << size) - 1)) == 0});
  return p + size + skip;
}

// short_ascii_word() near the end of the text (a lexicon phrase, a listed word), where fewer than
// 16 bytes can be read: from a zero-padded copy. Out of line, away from tokenize()'s registers.
[[gnu::noinline]] const std::uint8_t* short_ascii_word_near_end(const std::uint8_t* p,
                                                                const std::uint8_t* text_end,
                                                                std::uint32_t at,
                                                                std::uint32_t left, std::uint16_t e,
                                                                std::vector<Token>& out) {
  std::uint8_t padded[16] = {};
  std::memcpy(padded, p, std::min<std::size_t>(16, static_cast<std::size_t>(text_end - p)));
  const std::uint8_t* const end = short_ascii_word(padded, at, left, e, out);
  return end ? p + (end - padded) : nullptr;
}

}  // namespace

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>& out) {
  const auto* const base = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::uint8_t* p = base + begin;
  const std::uint8_t* const stop = base + end;
  // A 16-byte load from p stays inside the text when p is below this.
  const std::uint8_t* const vector_end = text.size() >= 16 ? base + text.size() - 15 : base;
  while (p < stop) {
    const std::uint16_t e = kBytes.entry[*p];
    if (e & kSpace) {
      ++p;
      continue;
    }
    if (e & kWordChar) {
      const auto at = static_cast<std::uint32_t>(p - base);
      const auto left = static_cast<std::uint32_t>(stop - p);
      const std::uint8_t* const next =
          p < vector_end ? short_ascii_word(p, at, left, e, out)
                         : short_ascii_word_near_end(p, base + text.size(), at, left, e, out);
      if (next) {
        p = next;
        continue;
      }
      p = base + scan_word(base, static_cast<std::int32_t>(p - base),
                           static_cast<std::int32_t>(stop - base), out);
      continue;
    }
    if (e & kMultiByte) {
      p = base + non_ascii_token(base, static_cast<std::int32_t>(p - base),
                                 static_cast<std::int32_t>(stop - base), out);
      continue;
    }
    // ASCII punctuation: a token of one byte.
    const auto at = static_cast<std::uint32_t>(p - base);
    out.push_back(Token{at, at + 1, kBytes.punctuation_hash[*p], false, false, false});
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
  // Kept as given: a token is in the list when its folded form equals the word (a word that
  // folding would change matches no token, as with a set of strings).
  const std::uint64_t hash = t[0].folded_hash;
  auto [e, added] =
      table_.insert(hash, [&](const Entry& e) { return e.hash == hash && e.word == word; });
  if (added) {
    *e = {hash, std::string(word), 0};
    const std::size_t bit = hash & (kFilterBits - 1);
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  e->bits |= bits;
}

std::uint32_t WordClasses::of_folded(std::uint64_t hash, std::string_view folded) const {
  const Entry* e =
      table_.get(hash, [&](const Entry& e) { return e.hash == hash && e.word == folded; });
  return e ? e->bits : 0;
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

std::uint32_t WordClasses::find(std::string_view text, const Token& t) const {
  // Mostly the probe meets a free slot at once: no fold, no comparison.
  const std::string_view raw(text.data() + t.begin, t.end - t.begin);
  const Entry* e = table_.get(t.folded_hash, [&](const Entry& e) {
    return e.hash == t.folded_hash && folds_to(raw, e.word);
  });
  return e ? e->bits : 0;
}

std::string fold_case(std::string_view text) {
  // Folded into room for the longest result, then cut: no append per code point.
  std::string out(2 * text.size(), '\0');
  out.resize(static_cast<std::size_t>(fold_into(out.data(), text) - out.data()));
  return out;
}

}  // namespace softgraph
