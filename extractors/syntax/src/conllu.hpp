// Reads CoNLL-U treebanks (Universal Dependencies) for training and evaluating the syntax model.
// Multiword-token range lines (1-2) and empty nodes (1.1) are skipped: only syntactic words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace softgraph {

struct ConlluWord {
  std::string form, lemma, upos, xpos, deprel;
  int head = 0;  // 0 = root, else 1-based
};

struct ConlluSentence {
  std::string text;  // the "# text =" comment, when present
  std::vector<ConlluWord> words;
};

// Parses CoNLL-U text; throws softgraph::Error naming `origin` and the line on malformed input.
std::vector<ConlluSentence> parse_conllu(std::string_view text, const std::string& origin);
// Reads and parses a file; throws softgraph::Error when it cannot be read.
std::vector<ConlluSentence> read_conllu(const std::string& path);

}  // namespace softgraph
