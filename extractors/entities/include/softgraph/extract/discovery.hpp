// Named organisations the lexicon lacks, found by pattern: acronyms defined in parentheses, names
// built on an organisation head ("... Foundation", "... Agency"), quoted formats ("five plus
// one"). Each is attributed to an actor by a country inside its name; the method is recorded.
#pragma once

#include <string>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/extract/entity_recognizer.hpp"

namespace softgraph {

struct Discovery {
  std::vector<Entity> entities;    // new Institution nodes (and aliases for known ones)
  std::vector<Mention> mentions;   // every occurrence of a discovered name or acronym
  std::vector<Relation> relations;
  std::vector<std::string> warnings;
};

// `found` is what the lexicon matched; its entities may gain aliases (acronyms defined in text).
Discovery discover_entities(const Document& doc, const EntityRecognizer& recognizer,
                            EntityExtraction& found, const std::vector<ByteRange>& skip);

}  // namespace softgraph
