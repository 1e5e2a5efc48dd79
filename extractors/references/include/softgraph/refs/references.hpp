// Bibliographies and in-text citations: finds reference lists, parses entries, merges an entry and
// its transliterated twin into one Reference, links every citation to its reference.
#pragma once

#include <string>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph {

struct ReferenceExtraction {
  std::vector<Entity> entities;               // Reference and Person nodes
  std::vector<Mention> mentions;              // one per in-text citation (entity = reference id)
  std::vector<Relation> relations;            // CITES (one per citation), AUTHORED, DISCUSSES
  std::vector<std::string> warnings;          // unresolved citations, references never cited
  std::vector<ByteRange> reference_sections;  // text ranges of the reference lists
};

// `mentions` and `entities` are what the entity extractor found in `doc`; DISCUSSES edges link a
// cited reference to the actors and institutions of the citing sentence or run-in section.
ReferenceExtraction extract_references(const Document& doc, const std::vector<Mention>& mentions,
                                       const std::vector<Entity>& entities);

}  // namespace softgraph
