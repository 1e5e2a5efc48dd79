#include "softgraph/extract/sentence_splitter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
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

// `p` as UTF-16 in `wide`, and for every code unit the UTF-8 offset of its code point in `at`
// (at[wide.size()] == p.size()). False on invalid UTF-8, which ICU then reads itself.
bool to_utf16(std::string_view p, std::vector<UChar>& wide, std::vector<std::uint32_t>& at) {
  wide.clear();
  at.clear();
  const auto* s = reinterpret_cast<const std::uint8_t*>(p.data());
  const auto n = static_cast<std::int32_t>(p.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (c <= 0xFFFF) {
      wide.push_back(static_cast<UChar>(c));
      at.push_back(static_cast<std::uint32_t>(start));
    } else {
      wide.push_back(U16_LEAD(c));
      wide.push_back(U16_TRAIL(c));
      at.push_back(static_cast<std::uint32_t>(start));
      at.push_back(static_cast<std::uint32_t>(start));
    }
  }
  at.push_back(static_cast<std::uint32_t>(n));
  return true;
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

void SentenceSplitter::split(Document& doc) {
  doc.sentences.clear();
  doc.sentences.reserve(doc.text.size() / 120 + 16);  // ~one sentence per 120 bytes
  const std::string_view text = doc.text;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = nullptr;
  std::vector<std::uint64_t> bounds;
  std::vector<UChar> wide;        // the paragraph as UTF-16
  std::vector<std::uint32_t> at;  // UTF-16 index -> UTF-8 offset, when not ASCII
  for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    std::string_view p = para.range.slice(text);
    err = U_ZERO_ERROR;
    // ICU iterates UTF-16 text much faster than UTF-8 (which it converts chunk by chunk). The
    // code points are the same, so are the breaks: an ASCII paragraph widens byte for byte (its
    // UTF-16 indices are its byte offsets), others map their indices back through `at`.
    bool mapped = false;
    if (std::all_of(p.begin(), p.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      wide.assign(p.begin(), p.end());
      ut = utext_openUChars(ut, wide.data(), static_cast<int64_t>(wide.size()), &err);
    } else if (to_utf16(p, wide, at)) {
      mapped = true;
      ut = utext_openUChars(ut, wide.data(), static_cast<int64_t>(wide.size()), &err);
    } else {
      ut = utext_openUTF8(ut, p.data(), static_cast<int64_t>(p.size()), &err);
    }
    it_->setText(ut, err);
    if (U_FAILURE(err)) {
      utext_close(ut);
      throw internal_error(std::string("ICU sentence iterator failed: ") + u_errorName(err));
    }
    bounds.clear();
    for (int32_t b = it_->first(); b != icu::BreakIterator::DONE; b = it_->next())
      bounds.push_back(mapped ? at[static_cast<std::size_t>(b)] : static_cast<std::uint64_t>(b));
    if (bounds.empty() || bounds.back() != p.size()) bounds.push_back(p.size());
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
  utext_close(ut);
}

}  // namespace softgraph::ingest
