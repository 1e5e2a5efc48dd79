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
  ByteRange sentence(int i) const {
    const auto u = static_cast<std::size_t>(i);
    return own_sentences_ ? sentences_[u] : doc_.sentences[u].range;
  }
  ByteRange paragraph(int i) const {
    const auto u = static_cast<std::size_t>(i);
    return own_paragraphs_ ? paragraphs_[u] : doc_.paragraphs[u].range;
  }
  std::size_t paragraph_count() const {
    return own_paragraphs_ ? paragraphs_.size() : doc_.paragraphs.size();
  }
  // The run-in head ("The European Union.") that governs paragraph `i`: its own, or that of the
  // nearest paragraph before it in the same section. Empty if none.
  ByteRange run_in_head_for(int paragraph) const;
  // Translator's notes ("Note: ...", "[Note: ...]"): no citation inside them counts.
  std::vector<ByteRange> note_paragraphs() const;

 private:
  // The run-in heads and heading flags, made on the first run_in_head_for call: most documents
  // have no resolved citation that needs them.
  void find_heads() const;

  const Document& doc_;
  // The Document's own paragraphs and sentences are used in place; these hold the ones computed
  // here when the ingest left them empty.
  bool own_paragraphs_ = false, own_sentences_ = false;
  std::vector<ByteRange> paragraphs_, sentences_;
  mutable bool heads_found_ = false;
  mutable std::vector<ByteRange> heads_;
  mutable std::vector<int> section_of_;  // per paragraph; -1 when unknown
  mutable std::vector<bool> heading_;    // per paragraph: a heading line (ends a run-in section)
};

}  // namespace softgraph::refs
