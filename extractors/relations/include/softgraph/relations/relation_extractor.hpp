// Typed relations between the entities of a document, from cue patterns inside a sentence and
// from the scope of an actor's section (subject carry-over). Every relation names its rule.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph {

class SentenceTokens;
struct RelationRules;

// How relations are extracted; the defaults are the program's own rules.
struct RelationOptions {
  // Patterns and word lists used instead of schemas/relations.json (load_relation_rules); null:
  // the built-in ones.
  std::shared_ptr<const RelationRules> rules;
  // Rules whose relations are left out ("pattern:act:lend", "lexicon:members"): an ablation, to
  // see what one rule contributes (`softgraph extract --disable-rule`, tests/bench/mutation.py).
  std::set<std::string, std::less<>> disabled_rules;
};

// Reads a relations file in the format of schemas/relations.json and validates it; throws
// Error(kBadInput) naming `path` and the place.
std::shared_ptr<const RelationRules> load_relation_rules(const std::string& path);

// `entities` sorted by id, each id once; `mentions` in text order (entity and citation mentions
// alike: only entity types of the ontology's influence part are used). `tokens`: the recognizer's
// tokens of the sentences (EntityExtraction::tokens), reused instead of tokenising again; may be
// null.
std::vector<Relation> extract_relations(const Document& doc, std::span<const Entity> entities,
                                        const std::vector<Mention>& mentions,
                                        const SentenceTokens* tokens = nullptr,
                                        const RelationOptions& options = {});

// Builds the evidence record of sentence `s`: raw byte range, verbatim quote, repaired text,
// page or element when the document has locations.
Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence);

// What the parser did since the program started (all threads), for the benchmarks: sentences
// that name an entity, those parsed because they may hold a relation, and the words parsed.
struct ParseStats {
  std::uint64_t sentences = 0, parsed = 0, words = 0;
  std::uint64_t all_sentences = 0;  // every sentence of the documents read, parsed or not
  double parse_seconds = 0;  // thread CPU time splitting and parsing (estimated from a sample)
};
ParseStats parse_stats();

// Figures stated in a sentence ("over 40 mosques", "exceeding $10 billion", "in 2008").
Attributes figures_in(std::string_view sentence);

}  // namespace softgraph
