// English part-of-speech tagging, lemmatisation and dependency parsing (Universal Dependencies
// labels, as in UD English EWT) of one sentence already split into words (see word_splitter.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/symbol.hpp"

namespace softgraph {

// One syntactic word of a parsed sentence.
struct ParsedWord {
  std::string_view form;  // the word as given to parse() (points into the caller's text)
  std::string lemma;      // "went" -> "go", "countries" -> "country"; proper nouns keep their case
  Symbol upos;            // universal part of speech: NOUN, PROPN, VERB, AUX, ADP, PUNCT ...
  Symbol xpos;            // Penn Treebank tag: NN, NNS, VBD, VBN, VBG, MD, IN ... (finer than upos)
  int head = 0;           // 0 = the root of the sentence, else the 1-based index of the head word
  Symbol deprel;  // UD relation to the head, with subtypes: nsubj, obj, iobj, obl, nsubj:pass
};

class SyntaxModel {
 public:
  // Reads a model written by softgraph-train-parser. Throws softgraph::Error (kBadInput) naming
  // `origin` and the byte offset when the bytes are not a valid model.
  static std::shared_ptr<const SyntaxModel> load(std::string_view bytes, const std::string& origin);
  // The model built into the program (schemas/models/en_ewt.model), loaded once on first use.
  static std::shared_ptr<const SyntaxModel> builtin();

  // Tags, lemmatises and parses one sentence: `out` gets one ParsedWord per word, in order (its
  // previous content is replaced; reuse it across calls to avoid allocation). Const and
  // thread-safe: load a model once and share it between threads. An empty `words` gives an
  // empty `out`; every sentence gets exactly one word whose head is 0.
  void parse(std::span<const std::string_view> words, std::vector<ParsedWord>& out) const;
  // The same analysis by the plain code (no caches, no vector code, no prefetching): slower, for
  // the tests that check the tuned parse() against it.
  void parse_reference(std::span<const std::string_view> words, std::vector<ParsedWord>& out) const;

  // The tag and label sets of the model, for documentation and tests.
  const std::vector<Symbol>& tags() const;
  const std::vector<Symbol>& xtags() const;
  const std::vector<Symbol>& labels() const;

  ~SyntaxModel();
  SyntaxModel(const SyntaxModel&) = delete;
  SyntaxModel& operator=(const SyntaxModel&) = delete;

  struct Impl;  // tagger, lemmatiser and parser weights (src/)
  explicit SyntaxModel(std::unique_ptr<Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace softgraph
