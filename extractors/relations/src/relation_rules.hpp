// The relation patterns and word lists of schemas/relations.json, loaded once and validated
// against schemas/relations.schema.json: which predicates make which relations, and which
// structural roles bind their agents and recipients.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/symbol.hpp"

namespace softgraph {

using WordSet = std::set<std::string, std::less<>>;

struct RelationPattern {
  std::string id;
  std::string kind;  // act, receive, member, partner, nominal
  WordSet lemmas;    // empty: any lemma ("*")
  WordSet upos;
  WordSet inert;            // lemmas an any-lemma pattern does not take
  WordSet objects;          // when not empty: the predicate's object must be one of these lemmas
  WordSet subjects;         // when not empty: the predicate's subject must be one of these
  WordSet keep_instrument;  // lemmas whose own channel holds beside the ones the clause names
  WordSet not_with;         // prepositions that, with no object, make the verb another ("build on")
  std::vector<std::string> agent, recipient;      // role names, tried in order
  std::map<std::string, std::string> instrument;  // lemma or "*" -> codebook id
  std::vector<std::string> relations;             // relation types the pattern may yield
  double confidence = 0.7;
  bool dative = false;        // a giving verb: a state on its object is where it goes, not an owner
  bool intransitive = false;  // takes only a predicate with no object ("operated in Laos")
  bool all_agents = false;    // every agent role's parties act, not only the first role's
  bool requires_agent = false;  // takes only a predicate whose agent role names a party
  Symbol rule;                  // "pattern:<id>", the evidence's rule

  bool yields(std::string_view type) const;
  // The codebook id the pattern gives a predicate of `lemma` with no instrument named, or "".
  std::string fixed_instrument(std::string_view lemma) const;
};

// Comparisons that presuppose the party compared does the same act ("than Russia", "the
// second-largest investor after China"); schemas/relations.schema.json says what each list is.
struct ComparisonWords {
  WordSet markers, equative_markers, ranked_markers, ranks, excluded, denials, verbs,
      as_predicate_verbs;
};

// Page furniture (page_furniture.hpp): cues, section headings and the function words of names.
struct FurnitureWords {
  std::vector<std::string> cues;
  WordSet sections, function_words;
};

struct RelationRules {
  WordSet negators, modals, plans, plan_nouns, plan_adjectives, positive_after_not;
  WordSet announcing;  // "announced that it would provide": "would" under these is "will"
  // Verbs that end an act ("cut", "stopped"): negated, they assert it goes on ("never cut").
  WordSet discontinue;
  WordSet locative_nouns, venues, proxies, singular_anaphors, plural_anaphors;
  WordSet owner_participles, owner_nouns;  // "run by X", "X's agency"
  // "Japan's engagement ... has been structured around loans": a policy noun stands for its
  // owner as the agent of a passive or a copula it is the subject of.
  WordSet policy_nouns;
  WordSet languages;      // "teaches English": language promotion, and no recipient
  WordSet non_arguments;  // prepositions whose phrase is no argument of the act ("despite")
  WordSet tie_nouns;      // "relations", "ties": a channel word on them describes, no act
  WordSet possessor_is_place;
  // Nouns of a sector a state has at home ("India's healthcare"): the possessor acts only where
  // the phrase names a recipient.
  WordSet sector_nouns;       // codebook ids whose possessor is their place ("Kenya's railway")
  WordSet parts;              // "the provinces of X", "X's north": a part of a place is the place
  WordSet counterpart_nouns;  // "X's creditor", "X's donor": the possessor receives
  WordSet copulas;            // "become", "remain": verbs whose object says what the subject is
  WordSet relations_titles;   // "foreign relations of": the document's state is the recipient
  WordSet learners;           // "students", "trainees": sent somewhere to learn, not to act there
  WordSet region_anaphors;    // "the region": the region the document is about
  WordSet asides;  // ", however,": phrases set off by commas that the parser reads better without
  WordSet spending_nouns;      // "investments in cultural programming" ...
  WordSet spending_channels;   // ... are spending on a channel of these, not trade
  WordSet research_words;      // "funds academic projects": money for research is a grant
  WordSet caption_words;       // "Note: compiled by ...": a short line that is no heading
  WordSet holding_verbs;       // "Russia has a military base in X": the subject owns the channel
  WordSet dependence_words;    // "dependent on Chinese loans": the subject receives
  WordSet license_nouns;       // "won contracts to build": the holder does what follows
  WordSet mutual_verbs;        // "signed a loan agreement with China": the provider gives
  WordSet siting_verbs;        // "a hospital built in Laos": the place of what an act gives
  WordSet request_nouns;       // "at X's request": X is who the act is done for
  WordSet capacity_nouns;      // "X's ability to provide": the possessor does what follows
  WordSet amount_nouns;        // "thousands of students": the of-phrase is what a pattern acts on
  WordSet source_cues;         // "told", "according to": the name after them is a news source
  WordSet topic_nouns;         // "meetings on issues from trade to ...": a channel named as a topic
  WordSet showing_adjectives;  // "Japan's engagement is evident in its grants": the owner acts
  WordSet quantifiers;         // "A, B and C, all contributing ...": the list is the subject
  WordSet duty_nouns;          // "charged with the mandate of promoting X": its holder acts
  WordSet collectives;         // "a network of Confucius Institutes": the institutions named
  WordSet frame_nouns;         // "within the framework of X": X is the means, as with "through X"
  WordSet groups;  // "nations such as X and Y", "neighbours Japan and Fiji": the names are meant
  ComparisonWords comparison;
  FurnitureWords furniture;
  std::vector<RelationPattern> patterns;

  // The first pattern of `kind` that takes a predicate of this lemma and part of speech (its
  // object constraint aside).
  const RelationPattern* match(std::string_view kind, std::string_view lemma,
                               std::string_view upos) const;
  // Whether `p` takes a predicate of this lemma and part of speech.
  static bool takes(const RelationPattern& p, std::string_view lemma, std::string_view upos);
  // Parses and validates a rules file; throws Error(kBadInput) naming `origin` and the place.
  static RelationRules parse(std::string_view json, const std::string& origin);
  // schemas/relations.json as embedded in the program.
  static const RelationRules& builtin();
};

}  // namespace softgraph
