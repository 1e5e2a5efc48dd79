// The structure of one parsed sentence as the relation patterns read it: what a word stands for
// (a mention, an anaphor's antecedent, the state behind a proxy noun, a list of names), the words
// a role names on a predicate, which instruments an act names, and whether an act is asserted.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "clause_roles.hpp"
#include "relation_rules.hpp"
#include "sentence_graph.hpp"

namespace softgraph {
namespace roles {

using Type = EntityFacts::Type;
using Entities = std::vector<const EntityFacts*>;

inline bool state_like(const EntityFacts* f) { return f && (f->type == Type::kState || f->bloc); }
inline bool institution(const EntityFacts* f) {
  return f && f->type == Type::kInstitution && !f->bloc;
}
inline bool place_like(const EntityFacts* f) {
  return f && ((f->type == Type::kState && !f->bloc) || f->type == Type::kRegion);
}
inline void add_unique(Entities& out, const EntityFacts* f) {
  if (f && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
}

}  // namespace roles

class SentenceRoles {
 public:
  using Entities = roles::Entities;
  SentenceRoles(const SentenceGraph& g, const RelationRules& rules, const Discourse& d)
      : g_(g), rules_(rules), d_(d) {}

  const Word& w(int i) const { return g_.word(i); }
  // The entities word i stands for: its mention, an anaphor's antecedents, or the state behind
  // a proxy noun ("the Chinese government", "Japan's embassy"); with its conjuncts.
  Entities resolve(int i, bool conjuncts = true) const;
  void resolve_one(int i, Entities& out) const;
  void resolve_anaphor(int i, Entities& out) const;  // the anaphor part of resolve_one
  void owners(int i, Entities& out) const;           // who a proxy or policy noun belongs to
  // The slots of the list after a colon that ends the phrase i heads ("eight countries in
  // Oceania: A, B and C"), or none.
  std::vector<int> colon_list(int i) const;
  // Word i and, for an amount noun, what it counts: "thousands of students" -> thousands,
  // students (`amount_nouns`).
  std::vector<int> counted(int i) const;
  // Where the learners word i names come from: "students from Mongolia", "Afghan students".
  void learners_origin(int i, Entities& out) const;
  // The places that the dependents of word i with each preposition of `preps` (in that order)
  // resolve to ("students from Mongolia", "the provinces of Afghanistan").
  void places_through(int i, std::initializer_list<std::string_view> preps, Entities& out) const;
  // The subject of an earlier clause of the sentence, for a pronoun after it: "TIKA has an
  // office in Bishkek, from which it runs ...".
  const EntityFacts* earlier_subject(int i) const;
  // A word that heads a clause: a verb, or a noun or adjective with a subject or a copula.
  bool is_predicate(int i) const;
  bool negated_word(int i) const;
  // A negated verb of ending: "has never cut its quota", "did not stop funding" go on.
  bool kept_on(int q) const;
  // Negated, hedged, conditional or planned: the act is not asserted to have happened.
  bool irrealis(int p) const;
  // Whether p's subject (own or inherited) is a name of something that is no entity here
  // ("the programme funds ..."): such an act has an agent, just not one of ours.
  bool has_named_subject(int p) const;
  // The state whose part of the text this is, as the agent of an act that names none. In a text
  // about one state's relations a partner's section does not tell who acts, so none there.
  const EntityFacts* scope_agent() const;
  bool has_own_subject(int p) const;
  // The subject words of p, inherited from the clause that controls or coordinates it.
  std::vector<int> subject_words(int p, std::string_view rel) const;
  std::vector<int> with_prep(int head, std::string_view prep) const;
  // The words of p's objects and of the phrases below them, `depth` levels down ("most of its
  // gas from ..."): where parsers hang a from-phrase or a place.
  std::vector<int> down_objects(int p, int depth) const;
  // The objects of p, and the subject of a passive p (the thing acted on).
  std::vector<int> objects(int p) const;
  // The words a role names on predicate p.
  std::vector<int> role_words(int p, std::string_view role) const;
  // The words of the "place" role: where the act of p happens.
  std::vector<int> place_words(int p) const;
  Entities role_entities(int p, const std::vector<std::string>& roles, bool first_only) const;
  void owner_states(const Slot& s, Entities& out) const;
  // The nearest clause above word i, not crossing into a subject.
  int governing_predicate(int i, bool* in_subject = nullptr) const;
  // Whether the phrase headed by `top`, a child of an act, is one of its arguments (object,
  // oblique, complement, passive subject), not its subject, a concession or a side clause.
  bool argument(int top) const;
  // The instruments an act names in its own arguments (not in its subject, nor negated: "no
  // loans").
  Entities act_instruments(int p) const;
  // "diplomatic relations", "cultural ties": a word of a channel that describes relations, no
  // act of a channel.
  bool describes_ties(const Slot& s) const;
  // "investments in cultural programming": money put into a channel of attraction is that
  // channel's, not trade and investment.
  bool spent_on_channel(const Slot& s) const;
  // A language the act teaches or promotes: "teaches English".
  bool language_object(int o) const;
  // Whether the sentence names the instrument with an owner of its own that is none of
  // `agents` ("relies on Russian aid"): then it is that owner's, not the agents'.
  bool owned_by_other(const EntityFacts* instrument, const Entities& agents) const;
  // The first pattern in the file's order that takes predicate p (the file's order is the
  // precedence: "establish relations" is a tie before "establish" is an act).
  const RelationPattern* pattern_for(int p) const;
  // The parties compared with the subject of predicate p, who are said to do the same act:
  // "than Russia", "as many ... as Japan", "the second-largest investor after China", the object
  // of "has overtaken" (comparison.cpp).
  Entities compared(int p) const;
  // Whether the words before name i deny it the clause's act: "China, not India, funds ...",
  // "China rather than India", "instead of India".
  bool denied(int i) const;
  // The verb whose as-phrase noun n is, saying what the verb's subject is ("emerged as
  // Kazakhstan's largest trading partner"), or -1.
  int as_predicate(int n) const;
  // Whether p's subject is a policy noun ("approach", "engagement").
  bool policy_subject(int p) const;

 protected:
  const SentenceGraph& g_;
  const RelationRules& rules_;
  const Discourse& d_;
};

}  // namespace softgraph
