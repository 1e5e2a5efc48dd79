#include "sentence_graph.hpp"

#include <algorithm>

#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"

namespace softgraph {

void SentenceGraph::parse(std::string_view text) {
  thread_local std::vector<WordSpan> spans;
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<ParsedWord> parsed;
  split_words(text, spans);
  forms.clear();
  for (const WordSpan& s : spans) forms.push_back(text.substr(s.begin, s.end - s.begin));
  static const std::shared_ptr<const SyntaxModel> model = SyntaxModel::builtin();
  model->parse(forms, parsed);
  words_.resize(parsed.size());
  children_.assign(parsed.size(), {});
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    Word& w = words_[i];
    w.begin = spans[i].begin;
    w.end = spans[i].end;
    w.form = std::string(parsed[i].form);
    w.lemma = parsed[i].lemma;
    // Lemmas are compared lower-case (proper nouns keep their case in the model's output).
    for (char& c : w.lemma)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    w.upos = parsed[i].upos.str();
    w.deprel = parsed[i].deprel.str();
    w.head = parsed[i].head - 1;
    if (w.head >= 0) children_[static_cast<std::size_t>(w.head)].push_back(static_cast<int>(i));
  }
  // An auxiliary or copula heads nothing in UD; the model now and then hangs the subject on one
  // ("To X, Qatar has so far sent ..." with Qatar under "has"): such a word belongs to the verb.
  for (std::size_t i = 0; i < words_.size(); ++i) {
    Word& w = words_[i];
    if (w.head < 0) continue;
    const Word& h = words_[static_cast<std::size_t>(w.head)];
    const bool function_head = h.deprel == "aux" || h.deprel == "aux:pass" || h.deprel == "cop";
    if (!function_head || h.head < 0 || w.deprel == "punct" || w.deprel == "fixed" ||
        w.deprel == "flat" || w.deprel == "goeswith")
      continue;
    auto& old_children = children_[static_cast<std::size_t>(w.head)];
    old_children.erase(std::find(old_children.begin(), old_children.end(), static_cast<int>(i)));
    w.head = h.head;
    auto& now = children_[static_cast<std::size_t>(w.head)];
    now.insert(std::upper_bound(now.begin(), now.end(), static_cast<int>(i)), static_cast<int>(i));
  }
  // A passive subject needs a passive auxiliary ("was", "got"): the model sometimes tags an
  // active past tense as a participle ("In 2017 China invested in Laos") and labels its
  // subject nsubj:pass, which would turn the agent into the thing acted on.
  for (std::size_t i = 0; i < words_.size(); ++i) {
    Word& w = words_[i];
    if (w.deprel != "nsubj:pass" || w.head < 0) continue;
    bool aux = false;
    for (int c : children_[static_cast<std::size_t>(w.head)])
      aux = aux || words_[static_cast<std::size_t>(c)].deprel == "aux:pass";
    if (!aux) w.deprel = "nsubj";
  }
}

void SentenceGraph::place(const Mention& m, const EntityFacts* f, std::uint64_t base) {
  if (m.range.begin < base) return;
  const std::uint64_t b = m.range.begin - base, e = m.range.end - base;
  int first = -1, last = -1;
  for (int i = 0; i < size(); ++i) {
    const Word& w = word(i);
    if (w.end <= b || w.begin >= e) continue;  // no overlap
    if (w.slot >= 0) return;                   // an earlier mention holds the word
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  // The head: the word of the mention whose head lies outside it (the first such).
  int head = first;
  for (int i = first; i <= last; ++i) {
    const int h = word(i).head;
    if (h < first || h > last) {
      head = i;
      break;
    }
  }
  const int slot = static_cast<int>(slots_.size());
  slots_.push_back({&m, f, head, first, last});
  for (int i = first; i <= last; ++i) words_[static_cast<std::size_t>(i)].slot = slot;
}

bool SentenceGraph::rel_is(int i, std::string_view rel) const {
  const std::string& d = word(i).deprel;
  return d.size() >= rel.size() && d.compare(0, rel.size(), rel) == 0 &&
         (d.size() == rel.size() || d[rel.size()] == ':' || rel.back() == ':');
}

std::vector<int> SentenceGraph::children_with(int i, std::string_view rel) const {
  std::vector<int> out;
  for (int c : children(i))
    if (rel_is(c, rel)) out.push_back(c);
  return out;
}

std::string_view SentenceGraph::preposition(int i) const {
  for (int c : children(i))
    if (rel_is(c, "case") && word(c).upos != "PART") return word(c).lemma;
  // A multiword preposition ("because of", "in front of") hangs its parts on the first.
  return "";
}

bool SentenceGraph::passive(int i) const {
  for (int c : children(i))
    if (word(c).deprel == "aux:pass" || word(c).deprel == "nsubj:pass" ||
        word(c).deprel == "csubj:pass")
      return true;
  return false;
}

std::vector<int> SentenceGraph::with_conjuncts(int i) const {
  std::vector<int> out{i};
  for (std::size_t k = 0; k < out.size(); ++k)
    for (int c : children(out[k]))
      if (word(c).deprel == "conj") out.push_back(c);
  return out;
}

std::vector<int> SentenceGraph::listed_after(int k) const {
  std::vector<int> out;
  bool closed = false;
  for (int s = k; s + 1 < static_cast<int>(slots_.size()) && !closed; ++s) {
    const Slot& a = slots_[static_cast<std::size_t>(s)];
    const Slot& b = slots_[static_cast<std::size_t>(s) + 1];
    bool joined = b.first > a.last, conjunction = false;
    int depth = 0;
    for (int i = a.last + 1; joined && i < b.first; ++i) {
      const std::string& f = word(i).form;
      if (f == "(")
        ++depth;
      else if (f == ")")
        --depth;
      else if (depth > 0)
        continue;  // an acronym or a note in brackets
      else if (f == "and" || f == "or")
        conjunction = true;
      else if (!(f == "," || f == "the" || f == "The" || (f[0] >= 'A' && f[0] <= 'Z')))
        joined = false;
    }
    if (!joined || depth != 0) break;
    out.push_back(s + 1);
    closed = conjunction;
  }
  if (!closed) out.clear();
  return out;
}

bool SentenceGraph::dominated_by(int i, int root) const {
  for (int steps = 0; i >= 0 && steps <= size(); ++steps, i = word(i).head)
    if (i == root) return true;
  return false;
}

}  // namespace softgraph
