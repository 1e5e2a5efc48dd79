// ClauseReader, instruments and institutions named with their owners: "Japan's aid", "Chinese
// loans to Laos", "a Chinese-funded project", "Xinhua, China's news agency", "the Erasmus Mundus
// scholarship initiative".
#include <algorithm>
#include <string>

#include "clause_reader.hpp"

namespace softgraph {

using namespace roles;

Entities ClauseReader::policy_channels(int p) const {
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

void ClauseReader::between_sides(const std::vector<int>& heads, Entities& agents,
                                 Entities& recipients) const {
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

std::vector<int> ClauseReader::holders(const std::vector<int>& heads) const {
  std::vector<int> out;
  for (int h : heads)
    if (g_.rel_is(h, "obj") && w(h).head >= 0 &&
        rules_.holding_verbs.contains(w(w(h).head).lemma) && !irrealis(w(h).head) &&
        !negated_word(h) && !rules_.tie_nouns.contains(w(h).lemma))  // (ties: presence:ties)
      for (int x : subject_words(w(h).head, "nsubj")) out.push_back(x);
  return out;
}

void ClauseReader::served_by_means(int gov, int means, Entities& recipients) const {
  if (!g_.rel_is(means, "obl") || w(means).head != gov) return;
  const std::string_view prep = g_.preposition(means);
  // ("Kyrgyzstan is heavily dependent on Chinese loans".)
  const bool relied_on = prep == "on" && rules_.dependence_words.contains(w(gov).lemma);
  if (prep != "with" && !relied_on) return;
  for (int x : subject_words(gov, "nsubj"))
    for (const EntityFacts* f : resolve(x))
      if (state_like(f)) add_unique(recipients, f);
}

bool ClauseReader::predicate_subjects(const std::vector<int>& heads, std::vector<int>& subjects,
                                      std::vector<int>& clauses) const {
  for (int h : heads) {
    if (!g_.children_with(h, "cop").empty()) {
      if (irrealis(h)) return false;
      for (int x : g_.children_with(h, "nsubj")) subjects.push_back(x);
      clauses.push_back(h);
    } else if (g_.rel_is(h, "conj")) {
      // (A later conjunct of the copula's predicate, however low the parser hung it: "X is Laos'
      // means of access to the sea and its primary trading partner".)
      const int gov = governing_predicate(h);
      if (gov >= 0 && !g_.children_with(gov, "cop").empty()) {
        if (irrealis(gov)) return false;
        for (int x : g_.children_with(gov, "nsubj")) subjects.push_back(x);
      }
    }
    if (const int v = as_predicate(h); v >= 0) {
      if (irrealis(v)) return false;
      for (int x : subject_words(v, "nsubj")) subjects.push_back(x);
      clauses.push_back(v);
    }
  }
  return true;
}

bool ClauseReader::giver_roles(int giver, Entities& receivers, std::vector<int>& givers) const {
  for (int x : g_.children_with(giver, "nmod:poss"))
    for (const EntityFacts* f : resolve(x)) add_unique(receivers, f);
  // ("the largest trading partner of Laos".)
  for (int x : g_.children_with(giver, "nmod"))
    if (g_.preposition(x) == "of" && !g_.rel_is(x, "nmod:poss"))
      for (const EntityFacts* f : resolve(x))
        if (state_like(f)) add_unique(receivers, f);
  const int h = w(giver).head;
  if (g_.rel_is(giver, "nsubj") && h >= 0 && !g_.children_with(h, "cop").empty()) {
    if (irrealis(h)) return false;
    givers.push_back(h);
  }
  // ("China has become Zambia's biggest creditor": the subject of the copular verb.)
  if (g_.rel_is(giver, "xcomp") && h >= 0 && rules_.copulas.contains(w(h).lemma)) {
    if (irrealis(h)) return false;
    for (int x : g_.children_with(h, "nsubj")) givers.push_back(x);
  }
  return true;
}

bool ClauseReader::authors_clause(int gov) const {
  if (gov < 0) return false;
  for (int x : subject_words(gov, "nsubj"))
    if (w(x).upos == "PRON" && (w(x).lemma == "we" || w(x).lemma == "I" || w(x).lemma == "i"))
      return true;
  return false;
}

bool ClauseReader::abroad(const std::vector<int>& owner_words, const Entities& places) const {
  Entities owners;
  for (int x : owner_words)
    for (const EntityFacts* f : resolve(x)) add_unique(owners, f);
  return std::any_of(places.begin(), places.end(), [&](const EntityFacts* r) {
    return place_like(r) && std::find(owners.begin(), owners.end(), r) == owners.end();
  });
}

void ClauseReader::nominal(const Slot& s) {
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
  // The instrument as a predicate of its subject, with the parties it is compared with.
  std::vector<int> subjects, compared_in;
  if (!predicate_subjects(heads, subjects, compared_in)) return;
  for (int x : subjects) add_agent(x);
  if (!agents.empty())
    for (int c : compared_in)
      for (const EntityFacts* f : compared(c)) add_unique(agents, f);
  for (int x : holders(heads)) add_agent(x);
  // A noun of a giver ("creditor", "donor"): its possessor is who receives, and the name it
  // is equated with is the giver ("Kyrgyzstan's largest creditor is China").
  const int giver = rules_.counterpart_nouns.contains(w(s.head).lemma)         ? s.head
                    : rules_.counterpart_nouns.contains(w(heads.back()).lemma) ? heads.back()
                                                                               : -1;
  if (giver >= 0) {
    Entities receivers;
    std::vector<int> givers;
    if (!giver_roles(giver, receivers, givers)) return;
    std::erase_if(agents, [&](const EntityFacts* a) {
      return std::find(receivers.begin(), receivers.end(), a) != receivers.end();
    });
    for (const EntityFacts* f : receivers) add_unique(recipients, f);
    for (int x : givers) add_agent(x);
  }
  const int gov = governing_predicate(heads.back());
  if (authors_clause(gov)) return;
  // What the phrase presupposes holds whatever the clause's modality ("a Chinese-funded
  // project will bring ..."), but not under a negation, nor for a pronoun's possession.
  if (gov >= 0 && (negated_word(gov) || (pronoun_owner && irrealis(gov)))) return;
  // The clause's place: "In Rwanda, a Chinese-owned factory employs ...".
  if (gov >= 0)
    for (int x : role_words(gov, "place"))
      for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
  // A sector's owner acts where the phrase or its clause sends it abroad: "Turkey's schools in
  // Mali", "Japanese films are popular in Mongolia". (As above: a pronoun's possession under a
  // plan is none: "intends to open its first school in Ashgabat".)
  if (!sector_owners.empty() && abroad(sector_owners, recipients)) {
    for (int x : sector_owners) add_agent(x);
    if (pronoun_owner && gov >= 0 && irrealis(gov)) return;
  }
  if (gov >= 0) served_by_means(gov, heads.back(), recipients);
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
      Entities own = role_entities(gov, act_pat->agent, true);
      // (A channel as the act's subject owns nothing: "a Chinese-owned factory provides jobs".)
      std::erase_if(own, [](const EntityFacts* f) { return !(state_like(f) || institution(f)); });
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

void ClauseReader::described(const Slot& inst) {
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
    if ((!ps || ps->facts->type == Type::kInstrument) && rules_.owner_nouns.contains(w(pred).lemma))
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

void ClauseReader::owners(const Slot& s) {
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

}  // namespace softgraph
