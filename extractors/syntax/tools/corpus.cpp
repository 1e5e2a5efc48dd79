// Preparing treebank sentences for training (see corpus.hpp).
#include "corpus.hpp"

#include <algorithm>
#include <set>

#include "parser_features.hpp"
#include "softgraph/core/error.hpp"

namespace softgraph::syntax {
namespace {

int find(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::lower_bound(names.begin(), names.end(), name);
  return it != names.end() && *it == name ? static_cast<int>(it - names.begin()) : -1;
}

}  // namespace

int Names::tag(const std::string& name) const { return find(tags, name); }
int Names::xtag(const std::string& name) const { return find(xtags, name); }
int Names::label(const std::string& name) const { return find(labels, name); }

Names collect_names(const std::vector<ConlluSentence>& sentences) {
  std::set<std::string> tags, xtags, labels;
  for (const auto& s : sentences)
    for (const auto& w : s.words)
      tags.insert(w.upos), xtags.insert(w.xpos), labels.insert(w.deprel);
  // "_" is no tag: sentences added without XPOS (scripts/syntax_augment.py) leave it empty.
  tags.erase("_"), xtags.erase("_");
  return Names{
      {tags.begin(), tags.end()}, {xtags.begin(), xtags.end()}, {labels.begin(), labels.end()}};
}

std::vector<Sentence> prepare(const std::vector<ConlluSentence>& sentences, const Names& names) {
  std::vector<Sentence> out;
  out.reserve(sentences.size());
  for (const auto& src : sentences) {
    Sentence s;
    s.source = &src;
    const int n = static_cast<int>(src.words.size());
    s.words.resize(static_cast<std::size_t>(n) + 1);
    s.children.resize(static_cast<std::size_t>(n) + 1);
    for (int i = 0; i < n; ++i) {
      const ConlluWord& w = src.words[static_cast<std::size_t>(i)];
      describe_word(w.form, s.words[static_cast<std::size_t>(i)]);
      int tag = names.tag(w.upos), xtag = names.xtag(w.xpos), label = names.label(w.deprel);
      // Unknown in training (only in dev or test): a tag or label that never scores right.
      s.tags.push_back(static_cast<std::uint8_t>(tag < 0 ? kUnknownTag : tag));
      s.xtags.push_back(static_cast<std::uint8_t>(xtag < 0 ? kUnknownTag : xtag));
      s.labels.push_back(label < 0 ? 0 : label);
      int head = w.head == 0 ? n : w.head - 1;
      s.heads.push_back(head);
      s.children[static_cast<std::size_t>(head)].push_back(i);
    }
    s.words[static_cast<std::size_t>(n)] = root_word();
    s.tags.push_back(kRootTag);
    s.xtags.push_back(kRootTag);
    s.train_tags = s.tags;
    s.train_xtags = s.xtags;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace softgraph::syntax
