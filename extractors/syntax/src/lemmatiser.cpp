// Lemma look-up and suffix rules (see lemmatiser.hpp).
#include "lemmatiser.hpp"

#include <algorithm>

#include "feature_hash.hpp"

namespace softgraph::syntax {
namespace {

std::uint64_t key_of(std::string_view text, int tag) {
  return fmix64(hash_text(text) ^ (static_cast<std::uint64_t>(tag) + 1) * 0x9E3779B97F4A7C15ULL);
}

}  // namespace

Lemmatiser::Lemmatiser(LemmaData data) : data_(std::move(data)) {
  for (const auto& s : data_.suffixes) suffix_index_.emplace(key_of(s.suffix, s.tag), s.rule);
  for (std::uint32_t i = 0; i < data_.exceptions.size(); ++i) {
    const auto& e = data_.exceptions[i];
    exception_index_.emplace(key_of(e.form, e.tag), i);  // a colliding later entry is dropped
  }
}

void Lemmatiser::normalise(std::string_view form, int tag, std::string& out) const {
  out.assign(form);
  auto t = static_cast<std::size_t>(tag);
  if (t < data_.keep_case.size() && data_.keep_case[t]) return;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

void Lemmatiser::apply_rules(std::string_view normalised, int tag, std::string& out) const {
  out.assign(normalised);
  std::size_t longest = std::min(normalised.size(), kMaxLemmaSuffix);
  for (std::size_t len = longest + 1; len-- > 0;) {
    auto it = suffix_index_.find(key_of(normalised.substr(normalised.size() - len), tag));
    if (it == suffix_index_.end() || it->second >= data_.rules.size()) continue;
    const LemmaRule& rule = data_.rules[it->second];
    if (rule.strip > out.size()) continue;
    out.resize(out.size() - rule.strip);
    out += rule.append;
    if (out.empty()) out.assign(normalised);  // a rule never leaves no lemma
    return;
  }
}

void Lemmatiser::lemmatise(std::string_view form, int tag, std::string& out) const {
  // Normalise into `out`, look it up, and only then rewrite `out`.
  thread_local std::string normalised;
  normalise(form, tag, normalised);
  auto it = exception_index_.find(key_of(normalised, tag));
  if (it != exception_index_.end()) {
    const auto& e = data_.exceptions[it->second];
    if (e.form == normalised && e.tag == tag) {
      out.assign(e.lemma);
      return;
    }
  }
  apply_rules(normalised, tag, out);
}

}  // namespace softgraph::syntax
