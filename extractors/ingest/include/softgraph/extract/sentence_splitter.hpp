// Splits paragraphs into sentences with ICU's sentence BreakIterator, then undoes the breaks ICU
// makes after abbreviations ("et al.", "p.", "U.S.", "т.д."), initials ("J. S. Nye") and soft
// line wraps.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string_view>

#include "softgraph/core/document.hpp"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace softgraph::ingest {

class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  // Replaces doc.sentences with the sentences of every paragraph, in text order.
  void split(Document& doc);

  // True when a break between `before` and `after` must be undone (exposed for tests).
  static bool suppress_break(std::string_view before, std::string_view after);

 private:
  std::unique_ptr<icu::BreakIterator> it_;
};

}  // namespace softgraph::ingest
