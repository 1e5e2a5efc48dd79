#include "citation_context.hpp"

#include <algorithm>
#include <array>

#include "ref_text.hpp"

namespace softgraph::refs {
namespace {

// Paragraphs as runs of non-blank lines (a line of spaces counts as blank).
std::vector<ByteRange> blank_line_blocks(std::string_view text) {
  std::vector<ByteRange> out;
  std::uint64_t begin = 0, end = 0;
  bool open = false;
  for (std::uint64_t p = 0; p <= text.size();) {
    std::uint64_t nl = std::min<std::uint64_t>(text.find('\n', p), text.size());
    std::string_view line = text.substr(p, nl - p);
    std::string_view t = trim(line);
    if (t.empty()) {
      if (open) out.push_back({begin, end});
      open = false;
    } else {
      std::uint64_t b = p + static_cast<std::uint64_t>(t.data() - line.data());
      if (!open) begin = b;
      end = b + t.size();
      open = true;
    }
    p = nl + 1;
  }
  if (open) out.push_back({begin, end});
  return out;
}

bool abbreviation_before(std::string_view t, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\n' && t[b - 1] != '(') --b;
  std::string_view w = t.substr(b, dot - b);
  static const std::array<std::string_view, 14> kAbbr = {
      "p", "pp", "al", "e.g", "i.e", "vs", "No", "Dr", "Mr", "Mrs", "cf", "etc", "Fig", "St"};
  if (std::find(kAbbr.begin(), kAbbr.end(), w) != kAbbr.end()) return true;
  int len = 0;
  return !w.empty() && is_upper(code_point_at(w, 0, &len)) &&
         static_cast<std::size_t>(len) == w.size();
}

void split_sentences(std::string_view text, ByteRange para, std::vector<ByteRange>& out) {
  std::uint64_t begin = para.begin;
  for (std::uint64_t i = para.begin; i < para.end; ++i) {
    char c = text[i];
    if (c != '.' && c != '?' && c != '!') continue;
    std::uint64_t e = i + 1;
    while (e < para.end &&
           (text[e] == ')' || text[e] == '"' || text.compare(e, 3, "\xE2\x80\x9D") == 0))
      e += text[e] == '\xE2' ? 3 : 1;
    if (e >= para.end || (text[e] != ' ' && text[e] != '\n')) continue;
    std::uint64_t n = e;
    while (n < para.end && (text[n] == ' ' || text[n] == '\n')) ++n;
    if (n >= para.end) break;
    char32_t next = code_point_at(text, n);
    bool opener = is_upper(next) || next == U'(' || next == U'\u201C' || next == U'\u00AB' ||
                  next == U'"' || next == U'[';
    if (!opener || (c == '.' && abbreviation_before(text, i))) continue;
    out.push_back({begin, e});
    begin = n;
  }
  if (begin < para.end) out.push_back({begin, para.end});
}

// "Turkey.", "The European Union." opening a paragraph: a few capitalised words and a full stop.
ByteRange detect_run_in(std::string_view text, ByteRange para) {
  std::string_view t = para.slice(text);
  std::size_t dot = t.find(". ");
  if (dot > 60) return {};  // npos included
  std::string_view head = t.substr(0, dot);
  int words = 0;
  for (std::size_t p = 0; p < head.size();) {
    std::size_t sp = head.find(' ', p);
    std::string_view w = head.substr(p, sp == std::string_view::npos ? sp : sp - p);
    bool small = w == "the" || w == "of" || w == "and" || w == "for";
    if (w.empty() || (!small && !is_upper(code_point_at(w, 0)))) return {};
    ++words;
    p = sp == std::string_view::npos ? head.size() : sp + 1;
  }
  if (words == 0 || words > 5 || !is_upper(code_point_at(t, dot + 2))) return {};
  return {para.begin, para.begin + dot + 1};
}

bool looks_like_heading(std::string_view t) {
  if (t.size() > 90 || t.find('\n') != std::string_view::npos || t.empty()) return false;
  char last = t.back();
  return last != '.' && last != '!' && last != '?' && last != ';' && last != ',' && last != '-';
}

}  // namespace

CitationContext::CitationContext(const Document& doc) : doc_(doc) {
  const std::string_view text = doc.text;
  if (doc.paragraphs.empty()) {
    own_paragraphs_ = true;
    paragraphs_ = blank_line_blocks(text);
  }
  if (doc.sentences.empty()) {
    own_sentences_ = true;
    const std::size_t n = paragraph_count();
    for (std::size_t i = 0; i < n; ++i)
      split_sentences(text, paragraph(static_cast<int>(i)), sentences_);
  }
}

void CitationContext::find_heads() const {
  heads_found_ = true;
  const std::string_view text = doc_.text;
  if (!own_paragraphs_) {
    for (const Paragraph& p : doc_.paragraphs) {
      heads_.push_back(p.run_in_head.empty() ? detect_run_in(text, p.range) : p.run_in_head);
      section_of_.push_back(p.section);
    }
  } else {
    for (const ByteRange& p : paragraphs_) {
      heads_.push_back(detect_run_in(text, p));
      section_of_.push_back(-1);
    }
  }
  const std::size_t n = paragraph_count();
  for (std::size_t i = 0; i < n; ++i)
    heading_.push_back(looks_like_heading(paragraph(static_cast<int>(i)).slice(text)));
}

namespace {

// The index of the range in `list` (sorted by begin, of type T with range(T)) that holds `pos`.
template <typename T, typename Range>
int index_at(const std::vector<T>& list, std::uint64_t pos, Range range) {
  auto it = std::upper_bound(list.begin(), list.end(), pos,
                             [&](std::uint64_t v, const T& r) { return v < range(r).begin; });
  if (it == list.begin()) return -1;
  --it;
  return pos < range(*it).end ? static_cast<int>(it - list.begin()) : -1;
}

}  // namespace

int CitationContext::sentence_at(std::uint64_t pos) const {
  if (own_sentences_) return index_at(sentences_, pos, [](const ByteRange& r) { return r; });
  return index_at(doc_.sentences, pos, [](const Sentence& s) { return s.range; });
}

int CitationContext::paragraph_at(std::uint64_t pos) const {
  if (own_paragraphs_) return index_at(paragraphs_, pos, [](const ByteRange& r) { return r; });
  return index_at(doc_.paragraphs, pos, [](const Paragraph& p) { return p.range; });
}

ByteRange CitationContext::run_in_head_for(int paragraph) const {
  if (!heads_found_) find_heads();
  for (int i = paragraph; i >= 0; --i) {
    auto u = static_cast<std::size_t>(i);
    if (!heads_[u].empty()) return heads_[u];
    if (heading_[u]) return {};
    if (section_of_[u] >= 0 && section_of_[u] != section_of_[static_cast<std::size_t>(paragraph)])
      return {};
  }
  return {};
}

std::vector<ByteRange> CitationContext::note_paragraphs() const {
  std::vector<ByteRange> out;
  const std::size_t n = paragraph_count();
  for (std::size_t i = 0; i < n; ++i) {
    const ByteRange p = paragraph(static_cast<int>(i));
    std::string_view t = p.slice(doc_.text);
    // Every lead opens with one of these bytes ('\xD0' starts "П"): most paragraphs stop here.
    if (t.empty() || (t[0] != 'N' && t[0] != '[' && t[0] != 'T' && t[0] != '\xD0')) continue;
    for (std::string_view lead : {"Note:", "[Note:", "Notes:", "Translator's note",
                                  "Translator’s note", "[Translator", "Примечание:", "[Примечание"})
      if (t.starts_with(lead)) {
        out.push_back(p);
        break;
      }
  }
  return out;
}

}  // namespace softgraph::refs
