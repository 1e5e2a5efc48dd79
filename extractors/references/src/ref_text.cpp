#include "ref_text.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <set>
#include <unordered_map>

#include "softgraph/core/ascii_scan.hpp"

namespace softgraph::refs {

char32_t code_point_at_slow(std::string_view s, std::size_t i, int* len) {
  if (i >= s.size()) {
    if (len) *len = 0;
    return 0;
  }
  std::int32_t pos = static_cast<std::int32_t>(i);
  const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), pos, n, c);
  if (len) *len = pos - static_cast<std::int32_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

std::size_t prev_boundary(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  // Step back over at most three continuation bytes.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80; ++k) --j;
  return j;
}

bool is_letter_slow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_upper_slow(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_lower_slow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool has_cyrillic(std::string_view s) {
  // U+0400-U+052F is a lead byte D0-D3 and any continuation byte, or D4 and 80-AF. A lead byte
  // is never consumed as part of another sequence, so scanning bytes finds what stepping
  // through the code points would.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned char b = p[i];
    if (b < 0xD0 || b > 0xD4) continue;
    const unsigned char c = p[i + 1];
    if (c >= 0x80 && c <= (b == 0xD4 ? 0xAF : 0xBF)) return true;
  }
  return false;
}

std::string script_language(std::string_view s) {
  static const std::u32string kKazakh = U"ӘәҒғҚқҢңӨөҰұҮүҺһІі";
  bool cyr = false;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {  // eight ASCII bytes at once: most entries are Latin
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: neither Kazakh nor Cyrillic
      ++i;
      continue;
    }
    int len = 1;
    char32_t c = code_point_at(s, i, &len);
    if (kKazakh.find(c) != std::u32string::npos) return "kk";
    cyr = cyr || is_cyrillic(c);
    i += std::max(len, 1);
  }
  return cyr ? "ru" : "en";
}

namespace {

icu::Transliterator* ascii_transliterator() {
  // One instance per thread: ICU transliterators are not safe to share while transliterating.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      made.reset(
          icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    }
    return U_FAILURE(status) ? nullptr : std::move(made);
  }();
  return t.get();
}

}  // namespace

std::string to_ascii(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  if (auto* t = ascii_transliterator()) t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

// name_key without the cache: letters of the ASCII form, lower-cased, then the spelling rules.
std::string compute_name_key(std::string_view surname) {
  std::string a;
  for (char c : to_ascii(surname))
    if (c >= 'A' && c <= 'Z')
      a.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c >= 'a' && c <= 'z')
      a.push_back(c);
  // Spellings that schemes disagree on collapse to one form. The rules apply one after the
  // other, each left to right over the output of the one before (their order matters).
  static const std::pair<std::string_view, std::string_view> kRules[] = {
      {"dzh", "j"}, {"kh", "h"}, {"zh", "j"}, {"ts", "c"}, {"tch", "c"}, {"ch", "c"}, {"sh", "s"},
      {"yu", "u"},  {"iu", "u"}, {"ya", "a"}, {"ia", "a"}, {"yo", "o"},  {"ye", "e"}, {"iy", "i"},
      {"yi", "i"},  {"y", "i"},  {"w", "v"},  {"x", "ks"}, {"ii", "i"}};
  for (const auto& [from, to] : kRules) {
    if (a.find(from) == std::string::npos) continue;  // most rules match nothing
    if (to.size() <= from.size()) {
      // Never longer than what it replaces: rewrite in place, writing behind the reader.
      std::size_t w = 0;
      for (std::size_t i = 0; i < a.size();) {
        if (a.compare(i, from.size(), from) == 0) {
          for (char t : to) a[w++] = t;
          i += from.size();
        } else {
          a[w++] = a[i++];
        }
      }
      a.resize(w);
    } else {
      std::string out;
      for (std::size_t i = 0; i < a.size();) {
        if (a.compare(i, from.size(), from) == 0) {
          out += to;
          i += from.size();
        } else {
          out.push_back(a[i++]);
        }
      }
      a = std::move(out);
    }
  }
  a.erase(std::unique(a.begin(), a.end()), a.end());  // doubled letters
  return a;
}

}  // namespace

std::string name_key(std::string_view surname) {
  // Citation resolution and twin matching compare the same few surnames over and over (every
  // citation against every entry): each distinct surname is keyed once per thread.
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string name(surname);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();  // bounded: a corpus may hold many names
  std::string key = compute_name_key(surname);
  cache.emplace(std::move(name), key);
  return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Two rows on the stack for names (short strings); the heap only for long ones.
  constexpr std::size_t kShort = 64;
  std::size_t prev_buf[kShort + 1], cur_buf[kShort + 1];
  std::vector<std::size_t> prev_vec, cur_vec;
  std::size_t* prev = prev_buf;
  std::size_t* cur = cur_buf;
  if (b.size() > kShort) {
    prev_vec.resize(b.size() + 1);
    cur_vec.resize(b.size() + 1);
    prev = prev_vec.data();
    cur = cur_vec.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Equal, one substitution, or one insertion or deletion.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() > b.size() + 1) return false;  // lengths two apart: two edits at least
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (i == b.size()) return true;  // equal, or `a` has one more letter at the end
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);  // substitution
  return a.substr(i + 1) == b.substr(i);                                // deletion from `a`
}

bool same_surname(std::string_view a, std::string_view b) {
  return same_name_key(name_key(a), name_key(b));
}

std::string title_trigram_text(std::string_view title) {
  std::string key = " ";
  for (char c : to_ascii(title)) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
      key.push_back(l == 'y' ? 'i' : l);
    else if (key.back() != ' ')
      key.push_back(' ');
  }
  return key;
}

namespace {
std::set<std::string> trigrams(std::string_view title) {
  const std::string key = title_trigram_text(title);
  std::set<std::string> out;
  for (std::size_t i = 0; i + 3 <= key.size(); ++i) out.insert(key.substr(i, 3));
  return out;
}
}  // namespace

double title_similarity(std::string_view a, std::string_view b) {
  auto ta = trigrams(a), tb = trigrams(b);
  if (ta.empty() || tb.empty()) return 0;
  std::size_t common = 0;
  for (const auto& t : ta) common += tb.count(t);
  return 2.0 * static_cast<double>(common) / static_cast<double>(ta.size() + tb.size());
}

bool is_all_caps(std::string_view s) {
  int letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    int len = 1;
    const char32_t c = code_point_at(s, i, &len);
    if (is_lower(c)) return false;
    letters += is_letter(c);
    i += static_cast<std::size_t>(std::max(len, 1));
  }
  return letters >= 2;
}

std::string title_case(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  u.toTitle(nullptr, icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string fold_case(std::string_view utf8) {
  // ASCII folds to its lower case: no ICU round trip for the common line (every line of a text
  // is tried as a reference heading).
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string_view trim_punct(std::string_view s, std::string_view punct) {
  s = trim(s);
  while (!s.empty() && punct.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == ',' || s.front() == ';'))
    s.remove_prefix(1);
  return trim(s);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return ascii::starts_with_ignoring_case(s, prefix);
}

}  // namespace softgraph::refs
