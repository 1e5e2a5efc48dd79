// Lemmatiser learning (see lemma_learner.hpp).
#include "lemma_learner.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace softgraph::syntax {
namespace {

LemmaRule rule_for(const std::string& form, const std::string& lemma) {
  std::size_t p = 0;
  while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
  std::size_t strip = std::min<std::size_t>(form.size() - p, 255);
  return LemmaRule{static_cast<std::uint8_t>(strip), lemma.substr(form.size() - strip)};
}

// The key with the highest count; ties to the smallest key, so learning is deterministic.
template <class K>
const K& most_frequent(const std::map<K, int>& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it)
    if (it->second > best->second) best = it;
  return best->first;
}

}  // namespace

Lemmatiser learn_lemmatiser(const std::vector<ConlluSentence>& sentences, const Names& names,
                            int min_types) {
  LemmaData data;
  // Tags are XPOS: finer than UPOS, they pick the rule (NNS: -s, VBD/VBN: -ed, VBG: -ing) and
  // tell possessive PRP$ "her" from PRP "her" (-> "she").
  // 1. A tag keeps case when most of its lemmas are written as their form's first letter is.
  std::vector<int> same(names.xtags.size()), lowered(names.xtags.size());
  for (const auto& s : sentences)
    for (const auto& w : s.words) {
      int t = names.xtag(w.xpos);
      if (t < 0 || w.form.empty() || w.lemma.empty() || !(w.form[0] >= 'A' && w.form[0] <= 'Z'))
        continue;
      (w.lemma[0] == w.form[0] ? same : lowered)[static_cast<std::size_t>(t)]++;
    }
  for (std::size_t t = 0; t < names.xtags.size(); ++t)
    data.keep_case.push_back(same[t] > lowered[t] ? 1 : 0);
  Lemmatiser normaliser(data);

  // 2. The most frequent lemma of each (normalised form, tag).
  std::map<std::pair<std::string, int>, std::map<std::string, int>> lemma_counts;
  std::string norm;
  for (const auto& s : sentences)
    for (const auto& w : s.words) {
      int t = names.xtag(w.xpos);
      if (t < 0 || w.lemma == "_") continue;
      normaliser.normalise(w.form, t, norm);
      lemma_counts[{norm, t}][w.lemma]++;
    }
  std::map<std::pair<std::string, int>, std::string> best_lemma;
  for (const auto& [key, counts] : lemma_counts) best_lemma[key] = most_frequent(counts);

  // 3. Suffix rules over word types: for each (suffix, tag), the most frequent rule.
  std::map<std::pair<std::string, int>, std::map<std::pair<int, std::string>, int>> rule_counts;
  for (const auto& [key, lemma] : best_lemma) {
    const auto& [form, tag] = key;
    LemmaRule r = rule_for(form, lemma);
    for (std::size_t len = 0; len <= std::min(form.size(), kMaxLemmaSuffix); ++len)
      rule_counts[{form.substr(form.size() - len), tag}][{r.strip, r.append}]++;
  }
  std::map<std::pair<int, std::string>, std::uint32_t> rule_ids;
  std::map<std::pair<std::string, int>, std::uint32_t> chosen;
  for (const auto& [key, counts] : rule_counts) {
    int types = 0;
    for (const auto& c : counts) types += c.second;
    if (types < min_types && !key.first.empty()) continue;
    const auto& r = most_frequent(counts);
    auto [it, fresh] = rule_ids.try_emplace(r, static_cast<std::uint32_t>(data.rules.size()));
    if (fresh) data.rules.push_back(LemmaRule{static_cast<std::uint8_t>(r.first), r.second});
    chosen[key] = it->second;
  }
  // A suffix whose rule is its parent's adds nothing: the lookup falls back to the parent.
  for (const auto& [key, rule] : chosen) {
    const auto& [suffix, tag] = key;
    if (!suffix.empty()) {
      auto parent = chosen.find({suffix.substr(1), tag});
      if (parent != chosen.end() && parent->second == rule) continue;
    }
    data.suffixes.push_back(LemmaData::Suffix{suffix, static_cast<std::uint8_t>(tag), rule});
  }
  Lemmatiser ruled(data);

  // 4. Exceptions: where the rules miss the most frequent lemma.
  std::string out;
  for (const auto& [key, lemma] : best_lemma) {
    ruled.apply_rules(key.first, key.second, out);
    if (out != lemma)
      data.exceptions.push_back(
          LemmaData::Entry{key.first, static_cast<std::uint8_t>(key.second), lemma});
  }
  return Lemmatiser(std::move(data));
}

}  // namespace softgraph::syntax
