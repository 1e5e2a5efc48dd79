// EWT-style word splitting (see word_splitter.hpp). A sentence is cut at white space into chunks;
// each chunk loses its leading and trailing punctuation, and the middle is cut into words at
// punctuation that does not join its neighbours (1,200 and U.S keep theirs); words then lose
// their clitics (n't, 's, 'll ...). Non-ASCII bytes count as letters, except the curly quotes,
// dashes, the ellipsis and guillemets.
#include "softgraph/syntax/word_splitter.hpp"

#include <array>
#include <cstring>

namespace softgraph {
namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<WordSpan>& out, SplitOptions options)
      : s_(text), out_(out), options_(options) {}

  void split(std::size_t b, std::size_t e) {
    // Leading punctuation, one mark (or a run of the same one) at a time.
    while (b < e && punct_len(b, e)) {
      std::size_t n = run_len(b, e);
      if (s_[b] == '.' && n == 1) break;  // ".5" or ".NET": leave to the middle
      emit(b, b + n);
      b += n;
    }
    if (b >= e) return;
    if (is_link(b, e)) {
      std::size_t m = peel_trailing(b, e, true);
      emit(b, m);
      emit_trailing(m, e);
      return;
    }
    std::size_t m = peel_trailing(b, e, false);
    split_middle(b, m);
    emit_trailing(m, e);
  }

 private:
  // Length in bytes of the punctuation mark at i (0 when it is not one).
  std::size_t punct_len(std::size_t i, std::size_t e) const {
    auto c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) return (!is_alpha(c) && !is_digit(c) && c != '_' && !is_space(c)) ? 1 : 0;
    if (c == 0xE2 && i + 2 < e && static_cast<unsigned char>(s_[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(s_[i + 2]);
      // dashes 93-94, quotes 98-9F, ellipsis A6
      if ((d >= 0x93 && d <= 0x94) || (d >= 0x98 && d <= 0x9F) || d == 0xA6) return 3;
    }
    if (c == 0xC2 && i + 1 < e) {
      auto d = static_cast<unsigned char>(s_[i + 1]);
      if (d == 0xAB || d == 0xBB) return 2;  // guillemets
    }
    return 0;
  }
  bool is_apostrophe(std::size_t i, std::size_t e, std::size_t* len) const {
    if (s_[i] == '\'') return *len = 1, true;
    if (i + 2 < e && s_.compare(i, 3, "\xE2\x80\x99") == 0) return *len = 3, true;
    return false;
  }
  // Bytes of the run of the same mark starting at i ("...", "--", "!!").
  std::size_t run_len(std::size_t i, std::size_t e) const {
    std::size_t n = punct_len(i, e);
    std::size_t j = i + n;
    while (j + n <= e && s_.compare(j, n, s_.substr(i, n)) == 0) j += n;
    return j - i;
  }
  bool is_link(std::size_t b, std::size_t e) const {
    std::string_view c = s_.substr(b, e - b);
    if (c.find("://") != std::string_view::npos || c.starts_with("www.")) return true;
    std::size_t at = c.find('@');
    if (at != std::string_view::npos && at > 0 && c.find('.', at) != std::string_view::npos)
      return true;
    for (std::string_view tld : {".com", ".org", ".net", ".gov", ".edu"}) {
      std::size_t p = c.find(tld);
      if (p != std::string_view::npos && p > 0 && is_alpha(static_cast<unsigned char>(c[p - 1])))
        return true;
    }
    return false;
  }
  // Whether [b, e) followed by a period is an abbreviation that keeps it: initials ("J"),
  // dotted letters ("U.S", "e.g", "Ph.D") and a few common titles and short forms.
  bool keeps_period(std::size_t b, std::size_t e) const {
    std::string_view w = s_.substr(b, e - b);
    if (w.size() == 1 && is_alpha(static_cast<unsigned char>(w[0]))) return true;
    bool dotted = w.find('.') != std::string_view::npos;
    for (char c : w)
      if (!is_alpha(static_cast<unsigned char>(c)) && c != '.') dotted = false;
    if (dotted) return true;
    // Not "no" (No. 5) nor "est": as words they end sentences too often.
    static constexpr std::array<std::string_view, 38> kAbbrev = {
        "mr",  "mrs",  "ms",     "dr",   "prof", "sr",  "jr",  "st",  "inc", "ltd",
        "co",  "corp", "vs",     "etc",  "jan",  "feb", "mar", "apr", "jun", "jul",
        "aug", "sep",  "sept",   "oct",  "nov",  "dec", "gov", "sen", "rep", "gen",
        "col", "lt",   "approx", "dept", "fig",  "mt",  "ft",  "cf"};
    if (w.size() > 6) return false;
    char buf[8];
    for (std::size_t i = 0; i < w.size(); ++i) buf[i] = lower(w[i]);
    std::string_view lw(buf, w.size());
    for (auto a : kAbbrev)
      if (a == lw) return true;
    return false;
  }
  // Where the trailing punctuation of [b, e) starts.
  std::size_t peel_trailing(std::size_t b, std::size_t e, bool link) const {
    std::size_t m = e;
    while (m > b) {
      std::size_t p = m - 1;
      while (p > b && (static_cast<unsigned char>(s_[p]) & 0xC0) == 0x80) --p;  // UTF-8 start
      std::size_t n = punct_len(p, m);
      if (n == 0 || p + n != m) break;
      char c = s_[p];
      if (link && c == '/') break;
      if (c == '$' || c == '#' || c == '@' || c == '&' || c == '*') break;
      if (c == '.' && !link && (p == b || s_[p - 1] != '.') && keeps_period(b, p)) break;
      m = p;
    }
    return m;
  }
  void emit_trailing(std::size_t m, std::size_t e) {
    while (m < e) {
      std::size_t n = run_len(m, e);
      emit(m, m + n);
      m += n;
    }
  }
  bool word_byte(std::size_t i, std::size_t e) const {
    auto c = static_cast<unsigned char>(s_[i]);
    return is_alpha(c) || is_digit(c) || c == '_' || (c >= 0x80 && punct_len(i, e) == 0);
  }
  // Whether the mark at i (between two word bytes) joins them into one word.
  bool joins(std::size_t i, std::size_t e, std::size_t word_begin, std::size_t* len) const {
    *len = 1;
    auto prev = static_cast<unsigned char>(s_[i - 1]);
    char c = s_[i];
    std::size_t a;
    if (is_apostrophe(i, e, &a)) {
      *len = a;
      return i + a < e && word_byte(i + a, e) && is_alpha(prev);
    }
    if (i + 1 >= e || !word_byte(i + 1, e)) return false;
    auto next = static_cast<unsigned char>(s_[i + 1]);
    if (c == ',' || c == ':' || c == '/') return is_digit(prev) && is_digit(next);
    if (c == '.') {
      if (is_digit(prev) && is_digit(next)) return true;
      // dotted letters: U.S, e.g, Ph.D -- the piece before the period is short
      std::size_t piece = i;
      while (piece > word_begin && s_[piece - 1] != '.') --piece;
      return is_alpha(prev) && is_alpha(next) && i - piece <= 2;
    }
    if (c == '-') return options_.keep_hyphenated;
    if (c == '&') return prev >= 'A' && prev <= 'Z' && next >= 'A' && next <= 'Z';  // AT&T
    return false;
  }
  void split_middle(std::size_t b, std::size_t e) {
    std::size_t i = b;
    while (i < e) {
      if (!word_byte(i, e)) {
        std::size_t n = punct_len(i, e) ? run_len(i, e) : 1;
        emit(i, i + n);
        i += n;
        continue;
      }
      std::size_t j = i + 1, len;
      while (j < e) {
        if (word_byte(j, e)) {
          ++j;
        } else if (joins(j, e, i, &len)) {
          j += len;
        } else {
          break;
        }
      }
      if (j + 1 == e && s_[j] == '.' && keeps_period(i, j)) ++j;  // "U.S." kept
      emit_word(i, j);
      i = j;
    }
  }
  // Splits clitics off a word: n't, 's 'm 'd 'll 're 've, and cannot, gonna, wanna, gotta.
  void emit_word(std::size_t b, std::size_t e) {
    std::string_view w = s_.substr(b, e - b);
    char low[8] = {};
    bool short_word = w.size() <= 6;
    for (std::size_t i = 0; short_word && i < w.size(); ++i) low[i] = lower(w[i]);
    std::string_view lw(low, short_word ? w.size() : 0);
    if (lw == "cannot") return emit(b, b + 3), emit(b + 3, e);
    if (lw == "gonna" || lw == "wanna" || lw == "gotta") return emit(b, b + 3), emit(b + 3, e);
    for (std::size_t i = b + 1; i < e; ++i) {
      std::size_t a;
      if (!is_apostrophe(i, e, &a)) continue;
      std::string_view rest = s_.substr(i + a, e - i - a);
      if ((rest == "t" || rest == "T") && i - 1 > b && lower(s_[i - 1]) == 'n') {
        return emit(b, i - 1), emit(i - 1, e);
      }
      char r[3] = {};
      for (std::size_t k = 0; k < rest.size() && k < 3; ++k) r[k] = lower(rest[k]);
      std::string_view lr(r, std::min<std::size_t>(rest.size(), 3));
      if (rest.size() <= 2 &&
          (lr == "s" || lr == "m" || lr == "d" || lr == "ll" || lr == "re" || lr == "ve")) {
        return emit(b, i), emit(i, e);
      }
    }
    emit(b, e);
  }
  void emit(std::size_t b, std::size_t e) {
    if (b < e)
      out_.push_back(WordSpan{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
  }

  std::string_view s_;
  std::vector<WordSpan>& out_;
  SplitOptions options_;
};

}  // namespace

void split_words(std::string_view sentence, std::vector<WordSpan>& out, SplitOptions options) {
  out.clear();
  ChunkSplitter splitter(sentence, out, options);
  std::size_t i = 0;
  while (i < sentence.size()) {
    while (i < sentence.size() && is_space(static_cast<unsigned char>(sentence[i]))) ++i;
    std::size_t b = i;
    while (i < sentence.size() && !is_space(static_cast<unsigned char>(sentence[i]))) ++i;
    if (b < i) splitter.split(b, i);
  }
}

std::vector<WordSpan> split_words(std::string_view sentence, SplitOptions options) {
  std::vector<WordSpan> out;
  split_words(sentence, out, options);
  return out;
}

}  // namespace softgraph
