// The reader of one parsed sentence's claims (clause_roles.cpp: predicates and their roles;
// instrument_claims.cpp: instruments and institutions named with their owners). Private to
// extractors/relations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clause_roles.hpp"
#include "sentence_roles.hpp"

namespace softgraph {

class ClauseReader : public SentenceRoles {
 public:
  using Type = roles::Type;
  ClauseReader(const SentenceGraph& g, const RelationRules& rules, const Discourse& d)
      : SentenceRoles(g, rules, d) {}
  // The sentence's claims: its predicates', then its instruments' and institutions'.
  std::vector<Claim> run();

 private:
  // Adds a claim once; a pattern yields only the relation types it names.
  void emit(const EntityFacts* src, Symbol dst, std::string_view type, const RelationPattern* pat,
            Symbol rule, double confidence);
  // A foreign body's seat abroad is where it works: "the Pushkin School in Turkmenistan", "the
  // Goethe-Institut in Tashkent". (Only a body owned by another state, named with the place on
  // its own phrase, in a sentence that negates nothing of it.)
  void located(const Slot& s);
  // USES_INSTRUMENT or DELIVERS for each agent and instrument, TARGETS for each recipient.
  void act(const Entities& agents, const Entities& instruments, const std::vector<Symbol>& fixed,
           const Entities& recipients, const RelationPattern* pat, Symbol rule);
  // Whether `inst`'s name begins with `state`'s ("the Vietnam Chamber of Commerce"): a body of a
  // country's own, which does not target that country.
  static bool named_for(const EntityFacts* inst, const EntityFacts* state);
  // Whether `state` runs `inst` or is one of its members, by the lexicon.
  static bool owns(const EntityFacts* state, const EntityFacts* inst);
  // The institutions an act goes through: "through its Maarif Foundation", "under its ITEC
  // programme", on the verb or on its object or oblique ("broadcasting in Kazakh through
  // Sputnik"), or fronted on the first of coordinated verbs ("Through the British Council, the
  // UK teaches ..., supports ... and organises ...").
  std::vector<int> means(int p) const;
  // A passive or a copula that describes its subject, a noun that is no channel: "news
  // organisations are well-funded" says what they are, not what the section's state does.
  bool described_subject(int p) const;
  // MEMBER_OF from a membership pattern: every organisation listed below the noun.
  void member(int p, const RelationPattern* pat, const Entities& agents, Entities recipients);
  // Presence: the other party of the document's state targets it.
  void ties(int p, const RelationPattern* pat, const Entities& agents, const Entities& recipients);
  // PARTNERS_WITH between the agent and each recipient, or the two sides named.
  void partner(int p, const RelationPattern* pat, const Entities& agents,
               const Entities& recipients);
  // An act with a channel and no place, in a text about one state or region, goes there
  // ("USAID will train 500 teachers" in a fact sheet on Vietnam).
  void focus_targets(const Entities& agents, bool channel, const Entities& recipients);
  // Who asked for the act: "at Uzbekistan's request", "at the invitation of Laos" (on the
  // predicate or on a clause it heads) is who it is done for.
  Entities requesters(int p) const;
  // An acted-on noun's possessor receives: "Kenya's railway, built by China" (or through an
  // apposition: "Kenya's railway, a project built by China"), "Kenya's railway was financed by
  // China".
  Entities acted_on_possessors(int p) const;
  // "Kazakhstan signed a loan agreement with China": of the two sides of an act both do, the
  // provider of aid (or a body) gives and a state that is none receives.
  void giver_first(Entities& agents, Entities& recipients) const;
  // The pattern's recipient roles on p. Learners sent or brought somewhere go there to learn:
  // the destination gives, it is no target ("sent 10,000 students to universities in the
  // United States"); where they come from still is ("brought scholars from Kyrgyzstan").
  std::vector<std::string> recipient_roles(int p, const RelationPattern* pat) const;
  // The claims of word p as a predicate: its pattern, agents, recipients and instruments.
  void predicate(int p);
  // The subjects of p, passive or not, that are policy nouns ("engagement", "outreach").
  std::vector<int> policy_subjects(int p) const;
  // The channels that name a policy noun subject of p: "educational and cultural outreach".
  Entities policy_channels(int p) const;
  // "Trade between Turkey and Central Asian states": in a part of the text on one of the two
  // (its section, or the other side of a text on one state's relations), that one acts.
  // (Not "diplomatic relations between ...": ties are the presence patterns'.)
  void between_sides(const std::vector<int>& heads, Entities& agents, Entities& recipients) const;
  // An instrument named with its owner: "Japan's aid", "Chinese loans to Laos", "a
  // Chinese-funded project".
  void nominal(const Slot& s);
  // Who a channel noun is said of, as a predicate: the subject of its copula ("Canada is the
  // largest investor in ..."), of the copula of the phrase it is a later conjunct of, or of the
  // verb whose as-phrase it is ("emerged as the largest investor"); and the clauses whose
  // compared parties share it. False when such a clause is not asserted.
  bool predicate_subjects(const std::vector<int>& heads, std::vector<int>& subjects,
                          std::vector<int>& clauses) const;
  // A giver noun ("creditor", "donor"): who receives (its possessor or of-phrase: "Kyrgyzstan's
  // largest creditor", "the largest trading partner of Laos") and who gives (the name it is
  // equated with: "Kyrgyzstan's largest creditor is China", "China has become Zambia's biggest
  // creditor"). False when that equation is not asserted.
  bool giver_roles(int giver, Entities& receivers, std::vector<int>& givers) const;
  // Whether clause `gov` has the authors for its subject ("we collect the tweets of Chinese news
  // outlets", "I intend to gather coverage of Chinese aid"): what it names is their research,
  // no act of the channel's owner.
  bool authors_clause(int gov) const;
  // Whether `places` holds a place that is not one of the owners `owner_words` name: where a
  // sector of an owner's own goes abroad ("Japanese films are popular in Mongolia").
  bool abroad(const std::vector<int>& owner_words, const Entities& places) const;
  // Who holds what the instrument's phrase names: "Russia has a military base in Tajikistan",
  // "China maintains large investments in Laos" (the subjects of a verb of holding).
  std::vector<int> holders(const std::vector<int>& heads) const;
  // The means of a clause serve its subject, and so does what it depends on: "With Chinese loans,
  // Laos built a railway", "Kyrgyzstan is dependent on Chinese loans" (`means`: the channel's
  // phrase on `gov`).
  void served_by_means(int gov, int means, Entities& recipients) const;
  // What an institution's own phrase says it does: "the Erasmus Mundus scholarship initiative",
  // "the Tempus program for modernizing higher education".
  void described(const Slot& inst);
  // OPERATES for an institution named with its state: "Turkey's Maarif Foundation", "the US
  // Peace Corps", "Xinhua, China's news agency", "a centre funded by Korea".
  void owners(const Slot& s);

  std::vector<Claim> out_;
  bool respectively_ = false;  // the sentence pairs its lists by position
};

}  // namespace softgraph
