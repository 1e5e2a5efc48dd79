// Named organisations the lexicon lacks, found by pattern: acronyms defined in parentheses, names
// built on an organisation head ("... Foundation", "... Agency"), quoted formats ("five plus
// one"). Each is attributed to an actor by a country inside its name; the method is recorded.
// Only organisations: the word lists in schemas/discovery.json keep out sentence openers,
// determiners, titles, generic names ("High Commission"), documents and events ("Treaty of X",
// "the Y Summit"), headings in capitals and places; see src/discovery*.cpp.
#pragma once

#include <string>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/entities/entity_recognizer.hpp"

namespace softgraph {

struct Discovery {
  std::vector<Entity> entities;   // new Institution nodes (and aliases for known ones)
  std::vector<Mention> mentions;  // every occurrence of a discovered name or acronym
  std::vector<Relation> relations;
  std::vector<std::string> warnings;
};

// `found` is what the lexicon matched; its entities may gain aliases (acronyms defined in text),
// and a city, a region or a lone state inside the name of a document or an event ("the Cotonou
// Agreement", "the East Asia Summit") loses its mention: it names where, not who.
Discovery discover_entities(const Document& doc, const EntityRecognizer& recognizer,
                            EntityExtraction& found, const std::vector<ByteRange>& skip);

}  // namespace softgraph
