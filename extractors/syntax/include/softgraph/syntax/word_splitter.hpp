// Splits one sentence into the syntactic words of UD English EWT, so that SyntaxModel::parse sees
// words as it saw them in training.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace softgraph {

struct WordSpan {
  std::uint32_t begin = 0, end = 0;  // half-open byte range in the sentence text
};

struct SplitOptions {
  // EWT (UD 2.8 and later) splits "long-term" into "long", "-", "term", and the model is trained
  // so; set this to keep hyphenated words whole instead (the parser then sees an unknown word).
  bool keep_hyphenated = false;
};

// EWT-style splitting: punctuation apart; possessive 's and ' apart; n't, 'll, 're, 've, 'm, 'd
// apart ("can't" -> "ca" "n't", "cannot" -> "can" "not"); numbers like 1,200, 2.5 and 11/28/2000
// whole, with $ and % split off; abbreviations like U.S., e.g. and Mr. whole; URLs and e-mail
// addresses whole; runs of the same punctuation ("...", "--", "!!") as one word. Both straight
// and curly apostrophes and quotes are recognised. Spans never overlap and skip white space.
std::vector<WordSpan> split_words(std::string_view sentence, SplitOptions options = {});

// The same, appending to `out` (cleared first): no allocation once `out` has grown.
void split_words(std::string_view sentence, std::vector<WordSpan>& out, SplitOptions options = {});

}  // namespace softgraph
