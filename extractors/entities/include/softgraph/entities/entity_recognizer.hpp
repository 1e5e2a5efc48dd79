// Finds the lexicon's entities in a Document: every alias, acronym, demonym, foreign-language name
// and instrument trigger, matched at token boundaries, leftmost-longest, outside reference lists.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/entities/lexicon.hpp"
#include "softgraph/entities/phrase_matcher.hpp"

namespace softgraph {

// The tokens of a document's sentences, kept by the recognizer so that discovery and the
// relation extractor do not tokenise the same sentences again.
class SentenceTokens {
 public:
  bool has(std::size_t sentence) const {
    return sentence < spans_.size() && spans_[sentence].second != kNone;
  }
  // Tokens of a sentence that has() them.
  std::span<const Token> of(std::size_t sentence) const {
    const auto [begin, end] = spans_[sentence];
    return std::span<const Token>(tokens_).subspan(begin, end - begin);
  }
  // Tokenises sentence `s` of `doc` (its range) and keeps the tokens; returns them. Spans
  // returned before stay valid only until the next add().
  std::span<const Token> add(const Document& doc, std::size_t s);

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<Token> tokens_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // per sentence: [begin, end)
};

struct EntityExtraction {
  std::vector<Entity> entities;   // sorted by id
  std::vector<Mention> mentions;  // in text order
  SentenceTokens tokens;          // of the sentences it read (all but those skipped)
};

class EntityRecognizer {
 public:
  // Compiles the lexicon; throws Error(kBadInput) when one surface form names two entities.
  explicit EntityRecognizer(const Lexicon& lexicon);
  // Mentions in `doc`, skipping the byte ranges in `skip` (reference lists).
  EntityExtraction run(const Document& doc, const std::vector<ByteRange>& skip = {}) const;
  const Lexicon& lexicon() const { return *lexicon_; }
  // Adds a discovered entity's surface forms to a copy of the matcher (used per document).
  const PhraseMatcher& matcher() const { return matcher_; }

  enum class FormKind { kLabel, kAlias, kAcronym, kDemonym, kName, kTrigger, kCity };
  struct Pattern {
    std::uint32_t entry;
    FormKind kind;
  };
  const std::vector<Pattern>& patterns() const { return patterns_; }
  // The entity each entry becomes in a document before its surface forms are added, in id order.
  std::vector<const Entity*> prototypes_by_id() const;

 private:
  const Lexicon* lexicon_;
  PhraseMatcher matcher_;
  std::vector<Pattern> patterns_;
  // entity_from_entry() of every entry (aliases sorted, each once), made once: a document copies
  // the ones it finds.
  std::vector<Entity> prototypes_;
  std::vector<std::uint32_t> by_id_;  // entry indices in the order of their ids
};

// The node an entry becomes: id, type, label, English aliases (sorted, each once), attributes
// from the lexicon.
Entity entity_from_entry(const LexiconEntry& e);
// Adds `form` to the aliases of `e`, keeping them sorted and each once.
void add_alias(Entity& e, std::string_view form);

}  // namespace softgraph
