#include "softgraph/cli/extraction_jsonl.hpp"

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/reader.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <variant>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "softgraph/core/error.hpp"
#include "softgraph/core/input_file.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/graph/ontology.hpp"

namespace softgraph {
namespace {

// Records are most of what `extract` writes, so they are written by hand into a buffer grown
// ahead of each write: runs of plain bytes copied 16 at a time, keys as fixed text. The bytes are
// what RapidJSON's Writer would give (its escapes, its shortest round-trip doubles), so the reader
// reads them back exactly.
//
// The primitives below write at a plain pointer and return the new end, without checking room:
// a caller makes room once for a whole mention or relation and keeps the pointer in a register
// (stores through a char* may alias anything, so a pointer kept in an object would be reloaded
// after each of them).
template <typename Word>
Word load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

#ifndef __SSE2__
// Whether any byte of the word is a control character, '"' or '\\' (the classic "has a byte
// less than n" and "has a zero byte" tricks; bytes >= 0x80 are never flagged).
template <typename Word>
bool needs_escape(Word w) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ULL);
  constexpr Word kHighs = static_cast<Word>(0x8080808080808080ULL);
  const Word control = (w - kOnes * 0x20) & ~w & kHighs;
  const Word q = w ^ (kOnes * '"'), b = w ^ (kOnes * '\\');
  const Word quote = (q - kOnes) & ~q & kHighs, backslash = (b - kOnes) & ~b & kHighs;
  return (control | quote | backslash) != 0;
}
#endif

#define SG_INLINE inline __attribute__((always_inline))

// Whether two strings hold the same bytes; inline, and for the short ids and names compared here
// in two overlapping blocks (16 bytes, 8 or 4), whatever their length.
SG_INLINE bool same(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  if (n > 32) return std::memcmp(x, y, n) == 0;
  if (n >= 16) {
#ifdef __SSE2__
    const auto block = [](const char* p) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    };
    const __m128i head = _mm_cmpeq_epi8(block(x), block(y));
    const __m128i tail = _mm_cmpeq_epi8(block(x + n - 16), block(y + n - 16));
    return _mm_movemask_epi8(_mm_and_si128(head, tail)) == 0xFFFF;
#else
    return std::memcmp(x, y, n) == 0;
#endif
  }
  if (n >= 8)
    return load<std::uint64_t>(x) == load<std::uint64_t>(y) &&
           load<std::uint64_t>(x + n - 8) == load<std::uint64_t>(y + n - 8);
  if (n >= 4)
    return load<std::uint32_t>(x) == load<std::uint32_t>(y) &&
           load<std::uint32_t>(x + n - 4) == load<std::uint32_t>(y + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

template <std::size_t N>
char* put_text(char* p, const char (&s)[N]) {
  std::memcpy(p, s, N - 1);
  return p + N - 1;
}

char* escape(char* p, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *p++ = '\\';
  switch (c) {
    case '"':
      *p++ = '"';
      break;
    case '\\':
      *p++ = '\\';
      break;
    case '\b':
      *p++ = 'b';
      break;
    case '\f':
      *p++ = 'f';
      break;
    case '\n':
      *p++ = 'n';
      break;
    case '\r':
      *p++ = 'r';
      break;
    case '\t':
      *p++ = 't';
      break;
    default:
      std::memcpy(p, "u00", 3);
      p[3] = kHex[c >> 4];
      p[4] = kHex[c & 15];
      p += 5;
  }
  return p;
}

// Room a string needs: escapes take at most 6 bytes per input byte, 16 more for the vector
// store's overshoot.
constexpr std::size_t str_room(std::size_t n) { return 6 * n + 2 + 16; }

#ifdef __SSE2__
// Which bytes of x are a control character, '"' or '\\': a bit each.
SG_INLINE unsigned flagged(__m128i x) {
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i max_control = _mm_set1_epi8(0x1F);
  const __m128i hit =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                   _mm_cmpeq_epi8(_mm_max_epu8(x, max_control), max_control));  // x <= 0x1F
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

char* put_str(char* p, std::string_view v) {
  *p++ = '"';
  const char* s = v.data();
  const char* const e = s + v.size();
#ifdef __SSE2__
  while (e - s >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x);
    const unsigned mask = flagged(x);
    if (mask == 0) {
      s += 16, p += 16;
      continue;
    }
    const int k = __builtin_ctz(mask);
    s += k, p += k;
    p = escape(p, static_cast<unsigned char>(*s++));
  }
  // The rest, under 16 bytes: when it needs no escape, two overlapping words copy it (tested
  // together, as one vector).
  if (const auto rest = static_cast<std::size_t>(e - s); rest >= 8) {
    const std::uint64_t a = load<std::uint64_t>(s), b = load<std::uint64_t>(e - 8);
    if (flagged(_mm_set_epi64x(static_cast<long long>(b), static_cast<long long>(a))) == 0) {
      std::memcpy(p, &a, 8);
      std::memcpy(p + rest - 8, &b, 8);
      p += rest, s = e;
    }
  } else if (rest >= 4) {  // (the vector's zero bytes beyond the words are not looked at)
    const std::uint32_t a = load<std::uint32_t>(s), b = load<std::uint32_t>(e - 4);
    if ((flagged(_mm_cvtsi64_si128(static_cast<long long>(std::uint64_t{b} << 32 | a))) & 0xFF) ==
        0) {
      std::memcpy(p, &a, 4);
      std::memcpy(p + rest - 4, &b, 4);
      p += rest, s = e;
    }
  } else if (rest >= 2) {
    const std::uint16_t a = load<std::uint16_t>(s), b = load<std::uint16_t>(e - 2);
    if ((flagged(_mm_cvtsi32_si128(static_cast<int>(std::uint32_t{b} << 16 | a))) & 0xF) == 0) {
      std::memcpy(p, &a, 2);
      std::memcpy(p + rest - 2, &b, 2);
      p += rest, s = e;
    }
  }
#else
  // Without SSE2: the same, a word at a time.
  if (const auto rest = static_cast<std::size_t>(e - s); rest >= 8 && rest < 16) {
    const std::uint64_t a = load<std::uint64_t>(s), b = load<std::uint64_t>(e - 8);
    if (!needs_escape(a) && !needs_escape(b)) {
      std::memcpy(p, &a, 8);
      std::memcpy(p + rest - 8, &b, 8);
      p += rest, s = e;
    }
  } else if (rest >= 4 && rest < 8) {
    const std::uint32_t a = load<std::uint32_t>(s), b = load<std::uint32_t>(e - 4);
    if (!needs_escape(a) && !needs_escape(b)) {
      std::memcpy(p, &a, 4);
      std::memcpy(p + rest - 4, &b, 4);
      p += rest, s = e;
    }
  }
#endif
  for (; s < e; ++s) {
    const auto c = static_cast<unsigned char>(*s);
    if (c >= 0x20 && c != '"' && c != '\\')
      *p++ = static_cast<char>(c);
    else
      p = escape(p, c);
  }
  *p++ = '"';
  return p;
}

// At most 20 digits and a sign.
constexpr std::size_t kIntRoom = 24;

// Decimal digits two at a time from a table. Offsets, rows and sentence numbers are most of
// a record's numbers: under 10^8, the digit count is found by comparisons and each pair of
// digits costs one multiplication.
constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// v < 100, without a leading zero.
SG_INLINE char* put_1or2(char* p, std::uint32_t v) {
  if (v < 10) {
    *p = static_cast<char>('0' + v);
    return p + 1;
  }
  std::memcpy(p, kPairs + 2 * v, 2);
  return p + 2;
}
// v < 100 as two digits, v < 10000 as four.
SG_INLINE char* put_2(char* p, std::uint32_t v) {
  std::memcpy(p, kPairs + 2 * v, 2);
  return p + 2;
}
SG_INLINE char* put_4(char* p, std::uint32_t v) { return put_2(put_2(p, v / 100), v % 100); }

char* put_long_uint(char* p, std::uint64_t v) {
  char digits[20];
  char* q = digits + sizeof digits;
  for (; v >= 100; v /= 100) {
    q -= 2;
    put_2(q, static_cast<std::uint32_t>(v % 100));
  }
  if (v >= 10) {
    q -= 2;
    put_2(q, static_cast<std::uint32_t>(v));
  } else {
    *--q = static_cast<char>('0' + v);
  }
  const auto n = static_cast<std::size_t>(digits + sizeof digits - q);
  std::memcpy(p, q, n);
  return p + n;
}

SG_INLINE char* put_uint(char* p, std::uint64_t v) {
  if (v < 100) return put_1or2(p, static_cast<std::uint32_t>(v));
  if (v >= 100000000) return put_long_uint(p, v);
  const auto u = static_cast<std::uint32_t>(v);
  if (u < 10000) return put_2(put_1or2(p, u / 100), u % 100);
  if (u < 1000000) return put_4(put_1or2(p, u / 10000), u % 10000);
  const std::uint32_t r = u % 1000000;
  return put_4(put_2(put_1or2(p, u / 1000000), r / 10000), r % 10000);
}

SG_INLINE char* put_int(char* p, std::int64_t v) {
  if (v >= 0) return put_uint(p, static_cast<std::uint64_t>(v));
  *p++ = '-';
  return put_uint(p, 0 - static_cast<std::uint64_t>(v));
}

class RecordOut {
 public:
  // Writes into a buffer of this thread's, kept from record to record: a record is up to a few
  // megabytes, and neither zero-filling nor regrowing that much for each one is free.
  explicit RecordOut(std::size_t guess) : buf_(scratch()) {
    if (buf_.size < guess) reallocate(guess, 0);
    p_ = buf_.data.get();
    end_ = p_ + buf_.size;
  }
  std::string text() const {
    const auto size = static_cast<std::size_t>(p_ - buf_.data.get());
    std::string out;
    out.reserve(size + 1);  // room for the newline a JSON-lines writer adds, without a copy
    out.append(buf_.data.get(), size);
    return out;
  }

  // How much is written, and what was written since then.
  std::size_t written() const { return static_cast<std::size_t>(p_ - buf_.data.get()); }
  std::string_view since(std::size_t at) const { return {buf_.data.get() + at, written() - at}; }
  RecordOut& append(std::string_view text) {
    char* p = reserve(text.size());
    std::memcpy(p, text.data(), text.size());
    commit(p + text.size());
    return *this;
  }

  // Room for n bytes at the returned pointer; `commit` the end of what was written there.
  char* reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
    return p_;
  }
  void commit(char* p) { p_ = p; }

  template <std::size_t N>
  RecordOut& raw(const char (&s)[N]) {
    commit(put_text(reserve(N), s));
    return *this;
  }
  RecordOut& sep(bool comma) { return comma ? raw(",") : *this; }
  RecordOut& str(std::string_view v) {
    commit(put_str(reserve(str_room(v.size())), v));
    return *this;
  }
  template <typename Int>
  RecordOut& integer(Int v) {
    if constexpr (std::is_signed_v<Int>)
      commit(put_int(reserve(kIntRoom), v));
    else
      commit(put_uint(reserve(kIntRoom), v));
    return *this;
  }
  RecordOut& number(double d) {
    if (!std::isfinite(d)) throw internal_error("a non-finite number in an extraction record");
    // Records hold few distinct numbers (confidences): their text is remembered per thread.
    struct Cached {
      std::uint64_t bits = ~std::uint64_t{0};  // a NaN: never a key
      std::uint8_t size = 0;
      char text[31] = {};  // copied whole: no indeterminate bytes
    };
    thread_local std::array<Cached, 64> cache;
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    Cached& c = cache[(bits * 0x9E3779B97F4A7C15ULL) >> 58];
    if (c.bits != bits) {
      char* end = rapidjson::internal::dtoa(d, c.text);
      c.size = static_cast<std::uint8_t>(end - c.text);
      c.bits = bits;
    }
    char* p = reserve(sizeof c.text);
    std::memcpy(p, c.text, sizeof c.text);
    commit(p + c.size);
    return *this;
  }
  RecordOut& strings(const std::vector<std::string>& list) {
    std::size_t n = 2 + list.size();
    for (const auto& s : list) n += str_room(s.size());
    char* p = reserve(n);
    *p++ = '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) *p++ = ',';
      p = put_str(p, list[i]);
    }
    *p++ = ']';
    commit(p);
    return *this;
  }

 private:
  struct Buffer {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };
  static Buffer& scratch() {
    thread_local Buffer buffer;
    return buffer;
  }
  void reallocate(std::size_t size, std::size_t used) {
    std::unique_ptr<char[]> data(new char[size]);  // left uninitialised: only written bytes count
    if (used) std::memcpy(data.get(), buf_.data.get(), used);
    buf_.data = std::move(data);
    buf_.size = size;
  }
  void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(p_ - buf_.data.get());
    reallocate(std::max(2 * buf_.size, used + n), used);
    p_ = buf_.data.get() + used;
    end_ = p_ - used + buf_.size;
  }
  Buffer& buf_;
  char* p_;
  char* end_;
};

// Room for an attribute value: a string's, a list's, or a number's.
std::size_t value_room(const AttrValue& v) {
  if (const auto* text = std::get_if<std::string>(&v)) return str_room(text->size());
  if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
    std::size_t n = 2 + list->size();
    for (const auto& s : *list) n += str_room(s.size());
    return n;
  }
  return 32;  // a bool, an int64 (kIntRoom) or a double (dtoa writes at most 25 bytes)
}

// An attribute map: room made once for all of it, then written at a plain pointer (doubles,
// rare, go through RecordOut::number).
void put_attrs(RecordOut& w, const Attributes& attrs) {
  std::size_t room = 2;
  for (const auto& [k, v] : attrs) room += 2 + str_room(k.size()) + value_room(v);
  char* p = w.reserve(room);
  *p++ = '{';
  bool first = true;
  for (const auto& [k, v] : attrs) {
    if (!first) *p++ = ',';
    first = false;
    p = put_str(p, k);
    *p++ = ':';
    if (const auto* text = std::get_if<std::string>(&v)) {
      p = put_str(p, *text);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
      *p++ = '[';
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (i) *p++ = ',';
        p = put_str(p, (*list)[i]);
      }
      *p++ = ']';
    } else if (const auto* b = std::get_if<bool>(&v)) {
      p = *b ? put_text(p, "true") : put_text(p, "false");
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      p = put_int(p, *i);
    } else {
      w.commit(p);
      w.number(std::get<double>(v));
      p = w.reserve(room);  // what is left of the map fits in the room made for all of it
    }
  }
  *p++ = '}';
  w.commit(p);
}

// --- Writing version 2 -------------------------------------------------------------------------
//
// Mentions, relations and spans are most of a record and are written as arrays whose layout
// schemas/extraction.schema.json gives; they name entities by their row in "entities", and what
// many of them share (a mention's source and confidence, a relation's type, rule and confidence,
// a passage) is written once in a small table and named by row. Trailing fields at their default
// are left out.

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;

SG_INLINE std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * kMul;
  return h ^ (h >> 29);
}

// A quick hash for finding table rows by a string, from its length and at most three of its
// words (first, middle, last): ids and rule names are short, and a collision costs only a
// compare.
SG_INLINE std::uint64_t hash_key(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h;
  if (n >= 8) {
    h = load<std::uint64_t>(p) ^ std::rotl(load<std::uint64_t>(p + n - 8), 23);
    if (n > 16) h ^= std::rotl(load<std::uint64_t>(p + n / 2 - 4), 47);
  } else if (n >= 4) {
    h = load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)} << 32;
  } else {
    h = 0;
    for (std::size_t i = 0; i < n; ++i) h = h << 8 | static_cast<unsigned char>(p[i]);
  }
  return mix(h, n);
}

// A symbol by its identity: equal symbols are one pointer. Rows are numbered in first-use order
// whatever the hash, so the addresses never reach the output.
SG_INLINE std::uint64_t symbol_key(Symbol s) {
  return mix(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(s.identity())), 8);
}

std::uint64_t bits_of(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// Finds a table's rows by content: open addressing (linear probing) over (hash, row) slots, the
// rows themselves held by the caller, who says whether a row is the one sought. One per thread and
// table kind, reset per record: no allocation once the first records are written.
class RowIndex {
 public:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  void reset(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, Slot{});
    shift_ = 64 - std::countr_zero(capacity);
    used_ = 0;
  }
  // The row `same` accepts, or kNone.
  template <typename Same>
  SG_INLINE std::uint32_t find(std::uint64_t hash, Same same) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash >> shift_;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.row == kNone) return kNone;
      if (s.hash == hash && same(s.row)) return s.row;
    }
  }
  // The row `same` accepts, or else `next`, recorded as the row for this content.
  template <typename Same>
  std::uint32_t find_or_add(std::uint64_t hash, std::uint32_t next, Same same) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash >> shift_;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.row == kNone) {
        s = {hash, next};
        if (2 * ++used_ > slots_.size()) grow();
        return next;
      }
      if (s.hash == hash && same(s.row)) return s.row;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t row = kNone;
  };
  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    --shift_;
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.row == kNone) continue;
      std::size_t i = s.hash >> shift_;
      while (slots_[i].row != kNone) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  int shift_ = 60;  // a slot's first place is the top bits of its hash: they depend on all of it
  std::size_t used_ = 0;
};

// Per-thread scratch of the writer, kept from record to record.
struct Scratch {
  RowIndex entities;                     // id -> row of x.entities
  std::vector<std::uint32_t> entity_of;  // per mention: its entity's row, or kNone
  std::vector<std::uint32_t> source_of;  // per mention: its (source, confidence) in first-use order
  struct Source {
    const Mention* first;  // the first mention with this source and confidence
    std::size_t count;
  };
  std::vector<Source> sources;
  RowIndex sources_index;
  std::vector<std::uint32_t> source_order;  // written row -> first-use row (most used first)
  std::vector<std::uint32_t> source_rank;   // first-use row -> written row
  std::vector<const Relation*> rules;       // the first relation of each type, rule, confidence
  RowIndex rules_index;
  std::vector<const Evidence*> passages;  // the first evidence of each passage
  RowIndex passages_index;
  std::vector<const std::string*> extra_aliases;  // of the entity being written
};

Scratch& scratch_for_writer() {
  thread_local Scratch s;
  return s;
}

bool same_passage(const Evidence& a, const Evidence& b) {
  return a.range == b.range && a.sentence == b.sentence && a.page == b.page &&
         a.document == b.document && a.element == b.element && same(a.quote, b.quote) &&
         same(a.text, b.text);
}

// An entity as its row, or as its id when no entity of the record has that id (a mention may
// name an entity the record does not list, e.g. a citation's work). Room: kIntRoom, or the id's.
SG_INLINE char* put_entity(char* p, std::uint32_t row, const std::string& id) {
  return row != RowIndex::kNone ? put_uint(p, row) : put_str(p, id);
}

// An entity in full, as an object.
void put_full_entity(RecordOut& w, const Entity& e) {
  char* p =
      w.reserve(64 + str_room(e.id.size()) + str_room(e.type.size()) + str_room(e.label.size()));
  p = put_str(put_text(p, "{\"id\":"), e.id);
  p = put_str(put_text(p, ",\"type\":"), e.type);
  p = put_str(put_text(p, ",\"label\":"), e.label);
  w.commit(put_text(p, ",\"aliases\":"));
  w.strings(e.aliases).raw(",\"attributes\":");
  put_attrs(w, e.attributes);
  w.raw("}");
}

// The aliases of `e` beyond those of `known` (into `extra`), when `e` lists them sorted, each
// once, and lists all of `known`'s: then a reader rebuilds them from `known` and `extra`.
bool extra_aliases(const Entity& e, const Entity& known, std::vector<const std::string*>& extra) {
  extra.clear();
  const auto& have = e.aliases;
  const auto& base = known.aliases;
  std::size_t j = 0;
  for (std::size_t i = 0; i < have.size(); ++i) {
    if (i != 0 && !(have[i - 1] < have[i])) return false;
    if (j < base.size() && have[i] == base[j])
      ++j;
    else
      extra.push_back(&have[i]);
  }
  return j == base.size();
}

// A lexicon entity named by its id: the id alone when it is the catalog's as is, else an object
// with what differs. False, writing nothing, when its aliases cannot be told that way.
bool put_known_entity(RecordOut& w, const Entity& e, const Entity& known,
                      std::vector<const std::string*>& extra) {
  if (!extra_aliases(e, known, extra)) return false;
  const bool same_type = e.type == known.type, same_label = same(e.label, known.label);
  const bool same_attributes = e.attributes == known.attributes;
  if (same_type && same_label && same_attributes && extra.empty()) {
    w.str(e.id);
    return true;
  }
  w.raw("{\"id\":").str(e.id);
  if (!same_type) w.raw(",\"type\":").str(e.type);
  if (!same_label) w.raw(",\"label\":").str(e.label);
  if (!same_attributes) {
    w.raw(",\"attributes\":");
    put_attrs(w, e.attributes);
  }
  if (!extra.empty()) {
    w.raw(",\"extra_aliases\":[");
    for (std::size_t i = 0; i < extra.size(); ++i) w.sep(i != 0).str(*extra[i]);
    w.raw("]");
  }
  w.raw("}");
  return true;
}

// Entities (they are few, and what people read first): the catalog's by id, the others as
// objects; their rows by id. True when some entity was named from the catalog.
bool put_entities(RecordOut& w, Scratch& s, const DocumentExtraction& x,
                  const EntityCatalog* catalog) {
  s.entities.reset(x.entities.size());
  w.raw(",\"entities\":[");
  bool named = false;
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    // A repeated id keeps its first row: writer and reader both resolve it through that row.
    s.entities.find_or_add(symbol_key(e.id), static_cast<std::uint32_t>(i),
                           [&](std::uint32_t r) { return x.entities[r].id == e.id; });
    w.sep(i != 0);
    const Entity* known = catalog ? catalog->find(e.id) : nullptr;
    if (known && put_known_entity(w, e, *known, s.extra_aliases)) {
      named = true;
      continue;
    }
    put_full_entity(w, e);
  }
  w.raw("]");
  return named;
}

SG_INLINE std::uint32_t entity_row(const Scratch& s, const DocumentExtraction& x, Symbol id) {
  return s.entities.find(symbol_key(id), [&](std::uint32_t r) { return x.entities[r].id == id; });
}

// Mentions, then their table of sources. A first pass finds each one's entity row and (source,
// confidence) row and counts the uses of the latter, so that the most used can be row 0, which
// mentions leave out.
void put_mentions(RecordOut& w, Scratch& s, const DocumentExtraction& x) {
  const std::size_t nm = x.mentions.size();
  s.entity_of.resize(nm);
  s.source_of.resize(nm);
  s.sources.clear();
  s.sources_index.reset(8);
  std::uint32_t last = RowIndex::kNone;
  for (std::size_t i = 0; i < nm; ++i) {
    const Mention& m = x.mentions[i];
    s.entity_of[i] = entity_row(s, x, m.entity);
    const auto same_source = [&](std::uint32_t r) {
      const Mention& f = *s.sources[r].first;
      return bits_of(f.confidence) == bits_of(m.confidence) && f.source == m.source;
    };
    // Runs of one source are the rule: the previous mention's row is tried before the index.
    if (last == RowIndex::kNone || !same_source(last)) {
      const auto next = static_cast<std::uint32_t>(s.sources.size());
      last = s.sources_index.find_or_add(mix(symbol_key(m.source), bits_of(m.confidence)), next,
                                         same_source);
      if (last == next) s.sources.push_back({&m, 0});
    }
    ++s.sources[last].count;
    s.source_of[i] = last;
  }
  // Rows in order of use, most used first; ties keep the order of first use.
  s.source_order.resize(s.sources.size());
  for (std::uint32_t r = 0; r < s.source_order.size(); ++r) s.source_order[r] = r;
  std::stable_sort(
      s.source_order.begin(), s.source_order.end(),
      [&](std::uint32_t a, std::uint32_t b) { return s.sources[a].count > s.sources[b].count; });
  s.source_rank.resize(s.sources.size());
  for (std::uint32_t k = 0; k < s.source_order.size(); ++k) s.source_rank[s.source_order[k]] = k;

  // [start, end, entity, sentence, source row, surface, page, element]: trailing defaults left
  // out, a default before a written field written as such (row 0, null for the label, 0, "").
  w.raw(",\"mentions\":[");
  for (std::size_t i = 0; i < nm; ++i) {
    const Mention& m = x.mentions[i];
    const std::uint32_t row = s.entity_of[i], source = s.source_rank[s.source_of[i]];
    const bool label = row != RowIndex::kNone && same(m.surface, x.entities[row].label);
    // The fields up to the last one not at its default.
    int fields = 4;
    if (source != 0) fields = 5;
    if (!label) fields = 6;
    if (m.page != 0) fields = 7;
    if (!m.element.empty()) fields = 8;
    char* p = w.reserve(8 * kIntRoom + str_room(m.entity.size()) + str_room(m.surface.size()) +
                        str_room(m.element.size()));
    if (i != 0) *p++ = ',';
    *p++ = '[';
    p = put_uint(p, m.range.begin);
    *p++ = ',';
    p = put_uint(p, m.range.end);
    *p++ = ',';
    p = put_entity(p, row, m.entity);
    *p++ = ',';
    p = put_int(p, m.sentence);
    if (fields > 4) p = put_uint(put_text(p, ","), source);
    if (fields > 5) p = label ? put_text(p, ",null") : put_str(put_text(p, ","), m.surface);
    if (fields > 6) p = put_int(put_text(p, ","), m.page);
    if (fields > 7) p = put_str(put_text(p, ","), m.element);
    *p++ = ']';
    w.commit(p);
  }
  w.raw("],\"mention_sources\":[");
  for (std::size_t k = 0; k < s.source_order.size(); ++k) {
    const Mention& f = *s.sources[s.source_order[k]].first;
    w.sep(k != 0).raw("{\"source\":").str(f.source).raw(",\"confidence\":").number(f.confidence);
    w.raw("}");
  }
  w.raw("]");
}

// Relations: [source, target, rule row, span row, attributes], then their tables, whose rows are
// in order of first use (so one pass writes all three).
void put_relations(RecordOut& w, Scratch& s, const DocumentExtraction& x) {
  s.rules.clear();
  s.rules_index.reset(16);
  s.passages.clear();
  s.passages_index.reset(x.relations.size());
  w.raw(",\"relations\":[");
  std::uint32_t last_rule = RowIndex::kNone, last_span = RowIndex::kNone;
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Relation& r = x.relations[i];
    const Evidence& e = r.evidence;
    const auto same_rule = [&](std::uint32_t k) {
      const Relation& f = *s.rules[k];
      return bits_of(f.evidence.confidence) == bits_of(e.confidence) && f.type == r.type &&
             f.evidence.rule == e.rule;
    };
    if (last_rule == RowIndex::kNone || !same_rule(last_rule)) {
      const auto next = static_cast<std::uint32_t>(s.rules.size());
      last_rule = s.rules_index.find_or_add(
          mix(mix(symbol_key(e.rule), symbol_key(r.type)), bits_of(e.confidence)), next, same_rule);
      if (last_rule == next) s.rules.push_back(&r);
    }
    // Several relations usually rest on one sentence, one after the other.
    const auto same_span = [&](std::uint32_t k) { return same_passage(*s.passages[k], e); };
    if (last_span == RowIndex::kNone || !same_span(last_span)) {
      const auto next = static_cast<std::uint32_t>(s.passages.size());
      last_span =
          s.passages_index.find_or_add(mix(e.range.begin * kMul, e.range.end), next, same_span);
      if (last_span == next) s.passages.push_back(&e);
    }
    char* p = w.reserve(6 * kIntRoom + str_room(r.source.size()) + str_room(r.target.size()));
    if (i != 0) *p++ = ',';
    *p++ = '[';
    p = put_entity(p, entity_row(s, x, r.source), r.source);
    *p++ = ',';
    p = put_entity(p, entity_row(s, x, r.target), r.target);
    *p++ = ',';
    p = put_uint(p, last_rule);
    *p++ = ',';
    p = put_uint(p, last_span);
    w.commit(p);
    if (!r.attributes.empty()) {
      w.raw(",");
      put_attrs(w, r.attributes);
    }
    w.raw("]");
  }
  w.raw("],\"relation_rules\":[");
  for (std::size_t k = 0; k < s.rules.size(); ++k) {
    const Relation& f = *s.rules[k];
    w.sep(k != 0).raw("{\"type\":").str(f.type).raw(",\"rule\":").str(f.evidence.rule);
    w.raw(",\"confidence\":").number(f.evidence.confidence).raw("}");
  }

  // [start, end, sentence, quote, text, document, page, element], defaults as for mentions
  // ("", null for the record's document, 0, "").
  w.raw("],\"spans\":[");
  for (std::size_t k = 0; k < s.passages.size(); ++k) {
    const Evidence& e = *s.passages[k];
    const bool own = same(e.document, x.document_id);
    int fields = 4;
    if (!e.text.empty()) fields = 5;
    if (!own) fields = 6;
    if (e.page != 0) fields = 7;
    if (!e.element.empty()) fields = 8;
    char* p = w.reserve(5 * kIntRoom + str_room(e.quote.size()) + str_room(e.text.size()) +
                        str_room(e.document.size()) + str_room(e.element.size()));
    if (k != 0) *p++ = ',';
    *p++ = '[';
    p = put_uint(p, e.range.begin);
    *p++ = ',';
    p = put_uint(p, e.range.end);
    *p++ = ',';
    p = put_int(p, e.sentence);
    *p++ = ',';
    p = put_str(p, e.quote);
    if (fields > 4) p = put_str(put_text(p, ","), e.text);
    if (fields > 5) p = own ? put_text(p, ",null") : put_str(put_text(p, ","), e.document);
    if (fields > 6) p = put_int(put_text(p, ","), e.page);
    if (fields > 7) p = put_str(put_text(p, ","), e.element);
    *p++ = ']';
    w.commit(p);
  }
  w.raw("]");
}

// --- Reading -----------------------------------------------------------------------------------

[[noreturn]] void fail(const std::string& where, const std::string& path, const std::string& what) {
  throw input_error(where, "JSON path " + path, what);
}

std::string item_path(const char* list, std::size_t i) {
  return std::string("$.") + list + "[" + std::to_string(i) + "]";
}
std::string item_path(const char* list, std::size_t i, int field) {
  return item_path(list, i) + "[" + std::to_string(field) + "]";
}

std::string str(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

std::string str(const rapidjson::Value& v, const char* key) {
  if (!v.HasMember(key) || !v[key].IsString()) return {};
  return str(v[key]);
}

Attributes get_attrs(const rapidjson::Value& v) {
  Attributes out;
  if (!v.IsObject()) return out;
  for (const auto& m : v.GetObject()) {
    const auto& x = m.value;
    std::string key = m.name.GetString();
    if (x.IsBool())
      out[key] = x.GetBool();
    else if (x.IsInt64())
      out[key] = x.GetInt64();
    else if (x.IsNumber())
      out[key] = x.GetDouble();
    else if (x.IsString())
      out[key] = str(x);
    else if (x.IsArray()) {
      std::vector<std::string> list;
      for (const auto& s : x.GetArray())
        if (s.IsString()) list.push_back(str(s));
      out[key] = list;
    }
  }
  return out;
}

// An int field: the schema has already checked it is an integer; here it must also fit an int.
int get_int(const rapidjson::Value& v, const std::string& where, const std::string& path) {
  if (!v.IsInt()) fail(where, path, "expected an integer between -2^31 and 2^31-1");
  return v.GetInt();
}

int int_or(const rapidjson::Value& v, const char* key, int fallback, const std::string& where,
           const std::string& path) {
  return v.HasMember(key) ? get_int(v[key], where, path + "." + key) : fallback;
}

// A row of one of the record's tables, checked against the table's size.
std::size_t check_row(std::uint64_t row, std::size_t rows, const char* table,
                      const std::string& where, const std::string& path) {
  if (row >= rows)
    fail(where, path,
         "no row " + std::to_string(row) + " in \"" + table + "\" (" + std::to_string(rows) +
             " rows)");
  return static_cast<std::size_t>(row);
}
std::size_t get_row(const rapidjson::Value& v, std::size_t rows, const char* table,
                    const std::string& where, const std::string& path) {
  if (!v.IsUint64()) fail(where, path, std::string("expected a row of \"") + table + "\"");
  return check_row(v.GetUint64(), rows, table, where, path);
}

// --- Reading version 2 ---------------------------------------------------------------------------

struct V2Reader {
  const rapidjson::Value& d;
  const std::string& where;
  DocumentExtraction& x;

  // An entity named by its row (or, when the record does not list it, by its id): its index in
  // x.entities, or -1.
  long entity(const rapidjson::Value& v, Symbol& id, const std::string& path) const {
    if (v.IsString()) {
      id = str(v);
      return -1;
    }
    const std::size_t row = get_row(v, x.entities.size(), "entities", where, path);
    id = x.entities[row].id;
    return static_cast<long>(row);
  }
  const rapidjson::Value& list(const char* key, const std::string& what) const {
    static const rapidjson::Value empty(rapidjson::kArrayType);
    if (!d.HasMember(key)) return empty;
    const rapidjson::Value& v = d[key];
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
      if (!v[i].IsArray()) fail(where, item_path(key, i), "expected " + what + " as an array");
    return v;
  }

  void mentions() const {
    struct Source {
      std::string source;
      double confidence;
    };
    std::vector<Source> sources;
    if (d.HasMember("mention_sources"))
      for (const auto& s : d["mention_sources"].GetArray())
        sources.push_back({str(s["source"]), s["confidence"].GetDouble()});
    const auto& ms = list("mentions", "a mention");
    x.mentions.reserve(ms.Size());
    for (rapidjson::SizeType i = 0; i < ms.Size(); ++i) {
      const auto& a = ms[i];
      const rapidjson::SizeType n = a.Size();  // 4 to 8, by the schema
      Mention m;
      m.range = {a[0].GetUint64(), a[1].GetUint64()};
      const long row = entity(a[2], m.entity, item_path("mentions", i, 2));
      m.sentence = get_int(a[3], where, item_path("mentions", i, 3));
      // Row 0 when left out.
      const Source& s = sources[n > 4 ? get_row(a[4], sources.size(), "mention_sources", where,
                                                item_path("mentions", i, 4))
                                      : check_row(0, sources.size(), "mention_sources", where,
                                                  item_path("mentions", i))];
      m.source = s.source;
      m.confidence = s.confidence;
      if (n > 5 && !a[5].IsNull())
        m.surface = str(a[5]);
      else if (row >= 0)
        m.surface = x.entities[static_cast<std::size_t>(row)].label;
      else
        fail(where, item_path("mentions", i),
             "a mention naming its entity by id must give its surface");
      if (n > 6) m.page = get_int(a[6], where, item_path("mentions", i, 6));
      if (n > 7) m.element = str(a[7]);
      x.mentions.push_back(std::move(m));
    }
  }

  void relations() const {
    std::vector<Evidence> passages;
    const auto& spans = list("spans", "a span");
    passages.reserve(spans.Size());
    for (rapidjson::SizeType i = 0; i < spans.Size(); ++i) {
      const auto& a = spans[i];
      const rapidjson::SizeType n = a.Size();  // 4 to 8, by the schema
      Evidence e;
      e.range = {a[0].GetUint64(), a[1].GetUint64()};
      e.sentence = get_int(a[2], where, item_path("spans", i, 2));
      e.quote = str(a[3]);
      if (n > 4) e.text = str(a[4]);
      e.document = n > 5 && !a[5].IsNull() ? str(a[5]) : x.document_id;
      if (n > 6) e.page = get_int(a[6], where, item_path("spans", i, 6));
      if (n > 7) e.element = str(a[7]);
      passages.push_back(std::move(e));
    }
    const rapidjson::Value* rules = d.HasMember("relation_rules") ? &d["relation_rules"] : nullptr;
    const auto& rs = list("relations", "a relation");
    x.relations.reserve(rs.Size());
    for (rapidjson::SizeType i = 0; i < rs.Size(); ++i) {
      const auto& a = rs[i];
      Relation r;
      entity(a[0], r.source, item_path("relations", i, 0));
      entity(a[1], r.target, item_path("relations", i, 1));
      const std::size_t rule = get_row(a[2], rules ? rules->Size() : 0, "relation_rules", where,
                                       item_path("relations", i, 2));
      r.evidence =
          passages[get_row(a[3], passages.size(), "spans", where, item_path("relations", i, 3))];
      const auto& k = (*rules)[static_cast<rapidjson::SizeType>(rule)];
      r.type = str(k["type"]);
      r.evidence.rule = str(k["rule"]);
      r.evidence.confidence = k["confidence"].GetDouble();
      if (a.Size() > 4) r.attributes = get_attrs(a[4]);
      x.relations.push_back(std::move(r));
    }
  }
};

// --- Checking what was read ----------------------------------------------------------------------

// What merge checks before a record reaches the graph, beyond the schema: the SHA-256 is one,
// every range ends at or after its start, and a passage's quote is the bytes between its offsets
// (end - start is the quote's length). A record that passes makes a graph.json that `render` and
// `channels` read back.
void check_ranges(const DocumentExtraction& x, const std::string& where) {
  const bool hex =
      x.sha256.size() == 64 && std::all_of(x.sha256.begin(), x.sha256.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      });
  if (!hex) fail(where, "$.sha256", "expected the document's SHA-256 as 64 lower-case hex digits");
  for (std::size_t i = 0; i < x.mentions.size(); ++i) {
    const ByteRange r = x.mentions[i].range;
    if (r.end < r.begin)
      fail(where, item_path("mentions", i),
           "end " + std::to_string(r.end) + " is before start " + std::to_string(r.begin));
  }
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Evidence& e = x.relations[i].evidence;
    if (e.range.end < e.range.begin)
      fail(where, item_path("relations", i),
           "its passage ends (" + std::to_string(e.range.end) + ") before it starts (" +
               std::to_string(e.range.begin) + ")");
    if (e.range.end - e.range.begin != e.quote.size())
      fail(where, item_path("relations", i),
           "its passage's offsets " + std::to_string(e.range.begin) + "-" +
               std::to_string(e.range.end) + " do not span its quote (" +
               std::to_string(e.quote.size()) + " bytes)");
  }
}

// Offsets past the document, when the document is at hand: a plain-text record's file, read back
// at its path with its SHA-256, bounds every offset (PDF and HTML offsets are into the extracted
// text, which merge does not have). Elsewhere (another machine) the quotes are the check.
void check_against_file(const DocumentExtraction& x, const std::string& where) {
  if (x.format != "text" || x.path.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(x.path, ec)) return;
  std::string bytes;
  try {
    bytes = read_file(x.path);
  } catch (const Error&) {
    return;  // unreadable here: nothing to check against
  }
  if (sha256_hex(bytes) != x.sha256) return;
  const auto past = [&](std::uint64_t end) { return end > bytes.size(); };
  for (std::size_t i = 0; i < x.mentions.size(); ++i)
    if (past(x.mentions[i].range.end))
      fail(where, item_path("mentions", i),
           "ends at byte " + std::to_string(x.mentions[i].range.end) + ", past the end of " +
               x.path + " (" + std::to_string(bytes.size()) + " bytes)");
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Evidence& e = x.relations[i].evidence;
    if (e.document == x.document_id && past(e.range.end))
      fail(where, item_path("relations", i),
           "its passage ends at byte " + std::to_string(e.range.end) + ", past the end of " +
               x.path + " (" + std::to_string(bytes.size()) + " bytes)");
  }
}

// --- Reading entities ---------------------------------------------------------------------------

// Entities in full (objects with "aliases"), or named from the catalog: by id alone (a string), or
// by id with what differs (an object without "aliases"). Naming needs the catalog the record was
// written with, which its "lexicon" digest names.
void read_entities(const rapidjson::Value& d, const std::string& where,
                   const EntityCatalog* catalog, DocumentExtraction& x) {
  const bool has_digest = d.HasMember("lexicon");
  if (has_digest) {
    const std::string digest = str(d["lexicon"]);
    if (!catalog)
      fail(where, "$.lexicon",
           "the record names the entities of lexicon " + digest +
               " by id, and this reader has no lexicon to look them up in");
    if (digest != catalog->digest())
      fail(where, "$.lexicon",
           "the record was extracted with lexicon " + digest + ", and this run's lexicon is " +
               catalog->digest() + ": give merge the same --lexicon files as extract");
  }
  const auto list = d["entities"].GetArray();
  x.entities.reserve(list.Size());
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const rapidjson::Value& e = list[i];
    if (e.IsObject() && e.HasMember("aliases")) {
      Entity& en = x.entities.emplace_back();
      en.id = str(e, "id");
      en.type = str(e, "type");
      en.label = str(e, "label");
      for (const auto& a : e["aliases"].GetArray()) en.aliases.push_back(str(a));
      en.attributes = get_attrs(e["attributes"]);
      continue;
    }
    const std::string id = e.IsString() ? str(e) : str(e, "id");
    if (!has_digest)
      fail(where, item_path("entities", i),
           "names entity '" + id + "' by id, and the record has no \"lexicon\" to name it from");
    const Entity* known = catalog->find(id);
    if (!known)
      fail(where, item_path("entities", i),
           "names entity '" + id + "', which lexicon " + catalog->digest() + " lacks");
    Entity& en = x.entities.emplace_back(*known);
    if (!e.IsObject()) continue;
    if (e.HasMember("type")) en.type = str(e["type"]);
    if (e.HasMember("label")) en.label = str(e["label"]);
    if (e.HasMember("attributes")) en.attributes = get_attrs(e["attributes"]);
    if (e.HasMember("extra_aliases")) {
      for (const auto& a : e["extra_aliases"].GetArray()) en.aliases.push_back(str(a));
      std::sort(en.aliases.begin(), en.aliases.end());
      en.aliases.erase(std::unique(en.aliases.begin(), en.aliases.end()), en.aliases.end());
    }
  }
}

// --- Reading version 1 (records without "version") ----------------------------------------------

// A relation's evidence: the row of the record's "spans" table it names, plus its own rule and
// confidence. (The first records carried every field inline; they still read.)
Evidence get_evidence_v1(const rapidjson::Value& v, const rapidjson::Value* spans,
                         const std::string& document, const std::string& where,
                         std::size_t relation) {
  const std::string path = item_path("relations", relation) + ".evidence";
  const rapidjson::Value& row = [&]() -> const rapidjson::Value& {
    if (!v.HasMember("span")) return v;
    const std::size_t i =
        get_row(v["span"], spans ? spans->Size() : 0, "spans", where, path + ".span");
    const rapidjson::Value& s = (*spans)[static_cast<rapidjson::SizeType>(i)];
    if (!s.IsObject()) fail(where, "$.spans[" + std::to_string(i) + "]", "expected an object");
    return s;
  }();
  if (!row.HasMember("start") || !row.HasMember("end") || !row.HasMember("quote"))
    fail(where, path, "expected \"span\" or \"start\", \"end\" and \"quote\"");
  Evidence e;
  e.document = row.HasMember("document") ? str(row, "document") : document;
  e.range = {row["start"].GetUint64(), row["end"].GetUint64()};
  e.quote = str(row, "quote");
  e.text = str(row, "text");
  e.sentence = int_or(row, "sentence", -1, where, path);
  e.page = int_or(row, "page", 0, where, path);
  e.element = str(row, "element");
  e.rule = str(v, "rule");
  e.confidence = v["confidence"].GetDouble();
  return e;
}

void read_v1(const rapidjson::Value& d, const std::string& where, DocumentExtraction& x) {
  std::size_t i = 0;
  for (const auto& m : d["mentions"].GetArray()) {
    const std::string path = item_path("mentions", i++);
    if (!m.IsObject()) fail(where, path, "expected a mention as an object (a record of version 1)");
    Mention mn;
    mn.range = {m["start"].GetUint64(), m["end"].GetUint64()};
    mn.entity = str(m, "entity");
    mn.surface = str(m, "surface");
    mn.source = str(m, "source");
    mn.confidence = m["confidence"].GetDouble();
    mn.sentence = get_int(m["sentence"], where, path + ".sentence");
    mn.page = int_or(m, "page", 0, where, path);
    mn.element = str(m, "element");
    x.mentions.push_back(std::move(mn));
  }
  const rapidjson::Value* spans = d.HasMember("spans") ? &d["spans"] : nullptr;
  i = 0;
  for (const auto& r : d["relations"].GetArray()) {
    if (!r.IsObject())
      fail(where, item_path("relations", i),
           "expected a relation as an object (a record of version 1)");
    Relation rel;
    rel.source = str(r, "source");
    rel.target = str(r, "target");
    rel.type = str(r, "type");
    rel.evidence = get_evidence_v1(r["evidence"], spans, x.document_id, where, i++);
    if (r.HasMember("attributes")) rel.attributes = get_attrs(r["attributes"]);
    x.relations.push_back(std::move(rel));
  }
}

}  // namespace

namespace {

// What the graph builder would otherwise refuse as an internal error (exit 4) is bad input here:
// an empty document or entity id, a node or edge type the ontology does not know.
void check_against_ontology(const DocumentExtraction& x, const std::string& where) {
  if (x.document_id.empty()) fail(where, "$.document", "empty document id");
  const Ontology& ontology = Ontology::builtin();
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    const std::string at = "$.entities[" + std::to_string(i) + "]";
    if (e.id.empty()) fail(where, at, "empty entity id");
    if (!ontology.has_node_type(e.type)) fail(where, at, "unknown node type '" + e.type + "'");
  }
  for (std::size_t i = 0; i < x.relations.size(); ++i)
    if (!ontology.has_edge_type(x.relations[i].type))
      fail(where, "$.relations[" + std::to_string(i) + "]",
           "unknown relation type '" + x.relations[i].type + "'");
}

}  // namespace

std::string extraction_to_json(const DocumentExtraction& x, const EntityCatalog* catalog) {
  Scratch& s = scratch_for_writer();
  RecordOut w(1024 + 400 * x.entities.size() + 32 * x.mentions.size() + 140 * x.relations.size());
  w.raw("{\"version\":3,\"document\":").str(x.document_id).raw(",\"path\":").str(x.path);
  w.raw(",\"sha256\":").str(x.sha256).raw(",\"format\":").str(x.format);
  if (!x.title.empty()) w.raw(",\"title\":").str(x.title);
  if (!x.byline.empty()) w.raw(",\"byline\":").str(x.byline);
  if (put_entities(w, s, x, catalog)) w.raw(",\"lexicon\":").str(catalog->digest());
  put_mentions(w, s, x);
  put_relations(w, s, x);
  w.raw(",\"warnings\":").strings(x.warnings).raw("}");
  return w.text();
}

DocumentExtraction extraction_from_json(std::string_view json, const std::string& file, int line,
                                        const EntityCatalog* catalog) {
  std::string where = file + ":line " + std::to_string(line);
  rapidjson::Document d = parse_json(json, where);
  validate_json(d, embedded_file("schemas/extraction.schema.json"), where);
  DocumentExtraction x;
  x.document_id = str(d, "document");
  x.path = str(d, "path");
  x.sha256 = str(d, "sha256");
  x.format = str(d, "format");
  x.title = str(d, "title");
  x.byline = str(d, "byline");
  read_entities(d, where, catalog, x);
  // Version 2 says so; records without "version" are version 1 (objects throughout).
  if (!d.HasMember("version")) {
    read_v1(d, where, x);
  } else if (const int version = get_int(d["version"], where, "$.version");
             version == 2 || version == 3) {
    const V2Reader v2{d, where, x};
    v2.mentions();
    v2.relations();
  } else {
    fail(where, "$.version",
         "record version " + std::to_string(version) + " (this softgraph reads 1 to 3)");
  }
  for (const auto& s : d["warnings"].GetArray()) x.warnings.push_back(str(s));
  check_against_ontology(x, where);
  return x;
}

namespace {

// Reads a record only as far as its top-level "path" and "sha256" and stops: the index pass stays
// cheap.
struct PathGrabber : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathGrabber> {
  int depth = 0;
  std::string* want = nullptr;
  bool found = false, found_sha = false;
  std::string path, sha256;
  bool Default() {
    want = nullptr;
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (want) {
      want->assign(s, n);
      (want == &path ? found : found_sha) = true;
      want = nullptr;
      return !(found && found_sha);
    }
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view key(s, n);
    want = depth != 1 ? nullptr : key == "path" ? &path : key == "sha256" ? &sha256 : nullptr;
    return true;
  }
  // Past the nesting limit the grab stops; the full parse then names the place.
  bool StartObject() {
    want = nullptr;
    return ++depth <= static_cast<int>(kMaxJsonDepth);
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    want = nullptr;
    return ++depth <= static_cast<int>(kMaxJsonDepth);
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

struct RecordRef {
  std::string path, sha256;
  std::size_t part;
  int line;
  std::streamoff offset;
};

}  // namespace

std::size_t for_each_extraction_by_path(const std::vector<std::string>& parts,
                                        const std::function<void(DocumentExtraction&&)>& fn,
                                        const EntityCatalog* catalog) {
  std::vector<std::ifstream> files;
  std::vector<InputFd> fds;
  std::vector<RecordRef> index;
  std::string line;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    // Opened and checked on the descriptor (a FIFO or a device is refused, never waited on); the
    // stream reopens that very file through /proc, so the path cannot change in between.
    fds.push_back(open_regular_file(parts[p], "a .jsonl file of extraction records"));
    files.emplace_back("/proc/self/fd/" + std::to_string(fds.back().get()), std::ios::binary);
    std::ifstream& in = files.back();
    if (!in) throw input_error(parts[p], "", "cannot open file");
    int n = 0;
    for (std::streamoff at = in.tellg(); std::getline(in, line); at = in.tellg()) {
      ++n;
      if (line.empty()) continue;
      PathGrabber grab;
      rapidjson::Reader reader;
      rapidjson::StringStream ss(line.c_str());
      reader.Parse<rapidjson::kParseIterativeFlag>(ss, grab);
      // Without a path the full parse names what is wrong, with its place.
      if (!grab.found) extraction_from_json(line, parts[p], n, catalog);
      index.push_back({std::move(grab.path), std::move(grab.sha256), p, n, at});
    }
    if (in.bad()) throw input_error(parts[p], "", "read error");
    in.clear();
  }
  // The order of a single run: documents by path; parts and lines break ties.
  std::stable_sort(index.begin(), index.end(),
                   [](const RecordRef& a, const RecordRef& b) { return a.path < b.path; });
  // The same document twice (a part given twice, shards that overlap): the same path with the
  // same SHA-256 is read once, with a warning; the same path with other contents is two versions
  // of one file, which no single run makes.
  const auto place = [&](const RecordRef& r) {
    return parts[r.part] + ":line " + std::to_string(r.line);
  };
  std::size_t handed = 0;
  for (std::size_t i = 0, first = 0; i < index.size(); ++i) {
    const RecordRef& r = index[i];
    if (i == 0 || index[i - 1].path != r.path) first = i;
    bool again = false;
    for (std::size_t k = first; k < i && !again; ++k) {
      if (index[k].sha256 == r.sha256) {
        spdlog::warn("{}: document {} already read from {} (same SHA-256): skipped", place(r),
                     r.path, place(index[k]));
        again = true;
      } else {
        throw input_error(parts[r.part], "line " + std::to_string(r.line),
                          "document " + r.path + " again with other contents (SHA-256 " +
                              r.sha256.substr(0, 12) + "..., " + place(index[k]) + " has " +
                              index[k].sha256.substr(0, 12) +
                              "...): extract each version of a file once");
      }
    }
    if (again) continue;
    ++handed;
    std::ifstream& in = files[r.part];
    in.seekg(r.offset);
    if (!std::getline(in, line))
      throw input_error(parts[r.part], "line " + std::to_string(r.line),
                        "cannot read the record again");
    DocumentExtraction x = extraction_from_json(line, parts[r.part], r.line, catalog);
    check_ranges(x, place(r));
    check_against_file(x, place(r));
    fn(std::move(x));
  }
  return handed;
}

struct EntityCatalog::Index {
  std::vector<const Entity*> by_id;
  RowIndex rows;  // id -> place in by_id
};

EntityCatalog::EntityCatalog(std::vector<const Entity*> by_id) {
  auto index = std::make_unique<Index>();
  index->by_id = std::move(by_id);
  const auto& list = index->by_id;
  index->rows.reset(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i != 0 && !(list[i - 1]->id < list[i]->id))
      throw internal_error("entity catalog: ids not sorted and unique at '" + list[i]->id + "'");
    index->rows.find_or_add(hash_key(list[i]->id), static_cast<std::uint32_t>(i),
                            [](std::uint32_t) { return false; });
  }
  // The digest covers each entity as a record would write it in full, so any change to what a
  // reader would rebuild changes it.
  std::string all;
  for (const Entity* e : list) {
    RecordOut w(256);
    put_full_entity(w, *e);
    all.append(w.since(0)).push_back('\n');
  }
  digest_ = sha256_hex(all).substr(0, 16);
  index_ = std::move(index);
}

EntityCatalog::~EntityCatalog() = default;

const Entity* EntityCatalog::find(std::string_view id) const {
  const auto& list = index_->by_id;
  const std::uint32_t row =
      index_->rows.find(hash_key(id), [&](std::uint32_t r) { return same(list[r]->id, id); });
  return row == RowIndex::kNone ? nullptr : list[row];
}

}  // namespace softgraph
