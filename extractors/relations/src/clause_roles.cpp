#include "clause_roles.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "sentence_roles.hpp"

namespace softgraph {
namespace {

using namespace roles;

class ClauseReader : public SentenceRoles {
 public:
  ClauseReader(const SentenceGraph& g, const RelationRules& rules, const Discourse& d)
      : SentenceRoles(g, rules, d) {}

  std::vector<Claim> run() {
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

 private:
  void emit(const EntityFacts* src, Symbol dst, std::string_view type, const RelationPattern* pat,
            Symbol rule, double confidence) {
    if (!src || src->id == dst) return;
    if (pat && !pat->yields(type)) return;
    for (const Claim& c : out_)
      if (c.source == src->id && c.target == dst && c.type == type) return;
    out_.push_back({src->id, dst, Symbol(type), rule, confidence});
  }

  // A foreign body's seat abroad is where it works: "the Pushkin School in Turkmenistan", "the
  // Goethe-Institut in Tashkent". (Only a body owned by another state, named with the place on
  // its own phrase, in a sentence that negates nothing of it.)
  void located(const Slot& s) {
    if (s.facts->owners.empty() || negated_word(s.head)) return;
    for (std::string_view prep : {"in", "at"})
      for (int x : with_prep(s.head, prep))
        for (const EntityFacts* f : resolve(x))
          if (place_like(f) && !owns(f, s.facts))
            emit(s.facts, f->id, "TARGETS", nullptr, Symbol("pattern:institution-in-place"), 0.6);
  }

  // USES_INSTRUMENT or DELIVERS for each agent and instrument, TARGETS for each recipient.
  void act(const Entities& agents, const Entities& instruments, const std::vector<Symbol>& fixed,
           const Entities& recipients, const RelationPattern* pat, Symbol rule) {
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
            !owns(r, a))  // an institution does not target its own state or members
          emit(a, r->id, "TARGETS", pat, rule, pat->confidence);
    }
  }

  static bool owns(const EntityFacts* state, const EntityFacts* inst) {
    const std::string id = state->id.str();
    return std::find(inst->owners.begin(), inst->owners.end(), id) != inst->owners.end() ||
           std::find(inst->members.begin(), inst->members.end(), id) != inst->members.end();
  }

  // The institutions an act goes through: "through its Maarif Foundation", "under its ITEC
  // programme", on the verb or on its object or oblique ("broadcasting in Kazakh through
  // Sputnik"), or fronted on the first of coordinated verbs ("Through the British Council, the
  // UK teaches ..., supports ... and organises ...").
  std::vector<int> means(int p) const {
    std::vector<int> out;
    auto take = [&](int head) {
      for (std::string_view prep : {"through", "via", "under"})
        for (int x : with_prep(head, prep)) out.push_back(x);
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

  // A passive or a copula that describes its subject, a noun that is no channel: "news
  // organisations are well-funded" says what they are, not what the section's state does.
  bool described_subject(int p) const {
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

  // MEMBER_OF from a membership pattern: every organisation listed below the noun.
  void member(int p, const RelationPattern* pat, const Entities& agents, Entities recipients) {
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

  // Presence: the other party of the document's state targets it.
  void ties(int p, const RelationPattern* pat, const Entities& agents, const Entities& recipients) {
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

  // PARTNERS_WITH between the agent and each recipient, or the two sides named.
  void partner(int p, const RelationPattern* pat, const Entities& agents,
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

  // An act with a channel and no place, in a text about one state or region, goes there
  // ("USAID will train 500 teachers" in a fact sheet on Vietnam).
  void focus_targets(const Entities& agents, bool channel, const Entities& recipients) {
    if (!d_.focus_place || !channel ||
        std::any_of(recipients.begin(), recipients.end(), place_like))
      return;
    for (const EntityFacts* a : agents)
      if (a != d_.focus_place && (state_like(a) || institution(a)) && !owns(d_.focus_place, a))
        emit(a, d_.focus_place->id, "TARGETS", nullptr, Symbol("scope:focus-place"), 0.5);
  }

  // An acted-on noun's possessor receives: "Kenya's railway, built by China" (or through an
  // apposition: "Kenya's railway, a project built by China").
  // Who asked for the act: "at Uzbekistan's request", "at the invitation of Laos" (on the
  // predicate or on a clause it heads) is who it is done for.
  Entities requesters(int p) const {
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

  Entities acted_on_possessors(int p) const {
    Entities out;
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

  void predicate(int p) {
    const RelationPattern* pat = pattern_for(p);
    if (!pat || irrealis(p)) return;
    // What is given or welcomed is a plan: "welcomes Saudi plans to invest", no act yet.
    for (int o : objects(p))
      if (rules_.plan_nouns.contains(w(o).lemma)) return;
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
    // "China lent X three times as much as Russia did": the party compared does the same act.
    if (!receive && !agents.empty())
      for (int x = 1; x + 1 < g_.size(); ++x) {
        const std::string& before = w(x - 1).lemma;
        if ((before == "as" || before == "than") && w(x + 1).lemma == "do" && g_.slot_of(x) &&
            governing_predicate(x) == p)
          for (const EntityFacts* f : resolve(x))
            if (state_like(f) || institution(f)) add_unique(agents, f);
      }
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
    // Learners sent or brought somewhere go there to learn: the destination gives, it is no
    // target ("sent 10,000 students to universities in the United States"); where they come
    // from still is ("brought scholars from Kyrgyzstan").
    bool learners = false;
    for (int o : objects(p)) learners |= rules_.learners.contains(w(o).lemma);
    std::vector<std::string> recipient_roles = pat->recipient;
    if (learners && pat->kind == "act")
      std::erase_if(recipient_roles, [](const std::string& r) {
        return r == "place" || r == "prep:to" || r == "object-prep:to" || r == "object-prep:in" ||
               r == "prep:in" || r == "prep:into";
      });
    Entities recipients = role_entities(p, recipient_roles, false);
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
    std::erase_if(recipients, [&](const EntityFacts* r) {
      return std::find(agents.begin(), agents.end(), r) != agents.end();
    });
    // "Kazakhstan signed a loan agreement with China": both sides sign; the provider of aid (or
    // a body) gives, and a state that is none receives.
    if (pat->kind == "act" && rules_.mutual_verbs.contains(w(p).lemma)) {
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
      if (!agents.empty() &&
          (mixed || (std::all_of(agents.begin(), agents.end(), receiver) &&
                     std::any_of(recipients.begin(), recipients.end(), giver)))) {
        Entities givers, others;
        for (const EntityFacts* f : agents) add_unique(giver(f) ? givers : others, f);
        for (const EntityFacts* f : recipients) add_unique(giver(f) ? givers : others, f);
        agents = std::move(givers);
        recipients = std::move(others);
      }
    }
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
        for (const EntityFacts* a : agents)
          if (state_like(a) && !inst->multilateral)
            emit(a, inst->id, "OPERATES", nullptr, Symbol("pattern:operates-through"),
                 pat->confidence);
          else if (state_like(a) && !a->bloc && inst->owners.empty())
            emit(a, inst->id, "PARTNERS_WITH", nullptr, Symbol("pattern:partners-through"),
                 pat->confidence);
        act({inst}, delivered, fixed, recipients, pat, pat->rule);
      }
  }

  // The subjects of p, passive or not, that are policy nouns ("engagement", "outreach").
  std::vector<int> policy_subjects(int p) const {
    std::vector<int> out;
    for (std::string_view rel : {"nsubj:pass", "nsubj"})
      for (int x : subject_words(p, rel))
        if (rules_.policy_nouns.contains(w(x).lemma)) out.push_back(x);
    return out;
  }

  // The channels that name a policy noun subject of p: "educational and cultural outreach".
  Entities policy_channels(int p) const {
    Entities out;
    for (int x : policy_subjects(p))
      for (const Slot& s : g_.slots()) {
        if (s.facts->type != Type::kInstrument || negated_word(s.head)) continue;
        int m = s.head;
        if (g_.rel_is(m, "conj") && w(m).head >= 0) m = w(m).head;
        if (w(m).head == x && (g_.rel_is(m, "amod") || g_.rel_is(m, "compound")))
          add_unique(out, s.facts);
      }
    return out;
  }

  // "Trade between Turkey and Central Asian states": in a part of the text on one of the two
  // (its section, or the other side of a text on one state's relations), that one acts.
  // (Not "diplomatic relations between ...": ties are the presence patterns'.)
  void between_sides(const std::vector<int>& heads, Entities& agents, Entities& recipients) const {
    for (int h : heads) {
      Entities sides, bodies;
      for (int b : with_prep(h, "between"))
        for (const EntityFacts* f : resolve(b)) {
          if (state_like(f) || f->type == Type::kRegion) add_unique(sides, f);
          if (institution(f)) add_unique(bodies, f);
        }
      // "a loan agreement between the Asian Development Bank and Tajikistan": the body gives,
      // and so does a provider of aid with a state that is none.
      const EntityFacts* giver = nullptr;
      if (bodies.size() == 1 && sides.size() == 1) {
        giver = bodies[0];
      } else if (bodies.empty() && sides.size() == 2 && sides[0]->type == Type::kState &&
                 sides[1]->type == Type::kState && !sides[0]->bloc && !sides[1]->bloc &&
                 sides[0]->provider != sides[1]->provider) {
        giver = sides[0]->provider ? sides[0] : sides[1];
      }
      if (giver) {
        agents.push_back(giver);
        for (const EntityFacts* f : sides)
          if (f != giver) add_unique(recipients, f);
        continue;
      }
      if (sides.size() < 2) continue;
      const EntityFacts* own = nullptr;
      if (const EntityFacts* sc = d_.section_country;
          sc && std::find(sides.begin(), sides.end(), sc) != sides.end() && sc != d_.main_country)
        own = sc;
      else if (d_.main_country && sides.size() == 2 &&
               std::find(sides.begin(), sides.end(), d_.main_country) != sides.end())
        own = sides[0] == d_.main_country ? sides[1] : sides[0];
      // (In a text on a provider's relations, the provider acts; see ties().)
      if (own && d_.main_country && d_.main_country->provider && !own->provider && !own->bloc &&
          std::find(sides.begin(), sides.end(), d_.main_country) != sides.end())
        own = d_.main_country;
      if (!own || !state_like(own)) continue;
      agents.push_back(own);
      for (const EntityFacts* f : sides)
        if (f != own) add_unique(recipients, f);
    }
  }

  // An instrument named with its owner: "Japan's aid", "Chinese loans to Laos", "a
  // Chinese-funded project".
  void nominal(const Slot& s) {
    // (A word the tagger called a verb is a noun where the parse uses it as one: "most of
    // Turkey's exports to ...".)
    const bool used_as_noun = g_.rel_is(s.head, "nmod") || g_.rel_is(s.head, "obl") ||
                              g_.rel_is(s.head, "obj") || g_.rel_is(s.head, "nsubj") ||
                              g_.rel_is(s.head, "iobj");
    const std::string_view upos =
        w(s.head).upos == "VERB" && used_as_noun ? std::string_view("NOUN") : w(s.head).upos;
    const RelationPattern* pat = rules_.match("nominal", w(s.head).lemma, upos);
    if (!pat || negated_word(s.head)) return;
    // "Khan's upcoming state visit", "a proposed loan": a plan, no act.
    for (int c : g_.children(s.head))
      if (g_.rel_is(c, "amod") && rules_.plan_adjectives.contains(w(c).lemma)) return;
    // The noun phrase the instrument heads or modifies ("aid package", "education projects").
    std::vector<int> heads{s.head};
    if ((g_.rel_is(s.head, "compound") || g_.rel_is(s.head, "amod")) && w(s.head).head >= 0)
      heads.push_back(w(s.head).head);
    // "JICA, Japan's aid agency": a channel word that says what an institution is, no act.
    if (heads.size() > 1 && rules_.owner_nouns.contains(w(heads.back()).lemma)) return;
    // "military officials from Mali", "the Gambia Armed Forces": people or a body of a state,
    // named by their field, are no act of it.
    if (heads.size() > 1 && rules_.proxies.contains(w(heads.back()).lemma)) return;
    // A possessor of a project is where it is ("Kenya's railway"), not who gives it.
    const bool possessor_is_place = rules_.possessor_is_place.contains(
        std::string_view(s.facts->id).substr(std::string_view(s.facts->id).find('/') + 1));
    // "India's healthcare", "Kenya's schools": a sector of the possessor's own, unless the
    // phrase names where it goes ("Turkey's schools in Mali").
    const bool sector = rules_.sector_nouns.contains(w(s.head).lemma) ||
                        rules_.sector_nouns.contains(w(heads.back()).lemma);
    std::vector<int> sector_owners;
    Entities agents, recipients;
    bool pronoun_owner = false;
    auto add_agent = [&](int x) {
      if (w(x).upos == "PRON") pronoun_owner = true;
      for (const EntityFacts* f : resolve(x))
        if (state_like(f) || institution(f)) add_unique(agents, f);
    };
    for (int h : heads) {
      for (const std::string& role : pat->agent)
        for (int x : role_words(h, role)) {
          if (x == s.head || g_.slot_of(x) == &s) continue;
          // "students from Kyrgyzstan", "Indian students": where learners come from, not who
          // teaches them.
          if (rules_.learners.contains(w(h).lemma) &&
              (g_.preposition(x) == "from" || g_.rel_is(x, "amod") || g_.rel_is(x, "compound") ||
               g_.rel_is(x, "nmod:poss"))) {
            for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
            continue;
          }
          if (possessor_is_place && g_.rel_is(x, "nmod:poss")) {
            for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
            continue;
          }
          if (sector &&
              (g_.rel_is(x, "nmod:poss") || g_.rel_is(x, "amod") || g_.rel_is(x, "compound"))) {
            sector_owners.push_back(x);
            continue;
          }
          add_agent(x);
        }
      // "Chinese-funded", "US-backed": the state on a participle that modifies the noun.
      // (Not a relative clause's place: "programmes that Turkey runs in Tajikistan".)
      for (int c : g_.children(h))
        if ((g_.rel_is(c, "amod") || g_.rel_is(c, "acl")) && !g_.rel_is(c, "acl:relcl") &&
            w(c).upos == "VERB")
          for (int x : g_.children(c))
            if (g_.slot_of(x) &&
                (g_.rel_is(x, "compound") || g_.rel_is(x, "amod") || g_.rel_is(x, "advmod") ||
                 ((g_.rel_is(x, "obl") || g_.rel_is(x, "nmod")) && g_.preposition(x) == "by")))
              add_agent(x);
      for (const std::string& role : pat->recipient)
        for (int x : role_words(h, role))
          for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
    }
    if (!recipients.empty())
      for (int x : sector_owners) add_agent(x);
    // The instrument as a copula's predicate: "Canada is the largest investor in ...".
    for (int h : heads)
      if (!g_.children_with(h, "cop").empty()) {
        if (irrealis(h)) return;
        for (int x : g_.children_with(h, "nsubj")) add_agent(x);
      }
    // A noun of a giver ("creditor", "donor"): its possessor is who receives, and the name it
    // is equated with is the giver ("Kyrgyzstan's largest creditor is China").
    const int giver = rules_.counterpart_nouns.contains(w(s.head).lemma)         ? s.head
                      : rules_.counterpart_nouns.contains(w(heads.back()).lemma) ? heads.back()
                                                                                 : -1;
    if (giver >= 0) {
      Entities receivers;
      for (int x : g_.children_with(giver, "nmod:poss"))
        for (const EntityFacts* f : resolve(x)) add_unique(receivers, f);
      // ("the largest trading partner of Laos".)
      for (int x : g_.children_with(giver, "nmod"))
        if (g_.preposition(x) == "of" && !g_.rel_is(x, "nmod:poss"))
          for (const EntityFacts* f : resolve(x))
            if (state_like(f)) add_unique(receivers, f);
      std::erase_if(agents, [&](const EntityFacts* a) {
        return std::find(receivers.begin(), receivers.end(), a) != receivers.end();
      });
      for (const EntityFacts* f : receivers) add_unique(recipients, f);
      const int h = w(giver).head;
      if (g_.rel_is(giver, "nsubj") && h >= 0 && !g_.children_with(h, "cop").empty()) {
        if (irrealis(h)) return;
        add_agent(h);
      }
      // ("China has become Zambia's biggest creditor": the subject of the copular verb.)
      if (g_.rel_is(giver, "xcomp") && h >= 0 && rules_.copulas.contains(w(h).lemma)) {
        if (irrealis(h)) return;
        for (int x : g_.children_with(h, "nsubj")) add_agent(x);
      }
    }
    const int gov = governing_predicate(heads.back());
    // What the phrase presupposes holds whatever the clause's modality ("a Chinese-funded
    // project will bring ..."), but not under a negation, nor for a pronoun's possession.
    if (gov >= 0 && (negated_word(gov) || (pronoun_owner && irrealis(gov)))) return;
    // The clause's place: "In Rwanda, a Chinese-owned factory employs ...".
    if (gov >= 0)
      for (int x : role_words(gov, "place"))
        for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
    // The means of a clause serve its subject: "With Chinese loans, Laos built a railway",
    // "thanks to Japanese aid, Mongolia built hospitals".
    if (gov >= 0 && g_.rel_is(heads.back(), "obl") && w(heads.back()).head == gov) {
      const std::string_view prep = g_.preposition(heads.back());
      bool thanks = false;
      for (int c : g_.children_with(heads.back(), "case")) thanks |= w(c).lemma == "thanks";
      if (prep == "with" || thanks)
        for (int x : subject_words(gov, "nsubj"))
          for (const EntityFacts* f : resolve(x))
            if (state_like(f)) add_unique(recipients, f);
    }
    if (agents.empty() && !rules_.tie_nouns.contains(w(s.head).lemma))
      between_sides(heads, agents, recipients);
    // (An instrument named with no owner is no one's here: an act that names it without an
    // agent takes the section's state in predicate(); a channel word near a state is no act.)
    const Symbol rule = pat->rule;
    if (agents.empty()) return;
    // The act's own agent owns what it gives: "Russia sold Armenia weapons" does not make
    // Armenia's weapons, however the parser attached Armenia.
    if (gov >= 0)
      if (const RelationPattern* act_pat = pattern_for(gov); act_pat && act_pat->dative) {
        const Entities own = role_entities(gov, act_pat->agent, true);
        if (!own.empty())
          std::erase_if(agents, [&](const EntityFacts* a) {
            return std::find(own.begin(), own.end(), a) == own.end();
          });
        if (agents.empty()) return;
      }
    // "its coal trade" under "was hit": a pronoun's possession counts only inside an act.
    if (pronoun_owner && (gov < 0 || !pattern_for(gov) || g_.passive(gov))) return;
    std::erase_if(recipients, [&](const EntityFacts* r) {
      return std::find(agents.begin(), agents.end(), r) != agents.end();
    });
    // (A giver's channel is the giver's, though the receiver possesses the noun.)
    if (giver >= 0)
      act(agents, {}, {s.facts->id}, recipients, pat, rule);
    else
      act(agents, {s.facts}, {}, recipients, pat, rule);
  }

  // What an institution's own phrase says it does: "the Erasmus Mundus scholarship initiative",
  // "the Tempus program for modernizing higher education".
  void described(const Slot& inst) {
    int n = inst.head;
    if ((g_.rel_is(n, "compound") || g_.rel_is(n, "flat")) && w(n).head >= 0) n = w(n).head;
    // (The name may modify a channel's own phrase: "the Erasmus Mundus scholarship programme".)
    const Slot* own_phrase = g_.slot_of(n);
    if (own_phrase && own_phrase != &inst) {
      if (own_phrase->facts->type != Type::kInstrument || own_phrase->first != inst.last + 1)
        return;  // another name's phrase
      n = own_phrase->head;
    }
    // Its apposition either way: "Bolashak, Kazakhstan's scholarship programme".
    std::vector<int> nouns{n};
    for (int a : g_.children_with(n, "appos"))
      if ((!g_.slot_of(a) || g_.slot_of(a)->facts->type == Type::kInstrument) &&
          rules_.owner_nouns.contains(w(a).lemma))
        nouns.push_back(a);
    if (g_.rel_is(n, "appos") && w(n).head >= 0 && !g_.slot_of(w(n).head) &&
        rules_.owner_nouns.contains(w(w(n).head).lemma))
      nouns.push_back(w(n).head);
    // Or what the copula says it is: "CCTV is the dominant broadcast news organisation".
    if (g_.rel_is(n, "nsubj") && w(n).head >= 0 && !g_.children_with(w(n).head, "cop").empty() &&
        !irrealis(w(n).head)) {
      const int pred = w(n).head;
      const Slot* ps = g_.slot_of(pred);
      if ((!ps || ps->facts->type == Type::kInstrument) &&
          rules_.owner_nouns.contains(w(pred).lemma))
        nouns.push_back(pred);
    }
    for (const Slot& s : g_.slots()) {
      if (s.facts->type != Type::kInstrument || negated_word(s.head)) continue;
      bool said = std::find(nouns.begin(), nouns.end(), w(s.head).head) != nouns.end() &&
                  (g_.rel_is(s.head, "compound") || g_.rel_is(s.head, "amod"));
      // (Or the apposition is the channel's own name: "Bolashak, a scholarship programme".)
      // (Not a one-word agent noun: "X, a state broadcaster in Y" says what X is.)
      said |= s.head != n && s.first < s.head &&
              std::find(nouns.begin(), nouns.end(), s.head) != nouns.end();
      said |= &s == own_phrase;
      // (A channel phrase that another name modifies is that one's: "the Tempus program,
      // followed by the Erasmus Mundus scholarship initiative".)
      const bool others = std::any_of(g_.slots().begin(), g_.slots().end(), [&](const Slot& o) {
        return &o != &inst && institution(o.facts) && o.last + 1 == s.first;
      });
      if (!others)
        for (int c : g_.children(n))
          if ((g_.rel_is(c, "nmod") || g_.rel_is(c, "acl")) &&
              (g_.preposition(c) == "for" || g_.rel_is(c, "acl")) && g_.dominated_by(s.head, c) &&
              c != s.head)
            said = true;
      if (said)
        emit(inst.facts, s.facts->id, "DELIVERS", nullptr, Symbol("pattern:institution-descriptor"),
             0.6);
    }
  }

  // OPERATES for an institution named with its state: "Turkey's Maarif Foundation", "the US
  // Peace Corps", "Xinhua, China's news agency", "a centre funded by Korea".
  void owners(const Slot& s) {
    const EntityFacts* inst = s.facts;
    if (inst->multilateral) return;
    const int h = s.head;
    auto own = [&](int x, const char* rule) {
      if (g_.slot_of(x) == &s) return;  // a word of the name itself ("Japan Foundation")
      for (const EntityFacts* f : resolve(x, false))
        if (f->type == Type::kState) emit(f, inst->id, "OPERATES", nullptr, Symbol(rule), 0.8);
    };
    auto possessors = [&](int n, const char* rule) {
      for (int c : g_.children(n))
        if (g_.rel_is(c, "nmod:poss") || g_.rel_is(c, "amod") || g_.rel_is(c, "compound"))
          own(c, rule);
    };
    possessors(h, "pattern:operates-possessive");
    // Apposition either way: "Xinhua, China's agency" and "China's agency Xinhua".
    for (int a : g_.children_with(h, "appos"))
      if (rules_.owner_nouns.contains(w(a).lemma)) possessors(a, "pattern:operates-apposition");
    if ((g_.rel_is(h, "appos") || g_.rel_is(h, "flat")) && w(h).head >= 0 &&
        rules_.owner_nouns.contains(w(w(h).head).lemma))
      possessors(w(h).head, "pattern:operates-apposition");
    // "X is Japan's aid agency" / "an arm of the Chinese state".
    if (g_.rel_is(h, "nsubj") && w(h).head >= 0) {
      const int n = w(h).head;
      if (rules_.owner_nouns.contains(w(n).lemma) && !irrealis(n)) {
        possessors(n, "pattern:operates-copula");
        for (int of : with_prep(n, "of")) own(of, "pattern:operates-copula");
      }
    }
    // "funded / run / set up by X".
    for (int c : g_.children(h))
      if ((g_.rel_is(c, "acl") || g_.rel_is(c, "amod")) &&
          rules_.owner_participles.contains(w(c).lemma) && !irrealis(c))
        for (int by : with_prep(c, "by")) own(by, "pattern:operates-by");
  }

  std::vector<Claim> out_;
  bool respectively_ = false;  // the sentence pairs its lists by position
};

}  // namespace

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
