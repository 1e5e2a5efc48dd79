#include "text_repair.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_set>

#include "hyphen_dictionary.hpp"
#include "softgraph/core/ascii_scan.hpp"
#include "softgraph/core/error.hpp"
#include "unicode_util.hpp"

namespace softgraph::ingest {
namespace {

// Prefixes that usually form hyphenated compounds ("socio-cultural", "non-state"): the fallback
// when the document itself does not show how a broken word is spelled. Prefixes that also begin
// common closed words ("inter-national", "pre-sident", "pro-gramme", "ex-ample") are not here.
constexpr std::array<std::string_view, 18> kKeepHyphenPrefixes = {
    "socio", "post",  "non",   "anti",   "multi", "self", "well",  "euro", "afro",
    "sino",  "russo", "anglo", "franco", "indo",  "semi", "quasi", "neo",  "cross"};

// How the document spells words elsewhere: every run of letters, and every compound of letter
// runs joined by a hyphen on one line, folded to ASCII lower case. Built only when a broken
// hyphen needs it, once per document.
class Vocabulary {
 public:
  explicit Vocabulary(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t begin = i;
      while (std::size_t n = letter_len(s, i)) i += n;
      if (i == begin) {
        ++i;  // a continuation byte at worst: letter_len never starts inside a code point
        continue;
      }
      words_.insert(fold(s.substr(begin, i - begin)));
      // "socio-cultural": the compound as a whole, when the hyphen joins letters on one line.
      std::size_t j = i;
      while (j < s.size() && s[j] == '-' && letter_len(s, j + 1)) {
        std::size_t k = j + 1;
        while (std::size_t n = letter_len(s, k)) k += n;
        compounds_.insert(fold(s.substr(begin, k - begin)));
        j = k;
      }
      i = j;
    }
  }
  bool has_word(std::string_view w) const { return words_.count(fold(w)) > 0; }
  bool has_compound(std::string_view c) const { return compounds_.count(fold(c)) > 0; }

 private:
  // Byte length of the letter at i, 0 if none is there (ASCII without a call into ICU).
  static std::size_t letter_len(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : 0;
    if (c < 0xC0) return 0;
    int len = 1;
    UChar32 cp = cp_at(s, i, &len);
    return is_letter(cp) && len > 0 ? static_cast<std::size_t>(len) : 0;
  }
  static std::string fold(std::string_view w) {
    std::string out(w);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  std::unordered_set<std::string> words_, compounds_;
};

// Whether the broken word is part of a URL, a path or an e-mail address, whose hyphens are theirs:
// its token before the break holds a slash, "www.", an at sign, '=' or '_'.
bool in_link(std::string_view s, std::size_t line_begin, std::size_t frag_begin) {
  std::size_t a = frag_begin;
  while (a > line_begin && s[a - 1] != ' ' && s[a - 1] != '\t') --a;
  std::string_view head = s.substr(a, frag_begin - a);
  auto linkish = [](std::string_view t) {
    return t.find('/') != std::string_view::npos || t.find("www.") != std::string_view::npos ||
           t.find('@') != std::string_view::npos || t.find('=') != std::string_view::npos ||
           t.find('_') != std::string_view::npos;
  };
  return linkish(head);
}

// One letter before the hyphen: typesetters never break a word after its first letter.
bool single_letter(std::string_view frag) {
  int len = 0;
  cp_at(frag, 0, &len);
  return len > 0 && static_cast<std::size_t>(len) == frag.size();
}

// Words after which a sentence cannot end, so a blank-line gap after them is a page cut.
constexpr std::array<std::string_view, 60> kConnectors = {
    "the",   "a",     "an",      "of",    "and",   "or",   "to",        "in",  "on",    "at",
    "by",    "for",   "with",    "from",  "as",    "that", "which",     "who", "whose", "than",
    "into",  "upon",  "between", "among", "such",  "like", "including", "via", "nor",   "but",
    "while", "where", "when",    "its",   "their", "his",  "her",       "our", "this",  "these",
    "those", "both",  "each",    "is",    "are",   "was",  "were",      "be",  "и",     "в",
    "во",    "на",    "с",       "к",     "по",    "о",    "от",        "из",  "для",   "және"};

constexpr std::size_t kMinRepeat = 24;   // bytes; shorter overlaps are coincidence
constexpr std::size_t kMaxRepeat = 512;  // a repeated line, not a repeated page

bool is_closing(UChar32 c) {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == '*';
}
bool is_terminal(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
}

std::size_t line_start(std::string_view s, std::size_t end) {
  std::size_t p = s.rfind('\n', end == 0 ? 0 : end - 1);
  return p == std::string_view::npos ? 0 : p + 1;
}

// True when the text before `a_end` ends a sentence (possibly inside quotes or brackets).
bool ends_sentence(std::string_view s, std::size_t a_end) {
  std::size_t b;
  UChar32 c = cp_before(s, a_end, &b);
  while (is_closing(c) && b > 0) c = cp_before(s, b, &b);
  return is_terminal(c);
}

std::string_view last_word(std::string_view line) {
  std::size_t p = line.find_last_of(" \t");
  return p == std::string_view::npos ? line : line.substr(p + 1);
}

std::size_t word_count(std::string_view line) {
  std::size_t n = 0;
  bool in = false;
  for (char c : line) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Length of the longest head of the block at `b` (within its first line) that repeats the tail
// of the text ending at `a_end` (within its last line); 0 if none is long enough.
std::size_t repeated_head(std::string_view s, std::size_t a_begin, std::size_t a_end,
                          std::size_t b) {
  std::size_t eol = s.find('\n', b);
  if (eol == std::string_view::npos) eol = s.size();
  std::size_t max_k = std::min({eol - b, a_end - a_begin, kMaxRepeat});
  if (max_k < kMinRepeat) return 0;
  // Longest first: the candidate starts a_end - k, left to right, are where the head's first
  // byte recurs.
  const char* from = s.data() + a_end - max_k;
  const char* const to = s.data() + a_end - kMinRepeat + 1;
  while (from < to) {
    const auto* hit = static_cast<const char*>(std::memchr(from, s[b], to - from));
    if (!hit) break;
    from = hit + 1;
    const auto k = static_cast<std::size_t>(s.data() + a_end - hit);
    if (b + k < eol && s[b + k] != ' ' && s[b + k] != '\t') continue;  // must end on a word edge
    if (std::memcmp(hit, s.data() + b, k) == 0) return k;
  }
  return 0;
}

bool opens_list_item(UChar32 c) {
  return c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0xB7;
}

// Should the blank-line gap between the block [block_begin, a_end) and the block at b be closed?
bool is_page_cut(std::string_view s, std::size_t block_begin, std::size_t a_end, std::size_t b) {
  if (ends_sentence(s, a_end)) return false;
  std::string_view line = s.substr(block_begin, a_end - block_begin);
  UChar32 next = cp_at(s, b);
  if (opens_list_item(next)) return false;
  if (line.find('\t') != std::string_view::npos) return false;  // table debris
  // A block of a few words is a heading or an author line, whatever follows it.
  if (line.size() < 20 || word_count(line) < 3) return false;
  if (is_lower(next)) return true;
  UChar32 last = cp_before(s, a_end);
  if (last == ',') return true;
  if (word_count(line) < 4) return false;
  std::string_view w = last_word(line);
  bool connector = std::any_of(kConnectors.begin(), kConnectors.end(),
                               [&](std::string_view c) { return w == c; });
  return connector && (is_letter(next) || u_isdigit(next) || next == '(' || next == 0x201C ||
                       next == 0xAB || next == '"');
}

// Handles one run of white space holding line breaks, between text ending at a_end and text
// starting at b. Returns true when the gap was repaired (the blocks on both sides are one).
template <class Add>
bool repair_gap(std::string_view s, const RepairOptions& options, RepairStats& st,
                std::size_t block_begin, std::size_t a_end, std::size_t b, int newlines,
                std::optional<Vocabulary>& vocabulary, Add& add) {
  // (a) a word hyphenated across a line or page break
  if (options.hyphens && s[a_end - 1] == '-' && newlines <= 4) {
    const std::size_t a_begin = line_start(s, a_end);  // found only when needed: most gaps end here
    std::size_t frag_end = a_end - 1, frag_begin = frag_end;
    while (frag_begin > a_begin) {
      std::size_t p;
      if (!is_letter(cp_before(s, frag_begin, &p))) break;
      frag_begin = p;
    }
    if (frag_begin < frag_end && is_lower(cp_at(s, b))) {
      std::string_view frag = s.substr(frag_begin, frag_end - frag_begin);
      std::size_t cont_end = b;
      while (cont_end < s.size() && is_letter(cp_at(s, cont_end))) {
        int len = 1;
        cp_at(s, cont_end, &len);
        cont_end += len > 0 ? static_cast<std::size_t>(len) : 1;
      }
      std::string_view cont = s.substr(b, cont_end - b);
      // The document's own spelling decides ("international" elsewhere: join; "socio-cultural"
      // elsewhere: keep); then the dictionary ("inter|ference" is a word and its parts are not:
      // join; "state|owned" is no word and its parts are: keep); the prefix list only when
      // neither tells.
      if (!vocabulary) vocabulary.emplace(s);
      std::string compound = std::string(frag) + "-" + std::string(cont);
      std::string closed = std::string(frag) + std::string(cont);
      bool seen_compound = vocabulary->has_compound(compound);
      bool seen_closed = vocabulary->has_word(closed);
      bool keep = false;
      if (in_link(s, a_begin, frag_begin) || single_letter(frag)) {
        keep = true;  // "www.a.org/for-profit", "φ-nodes", "e-mail": never a syllable break
      } else if (seen_compound != seen_closed) {
        keep = seen_compound;
      } else if (HyphenVerdict v = dictionary_verdict(frag, cont); v != HyphenVerdict::kUnsure) {
        keep = v == HyphenVerdict::kKeep;
      } else {
        keep = std::any_of(kKeepHyphenPrefixes.begin(), kKeepHyphenPrefixes.end(),
                           [&](std::string_view p) { return ascii::equal_ignoring_case(frag, p); });
      }
      if (add(keep ? a_end : a_end - 1, b, "")) ++(keep ? st.hyphens_kept : st.hyphens_joined);
      return true;
    }
  }
  if (newlines < 2) return false;

  // (c) the tail of the paragraph repeated as the head of the next block
  if (options.repeats) {
    if (std::size_t k = repeated_head(s, line_start(s, a_end), a_end, b)) {
      std::size_t rest = b + k;
      while (rest < s.size() && (s[rest] == ' ' || s[rest] == '\t')) ++rest;
      bool whole_line = rest >= s.size() || s[rest] == '\n';
      if (add(a_end, whole_line ? b + k : rest, whole_line ? "" : " ")) ++st.repeats_dropped;
      return true;
    }
  }
  // (b) a paragraph cut by a page break
  if (options.page_cuts && is_page_cut(s, block_begin, a_end, b)) {
    if (add(a_end, b, " ")) ++st.cuts_joined;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Edit> find_repairs(std::string_view s, const RepairOptions& options,
                               RepairStats* stats) {
  RepairStats local;
  RepairStats& st = stats ? *stats : local;
  std::vector<Edit> edits;
  std::size_t last_end = 0;
  auto add = [&](std::size_t begin, std::size_t end, std::string_view with) {
    if (begin < last_end) return false;  // overlaps an earlier repair: leave the text alone
    edits.push_back({begin, end, std::string(with)});
    last_end = end;
    return true;
  };
  std::size_t pos = 0, block_begin = 0;
  std::optional<Vocabulary> vocabulary;
  while (true) {
    const void* hit = std::memchr(s.data() + pos, '\n', s.size() - pos);
    if (!hit) break;
    std::size_t nl = static_cast<const char*>(hit) - s.data();
    std::size_t a_end = nl;
    while (a_end > 0 && (s[a_end - 1] == ' ' || s[a_end - 1] == '\t')) --a_end;
    std::size_t b = nl;
    int newlines = 0;
    while (b < s.size() && is_space_byte(s[b])) newlines += s[b++] == '\n';
    pos = b;
    if (a_end == 0 || b >= s.size() || a_end < last_end) {
      if (newlines >= 2) block_begin = b;
      continue;
    }
    bool joined = repair_gap(s, options, st, block_begin, a_end, b, newlines, vocabulary, add);
    if (newlines >= 2 && !joined) block_begin = b;
  }
  return edits;
}

namespace {

// Whether `text` is NFC because every code point is a segment of its own: it has a normalisation
// boundary before it and is NFC by itself (é, curly quotes, dashes; not a combining mark, not a
// character NFC replaces). ASCII always is; the rest is asked of ICU once per code point and
// remembered, instead of ICU's check of every byte.
bool starters_only(std::string_view text, const icu::Normalizer2& nfc) {
  struct Known {
    UChar32 c = -1;
    bool starter = false;
  };
  thread_local std::array<Known, 256> known;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    i = static_cast<std::int32_t>(ascii::find_non_ascii(text, static_cast<std::size_t>(i)));
    if (i >= n) break;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    Known& k = known[static_cast<std::uint32_t>(c) & 255];
    if (k.c != c) {
      UErrorCode err = U_ZERO_ERROR;
      k.starter = nfc.hasBoundaryBefore(c) && nfc.isNormalized(icu::UnicodeString(c), err) &&
                  U_SUCCESS(err);
      k.c = c;
    }
    if (!k.starter) return false;
  }
  return true;
}

}  // namespace

bool normalize_nfc(std::string_view text, std::string& out, OffsetMap& map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) throw internal_error(std::string("ICU NFC unavailable: ") + u_errorName(err));
  // Pure ASCII is always NFC, and so is text whose every other code point is a starter: ICU's
  // normaliser is not needed for either.
  if (starters_only(text, *nfc)) return false;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return false;
  err = U_ZERO_ERROR;
  out.clear();
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, err);
  if (U_FAILURE(err)) throw internal_error(std::string("NFC failed: ") + u_errorName(err));
  map = OffsetMap();
  auto it = edits.getFineIterator();
  while (it.next(err)) {
    auto src = static_cast<std::uint64_t>(it.sourceIndex());
    if (it.hasChange()) {
      map.add_replacement(static_cast<std::uint64_t>(it.newLength()), src, src + it.oldLength());
    } else {
      map.add_copy(src, static_cast<std::uint64_t>(it.oldLength()));
    }
  }
  return true;
}

}  // namespace softgraph::ingest
