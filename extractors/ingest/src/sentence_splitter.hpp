// Splits paragraphs into sentences with ICU's sentence BreakIterator, then undoes the breaks ICU
// makes after abbreviations ("et al.", "p.", "U.S.", "т.д."), initials ("J. S. Nye") and soft
// line wraps. ICU reads only the parts of a document where its rules can place a break; the
// commonest ASCII sentence ends ('. ' and a capital, a terminator at a line end) are decided by
// the same UAX #29 rules without it (tests compare every result with ICU reading whole text).
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <span>
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

  // ICU's sentence boundaries in each of the sorted, disjoint `paragraphs` of `text`, as byte
  // offsets into the paragraph (0 and its size included): paragraph i's are
  // out[first[i]] .. out[first[i + 1] - 1]. ICU reads only the pieces where a break can fall,
  // of all paragraphs in one pass.
  void boundaries_of(std::string_view text, std::span<const ByteRange> paragraphs,
                     std::vector<std::uint64_t>& out, std::vector<std::size_t>& first);
  // The same for the single paragraph `p`, and ICU reading the whole of `p` (the reference the
  // tests compare with).
  void boundaries(std::string_view p, std::vector<std::uint64_t>& out);
  void boundaries_of_whole(std::string_view p, std::vector<std::uint64_t>& out);

 private:
  bool add_pieces(std::string_view p, std::uint64_t pb);
  bool append_utf16(std::string_view p, std::uint64_t base);
  void append_separator(UChar c);
  void make_room(std::size_t units) {
    if (used_ + units > capacity_) grow(units);
  }
  void grow(std::size_t units);

  std::unique_ptr<icu::BreakIterator> it_;
  // What ICU reads, as UTF-16 (the first used_ units), and each unit's byte offset in the text.
  std::unique_ptr<UChar[]> wide_;
  std::unique_ptr<std::uint64_t[]> at_;
  std::size_t used_ = 0, capacity_ = 0;
  bool after_letter_ = false;  // the last piece ends with the letter after a trigger
  std::vector<std::uint64_t> line_ends_, breaks_, whole_bounds_, bounds_;
  std::vector<std::uint64_t> fast_breaks_, merged_;  // breaks found without ICU; both lists
  std::vector<std::size_t> whole_, first_;  // paragraphs read whole; split's paragraph starts
  std::vector<ByteRange> ranges_;
};

}  // namespace softgraph::ingest
