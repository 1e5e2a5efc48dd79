// Who does what to whom in one parsed sentence: the predicates, their patterns and roles (see
// clause_reader.hpp; instruments and institutions named with their owners are in
// instrument_claims.cpp), and the discourse a sentence leaves for the next.
#include "clause_roles.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "clause_reader.hpp"

namespace softgraph {

using namespace roles;

std::vector<Claim> ClauseReader::run() {
  for (int i = 0; i < g_.size(); ++i) respectively_ |= w(i).lemma == "respectively";
  for (int p = 0; p < g_.size(); ++p) predicate(p);
  for (const Slot& s : g_.slots())
    if (s.facts->type == Type::kInstrument && !describes_ties(s) && !spent_on_channel(s))
      nominal(s);
  for (const Slot& s : g_.slots())
    if (institution(s.facts)) {
      owners(s);
      described(s);
      located(s);
    }
  return std::move(out_);
}

void ClauseReader::emit(const EntityFacts* src, Symbol dst, std::string_view type,
                        const RelationPattern* pat, Symbol rule, double confidence) {
  if (!src || src->id == dst) return;
  if (pat && !pat->yields(type)) return;
  for (const Claim& c : out_)
    if (c.source == src->id && c.target == dst && c.type == type) return;
  out_.push_back({src->id, dst, Symbol(type), rule, confidence});
}

void ClauseReader::located(const Slot& s) {
  if (s.facts->owners.empty() || negated_word(s.head)) return;
  for (std::string_view prep : {"in", "at"})
    for (int x : with_prep(s.head, prep))
      for (const EntityFacts* f : resolve(x))
        if (place_like(f) && !owns(f, s.facts))
          emit(s.facts, f->id, "TARGETS", nullptr, Symbol("pattern:institution-in-place"), 0.6);
}

void ClauseReader::act(const Entities& agents, const Entities& instruments,
                       const std::vector<Symbol>& fixed, const Entities& recipients,
                       const RelationPattern* pat, Symbol rule) {
  // "A and B ... in X and Y respectively": each agent with the place of its own position.
  if (respectively_ && agents.size() >= 2 && agents.size() == recipients.size()) {
    for (std::size_t k = 0; k < agents.size(); ++k)
      act({agents[k]}, instruments, fixed, {recipients[k]}, pat, rule);
    return;
  }
  for (const EntityFacts* a : agents) {
    if (!(state_like(a) || institution(a))) continue;
    const char* use = state_like(a) ? "USES_INSTRUMENT" : "DELIVERS";
    for (const EntityFacts* i : instruments)
      if (pat->dative || !owned_by_other(i, agents))
        emit(a, i->id, use, pat, rule, pat->confidence);
    for (Symbol i : fixed) emit(a, i, use, pat, rule, pat->confidence);
    for (const EntityFacts* r : recipients)
      if (place_like(r) && std::find(agents.begin(), agents.end(), r) == agents.end() &&
          !owns(r, a) && !named_for(a, r))  // nor its state, members or the state it is named for
        emit(a, r->id, "TARGETS", pat, rule, pat->confidence);
  }
}

bool ClauseReader::named_for(const EntityFacts* inst, const EntityFacts* state) {
  if (inst->type != Type::kInstitution) return false;
  const std::string_view i = inst->id.str(), st = state->id.str();
  const std::string_view name = i.substr(i.find('/') + 1), country = st.substr(st.find('/') + 1);
  // Its first word is the state's or the state's adjective in -n, -an, -ian:
  // "vietnam_chamber_of_commerce", "rwandan_league_for_..." (ids are the names' words).
  const std::string_view first = name.substr(0, name.find('_'));
  if (country.empty() || !first.starts_with(country)) return false;
  const std::string_view rest = first.substr(country.size());
  return rest.empty() || rest == "n" || rest == "an" || rest == "ian";
}

bool ClauseReader::owns(const EntityFacts* state, const EntityFacts* inst) {
  const std::string id = state->id.str();
  return std::find(inst->owners.begin(), inst->owners.end(), id) != inst->owners.end() ||
         std::find(inst->members.begin(), inst->members.end(), id) != inst->members.end();
}

std::vector<int> ClauseReader::means(int p) const {
  std::vector<int> out;
  auto take = [&](int head) {
    for (std::string_view prep : {"through", "via", "under"})
      for (int x : with_prep(head, prep)) out.push_back(x);
    // ("within the framework of the TACIS programme", "as part of Erasmus+".)
    for (std::string_view prep : {"within", "in", "under", "as"})
      for (int x : with_prep(head, prep))
        if (rules_.frame_nouns.contains(w(x).lemma))
          for (int c : g_.children_with(x, "nmod"))
            if (g_.preposition(c) == "of") out.push_back(c);
  };
  take(p);
  for (int c : g_.children(p))
    if (g_.rel_is(c, "obj") || g_.rel_is(c, "obl")) {
      take(c);
      // "maintains programmes with Kiribati sponsored by the FCO and DFID".
      for (int a : g_.children(c))
        if ((g_.rel_is(a, "acl") || g_.rel_is(a, "amod")) &&
            rules_.owner_participles.contains(w(a).lemma))
          for (int by : with_prep(a, "by")) out.push_back(by);
    }
  // (Up a chain of conjuncts: "teaches ..., supports ... and organises ..." parsed with each
  // verb on the one before.)
  for (int q = p, steps = 0;
       steps < 8 && g_.rel_is(q, "conj") && w(q).head >= 0 && !has_own_subject(q); ++steps) {
    const int h = w(q).head;
    for (std::string_view prep : {"through", "via"})
      for (int x : with_prep(h, prep))
        if (x < h) out.push_back(x);
    q = h;
  }
  return out;
}

bool ClauseReader::described_subject(int p) const {
  bool describes = false;  // (or its first conjunct: "are large, centralized and well-funded")
  bool copula = false;
  for (int q = p, steps = 0; q >= 0 && steps < 8 && !describes; ++steps) {
    copula = !g_.children_with(q, "cop").empty();
    describes = g_.passive(q) || copula;
    q = g_.rel_is(q, "conj") ? w(q).head : -1;
  }
  if (!describes) return false;
  // (A copula describes a channel named by its organisations too: "news organisations are
  // well-funded"; "schools were built" is an act.)
  auto no_channel = [&](int x) {
    const Slot* s = g_.slot_of(x);
    return !s || s->facts->type != Type::kInstrument ||
           (copula && rules_.owner_nouns.contains(w(x).lemma));
  };
  for (int x : subject_words(p, "nsubj:pass"))
    if (no_channel(x)) return true;
  for (int x : subject_words(p, "nsubj"))
    if (no_channel(x)) return true;
  return false;
}

void ClauseReader::member(int p, const RelationPattern* pat, const Entities& agents,
                          Entities recipients) {
  // "a member of A, the B and the C": parsers hang the later names, or a "member or
  // participant of ...", on the noun itself.
  // A long list comes out as a tree of conjuncts and appositions below the noun ("a member
  // of A, the B (B'), C, ... and the Z"): every organisation in it.
  std::vector<int> todo{p};
  for (std::size_t k = 0; k < todo.size(); ++k)
    for (int c : g_.children(todo[k]))
      if ((g_.rel_is(c, "conj") || g_.rel_is(c, "appos") || g_.rel_is(c, "nmod")) &&
          !g_.rel_is(c, "nmod:poss") && !rules_.non_arguments.contains(g_.preposition(c))) {
        todo.push_back(c);
        for (const EntityFacts* f : resolve(c)) add_unique(recipients, f);
      }
  for (const EntityFacts* a : agents)
    if (a->type == Type::kState && !a->bloc)
      for (const EntityFacts* r : recipients)
        if (r->bloc || (r->type == Type::kInstitution && r->owners.empty()))
          emit(a, r->id, "MEMBER_OF", pat, pat->rule, pat->confidence);
}

void ClauseReader::ties(int p, const RelationPattern* pat, const Entities& agents,
                        const Entities& recipients) {
  // Presence: the other party of the document's state targets it.
  const EntityFacts* focus = d_.main_country;
  Entities parties = agents;
  // ("Both countries established relations ..." read as a noun and its participle.)
  if (parties.empty() && g_.rel_is(p, "acl") && w(p).head >= 0)
    for (const EntityFacts* f : resolve(w(p).head)) add_unique(parties, f);
  for (const EntityFacts* r : recipients) add_unique(parties, r);
  // "Relations with Malaysia were established": in a text on one state's relations, the
  // side a passive or a subjectless clause leaves out is that state.
  if (focus && agents.empty() && !parties.empty()) add_unique(parties, focus);
  if (!focus || std::find(parties.begin(), parties.end(), focus) == parties.end()) return;
  // (A text on a provider's relations, "Foreign relations of China", is about what it does to
  // the others: there the provider targets a party that is not one.)
  for (const EntityFacts* x : parties)
    if (state_like(x) && x != focus) {
      if (focus->provider && !x->provider && !x->bloc)
        emit(focus, x->id, "TARGETS", pat, pat->rule, pat->confidence);
      else
        emit(x, focus->id, "TARGETS", pat, pat->rule, pat->confidence);
    }
}

void ClauseReader::partner(int p, const RelationPattern* pat, const Entities& agents,
                           const Entities& recipients) {
  Entities sides = agents;
  if (std::find(pat->recipient.begin(), pat->recipient.end(), "between") != pat->recipient.end())
    for (int b : role_words(p, "between"))
      for (const EntityFacts* f : resolve(b)) add_unique(sides, f);
  auto party = [](const EntityFacts* f) { return state_like(f) || institution(f); };
  for (const EntityFacts* a : agents)
    for (const EntityFacts* r : recipients)
      if (party(a) && party(r)) emit(a, r->id, "PARTNERS_WITH", pat, pat->rule, pat->confidence);
  // (Or a pair named on the noun: "the Turkish-Kazakh partnership".)
  if ((agents.empty() || (recipients.empty() && agents.size() == 2)) && sides.size() == 2 &&
      party(sides[0]) && party(sides[1]))
    emit(sides[0], sides[1]->id, "PARTNERS_WITH", pat, pat->rule, pat->confidence);
}

void ClauseReader::focus_targets(const Entities& agents, bool channel, const Entities& recipients) {
  if (!d_.focus_place || !channel || std::any_of(recipients.begin(), recipients.end(), place_like))
    return;
  for (const EntityFacts* a : agents)
    if (a != d_.focus_place && (state_like(a) || institution(a)) && !owns(d_.focus_place, a))
      emit(a, d_.focus_place->id, "TARGETS", nullptr, Symbol("scope:focus-place"), 0.5);
}

Entities ClauseReader::requesters(int p) const {
  Entities out;
  for (int x : g_.children(p)) {
    if (!g_.rel_is(x, "obl") || !rules_.request_nouns.contains(w(x).lemma)) continue;
    for (int c : g_.children(x))
      if (g_.rel_is(c, "nmod:poss") || (g_.rel_is(c, "nmod") && g_.preposition(c) == "of"))
        for (const EntityFacts* f : resolve(c))
          if (state_like(f)) add_unique(out, f);
  }
  return out;
}

Entities ClauseReader::acted_on_possessors(int p) const {
  Entities out;
  // ("Kenya's railway was financed by China".)
  for (int x : g_.children_with(p, "nsubj:pass"))
    for (int c : g_.children_with(x, "nmod:poss"))
      for (const EntityFacts* f : resolve(c))
        if (place_like(f)) add_unique(out, f);
  int participle = p;  // (the first of "financed, built and managed by China")
  for (int steps = 0; steps < 8 && g_.rel_is(participle, "conj") && w(participle).head >= 0;
       ++steps)
    participle = w(participle).head;
  if (!(g_.rel_is(participle, "acl") || g_.rel_is(participle, "amod")) || w(participle).head < 0)
    return out;
  int noun = w(participle).head;
  if (g_.rel_is(noun, "appos") && w(noun).head >= 0 && !g_.slot_of(noun)) noun = w(noun).head;
  for (int c : g_.children_with(noun, "nmod:poss"))
    for (const EntityFacts* f : resolve(c)) add_unique(out, f);
  return out;
}

void ClauseReader::giver_first(Entities& agents, Entities& recipients) const {
  auto receiver = [](const EntityFacts* f) {
    return f->type == Type::kState && !f->provider && !f->bloc;
  };
  auto giver = [](const EntityFacts* f) {
    return (f->type == Type::kState && (f->provider || f->bloc)) || institution(f);
  };
  // (The sides may be the recipient and the agent, or both subjects: "Laos and Japan
  // signed an agreement on grant aid".)
  const bool mixed = std::any_of(agents.begin(), agents.end(), receiver) &&
                     std::any_of(agents.begin(), agents.end(), giver);
  if (!agents.empty() && (mixed || (std::all_of(agents.begin(), agents.end(), receiver) &&
                                    std::any_of(recipients.begin(), recipients.end(), giver)))) {
    Entities givers, others;
    for (const EntityFacts* f : agents) add_unique(giver(f) ? givers : others, f);
    for (const EntityFacts* f : recipients) add_unique(giver(f) ? givers : others, f);
    agents = std::move(givers);
    recipients = std::move(others);
  }
}

std::vector<std::string> ClauseReader::recipient_roles(int p, const RelationPattern* pat) const {
  bool learners = false;
  for (int o : objects(p)) learners |= rules_.learners.contains(w(o).lemma);
  std::vector<std::string> roles = pat->recipient;
  if (learners && pat->kind == "act")
    std::erase_if(roles, [](const std::string& r) {
      return r == "place" || r == "prep:to" || r == "object-prep:to" || r == "object-prep:in" ||
             r == "prep:in" || r == "prep:into";
    });
  return roles;
}

void ClauseReader::predicate(int p) {
  const RelationPattern* pat = pattern_for(p);
  if (!pat || irrealis(p)) return;
  // What is given or welcomed is a plan: "welcomes Saudi plans to invest", no act yet; nor is
  // an act whose object is denied ("maintains no troops in Fiji").
  for (int o : objects(p))
    if (rules_.plan_nouns.contains(w(o).lemma) || negated_word(o)) return;
  // A phrasal use that is no act of the pattern: "builds on centuries-old bonds".
  if (!pat->not_with.empty() && objects(p).empty())
    for (int c : g_.children(p))
      if (g_.rel_is(c, "obl") && pat->not_with.contains(g_.preposition(c))) return;
  // A verb that plans, cancels or denies an act is no act of its own ("canceled its dam
  // project").
  if (rules_.plans.contains(w(p).lemma) && !kept_on(p)) return;
  const bool receive = pat->kind == "receive";
  // What a receiver does with what it got is its own affair: "X borrowed $1 billion from Y to
  // build schools" is no act of X's on anyone.
  if (!receive && (g_.rel_is(p, "advcl") || g_.rel_is(p, "xcomp")) && w(p).head >= 0 &&
      !has_own_subject(p))
    if (const RelationPattern* up = pattern_for(w(p).head); up && up->kind == "receive") return;
  // Hosting a summit or a forum's meeting makes a venue, not a recipient.
  if (receive)
    for (int o : objects(p))
      if (rules_.venues.contains(w(o).lemma)) return;
  Entities agents = role_entities(p, pat->agent, !receive && !pat->all_agents);
  // (A by-phrase that names a channel is no agent: "was characterized by economic support".)
  std::erase_if(agents, [](const EntityFacts* f) { return !(state_like(f) || institution(f)); });
  // "China lent X three times as much as Russia did", "gives more scholarships than Korea": the
  // party compared does the same act (receives it, where the act is received).
  // (Not for partners, ties or members: a comparison makes no pair of the parties compared.)
  const Entities peers =
      agents.empty() || !(pat->kind == "act" || receive) ? Entities{} : compared(p);
  if (!receive)
    for (const EntityFacts* f : peers) add_unique(agents, f);
  // An act with no agent named (a passive, a subject that names no one: "the programme
  // funds ...") in a state's part of the text is that state's: "Turkey. ... Scholarships are
  // offered to ...". (Not a participle on a noun: "shared development goals".)
  // "Japan's engagement with X has been built around loans": the policy's owner acts.
  // (Its places and partners receive: "USAID's engagement in Armenia covers ...".)
  Entities policy_places;
  if (pat->kind == "act")
    for (int x : policy_subjects(p)) {
      const Entities own = resolve(x);
      if (agents.empty() && described_subject(p))
        for (const EntityFacts* f : own)
          if (state_like(f) || institution(f)) add_unique(agents, f);
      if (std::none_of(own.begin(), own.end(), [&](const EntityFacts* f) {
            return std::find(agents.begin(), agents.end(), f) != agents.end();
          }))
        continue;
      for (std::string_view prep : {"with", "in", "toward", "towards", "to"})
        for (int y : with_prep(x, prep))
          for (const EntityFacts* f : resolve(y)) add_unique(policy_places, f);
    }
  Symbol scope_rule;
  if (agents.empty() && pat->kind == "act" && scope_agent() && !has_named_subject(p) &&
      !g_.rel_is(p, "acl") && !g_.rel_is(p, "amod") && !described_subject(p)) {
    agents.push_back(scope_agent());
    scope_rule = Symbol("scope:section-actor");
  }
  Entities recipients = role_entities(p, recipient_roles(p, pat), false);
  for (const EntityFacts* f : policy_places) add_unique(recipients, f);
  // A participle on what a clause gives: its recipients are the act's too ("scholarships
  // funded by X were awarded to students from Y").
  if ((g_.rel_is(p, "acl") || g_.rel_is(p, "amod")) && w(p).head >= 0) {
    const int noun = w(p).head, v = w(noun).head;
    if (v >= 0 && (w(noun).deprel == "nsubj:pass" || g_.rel_is(noun, "obj")))
      if (const RelationPattern* outer = pattern_for(v); outer && outer->kind == "act")
        for (const EntityFacts* f : role_entities(v, outer->recipient, false))
          if (place_like(f)) add_unique(recipients, f);
  }
  for (const EntityFacts* f : acted_on_possessors(p)) add_unique(recipients, f);
  for (const EntityFacts* f : requesters(p)) add_unique(recipients, f);
  if (receive)
    for (const EntityFacts* f : peers) add_unique(recipients, f);
  std::erase_if(recipients, [&](const EntityFacts* r) {
    return std::find(agents.begin(), agents.end(), r) != agents.end();
  });
  if (pat->kind == "act" && rules_.mutual_verbs.contains(w(p).lemma))
    giver_first(agents, recipients);
  if (pat->kind == "member") return member(p, pat, agents, recipients);
  if (pat->kind == "ties") return ties(p, pat, agents, recipients);
  if (pat->kind == "partner") return partner(p, pat, agents, recipients);
  Entities instruments = act_instruments(p);
  std::vector<Symbol> fixed;
  for (int o : objects(p))
    if (language_object(o)) {
      fixed.push_back(Symbol("instrument/language_promotion"));
      for (const EntityFacts* f : resolve(o, false)) std::erase(recipients, f);
    }
  // (Money lent is a loan whatever it pays for: "lent X $1 billion for roads".)
  if ((instruments.empty() && fixed.empty()) || pat->keep_instrument.contains(w(p).lemma))
    if (std::string code = pat->fixed_instrument(w(p).lemma); !code.empty()) {
      // (Money given for research is a grant: "funds academic projects".)
      if (code == "financial_aid_loans" && !pat->keep_instrument.contains(w(p).lemma))
        for (int o : objects(p)) {
          bool research = rules_.research_words.contains(w(o).lemma);
          for (int c : g_.children(o))
            research |= (g_.rel_is(c, "amod") || g_.rel_is(c, "compound")) &&
                        rules_.research_words.contains(w(c).lemma);
          if (research) code = "scholarships_grants";
        }
      fixed.push_back(Symbol("instrument/" + code));
    }
  // A generic verb makes a relation only through an instrument it names.
  if (pat->lemmas.empty() && instruments.empty() && fixed.empty()) return;
  const Symbol rule = scope_rule.empty() ? pat->rule : scope_rule;
  if (!receive && !d_.scene.empty() && !agents.empty() &&
      std::none_of(recipients.begin(), recipients.end(), place_like) &&
      std::all_of(agents.begin(), agents.end(), [&](const EntityFacts* a) {
        return std::find(d_.scene_actors.begin(), d_.scene_actors.end(), a) !=
               d_.scene_actors.end();
      }))
    for (const EntityFacts* f : d_.scene) add_unique(recipients, f);
  if (receive) {
    act(agents, instruments, fixed, recipients, pat, rule);
    return;
  }
  act(agents, instruments, fixed, recipients, pat, rule);
  focus_targets(agents, !instruments.empty() || !fixed.empty(), recipients);
  // The institution an agent works through: "through its Maarif Foundation". (It delivers
  // what the policy it serves is about too: "China's educational outreach is channeled
  // through its Confucius Institutes".)
  const std::vector<int> through = means(p);
  if (through.empty()) return;
  Entities delivered = instruments;
  for (const EntityFacts* f : policy_channels(p)) add_unique(delivered, f);
  for (int x : through)
    for (const EntityFacts* inst : resolve(x)) {
      if (!institution(inst)) continue;
      // (A state working through a multilateral body partners with it: "delivered through
      // the Commonwealth and the Asian Development Bank".)
      // (Not another state's: "Japan gave aid as part of the EU's TACIS programme".)
      for (const EntityFacts* a : agents)
        if (state_like(a) && !inst->multilateral && (inst->owners.empty() || owns(a, inst)))
          emit(a, inst->id, "OPERATES", nullptr, Symbol("pattern:operates-through"),
               pat->confidence);
        else if (state_like(a) && !a->bloc && inst->owners.empty())
          emit(a, inst->id, "PARTNERS_WITH", nullptr, Symbol("pattern:partners-through"),
               pat->confidence);
      act({inst}, delivered, fixed, recipients, pat, pat->rule);
    }
}

std::vector<int> ClauseReader::policy_subjects(int p) const {
  std::vector<int> out;
  for (std::string_view rel : {"nsubj:pass", "nsubj"})
    for (int x : subject_words(p, rel))
      if (rules_.policy_nouns.contains(w(x).lemma)) out.push_back(x);
  return out;
}

std::vector<Claim> sentence_claims(const SentenceGraph& g, const RelationRules& rules,
                                   const Discourse& discourse) {
  return ClauseReader(g, rules, discourse).run();
}

void update_discourse(const SentenceGraph& g, const RelationRules& rules, Discourse& d) {
  const SentenceRoles reader(g, rules, d);
  Entities subjects, states;
  for (int i = 0; i < g.size(); ++i) {
    const Word& x = g.word(i);
    if (x.deprel == "nsubj" || x.deprel == "nsubj:pass") {
      const int h = x.head;
      if (h >= 0 && g.word(h).head >= 0) continue;  // the main clause's subject only
      for (const EntityFacts* f : reader.resolve(i))
        if (state_like(f) || institution(f)) add_unique(subjects, f);
    }
  }
  for (const Slot& s : g.slots())
    if (s.facts->type == Type::kState && !s.facts->bloc) add_unique(states, s.facts);
  Entities institutions;
  for (const Slot& s : g.slots())
    if (institution(s.facts)) add_unique(institutions, s.facts);
  // The scene: the place of the main clause whose subjects are named ("compete ... in X").
  Entities scene;
  for (int i = 0; i < g.size(); ++i)
    if (g.word(i).head < 0 && reader.is_predicate(i))
      for (int x : reader.role_words(i, "place"))
        for (const EntityFacts* f : reader.resolve(x))
          if (place_like(f)) add_unique(scene, f);
  if (!scene.empty() && !subjects.empty()) {
    d.scene = scene;
    d.scene_actors = subjects;
    for (const EntityFacts* f : scene) std::erase(d.scene_actors, f);
  }
  if (!subjects.empty()) d.subjects = std::move(subjects);
  d.states = std::move(states);
  if (!institutions.empty()) d.institutions = std::move(institutions);
}

}  // namespace softgraph
