// The lemmatiser, learned from the treebank: the most frequent lemma of each (form, tag) seen in
// training, and for unseen words suffix rules learned from the training vocabulary ("-ies" ->
// "-y" for NNS, "-ed" -> "" or "-ied" -> "-y" for VBD ...), the longest known suffix winning.
// Forms are lower-cased first, except for tags whose lemmas keep their case (NNP). Tags are the
// Penn Treebank ones (XPOS), finer than UPOS: VBD and VBN take -ed rules, NNS -s rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace softgraph::syntax {

struct LemmaRule {
  std::uint8_t strip = 0;  // bytes removed from the end of the form
  std::string append;      // then appended
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

struct LemmaData {
  std::vector<std::uint8_t> keep_case;  // per tag: 1 when lemmas keep the form's case
  std::vector<LemmaRule> rules;
  struct Suffix {
    std::string suffix;  // of the normalised form; "" is the tag's default rule
    std::uint8_t tag = 0;
    std::uint32_t rule = 0;
  };
  std::vector<Suffix> suffixes;
  struct Entry {
    std::string form;  // normalised
    std::uint8_t tag = 0;
    std::string lemma;
  };
  std::vector<Entry> exceptions;  // only where the rules would be wrong
};

inline constexpr std::size_t kMaxLemmaSuffix = 6;

class Lemmatiser {
 public:
  Lemmatiser() = default;
  explicit Lemmatiser(LemmaData data);

  // The lemma of `form` tagged `tag`, into `out` (no allocation for short lemmas).
  void lemmatise(std::string_view form, int tag, std::string& out) const;
  // The same by the rules alone (the learner uses it to find the exceptions).
  void apply_rules(std::string_view normalised, int tag, std::string& out) const;
  // The form as looked up: lower-cased unless the tag keeps case.
  void normalise(std::string_view form, int tag, std::string& out) const;

  const LemmaData& data() const { return data_; }

 private:
  LemmaData data_;
  std::unordered_map<std::uint64_t, std::uint32_t> suffix_index_;     // -> rule
  std::unordered_map<std::uint64_t, std::uint32_t> exception_index_;  // -> exceptions[]
};

}  // namespace softgraph::syntax
