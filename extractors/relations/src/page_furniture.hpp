// Whether a sentence is running prose or page furniture that states no act: a citation or a
// reference-list entry, a photo credit, a masthead or list of names, an acknowledgement or a
// disclaimer. Relations are read from prose only. Private to extractors/relations.
#pragma once

#include <string_view>

#include "relation_rules.hpp"
#include "softgraph/core/document.hpp"

namespace softgraph {

// Whether sentence `s` of `doc` is furniture by `words` (relations.json, `furniture`): it stands
// in a references, notes, authors or keywords section or a short one headed like an
// acknowledgement; it
// has a citation's shape; it holds a cue of a credit, an acknowledgement or a disclaimer; or it
// is a name or a title (no lower-case word but function words).
bool page_furniture(const Document& doc, const Sentence& s, const FurnitureWords& words);

// The same for a sentence's text alone (no section), for the tests.
bool furniture_text(std::string_view sentence, const FurnitureWords& words);

}  // namespace softgraph
