#include "sentence_splitter.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "softgraph/core/ascii_scan.hpp"
#include "softgraph/core/error.hpp"
#include "unicode_util.hpp"

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

// The abbreviations by byte length, each as its bytes packed into an integer (the ninth byte of
// the longest apart), so that a token is compared only with those of its length, a compare each
// (most tokens before a break are longer than any).
constexpr std::size_t kLongestAbbreviation = 9;
constexpr std::uint64_t packed(std::string_view s) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < s.size() && i < 8; ++i)
    v |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return v;
}
struct AbbreviationsBySize {
  std::array<std::array<std::uint64_t, 24>, kLongestAbbreviation + 1> of{};
  std::array<std::array<char, 24>, kLongestAbbreviation + 1> ninth{};
  std::array<std::size_t, kLongestAbbreviation + 1> count{};
};
constexpr AbbreviationsBySize by_size() {
  AbbreviationsBySize t;
  for (std::string_view a : kAbbreviations) {
    const std::size_t n = a.size(), k = t.count[n]++;
    t.of[n][k] = packed(a);
    t.ninth[n][k] = n > 8 ? a[8] : '\0';
  }
  return t;
}
constexpr AbbreviationsBySize kAbbreviationsBySize = by_size();
static_assert([] {
  std::size_t longest = 0;
  for (std::string_view a : kAbbreviations) longest = std::max(longest, a.size());
  return longest == kLongestAbbreviation;
}());

bool is_abbreviation(std::string_view tok) {
  // Every abbreviation ends with its period: a token without one needs no compare.
  if (tok.size() > kLongestAbbreviation || tok.empty() || tok.back() != '.') return false;
  std::uint64_t low = 0;
  for (std::size_t i = 0; i < tok.size() && i < 8; ++i) {
    const char c = tok[i];
    low |= std::uint64_t{static_cast<unsigned char>(
               c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)}
           << (8 * i);
  }
  const std::size_t n = tok.size();
  const char ninth = n > 8 ? tok[8] : '\0';  // a period, never a capital
  for (std::size_t k = 0; k < kAbbreviationsBySize.count[n]; ++k)
    if (kAbbreviationsBySize.of[n][k] == low && kAbbreviationsBySize.ninth[n][k] == ninth)
      return true;
  return false;
}

// The two bytes before the period of every abbreviation (ASCII lower-cased), as a bit set: a
// token ending otherwise is none, and is not cut out of the text. A one-letter abbreviation
// ("p.") may follow any byte.
class AbbreviationEnds {
 public:
  constexpr AbbreviationEnds() {
    for (std::string_view a : kAbbreviations) {
      const std::size_t n = a.size();
      if (n >= 3) {
        set(static_cast<unsigned char>(a[n - 3]), static_cast<unsigned char>(a[n - 2]));
      } else {
        for (unsigned x = 0; x < 256; ++x) set(x, static_cast<unsigned char>(a[0]));
      }
    }
  }
  // Whether a token whose period follows the bytes `b3` `b2` may be an abbreviation.
  constexpr bool may_end(unsigned char b3, unsigned char b2) const {
    const unsigned k = key(lower(b3), lower(b2));
    return (bits_[k / 64] >> (k % 64)) & 1;
  }

 private:
  static constexpr unsigned char lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
  }
  static constexpr unsigned key(unsigned b3, unsigned b2) { return b3 << 8 | b2; }
  constexpr void set(unsigned b3, unsigned b2) {
    const unsigned k = key(b3, b2);
    bits_[k / 64] |= std::uint64_t{1} << (k % 64);
  }
  std::array<std::uint64_t, 65536 / 64> bits_{};
};
constexpr AbbreviationEnds kAbbreviationEnds;

// "J." "K.S." "U.S." "К.С.": capital letters each followed by a period.
bool is_initials(std::string_view tok) {
  if (tok.size() < 2 || tok.back() != '.') return false;
  std::size_t i = 0;
  while (i < tok.size()) {
    int len;
    UChar32 c = cp_at(tok, i, &len);
    if (i + len >= tok.size() || tok[i + len] != '.' || !is_upper(c)) return false;
    i += len + 1;
  }
  return true;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool ascii_letter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// Where ICU's sentence rules (UAX #29) can place a break: after a terminator (Sentence_Break
// ATerm or STerm: ". ! ? 。 ।" ...) and what follows it, or after a separator (CR, LF, NEL, LS,
// PS). A code point of these classes is a "trigger"; the ASCII ones and the two-byte ones are
// taken from ICU once.
struct Triggers {
  std::array<bool, 128> ascii{};
  std::array<bool, 0x800 - 0x80> two_byte{};  // U+0080..U+07FF
  bool ascii_are_the_usual = true;  // exactly . ! ? CR LF, which the 16-byte scan looks for
  Triggers() {
    for (UChar32 c = 0; c < 128; ++c) {
      ascii[static_cast<std::size_t>(c)] = of(c);
      const bool usual = c == '.' || c == '!' || c == '?' || c == '\r' || c == '\n';
      if (ascii[static_cast<std::size_t>(c)] != usual) ascii_are_the_usual = false;
    }
    for (UChar32 c = 0x80; c < 0x800; ++c) two_byte[static_cast<std::size_t>(c - 0x80)] = of(c);
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
  bool non_ascii(UChar32 c) const {
    return c < 0x800 ? two_byte[static_cast<std::size_t>(c - 0x80)] : of(c);
  }
};

// The first trigger (LF included) in p[from, end), or npos; the start of invalid UTF-8 counts
// as one, so that ICU's reading of it fails and the paragraph is read whole.
std::size_t next_trigger(std::string_view p, std::size_t from, std::size_t end,
                         const Triggers& triggers) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(p.data());
  std::size_t i = from;
  // Straight to the first byte that is an ASCII trigger or not ASCII.
  static constexpr ascii::ByteSet kUsual(".!?\r\n", true);
  if (triggers.ascii_are_the_usual) i = ascii::find_first_of(p.substr(0, end), i, kUsual);
  while (i < end) {
    if (s[i] < 0x80) {
      if (triggers.ascii[s[i]]) return i;
      ++i;
      continue;
    }
    // Decoded relative to i: paragraphs past 2 GiB do not overflow ICU's int32 indices.
    std::int32_t len = 0;
    UChar32 c;
    U8_NEXT(s + i, len, static_cast<std::int32_t>(std::min<std::size_t>(p.size() - i, 4)), c);
    if (c < 0 || triggers.non_ascii(c)) return i;
    i += static_cast<std::size_t>(len);
  }
  return std::string_view::npos;
}

// Marks a code unit ICU reads that is not in the text (a separator between pieces).
constexpr std::uint64_t kSeparator = ~std::uint64_t{0};

// Points `it` at `ut`; on an ICU error closes `ut` and throws.
void set_text(icu::BreakIterator& it, UText* ut, UErrorCode& err) {
  it.setText(ut, err);
  if (U_FAILURE(err)) {
    utext_close(ut);
    throw internal_error(std::string("ICU sentence iterator failed: ") + u_errorName(err));
  }
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

namespace {

// suppress_break, inlined into the splitter's loop over every break (one call a break costs
// more than most answers do).
[[gnu::always_inline]] inline bool suppressed(std::string_view before, std::string_view after) {
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
  // The last token is after the last " \t\n(" (find_last_of).
  static constexpr auto kTokenEnd = [] {
    std::array<bool, 256> t{};
    t[' '] = t['\t'] = t['\n'] = t['('] = true;
    return t;
  }();
  // Both an abbreviation and initials end with a period after two bytes or more of the token
  // (a suffix of `before`); initials with a capital before it; abbreviations as kAbbreviationEnds
  // says. Most sentence ends are neither, and their tokens are not looked for.
  const std::size_t n = before.size();
  if (n >= 2 && before.back() == '.') {
    const auto b2 = static_cast<unsigned char>(before[n - 2]);
    if (b2 >= 0x80 || (b2 >= 'A' && b2 <= 'Z') || n == 2 ||
        kAbbreviationEnds.may_end(static_cast<unsigned char>(before[n - 3]), b2)) {
      std::size_t sp = n;
      while (sp > 0 && !kTokenEnd[static_cast<unsigned char>(before[sp - 1])]) --sp;
      std::string_view tok = before.substr(sp);
      while (!tok.empty() && (tok.front() == '[' || tok.front() == '"' ||
                              static_cast<unsigned char>(tok.front()) == 0xE2))
        tok.remove_prefix(tok.front() == '\xE2' && tok.size() >= 3 ? 3 : 1);
      if (is_abbreviation(tok) || is_initials(tok)) return true;
    }
  }
  std::size_t i = 0;
  while (i < after.size() && is_ws(after[i])) ++i;
  UChar32 next = cp_at(after, i);
  return is_lower(next);
}

}  // namespace

bool SentenceSplitter::suppress_break(std::string_view before, std::string_view after) {
  return suppressed(before, after);
}

void SentenceSplitter::boundaries_of_whole(std::string_view p, std::vector<std::uint64_t>& out) {
  out.clear();
  used_ = 0;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = nullptr;
  const bool mapped = append_utf16(p, 0);
  if (mapped) {
    ut = utext_openUChars(ut, wide_.get(), static_cast<int64_t>(used_), &err);
  } else {
    ut = utext_openUTF8(ut, p.data(), static_cast<int64_t>(p.size()), &err);
  }
  set_text(*it_, ut, err);
  for (int32_t b = it_->first(); b != icu::BreakIterator::DONE; b = it_->next()) {
    const auto u = static_cast<std::size_t>(b);
    out.push_back(!mapped ? static_cast<std::uint64_t>(b) : u < used_ ? at_[u] : p.size());
  }
  utext_close(ut);
  if (out.empty() || out.back() != p.size()) out.push_back(p.size());
}

void SentenceSplitter::grow(std::size_t units) {
  // Not value-initialised: only the first used_ units are ever read.
  const std::size_t n = std::max(capacity_ * 2, used_ + units + 256);
  std::unique_ptr<UChar[]> wide(new UChar[n]);
  std::unique_ptr<std::uint64_t[]> at(new std::uint64_t[n]);
  std::copy_n(wide_.get(), used_, wide.get());
  std::copy_n(at_.get(), used_, at.get());
  wide_ = std::move(wide);
  at_ = std::move(at);
  capacity_ = n;
}

// Appends `p` as UTF-16 to what ICU reads and, for every code unit, the byte offset `base` + i
// of its code point. False on invalid UTF-8 (what was appended is then garbage past used_).
bool SentenceSplitter::append_utf16(std::string_view p, std::uint64_t base) {
  make_room(p.size());  // at most one code unit per byte
  const auto* s = reinterpret_cast<const std::uint8_t*>(p.data());
  const auto n = static_cast<std::int32_t>(p.size());
  UChar* w = wide_.get() + used_;
  std::uint64_t* a = at_.get() + used_;
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    if (s[i] < 0x80) {
      *w++ = static_cast<UChar>(s[i++]);
      *a++ = base + static_cast<std::uint64_t>(start);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (c <= 0xFFFF) {
      *w++ = static_cast<UChar>(c);
      *a++ = base + static_cast<std::uint64_t>(start);
    } else {
      *w++ = U16_LEAD(c);
      *w++ = U16_TRAIL(c);
      *a++ = base + static_cast<std::uint64_t>(start);
      *a++ = base + static_cast<std::uint64_t>(start);
    }
  }
  used_ = static_cast<std::size_t>(w - wide_.get());
  return true;
}

void SentenceSplitter::append_separator(UChar c) {
  make_room(1);
  wide_[used_] = c;
  at_[used_++] = kSeparator;
}

// ICU breaks after every LF (rule SB4) and its rules start afresh after a break; within a line
// nothing can break before a trigger, the rules look back only one character before a
// terminator (SB6, SB7: "U.S", "3.5") and forward over closing marks, spaces, digits and
// punctuation only up to the next letter (SB8 to SB11: "etc. and" against "etc. And"). So ICU
// reads, of each trigger, the piece from the character before it (when that is an ASCII letter
// or digit; else from the start of its word, or its line when the word starts oddly) to the
// first letter after it (or the line's end when other than ASCII comes first); pieces that meet
// are one. After a piece that ends in a letter no break can follow before the next trigger: the
// next piece follows a space, as words follow one another, or an LF (a hard break, like the line
// end before it) when it starts its line. All pieces of all paragraphs are read in one pass; a
// break ICU places next to a separator (none should be) sends every paragraph to
// `boundaries_of_whole`. The tests compare the result with ICU reading whole paragraphs, on
// random and on real text.
bool SentenceSplitter::add_pieces(std::string_view p, std::uint64_t pb) {
  static const Triggers triggers;
  if (p.empty()) return true;
  // A trigger in the paragraph's last byte needs no reading: ICU breaks at the end anyway.
  const std::size_t end = p.size() - 1;
  std::size_t ls = 0;                         // the start of the current line
  std::size_t open = std::string_view::npos;  // the end of the line's last piece
  for (std::size_t pos = 0;;) {
    const std::size_t t = next_trigger(p, pos, end, triggers);
    if (t == std::string_view::npos) break;
    if (p[t] == '\n') {
      line_ends_.push_back(pb + t + 1);
      ls = pos = t + 1;
      open = std::string_view::npos;
      continue;
    }
    // The usual sentence end: ". " and a capital, "? " or "! " and a letter, or a terminator at
    // its line's end. After a terminator and spaces the rules (SB8 to SB11) look only forward:
    // a capital (or any letter after "!" "?") has a break before it, a small letter after "."
    // none (SB8), and before a line end only the line end breaks. ICU need not read these; a
    // piece that later reads the same bytes finds the same break (duplicates are dropped).
    if (p[t] == '.' || p[t] == '!' || p[t] == '?') {
      std::size_t k = t + 1;
      while (k < p.size() && p[k] == ' ') ++k;
      if (k < p.size()) {
        const auto c = static_cast<unsigned char>(p[k]);
        if (c == '\n') {
          pos = k;  // the line end, found next
          continue;
        }
        if (k > t + 1 && ascii_letter(c)) {
          if (c <= 'Z' || p[t] != '.') fast_breaks_.push_back(pb + k);
          pos = k;
          continue;
        }
      }
    }
    std::size_t s = t;
    if (t > ls && ascii_alnum(p[t - 1])) {
      s = t - 1;
    } else {
      while (s > ls && p[s - 1] != ' ') --s;
      if (s > ls && !ascii_alnum(p[s])) s = ls;  // an unusual word start: from the line's start
    }
    if (open != std::string_view::npos && s <= open) {
      s = open;  // continues the piece before
    } else if (after_letter_) {
      append_separator(s == ls ? u'\n' : u' ');
    }
    // The piece's end: just after the first letter after the trigger, or the line's end.
    std::size_t e = p.size();
    bool letter = false;
    if (static_cast<unsigned char>(p[t]) >= 0x80) {
      const void* nl = std::memchr(p.data() + t, '\n', p.size() - t);
      if (nl) e = static_cast<std::size_t>(static_cast<const char*>(nl) - p.data()) + 1;
    } else {
      for (std::size_t k = t + 1; k < p.size(); ++k) {
        const auto b = static_cast<unsigned char>(p[k]);
        if (b == '\n') {
          e = k + 1;
          break;
        }
        if (b >= 0x80) {
          const void* nl = std::memchr(p.data() + k, '\n', p.size() - k);
          if (nl) e = static_cast<std::size_t>(static_cast<const char*>(nl) - p.data()) + 1;
          break;
        }
        if (ascii_letter(b)) {
          e = k + 1;
          letter = true;
          break;
        }
      }
    }
    if (!append_utf16(p.substr(s, e - s), pb + s)) return false;
    pos = e;
    after_letter_ = letter;
    if (letter) {
      open = e;
    } else if (p[e - 1] == '\n') {
      line_ends_.push_back(pb + e);
      ls = e;
      open = std::string_view::npos;
    } else {
      break;  // read to the paragraph's end
    }
  }
  if (p.back() == '\n' && (line_ends_.empty() || line_ends_.back() != pb + p.size()))
    line_ends_.push_back(pb + p.size());
  // A piece read to the paragraph's end is followed by a hard break, as by the end of the text.
  if (used_ > 0 && !after_letter_ && wide_[used_ - 1] != '\n') append_separator(u'\n');
  return true;
}

void SentenceSplitter::boundaries_of(std::string_view text, std::span<const ByteRange> paragraphs,
                                     std::vector<std::uint64_t>& out,
                                     std::vector<std::size_t>& first) {
  used_ = 0;
  after_letter_ = false;
  line_ends_.clear();
  breaks_.clear();
  fast_breaks_.clear();
  whole_.clear();
  for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const ByteRange r = paragraphs[pi];
    const std::size_t mark = used_, ends_mark = line_ends_.size(), fast_mark = fast_breaks_.size();
    const bool letter_mark = after_letter_;
    if (!add_pieces(r.slice(text), r.begin)) {
      used_ = mark;
      line_ends_.resize(ends_mark);
      fast_breaks_.resize(fast_mark);
      after_letter_ = letter_mark;
      whole_.push_back(pi);
    }
  }
  bool all_whole = false;
  if (used_ > 0) {
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUChars(nullptr, wide_.get(), static_cast<int64_t>(used_), &err);
    set_text(*it_, ut, err);
    for (int32_t b = it_->next(); b != icu::BreakIterator::DONE; b = it_->next()) {
      // A break after an LF is its line's end (in `line_ends_` already) or after a separator.
      const auto u = static_cast<std::size_t>(b);
      if (u >= used_ || wide_[u - 1] == '\n') continue;
      if (at_[u] == kSeparator || at_[u - 1] == kSeparator) {
        all_whole = true;
        break;
      }
      breaks_.push_back(at_[u]);
    }
    utext_close(ut);
  }
  if (!fast_breaks_.empty() && !all_whole) {
    // Both lists are in text order; a break both found is kept once.
    merged_.resize(breaks_.size() + fast_breaks_.size());
    merged_.erase(std::unique(merged_.begin(),
                              std::merge(breaks_.begin(), breaks_.end(), fast_breaks_.begin(),
                                         fast_breaks_.end(), merged_.begin())),
                  merged_.end());
    breaks_.swap(merged_);
  }
  out.clear();
  first.clear();
  std::size_t bi = 0, li = 0, wi = 0;
  for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const ByteRange r = paragraphs[pi];
    first.push_back(out.size());
    if (all_whole || (wi < whole_.size() && whole_[wi] == pi)) {
      wi += !all_whole;
      boundaries_of_whole(r.slice(text), whole_bounds_);
      out.insert(out.end(), whole_bounds_.begin(), whole_bounds_.end());
      continue;
    }
    // 0, the line ends and ICU's breaks inside the paragraph in order, then its end.
    out.push_back(0);
    while (bi < breaks_.size() && breaks_[bi] <= r.begin) ++bi;
    while (li < line_ends_.size() && line_ends_[li] <= r.begin) ++li;
    for (;;) {
      const bool line_end = li < line_ends_.size() && line_ends_[li] <= r.end;
      const bool icu_break = bi < breaks_.size() && breaks_[bi] < r.end;
      if (line_end && (!icu_break || line_ends_[li] <= breaks_[bi])) {
        out.push_back(line_ends_[li++] - r.begin);
      } else if (icu_break) {
        out.push_back(breaks_[bi++] - r.begin);
      } else {
        break;
      }
    }
    if (out.back() != r.size()) out.push_back(r.size());
  }
  first.push_back(out.size());
}

void SentenceSplitter::boundaries(std::string_view p, std::vector<std::uint64_t>& out) {
  const ByteRange whole{0, p.size()};
  std::vector<std::size_t> first;
  boundaries_of(p, {&whole, 1}, out, first);
}

void SentenceSplitter::split(Document& doc) {
  doc.sentences.clear();
  doc.sentences.reserve(doc.text.size() / 120 + 16);  // ~one sentence per 120 bytes
  const std::string_view text = doc.text;
  ranges_.clear();
  for (const Paragraph& para : doc.paragraphs) ranges_.push_back(para.range);
  boundaries_of(text, ranges_, bounds_, first_);
  for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    std::string_view p = para.range.slice(text);
    const std::uint64_t* bounds = bounds_.data() + first_[pi];
    const std::size_t count = first_[pi + 1] - first_[pi];
    std::uint64_t start = 0;
    for (std::size_t k = 1; k < count; ++k) {
      std::uint64_t b = bounds[k];
      bool last = k + 1 == count;
      if (!last && suppressed(p.substr(start, b - start), p.substr(b))) continue;
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
  // The splitter serves one document after another: what a very large one needed is let go.
  if (capacity_ > (std::size_t{1} << 20)) {
    wide_.reset();
    at_.reset();
    capacity_ = 0;
    for (auto* v : {&line_ends_, &breaks_, &fast_breaks_, &merged_, &whole_bounds_, &bounds_})
      std::vector<std::uint64_t>().swap(*v);
    std::vector<std::size_t>().swap(whole_);
    std::vector<std::size_t>().swap(first_);
    std::vector<ByteRange>().swap(ranges_);
  }
}

}  // namespace softgraph::ingest
