#include "softgraph/extract/sentence_splitter.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

#include "softgraph/core/error.hpp"
#include "softgraph/extract/unicode_util.hpp"

namespace softgraph::ingest {
namespace {

// Abbreviations after which a period does not end a sentence (compared lower-cased for ASCII).
constexpr std::string_view kAbbreviations[] = {
    "al.",  "e.g.",  "i.e.",  "vs.",   "cf.",  "dr.",   "p.",   "pp.",     "no.",    "nos.",
    "u.s.", "u.k.",  "mr.",   "mrs.",  "ms.",  "prof.", "st.",  "jr.",     "fig.",   "figs.",
    "vol.", "vols.", "ed.",   "eds.",  "ch.",  "sec.",  "art.", "approx.", "ca.",    "inc.",
    "ltd.", "co.",   "corp.", "ibid.", "op.",  "cit.",  "viz.", "resp.",   "u.s.a.", "e.u.",
    "г.",   "гг.",   "т.д.",  "т.п.",  "т.е.", "см.",   "с.",   "др.",     "им.",    "ж.",
    "б.",   "т.б.",  "обл.",  "ул.",   "стр.", "рис.",  "табл."};

bool is_abbreviation(std::string_view tok) {
  char buf[16];
  // Every abbreviation ends with its period: a token without one needs no compare.
  if (tok.size() > sizeof buf || tok.empty() || tok.back() != '.') return false;
  for (std::size_t i = 0; i < tok.size(); ++i) {
    char c = tok[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view low(buf, tok.size());
  for (std::string_view a : kAbbreviations)
    if (low == a) return true;
  return false;
}

// "J." "K.S." "U.S." "К.С.": capital letters each followed by a period.
bool is_initials(std::string_view tok) {
  if (tok.size() < 2 || tok.back() != '.') return false;
  std::size_t i = 0;
  while (i < tok.size()) {
    int len;
    UChar32 c = cp_at(tok, i, &len);
    if (!is_upper(c) || i + len >= tok.size() || tok[i + len] != '.') return false;
    i += len + 1;
  }
  return true;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }

// Appends `p` as UTF-16 to `wide` and, for every code unit, the byte offset `base` + i of its code
// point to `at`. False on invalid UTF-8.
bool append_utf16(std::string_view p, std::uint32_t base, std::vector<UChar>& wide,
                  std::vector<std::uint32_t>& at) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(p.data());
  const auto n = static_cast<std::int32_t>(p.size());
  // At most one code unit per byte: written through pointers, trimmed at the end.
  const std::size_t old = wide.size();
  wide.resize(old + p.size());
  at.resize(old + p.size());
  UChar* w = wide.data() + old;
  std::uint32_t* a = at.data() + old;
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    if (s[i] < 0x80) {
      *w++ = static_cast<UChar>(s[i++]);
      *a++ = base + static_cast<std::uint32_t>(start);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (c <= 0xFFFF) {
      *w++ = static_cast<UChar>(c);
      *a++ = base + static_cast<std::uint32_t>(start);
    } else {
      *w++ = U16_LEAD(c);
      *w++ = U16_TRAIL(c);
      *a++ = base + static_cast<std::uint32_t>(start);
      *a++ = base + static_cast<std::uint32_t>(start);
    }
  }
  wide.resize(static_cast<std::size_t>(w - wide.data()));
  at.resize(static_cast<std::size_t>(a - at.data()));
  return true;
}

// Where ICU's sentence rules (UAX #29) can place a break: after a terminator (Sentence_Break
// ATerm or STerm: ". ! ? 。 ।" ...) and what follows it, or after a separator (CR, LF, NEL, LS,
// PS). A code point of these classes is a "trigger"; the ASCII ones are taken from ICU itself.
struct Triggers {
  std::array<bool, 128> ascii{};
  bool ascii_are_the_usual = true;  // exactly . ! ? CR LF, which the 16-byte scan looks for
  Triggers() {
    for (UChar32 c = 0; c < 128; ++c) {
      ascii[static_cast<std::size_t>(c)] = of(c);
      const bool usual = c == '.' || c == '!' || c == '?' || c == '\r' || c == '\n';
      if (ascii[static_cast<std::size_t>(c)] != usual) ascii_are_the_usual = false;
    }
  }
  static bool of(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_ATERM:
      case U_SB_STERM:
      case U_SB_SEP:
      case U_SB_CR:
      case U_SB_LF:
        return true;
      default:
        return false;
    }
  }
};

// The first trigger in `line` before its last byte (the line's own LF, or any byte at the end of
// the paragraph, which ICU breaks after anyway), or npos.
std::size_t first_trigger(std::string_view line, const Triggers& triggers) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto n = static_cast<std::int32_t>(line.size()) - 1;
  std::int32_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time up to the first byte that is a trigger or not ASCII.
  if (triggers.ascii_are_the_usual) {
    const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
                  cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(b, dot), _mm_cmpeq_epi8(b, bang)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, ask), _mm_cmpeq_epi8(b, cr)),
                       _mm_or_si128(_mm_cmpeq_epi8(b, lf), b)));  // b: its high bit, non-ASCII
      if (_mm_movemask_epi8(hit) != 0) break;
    }
  }
#endif
  while (i < n) {
    if (s[i] < 0x80) {
      if (triggers.ascii[s[i]]) return static_cast<std::size_t>(i);
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n + 1, c);
    if (c < 0 || Triggers::of(c)) return static_cast<std::size_t>(start);  // invalid: let ICU see
  }
  return std::string_view::npos;
}

// Where ICU may stop reading `line` (from its first trigger on) and still decide every break the
// line holds: just after the first letter that follows the line's last trigger. What follows a
// terminator matters only up to that letter (rules SB6 to SB11 look ahead over closing marks,
// spaces, digits and punctuation to the next letter, "etc. and" against "etc. And"). Lines with
// other than ASCII around their last trigger are read to their end.
std::size_t read_until(std::string_view line, const Triggers& triggers) {
  const std::size_t n = line.size();
  std::size_t last = n - 1;  // the last byte is the line's LF or the paragraph's end
  for (;;) {
    if (last == 0) return n;
    const auto b = static_cast<unsigned char>(line[--last]);
    if (b >= 0x80) return n;
    if (triggers.ascii[b]) break;
  }
  for (std::size_t k = last + 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(line[k]);
    if (b >= 0x80) return n;
    if (((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) return k + 1;
  }
  return n;
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  UErrorCode err = U_ZERO_ERROR;
  it_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err) || !it_) {
    throw internal_error(std::string("ICU sentence iterator unavailable: ") + u_errorName(err));
  }
}

SentenceSplitter::~SentenceSplitter() = default;

bool SentenceSplitter::suppress_break(std::string_view before, std::string_view after) {
  while (!before.empty() && is_ws(before.back())) {
    // A break after a line end whose line does not end a sentence is a soft wrap.
    if (before.back() == '\n') {
      std::string_view t = before;
      while (!t.empty() && is_ws(t.back())) t.remove_suffix(1);
      UChar32 last = cp_before(t, t.size());
      if (!t.empty() && last != '.' && last != '!' && last != '?' && last != 0x2026 &&
          last != ')' && last != 0x201D && last != '"' && last != 0xBB && last != ':')
        return true;
    }
    before.remove_suffix(1);
  }
  std::size_t sp = before.size();  // the last token: after the last " \t\n(" (find_last_of)
  while (sp > 0 && before[sp - 1] != ' ' && before[sp - 1] != '\t' && before[sp - 1] != '\n' &&
         before[sp - 1] != '(')
    --sp;
  std::string_view tok = before.substr(sp);
  while (!tok.empty() && (tok.front() == '[' || tok.front() == '"' ||
                          static_cast<unsigned char>(tok.front()) == 0xE2))
    tok.remove_prefix(tok.front() == '\xE2' && tok.size() >= 3 ? 3 : 1);
  if (is_abbreviation(tok) || is_initials(tok)) return true;
  std::size_t i = 0;
  while (i < after.size() && is_ws(after[i])) ++i;
  UChar32 next = cp_at(after, i);
  return is_lower(next);
}

void SentenceSplitter::boundaries_of_whole(std::string_view p, std::vector<std::uint64_t>& out) {
  out.clear();
  wide_.clear();
  at_.clear();
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = nullptr;
  const bool mapped = append_utf16(p, 0, wide_, at_);
  if (mapped) {
    at_.push_back(static_cast<std::uint32_t>(p.size()));
    ut = utext_openUChars(ut, wide_.data(), static_cast<int64_t>(wide_.size()), &err);
  } else {
    ut = utext_openUTF8(ut, p.data(), static_cast<int64_t>(p.size()), &err);
  }
  it_->setText(ut, err);
  if (U_FAILURE(err)) {
    utext_close(ut);
    throw internal_error(std::string("ICU sentence iterator failed: ") + u_errorName(err));
  }
  for (int32_t b = it_->first(); b != icu::BreakIterator::DONE; b = it_->next())
    out.push_back(mapped ? at_[static_cast<std::size_t>(b)] : static_cast<std::uint64_t>(b));
  utext_close(ut);
  if (out.empty() || out.back() != p.size()) out.push_back(p.size());
}

// ICU breaks after every LF (rule SB4), and its rules start afresh after a break: every line of a
// paragraph is read on its own. Within a line nothing can break before the first trigger, and the
// rules look back only one character before a terminator (SB7: "U.S"), so ICU is handed each line
// from the start of the word holding its first trigger to the letter after its last one
// (`read_until`), and lines without a trigger not at all. The pieces are read in one pass, one
// after the other, each ended by an LF (a hard break); the tests compare the result with ICU
// reading whole paragraphs, on random and on real text.
void SentenceSplitter::boundaries(std::string_view p, std::vector<std::uint64_t>& out) {
  static const Triggers triggers;
  out.clear();
  std::vector<UChar>& wide = wide_;
  wide.clear();
  at_.clear();
  line_ends_.clear();
  for (std::size_t ls = 0; ls < p.size();) {
    std::size_t le = p.find('\n', ls);
    le = le == std::string_view::npos ? p.size() : le + 1;
    const std::string_view line = p.substr(ls, le - ls);
    const std::size_t t = first_trigger(line, triggers);
    if (t != std::string_view::npos) {
      std::size_t s = t;
      while (s > 0 && line[s - 1] != ' ') --s;
      if (s > 0 && !ascii_alnum(line[s])) s = 0;  // an unusual word start: the whole line
      const std::size_t e = read_until(line, triggers);
      if (!append_utf16(line.substr(s, e - s), static_cast<std::uint32_t>(ls + s), wide, at_))
        return boundaries_of_whole(p, out);
      if (e < line.size()) {
        // The rest of the line cannot break: an LF (a hard break) ends this tail instead.
        wide.push_back('\n');
        at_.push_back(static_cast<std::uint32_t>(ls + e));
      }
    }
    line_ends_.push_back(le);
    ls = le;
  }
  out.push_back(0);
  std::size_t next_end = 0;  // the first line end not yet in `out`
  auto add_line_ends_before = [&](std::uint64_t b) {
    while (next_end < line_ends_.size() && line_ends_[next_end] < b)
      out.push_back(line_ends_[next_end++]);
  };
  if (!wide.empty()) {
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUChars(nullptr, wide.data(), static_cast<int64_t>(wide.size()), &err);
    it_->setText(ut, err);
    if (U_FAILURE(err)) {
      utext_close(ut);
      throw internal_error(std::string("ICU sentence iterator failed: ") + u_errorName(err));
    }
    for (int32_t b = it_->next(); b != icu::BreakIterator::DONE; b = it_->next()) {
      // Each tail holds one LF, its last code unit: a break after it is its line's end, which
      // is in `line_ends_` already.
      const auto u = static_cast<std::size_t>(b);
      if (u == wide.size() || wide[u - 1] == '\n') continue;
      const std::uint64_t offset = at_[u];
      add_line_ends_before(offset);
      out.push_back(offset);
    }
    utext_close(ut);
  }
  add_line_ends_before(p.size() + 1);
  if (out.back() != p.size()) out.push_back(p.size());
}

void SentenceSplitter::split(Document& doc) {
  doc.sentences.clear();
  doc.sentences.reserve(doc.text.size() / 120 + 16);  // ~one sentence per 120 bytes
  const std::string_view text = doc.text;
  std::vector<std::uint64_t> bounds;
  for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    std::string_view p = para.range.slice(text);
    boundaries(p, bounds);
    std::uint64_t start = 0;
    for (std::size_t k = 1; k < bounds.size(); ++k) {
      std::uint64_t b = bounds[k];
      bool last = k + 1 == bounds.size();
      if (!last && suppress_break(p.substr(start, b - start), p.substr(b))) continue;
      std::uint64_t s = start, e = b;
      while (s < e && is_ws(p[s])) ++s;
      while (e > s && is_ws(p[e - 1])) --e;
      if (e > s) {
        doc.sentences.push_back(
            {{para.range.begin + s, para.range.begin + e}, static_cast<int>(pi), para.section});
      }
      start = b;
    }
  }
}

}  // namespace softgraph::ingest
