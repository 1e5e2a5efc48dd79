// What a SyntaxModel holds, and its binary format (model_io.cpp): tag and label names, the
// tagger's and the parser's weights, the lemmatiser's rules and exceptions.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lemmatiser.hpp"
#include "softgraph/core/symbol.hpp"
#include "softgraph/syntax/syntax_model.hpp"
#include "tagger.hpp"
#include "weight_table.hpp"

namespace softgraph {

struct SyntaxModel::Impl {
  std::vector<std::string> tag_names, xtag_names, label_names;
  int root_label = 0;  // index of "root" in label_names
  syntax::TagLexicon lexicon;
  syntax::WeightTable tagger, xtagger, parser;
  syntax::Lemmatiser lemmatiser;
  // Interned once at load, so parse() hands out symbols without touching the intern table.
  std::vector<Symbol> tags, xtags, labels;
  // Label indices for repair_iobj() (-1 when the model lacks one).
  int iobj = -1, obj = -1, ccomp = -1, xcomp = -1;
  void intern_names();
};

namespace syntax {

// Reads a model; throws softgraph::Error naming `origin` and the byte offset when malformed.
std::unique_ptr<SyntaxModel::Impl> read_model(std::string_view bytes, const std::string& origin);
// The bytes of a model, deterministic for equal models.
std::string write_model(const SyntaxModel::Impl& model);

}  // namespace syntax
}  // namespace softgraph
