// Splits paragraphs into sentences with ICU's sentence BreakIterator, then undoes the breaks ICU
// makes after abbreviations ("et al.", "p.", "U.S.", "т.д."), initials ("J. S. Nye") and soft
// line wraps. ICU reads only the parts of a paragraph where its rules can place a break.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

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

  // ICU's sentence boundaries in the UTF-8 paragraph `p` (0 and p.size() included), as byte
  // offsets: `boundaries` reads only the lines and line tails where a break can fall,
  // `boundaries_of_whole` hands ICU the whole paragraph (the reference the tests compare with).
  void boundaries(std::string_view p, std::vector<std::uint64_t>& out);
  void boundaries_of_whole(std::string_view p, std::vector<std::uint64_t>& out);

 private:
  std::unique_ptr<icu::BreakIterator> it_;
  std::vector<UChar> wide_;        // what ICU reads, as UTF-16
  std::vector<std::uint32_t> at_;  // UTF-16 index -> byte offset in the paragraph
  std::vector<std::uint64_t> line_ends_;
};

}  // namespace softgraph::ingest
