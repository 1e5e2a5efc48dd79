// Word descriptions for the feature templates (see word_features.hpp).
#include "word_features.hpp"

#include <algorithm>

#include "feature_hash.hpp"

namespace softgraph::syntax {
namespace {

char shape_class(unsigned char b) {
  if (b >= 'A' && b <= 'Z') return 'X';
  if (b >= 'a' && b <= 'z') return 'x';
  if (b >= '0' && b <= '9') return 'd';
  if (b >= 0x80) return 'u';  // any byte of a non-ASCII character
  return static_cast<char>(b);
}

// Hashes the shape of the word, cutting runs of one class at `max_run` characters.
std::uint64_t shape_hash(std::string_view s, int max_run) {
  std::uint64_t h = 0x84222325cbf29ce4ULL;
  char last = 0;
  int run = 0;
  for (char c : s) {
    char k = shape_class(static_cast<unsigned char>(c));
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= max_run) h = (h ^ static_cast<unsigned char>(k)) * 0x100000001b3ULL;
  }
  return fmix64(h + static_cast<std::uint64_t>(max_run));
}

WordInfo make_special(std::string_view name) {
  WordInfo w;
  std::uint64_t h = hash_text(name);
  w.lower = w.exact = w.prefix1 = w.prefix3 = w.shape = w.short_shape = h;
  for (auto& s : w.suffix) s = h;
  w.tag_set = 0x80000000u;  // no word's
  return w;
}

}  // namespace

void describe_word(std::string_view form, WordInfo& info) {
  info.lower = hash_text(form, true);
  info.exact = hash_text(form);
  for (int k = 1; k <= 4; ++k) {
    std::size_t n = std::min<std::size_t>(form.size(), static_cast<std::size_t>(k));
    // Distinct from a whole short word: the length is mixed in by feature_key's template.
    info.suffix[k - 1] = hash_text(form.substr(form.size() - n), true);
  }
  info.prefix1 = hash_text(form.substr(0, 1), true);
  info.prefix3 = hash_text(form.substr(0, std::min<std::size_t>(3, form.size())), true);
  info.shape = shape_hash(form, 2);
  info.short_shape = shape_hash(form, 1);
  std::uint8_t flags = 0;
  bool has_lower = false, has_upper = false;
  for (char c : form) {
    if (c >= 'A' && c <= 'Z') has_upper = true;
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c >= '0' && c <= '9') flags |= kDigit;
    if (c == '-') flags |= kHyphen;
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= kCapital;
  if (has_upper && !has_lower) flags |= kAllCaps;
  info.flags = flags;
}

const WordInfo& start_word() {
  static const WordInfo w = make_special("<start>");
  return w;
}
const WordInfo& end_word() {
  static const WordInfo w = make_special("<end>");
  return w;
}
const WordInfo& root_word() {
  static const WordInfo w = make_special("<root>");
  return w;
}

}  // namespace softgraph::syntax
