#include "softgraph/extract/twin_matcher.hpp"

#include <algorithm>
#include <numeric>

#include "softgraph/extract/ref_text.hpp"

namespace softgraph::refs {
namespace {

constexpr double kSameTitle = 0.5;

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

double best_title_match(const ParsedReference& a, const ParsedReference& b) {
  double s = title_similarity(a.title, b.title);
  if (!a.title_translation.empty() && !b.title_translation.empty())
    s = std::max(s, title_similarity(a.title_translation, b.title_translation));
  // A Latin entry may give only the English title of a Cyrillic one.
  if (!a.title_translation.empty()) s = std::max(s, title_similarity(a.title_translation, b.title));
  if (!b.title_translation.empty()) s = std::max(s, title_similarity(a.title, b.title_translation));
  return s;
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
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::vector<std::size_t>> weak(n);
  std::vector<bool> paired(n, false);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const auto& a = entries[i];
      const auto& b = entries[j];
      if (a.year != b.year || a.year_suffix != b.year_suffix || !same_authors(a, b)) continue;
      if (best_title_match(a, b) >= kSameTitle) {
        parent[root(parent, j)] = root(parent, i);
        paired[i] = paired[j] = true;
        continue;
      }
      bool other_side = (i < list_of.size() && j < list_of.size() && list_of[i] != list_of[j]) ||
                        has_cyrillic(a.text) != has_cyrillic(b.text);
      if (other_side) {
        weak[i].push_back(j);
        weak[j].push_back(i);
      }
    }
  // Titles that do not compare (a Cyrillic title and an English translation only) still pair
  // when the author and year leave each entry exactly one candidate.
  for (std::size_t i = 0; i < n; ++i)
    if (weak[i].size() == 1 && weak[weak[i][0]].size() == 1 && !paired[i] && !paired[weak[i][0]])
      parent[root(parent, weak[i][0])] = root(parent, i);

  std::vector<std::vector<std::size_t>> groups;
  std::vector<long> group_of(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t r = root(parent, i);
    if (group_of[r] < 0) {
      group_of[r] = static_cast<long>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<std::size_t>(group_of[r])].push_back(i);
  }
  return groups;
}

}  // namespace softgraph::refs
