#include "twin_matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <unordered_map>

#include "ref_text.hpp"

namespace softgraph::refs {
namespace {

constexpr double kSameTitle = 0.5;

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// What the comparisons need of an entry, made once per entry rather than once per pair: the
// name keys of its first two authors, its scripts, the letter trigrams of its titles.
struct Keyed {
  std::string first, second;  // name_key of the first and second authors' family names
  bool second_cyrillic = false, text_cyrillic = false;
  std::vector<std::uint32_t> title, translation;  // sorted trigram codes
};

// The trigrams title_similarity compares, as sorted three-byte codes.
std::vector<std::uint32_t> trigram_codes(std::string_view title) {
  const std::string key = title_trigram_text(title);
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i + 3 <= key.size(); ++i)
    out.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(key[i])) << 16 |
                  static_cast<std::uint32_t>(static_cast<unsigned char>(key[i + 1])) << 8 |
                  static_cast<unsigned char>(key[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// title_similarity on trigram codes: the Dice coefficient.
double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

Keyed keyed(const ParsedReference& e) {
  Keyed k;
  if (!e.authors.empty()) k.first = name_key(e.authors[0].family);
  if (e.authors.size() >= 2) {
    k.second = name_key(e.authors[1].family);
    k.second_cyrillic = has_cyrillic(e.authors[1].family);
  }
  k.text_cyrillic = has_cyrillic(e.text);
  k.title = trigram_codes(e.title);
  if (!e.title_translation.empty()) k.translation = trigram_codes(e.title_translation);
  return k;
}

double best_title_match(const ParsedReference& a, const ParsedReference& b, const Keyed& ka,
                        const Keyed& kb) {
  double s = dice(ka.title, kb.title);
  if (!a.title_translation.empty() && !b.title_translation.empty())
    s = std::max(s, dice(ka.translation, kb.translation));
  // A Latin entry may give only the English title of a Cyrillic one.
  if (!a.title_translation.empty()) s = std::max(s, dice(ka.translation, kb.title));
  if (!b.title_translation.empty()) s = std::max(s, dice(ka.title, kb.translation));
  return s;
}

// same_authors on the keys.
bool same_authors(const ParsedReference& a, const ParsedReference& b, const Keyed& ka,
                  const Keyed& kb) {
  if (a.authors.empty() || b.authors.empty()) return false;
  if (!same_name_key(ka.first, kb.first)) return false;
  if (a.authors.size() >= 2 && b.authors.size() >= 2)
    return ka.second_cyrillic != kb.second_cyrillic || same_name_key(ka.second, kb.second);
  if (a.authors.size() != b.authors.size()) return a.et_al || b.et_al;
  return true;
}

// The state both matchers share: union-find over the entries, the weak candidates (same author
// and year, titles that do not compare, on the other side) and which entries paired strongly.
struct Pairing {
  explicit Pairing(std::size_t n) : parent(n), weak(n), paired(n, false) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  std::vector<std::size_t> parent;
  std::vector<std::vector<std::size_t>> weak;
  std::vector<bool> paired;
};

// Compares entries i < j and records what they are to each other.
void compare(const std::vector<ParsedReference>& entries, const std::vector<Keyed>& keys,
             const std::vector<int>& list_of, std::size_t i, std::size_t j, Pairing& p) {
  const auto& a = entries[i];
  const auto& b = entries[j];
  if (a.year != b.year || a.year_suffix != b.year_suffix || !same_authors(a, b, keys[i], keys[j]))
    return;
  if (best_title_match(a, b, keys[i], keys[j]) >= kSameTitle) {
    p.parent[root(p.parent, j)] = root(p.parent, i);
    p.paired[i] = p.paired[j] = true;
    return;
  }
  bool other_side = (i < list_of.size() && j < list_of.size() && list_of[i] != list_of[j]) ||
                    keys[i].text_cyrillic != keys[j].text_cyrillic;
  if (other_side) {
    p.weak[i].push_back(j);
    p.weak[j].push_back(i);
  }
}

std::vector<std::vector<std::size_t>> groups_of(Pairing& p) {
  const std::size_t n = p.parent.size();
  // Titles that do not compare (a Cyrillic title and an English translation only) still pair
  // when the author and year leave each entry exactly one candidate.
  for (std::size_t i = 0; i < n; ++i)
    if (p.weak[i].size() == 1 && p.weak[p.weak[i][0]].size() == 1 && !p.paired[i] &&
        !p.paired[p.weak[i][0]])
      p.parent[root(p.parent, p.weak[i][0])] = root(p.parent, i);
  std::vector<std::vector<std::size_t>> groups;
  std::vector<long> group_of(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t r = root(p.parent, i);
    if (group_of[r] < 0) {
      group_of[r] = static_cast<long>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<std::size_t>(group_of[r])].push_back(i);
  }
  return groups;
}

// The keys under which an entry is filed: its year and suffix with its first author's name key
// (name_key), and, for keys long enough to forgive a slip (same_name_key: six letters), that key
// and the key with each one letter deleted, marked apart. Two long keys within one edit share one
// of the marked ones (a substitution: the key without that letter; an insertion: the shorter key
// itself), so every pair same_authors accepts meets in some bucket.
std::vector<std::string> buckets_of(const ParsedReference& e, const Keyed& k) {
  std::vector<std::string> out;
  if (e.authors.empty()) return out;  // same_authors never accepts it
  const std::string& key = k.first;
  if (key.empty()) return out;
  std::string year = std::to_string(e.year);
  year += e.year_suffix;
  year += '|';
  auto filed = [&](bool marked, std::string_view a, std::string_view b) {
    std::string& s = out.emplace_back(year);
    if (marked) s += '-';
    s += a;
    s += b;
  };
  filed(false, key, {});
  if (key.size() >= 6) {
    filed(true, key, {});
    for (std::size_t k = 0; k < key.size(); ++k)
      filed(true, std::string_view(key).substr(0, k), std::string_view(key).substr(k + 1));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

bool same_authors(const ParsedReference& a, const ParsedReference& b) {
  if (a.authors.empty() || b.authors.empty()) return false;
  if (!same_surname(a.authors[0].family, b.authors[0].family)) return false;
  if (a.authors.size() >= 2 && b.authors.size() >= 2) {
    // A foreign co-author written in Cyrillic does not transliterate back (Faure -> Фор ->
    // "For"), so second authors are compared only within one script.
    const auto& x = a.authors[1].family;
    const auto& y = b.authors[1].family;
    return has_cyrillic(x) != has_cyrillic(y) || same_surname(x, y);
  }
  // "Naumkin et al." against "Naumkin, Petrov, Sidorov": et al. stands for the rest.
  if (a.authors.size() != b.authors.size()) return a.et_al || b.et_al;
  return true;
}

std::vector<std::vector<std::size_t>> match_twins(const std::vector<ParsedReference>& entries,
                                                  const std::vector<int>& list_of) {
  const std::size_t n = entries.size();
  Pairing p(n);
  // Only entries filed under a common bucket can pair. The union and the weak lists do not
  // depend on the order of the comparisons, only on which pairs are compared, once each.
  std::unordered_map<std::string, std::vector<std::size_t>> buckets;
  std::vector<std::vector<std::string>> filed(n);
  std::vector<Keyed> keys;
  keys.reserve(n);
  for (const ParsedReference& e : entries) keys.push_back(keyed(e));
  for (std::size_t i = 0; i < n; ++i) {
    filed[i] = buckets_of(entries[i], keys[i]);
    for (const std::string& b : filed[i]) buckets[b].push_back(i);
  }
  std::vector<std::size_t> later;
  for (std::size_t i = 0; i < n; ++i) {
    later.clear();
    for (const std::string& b : filed[i]) {
      const auto& members = buckets.find(b)->second;  // ascending
      later.insert(later.end(), std::upper_bound(members.begin(), members.end(), i), members.end());
    }
    std::sort(later.begin(), later.end());
    later.erase(std::unique(later.begin(), later.end()), later.end());
    for (std::size_t j : later) compare(entries, keys, list_of, i, j, p);
  }
  return groups_of(p);
}

std::vector<std::vector<std::size_t>> match_twins_plain(const std::vector<ParsedReference>& entries,
                                                        const std::vector<int>& list_of) {
  Pairing p(entries.size());
  std::vector<Keyed> keys;
  keys.reserve(entries.size());
  for (const ParsedReference& e : entries) keys.push_back(keyed(e));
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = i + 1; j < entries.size(); ++j) compare(entries, keys, list_of, i, j, p);
  return groups_of(p);
}

}  // namespace softgraph::refs
