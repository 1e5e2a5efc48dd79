// Who does what to whom in one parsed sentence: applies the relation patterns to its predicates
// (agent from the subject or by-phrase, recipient from the indirect object, the to/for phrases or
// the place of the act), to instruments named with their owner, and to institutions named with
// theirs. Negated, hedged and planned acts yield nothing.
#pragma once

#include <vector>

#include "relation_rules.hpp"
#include "sentence_graph.hpp"

namespace softgraph {

// What the sentences before this one make an anaphor stand for.
struct Discourse {
  std::vector<const EntityFacts*> subjects;  // the last sentence's subject entities ("it", "they")
  std::vector<const EntityFacts*> states;    // the states the last sentence named ("both")
  // The institutions the last sentence that named any named ("the agency", "these centres").
  std::vector<const EntityFacts*> institutions;
  // Where the paragraph's actors were last said to act, and who ("Japan and China compete for
  // influence in Mongolia. Beijing offers loans ..."): the place of their later acts that name
  // none.
  std::vector<const EntityFacts*> scene, scene_actors;
  const EntityFacts* section_country = nullptr;  // the state a section's heading names
  const EntityFacts* main_country = nullptr;     // the state a document is about
  const EntityFacts* focus_place = nullptr;      // the state or region a document is about
};

struct Claim {
  Symbol source, target, type;
  Symbol rule;  // pattern->rule, or a structural rule such as "pattern:operates-poss"
  double confidence = 0.7;
};

// The relations of sentence `g`, in the order its words come.
std::vector<Claim> sentence_claims(const SentenceGraph& g, const RelationRules& rules,
                                   const Discourse& discourse);

// The sentence's subject entities and named states, for the next sentence's anaphors.
void update_discourse(const SentenceGraph& g, const RelationRules& rules, Discourse& discourse);

}  // namespace softgraph
