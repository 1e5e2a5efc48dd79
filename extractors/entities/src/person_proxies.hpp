// Persons a text ties to a state by a title stand for that state where it names them alone:
// "Venezuelan president Hugo Chávez", "Presidents Evo Morales of Bolivia", "Fidel Castro, the
// Cuban leader"; then "Chávez provides Cuba with oil" names Venezuela as its subject. The title
// words are data (person_titles in schemas/discovery.json).
#pragma once

#include <vector>

#include "discovery_context.hpp"
#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph::discovery {

// Mentions of the states behind such persons (source "pattern:person"), at every later or earlier
// naming of the person by surname or full name outside the lexicon's mentions. A surname tied to
// two states is dropped.
std::vector<Mention> person_mentions(const Document& doc, TokensOfSentence& tokens_of,
                                     const MentionsBySentence& mentions, const KnownIds& known,
                                     const std::vector<ByteRange>& skip);

}  // namespace softgraph::discovery
