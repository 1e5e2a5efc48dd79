// Where a citation stands: its sentence, paragraph and run-in section ("Turkey. ..."), taken from
// the Document's structure when the ingest filled it, else computed here from blank lines and
// sentence ends so the reference extractor works on a bare text too.
#pragma once

#include <string_view>
#include <vector>

#include "softgraph/core/byte_range.hpp"
#include "softgraph/core/document.hpp"

namespace softgraph::refs {

class CitationContext {
 public:
  explicit CitationContext(const Document& doc);

  int sentence_at(std::uint64_t pos) const;   // -1 if none
  int paragraph_at(std::uint64_t pos) const;  // -1 if none
  ByteRange sentence(int i) const { return sentences_[static_cast<std::size_t>(i)]; }
  ByteRange paragraph(int i) const { return paragraphs_[static_cast<std::size_t>(i)]; }
  std::size_t paragraph_count() const { return paragraphs_.size(); }
  // The run-in head ("The European Union.") that governs paragraph `i`: its own, or that of the
  // nearest paragraph before it in the same section. Empty if none.
  ByteRange run_in_head_for(int paragraph) const;
  // Translator's notes ("Note: ...", "[Note: ...]"): no citation inside them counts.
  std::vector<ByteRange> note_paragraphs() const;

 private:
  const Document& doc_;
  std::vector<ByteRange> paragraphs_, sentences_, heads_;
  std::vector<int> section_of_;  // per paragraph; -1 when unknown
  std::vector<bool> heading_;    // per paragraph: a heading line (ends a run-in section)
};

}  // namespace softgraph::refs
