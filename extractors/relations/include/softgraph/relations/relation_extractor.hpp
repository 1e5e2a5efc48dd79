// Typed relations between the entities of a document, from cue patterns inside a sentence and
// from the scope of an actor's section (subject carry-over). Every relation names its rule.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph {

class SentenceTokens;

// `entities` sorted by id, each id once; `mentions` in text order (entity and citation mentions
// alike: only entity types of the ontology's influence part are used). `tokens`: the recognizer's
// tokens of the sentences (EntityExtraction::tokens), reused instead of tokenising again; may be
// null.
std::vector<Relation> extract_relations(const Document& doc, std::span<const Entity> entities,
                                        const std::vector<Mention>& mentions,
                                        const SentenceTokens* tokens = nullptr);

// Builds the evidence record of sentence `s`: raw byte range, verbatim quote, repaired text,
// page or element when the document has locations.
Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence);

// What the parser did since the program started (all threads), for the benchmarks: sentences
// that name an entity, those parsed because they may hold a relation, and the words parsed.
struct ParseStats {
  std::uint64_t sentences = 0, parsed = 0, words = 0;
};
ParseStats parse_stats();

// Figures stated in a sentence ("over 40 mosques", "exceeding $10 billion", "in 2008").
Attributes figures_in(std::string_view sentence);

}  // namespace softgraph
