// The first phase of discovery: candidate names in the document's prose, each a view of its text.
// Capitalised runs built on an organisation head ("the Turkish Cooperation and Coordination
// Agency"), acronyms defined in parentheses ("Full Name (ABBR)", "ABBR (Full Name)") and quoted
// formats ("five plus one" format); on the way, the names of documents and events.
#pragma once

#include <vector>

#include "discovery_context.hpp"

namespace softgraph::discovery {

// Candidates of every sentence outside `skip`, the notes, references, author and back matter and
// run-on debris, in text order sentence by sentence (runs, then parentheses, then quotes).
Found find_candidates(const Document& doc, const EntityRecognizer& recognizer,
                      const KnownIds& known, const MentionsBySentence& mentions,
                      TokensOfSentence& tokens_of, const std::vector<ByteRange>& skip);

}  // namespace softgraph::discovery
