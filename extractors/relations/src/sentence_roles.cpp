#include "sentence_roles.hpp"

#include "softgraph/core/text_util.hpp"

namespace softgraph {

using namespace roles;

std::vector<int> SentenceRoles::counted(int i) const {
  std::vector<int> out{i};
  // (Down a chain of them: "hundreds of millions of dollars of aid".)
  for (std::size_t k = 0; k < out.size() && k < 6; ++k)
    if (rules_.amount_nouns.contains(w(out[k]).lemma))
      for (int c : g_.children_with(out[k], "nmod"))
        if (g_.preposition(c) == "of") out.push_back(c);
  return out;
}

bool SentenceRoles::is_predicate(int i) const {
  if (w(i).upos == "VERB") return true;
  for (int c : g_.children(i))
    if (g_.rel_is(c, "nsubj") || g_.rel_is(c, "cop")) return true;
  return false;
}

bool SentenceRoles::negated_word(int i) const {
  const auto& kids = g_.children(i);
  for (std::size_t k = 0; k < kids.size(); ++k) {
    const int c = kids[k];
    if (!(g_.rel_is(c, "advmod") || g_.rel_is(c, "det") || g_.rel_is(c, "neg") ||
          g_.rel_is(c, "cc:preconj")))
      continue;
    if (!rules_.negators.contains(w(c).lemma)) continue;
    // "not only ... but also" asserts.
    if (c + 1 < g_.size() && rules_.positive_after_not.contains(w(c + 1).lemma)) continue;
    return true;
  }
  return false;
}

bool SentenceRoles::kept_on(int q) const {
  return rules_.discontinue.contains(w(q).lemma) && negated_word(q);
}

bool SentenceRoles::irrealis(int p) const {
  for (int q = p, steps = 0; q >= 0 && steps < 8; ++steps) {
    if (negated_word(q) && !kept_on(q)) return true;
    for (int c : g_.children(q)) {
      // ("India announced that it would provide ...": "would" under a verb that announces is
      // the past's "will".)
      if (g_.rel_is(c, "aux") && rules_.modals.contains(w(c).lemma) &&
          !(w(c).lemma == "would" && g_.rel_is(q, "ccomp") && w(q).head >= 0 &&
            rules_.announcing.contains(w(w(q).head).lemma)))
        return true;
      if (g_.rel_is(c, "mark") && (w(c).lemma == "if" || w(c).lemma == "unless")) return true;
    }
    if (q != p && rules_.plans.contains(w(q).lemma) && !kept_on(q)) return true;
    const int h = w(q).head;
    if (h < 0) break;
    // A noun an act is refused or planned on: "should refrain from any partnership".
    if (q == p && w(p).upos == "NOUN" && (g_.rel_is(p, "obl") || g_.rel_is(p, "obj")) &&
        rules_.plans.contains(w(h).lemma) && !kept_on(h))
      return true;
    if (g_.rel_is(q, "acl") && rules_.plan_nouns.contains(w(h).lemma)) return true;
    // A clause that says what a report or a claim holds ("denied reports that China was
    // building ...") has the modality of the verb that takes the report.
    if (g_.rel_is(q, "acl") && !g_.rel_is(q, "acl:relcl") && w(h).upos == "NOUN" &&
        w(h).head >= 0 && (g_.rel_is(h, "obj") || g_.rel_is(h, "nsubj"))) {
      if (negated_word(h)) return true;
      q = w(h).head;
      if (rules_.plans.contains(w(q).lemma)) return true;
      continue;
    }
    // Up through the clauses that carry the act: "plans to open", "is expected to build",
    // "did not agree to sell" (not through a coordinated clause of its own).
    // ("did not seem interested in exporting": a clause on an adjective shares its modality.)
    const bool on_adjective = (g_.rel_is(q, "advcl") || g_.rel_is(q, "obl")) && w(h).upos == "ADJ";
    if (!(g_.rel_is(q, "xcomp") || g_.rel_is(q, "ccomp") || g_.rel_is(q, "conj") || on_adjective))
      break;
    if (g_.rel_is(q, "conj") && has_own_subject(q)) break;
    if (g_.rel_is(q, "conj")) {  // a conjunct shares its first conjunct's modality only
      q = h;
      continue;
    }
    q = h;
  }
  return false;
}

bool SentenceRoles::has_named_subject(int p) const {
  for (int x : subject_words(p, "nsubj"))
    if (w(x).upos == "PROPN") return true;
  return false;
}

const EntityFacts* SentenceRoles::scope_agent() const {
  return d_.main_country ? nullptr : d_.section_country;
}

bool SentenceRoles::has_own_subject(int p) const {
  for (int c : g_.children(p))
    if (g_.rel_is(c, "nsubj") || g_.rel_is(c, "csubj")) return true;
  return false;
}

std::vector<int> SentenceRoles::subject_words(int p, std::string_view rel) const {
  for (int q = p, steps = 0; q >= 0 && steps < 6; ++steps) {
    std::vector<int> out;
    // (A clause that shares its subject takes the other clause's surface subject, passive or
    // not: "is funded by Germany and teaches German".)
    for (int c : g_.children(q))
      if (rel == "nsubj" ? (w(c).deprel == "nsubj" || (q != p && w(c).deprel == "nsubj:pass"))
                         : g_.rel_is(c, rel))
        out.push_back(c);
    if (!out.empty()) return out;
    if (has_own_subject(q)) return {};
    // A participle with its by-phrase ("Funded by X, the programme ...") has that agent, not the
    // subject of the clause it hangs on, which is what it acts on.
    if (q == p && rel == "nsubj" && g_.rel_is(q, "advcl") && !with_prep(q, "by").empty()) return {};
    // "..., with the Diyanet Foundation supporting ...": the with-phrase before a subjectless
    // clause on the same verb is its subject.
    if (q == p && rel == "nsubj" && g_.rel_is(q, "advcl") && w(q).head >= 0)
      for (int h : {q, w(q).head})
        for (int c : g_.children(h))
          if (g_.rel_is(c, "obl") && g_.preposition(c) == "with" && c < q && q - c <= 3) return {c};
    // "Both, however, are members of ..." parsed with "both" as the noun's determiner.
    if (q == p && rel == "nsubj")
      for (int c : g_.children(q))
        if (g_.rel_is(c, "det") && c < q && rules_.plural_anaphors.contains(w(c).lemma)) return {c};
    // "A, B and C, all contributing ...": the list the floating quantifier sums up.
    if (q == p && rel == "nsubj" && g_.rel_is(q, "acl") && w(q).head >= 0) {
      const int all = w(q).head;
      if (rules_.quantifiers.contains(w(all).lemma) && !g_.rel_is(all, "det") && w(all).head >= 0 &&
          (w(w(all).head).upos == "PROPN" || w(w(all).head).upos == "NOUN")) {
        int first = w(all).head;
        while (g_.rel_is(first, "conj") && w(first).head >= 0) first = w(first).head;
        return {first};
      }
    }
    // "Vietnam's ability to provide assistance", "China's decision to fund": the possessor of
    // such a noun does what its infinitive names.
    if (q == p && rel == "nsubj" && g_.rel_is(q, "acl") && w(q).head >= 0 &&
        rules_.capacity_nouns.contains(w(w(q).head).lemma)) {
      bool infinitive = false;
      for (int c : g_.children_with(q, "mark")) infinitive |= w(c).lemma == "to";
      const std::vector<int> poss = g_.children_with(w(q).head, "nmod:poss");
      if (infinitive && !poss.empty()) return poss;
    }
    // "won contracts to build roads", "secured a concession to run the port": who holds the
    // contract does what it names.
    if (rel == "nsubj" && g_.rel_is(q, "acl") && !g_.rel_is(q, "acl:relcl") && w(q).head >= 0 &&
        rules_.license_nouns.contains(w(w(q).head).lemma) && g_.rel_is(w(q).head, "obj") &&
        w(w(q).head).head >= 0) {
      q = w(w(q).head).head;
      continue;
    }
    // "charged with the mandate of promoting ...": who holds the duty does what it names.
    if (rel == "nsubj" && g_.rel_is(q, "acl") && w(q).head >= 0 &&
        rules_.duty_nouns.contains(w(w(q).head).lemma) && w(w(q).head).head >= 0) {
      q = w(w(q).head).head;
      continue;
    }
    if (!(g_.rel_is(q, "xcomp") || g_.rel_is(q, "conj") || g_.rel_is(q, "advcl"))) return {};
    q = w(q).head;
  }
  return {};
}

std::vector<int> SentenceRoles::with_prep(int head, std::string_view prep) const {
  std::vector<int> out;
  for (int c : g_.children(head))
    if ((g_.rel_is(c, "obl") || g_.rel_is(c, "nmod") || g_.rel_is(c, "advcl")) &&
        g_.preposition(c) == prep && !g_.rel_is(c, "nmod:poss"))
      out.push_back(c);
  return out;
}

std::vector<int> SentenceRoles::down_objects(int p, int depth) const {
  std::vector<int> all, frontier = objects(p);
  for (int c : g_.children(p))
    if (g_.rel_is(c, "xcomp") ||
        (g_.rel_is(c, "obl") && !rules_.non_arguments.contains(g_.preposition(c))))
      frontier.push_back(c);
  for (int d = 0; d < depth && !frontier.empty(); ++d) {
    std::vector<int> next;
    for (int o : frontier) {
      if (rules_.locative_nouns.contains(w(o).lemma)) continue;
      all.push_back(o);
      // (And the later conjuncts of a listed object: "a dam and hundreds of projects in X",
      // which the model often takes for appositions.)
      for (int c : g_.children(o))
        if (((g_.rel_is(c, "nmod") || g_.rel_is(c, "obl")) && !g_.rel_is(c, "nmod:poss")) ||
            g_.rel_is(c, "conj") || g_.rel_is(c, "appos"))
          next.push_back(c);
    }
    frontier = std::move(next);
  }
  return all;
}

std::vector<int> SentenceRoles::objects(int p) const {
  std::vector<int> out = g_.children_with(p, "obj");
  for (int c : g_.children(p))
    if (w(c).deprel == "nsubj:pass") out.push_back(c);
  // A fronted participle acts on its clause's subject: "Financed by X, a new system ... was".
  if (out.empty() && g_.rel_is(p, "advcl") && w(p).head >= 0 && w(p).upos == "VERB" &&
      g_.children_with(p, "nsubj").empty() && !with_prep(p, "by").empty() && p < w(p).head)
    for (int c : g_.children(w(p).head))
      if (w(c).deprel == "nsubj:pass" || g_.rel_is(c, "nsubj")) out.push_back(c);
  return out;
}

// The act's place, on the verb or (as parsers often attach it) somewhere down its object.
std::vector<int> SentenceRoles::place_words(int p) const {
  std::vector<int> out;
  auto append = [&](const std::vector<int>& v) { out.insert(out.end(), v.begin(), v.end()); };
  if (rules_.venues.contains(w(p).lemma)) return out;
  // "built a bridge in Laos", "fund a centre at the university in Dushanbe"; not the place of an
  // embassy or an office.
  // (A place right after an embassy or an office is its seat, however it was attached:
  // "by its embassy in Dakar".)
  auto seat = [&](int x) {
    int c = x;
    for (int k : g_.children(x))
      if (g_.rel_is(k, "case")) c = std::min(c, k);
    // (A channel's own site is where it works: "a military base in Tajikistan".)
    const Slot* site = c > 0 ? g_.slot_of(c - 1) : nullptr;
    return c > 0 && rules_.locative_nouns.contains(w(c - 1).lemma) &&
           !(site && site->facts->type == roles::Type::kInstrument);
  };
  auto places_of = [&](int head) {
    for (std::string_view prep : {"in", "across", "throughout", "within", "into", "inside"})
      for (int x : with_prep(head, prep))
        if (!seat(x)) {
          out.push_back(x);
          // "in the Pamir mountains of Tajikistan": the state the place is part of.
          append(with_prep(x, "of"));
        }
  };
  places_of(p);
  // A place fronted in the clause this one hangs on: "In Kazakhstan, Russia leans on ...,
  // whereas China relies on ...".
  if ((g_.rel_is(p, "advcl") || g_.rel_is(p, "conj") || g_.rel_is(p, "ccomp")) && w(p).head >= 0)
    for (std::string_view prep : {"in", "across", "throughout", "within"})
      for (int x : with_prep(w(p).head, prep))
        if (x < p && x < w(p).head) out.push_back(x);
  for (int o : down_objects(p, 4)) {
    places_of(o);
    append(with_prep(o, "between"));  // "a bridge between Tajikistan and Afghanistan"
  }
  // Where what the act gives stands: "funded a hospital built in Laos", "70% of a mosque to
  // be built in Slovenia" (a participle or infinitive of siting on the object).
  for (int o : down_objects(p, 2))
    for (int c : g_.children(o))
      if (g_.rel_is(c, "acl") && !g_.rel_is(c, "acl:relcl") && w(c).upos == "VERB" &&
          rules_.siting_verbs.contains(w(c).lemma))
        places_of(c);
  // A relative clause of place: "Djibouti, a country where China established a base", "Bosnia
  // is one of the countries where Russia has contributed troops".
  // (The parser hangs such a clause on the verb as often as on its noun: the noun is then the
  // one before the comma, up its of-phrases and appositions to the highest name.)
  int where = -1;
  for (int c : g_.children(p))
    if (w(c).lemma == "where" && c < p && c > 0) where = c;
  if (g_.rel_is(p, "acl:relcl") && w(p).head >= 0 && where >= 0) {
    const int n = w(p).head;
    if (g_.slot_of(n)) {
      out.push_back(n);
    } else {
      if (g_.rel_is(n, "appos") && w(n).head >= 0) out.push_back(w(n).head);
      const int one = g_.rel_is(n, "nmod") && w(n).head >= 0 ? w(n).head : n;
      append(g_.children_with(one, "nsubj"));
    }
  } else if (where >= 2 && w(where - 1).form == "," &&
             (g_.rel_is(p, "advcl") || g_.rel_is(p, "parataxis") || w(p).head < 0)) {
    int n = where - 2, named = -1;
    for (int k = 0; k < 8 && n >= 0 && (w(n).upos == "PROPN" || w(n).upos == "NOUN"); ++k) {
      if (g_.slot_of(n)) named = n;
      if (!(g_.rel_is(n, "nmod") || g_.rel_is(n, "appos") || g_.rel_is(n, "compound") ||
            g_.rel_is(n, "flat")) ||
          w(n).head < 0)
        break;
      n = w(n).head;
    }
    if (named >= 0) out.push_back(named);
  }
  return out;
}

std::vector<int> SentenceRoles::role_words(int p, std::string_view role) const {
  std::vector<int> out;
  auto append = [&](const std::vector<int>& v) { out.insert(out.end(), v.begin(), v.end()); };
  if (role == "subject") return subject_words(p, "nsubj");
  if (role == "pass-subject") return subject_words(p, "nsubj:pass");
  if (role == "by") {
    const bool passive_like = g_.passive(p) || g_.rel_is(p, "acl") || g_.rel_is(p, "amod") ||
                              subject_words(p, "nsubj").empty();
    for (int x : with_prep(p, "by"))
      if (passive_like || w(x).deprel == "obl:agent") out.push_back(x);
    // (Parsers often hang the by-phrase of a passive on the oblique before it.)
    if (out.empty() && g_.passive(p))
      for (int c : g_.children(p))
        if (g_.rel_is(c, "obl")) append(with_prep(c, "by"));
    return out;
  }
  if (role == "means-from") {  // "built with money from the United States"
    for (int c : g_.children(p))
      if (g_.rel_is(c, "obl") && g_.preposition(c) == "with") append(with_prep(c, "from"));
    return out;
  }
  if (role == "poss") return g_.children_with(p, "nmod:poss");
  if (role == "modifier") {
    for (int c : g_.children(p))
      if (g_.rel_is(c, "amod") || g_.rel_is(c, "compound")) out.push_back(c);
    return out;
  }
  if (role == "from") {
    append(with_prep(p, "from"));
    for (int o : down_objects(p, 3)) append(with_prep(o, "from"));
    return out;
  }
  // "offer scholarships to students from Mongolia" with the from-phrase hung on the verb.
  if (role == "learners-from") {
    // (Or on the learners, however deep: "opportunities for scholarships to students and
    // researchers from Central Asia".)
    bool learners = false;
    std::vector<int> near = down_objects(p, 3);
    for (int c : g_.children_with(p, "iobj")) near.push_back(c);
    for (int o : near)
      for (int x : g_.with_conjuncts(o))
        if (rules_.learners.contains(w(x).lemma)) {
          learners = true;
          append(with_prep(x, "from"));
        }
    if (learners) append(with_prep(p, "from"));
    return out;
  }
  if (role == "iobj") return g_.children_with(p, "iobj");
  if (role == "obj") {  // (an indirect object with no direct one is the object, misparsed)
    out = objects(p);
    if (out.empty()) out = g_.children_with(p, "iobj");
    return out;
  }
  if (role == "obj-from") {
    for (int o : objects(p)) append(with_prep(o, "from"));
    for (int o : g_.children_with(p, "iobj")) append(with_prep(o, "from"));
    return out;
  }
  if (role == "object-poss") {
    for (int o : objects(p)) {
      append(g_.children_with(o, "nmod:poss"));
      // (On the amount before the noun: "Kyrgyzstan's $240 million debt".)
      for (int c : g_.children_with(o, "compound"))
        if (w(c).upos == "SYM" || w(c).upos == "NUM") append(g_.children_with(c, "nmod:poss"));
    }
    return out;
  }
  if (role == "object-modifier" || role == "object-owner") {
    for (int o : objects(p)) {
      if (role == "object-owner") out.push_back(o);
      for (int c : g_.children(o))
        if (g_.rel_is(c, "amod") || g_.rel_is(c, "compound")) out.push_back(c);
    }
    return out;
  }
  if (role == "of-owner") {  // whose the of-phrase's noun is: "a recipient of Japanese aid"
    for (int x : with_prep(p, "of")) {
      append(g_.children_with(x, "nmod:poss"));
      for (int c : g_.children(x))
        if (g_.rel_is(c, "amod") || g_.rel_is(c, "compound")) out.push_back(c);
      append(with_prep(x, "from"));
    }
    return out;
  }
  if (role == "appos-of") {
    if (g_.rel_is(p, "appos") && w(p).head >= 0) out.push_back(w(p).head);
    return out;
  }
  if (role == "between") return with_prep(p, "between");
  if (role == "subject-place") {  // "the Goethe-Institut in Tashkent teaches ..."
    for (int x : subject_words(p, "nsubj"))
      if (const Slot* s = g_.slot_of(x); s && institution(s->facts))
        for (std::string_view prep : {"in", "at"}) append(with_prep(x, prep));
    return out;
  }
  if (role == "clause-subject") {
    const int gov = governing_predicate(p);
    return gov >= 0 ? subject_words(gov, "nsubj") : out;
  }
  if (role == "seat") {  // where an embassy or an office is: the presence's target
    for (std::string_view prep : {"in", "at"}) {
      append(with_prep(p, prep));
      for (int o : objects(p)) append(with_prep(o, prep));
    }
    return out;
  }
  if (role == "place") return place_words(p);
  if (role.starts_with("prep:")) return with_prep(p, role.substr(5));
  if (role.starts_with("object-prep:")) {
    for (int o : objects(p))
      for (int c : counted(o)) append(with_prep(c, role.substr(12)));
    return out;
  }
  if (role.starts_with("clause-prep:")) {  // on the verb of the clause the word is in
    if (const int gov = governing_predicate(p); gov >= 0) append(with_prep(gov, role.substr(12)));
    return out;
  }
  if (role == "copula-subject") {  // "Tonga became a member of ...", however it was parsed
    const int gov = governing_predicate(p);
    if (gov >= 0 && rules_.copulas.contains(w(gov).lemma)) return subject_words(gov, "nsubj");
    return out;
  }
  if (role.starts_with("governor-prep:")) {
    if (w(p).head >= 0) append(with_prep(w(p).head, role.substr(14)));
    return out;
  }
  return out;
}

Entities SentenceRoles::role_entities(int p, const std::vector<std::string>& roles,
                                      bool first_only) const {
  Entities out;
  for (const std::string& role : roles) {
    Entities here;
    for (int word : role_words(p, role)) {
      if (role == "object-owner") {
        if (const Slot* s = g_.slot_of(word); s && institution(s->facts)) owner_states(*s, here);
        continue;
      }
      for (const EntityFacts* f : resolve(word)) add_unique(here, f);
    }
    for (const EntityFacts* f : here) add_unique(out, f);
    // (The first role that names a party: a channel named there is no agent, "a new water
    // supply system" as the subject a fronted participle shares.)
    if (first_only && std::any_of(out.begin(), out.end(), [](const EntityFacts* f) {
          return state_like(f) || institution(f);
        }))
      break;
  }
  return out;
}

void SentenceRoles::owner_states(const Slot& s, Entities& out) const {
  for (const Slot& o : g_.slots())
    if (std::find(s.facts->owners.begin(), s.facts->owners.end(), o.facts->id.str()) !=
        s.facts->owners.end())
      add_unique(out, o.facts);
}

int SentenceRoles::governing_predicate(int i, bool* in_subject) const {
  int q = i;
  for (int steps = 0; steps < g_.size(); ++steps) {
    const int h = w(q).head;
    if (h < 0) return -1;
    if (is_predicate(h)) {
      if (in_subject) *in_subject = g_.rel_is(q, "nsubj") || g_.rel_is(q, "csubj");
      return h;
    }
    q = h;
  }
  return -1;
}

bool SentenceRoles::argument(int top) const {
  const Word& t = w(top);
  if (g_.rel_is(top, "obl") || g_.rel_is(top, "nmod"))
    return !rules_.non_arguments.contains(g_.preposition(top));
  return g_.rel_is(top, "obj") || g_.rel_is(top, "iobj") || g_.rel_is(top, "xcomp") ||
         t.deprel == "nsubj:pass" || g_.rel_is(top, "compound") || g_.rel_is(top, "amod");
}

Entities SentenceRoles::act_instruments(int p) const {
  Entities out;
  // A channel a fronted participle acts on, in the clause it hangs on ("Financed by X, a new
  // water supply system ...").
  for (int o : objects(p))
    if (w(o).head != p)
      if (const Slot* s = g_.slot_of(o);
          s && s->facts->type == Type::kInstrument && !negated_word(s->head))
        add_unique(out, s->facts);
  for (const Slot& s : g_.slots()) {
    if (s.facts->type != Type::kInstrument || negated_word(s.head) || describes_ties(s) ||
        spent_on_channel(s))
      continue;
    // A participle or relative clause on the instrument's noun: "a railway built by China".
    // (Or on the noun the instrument's words modify: "the education programmes that Turkey
    // runs".)
    const int noun =
        (g_.rel_is(s.head, "compound") || g_.rel_is(s.head, "amod")) ? w(s.head).head : s.head;
    bool modified =
        (g_.rel_is(p, "acl") || g_.rel_is(p, "amod")) && (w(p).head == s.head || w(p).head == noun);
    if (!modified && g_.rel_is(p, "conj") && w(p).head >= 0 &&
        (g_.rel_is(w(p).head, "acl") || g_.rel_is(w(p).head, "amod")))
      modified = w(w(p).head).head == s.head;
    // (A participle after the last of coordinated nouns, hung on the first, is on each: "loans
    // and grants provided by Japan".)
    if (!modified && g_.rel_is(p, "acl") && g_.rel_is(noun, "conj") && w(noun).head >= 0 &&
        w(p).head == w(noun).head && p > noun)
      modified = true;
    if (modified) {
      add_unique(out, s.facts);
      continue;
    }
    if (governing_predicate(s.head) != p) continue;
    // (Not through a name: a channel hanging on a state's or an agency's phrase is that
    // phrase's, however the parser attached the phrase.)
    int top = s.head;
    bool through_name = false;
    while (w(top).head != p) {
      // (Nor from inside an "among ...", "despite ..." phrase on the way up.)
      if ((g_.rel_is(top, "nmod") || g_.rel_is(top, "obl")) &&
          rules_.non_arguments.contains(g_.preposition(top)))
        through_name = true;
      // (Nor from inside the agent's by-phrase: "fitted ... by JICA, Japan's aid agency"; a
      // by-phrase that is the channel itself counts: "characterized by economic support".)
      if (g_.rel_is(top, "obl") && g_.preposition(top) == "by" && w(top).upos != "VERB")
        through_name = true;
      top = w(top).head;
      if (const Slot* o = g_.slot_of(top); o && o != &s && o->facts->type != Type::kInstrument)
        through_name = true;
      // (Nor one of the topics a plural names: "meetings on issues from trade to security" are
      // no trade.)
      if (top != p && rules_.topic_nouns.contains(ascii_lower(w(top).form))) through_name = true;
    }
    if (argument(top) && !through_name) add_unique(out, s.facts);
  }
  return out;
}

bool SentenceRoles::spent_on_channel(const Slot& s) const {
  if (!rules_.spending_nouns.contains(ascii_lower(w(s.head).form))) return false;
  for (int c : g_.children(s.head)) {
    const std::string_view prep = g_.preposition(c);
    if (!g_.rel_is(c, "nmod") || !(prep == "in" || prep == "into")) continue;
    for (const Slot& o : g_.slots()) {
      if (&o == &s || o.facts->type != Type::kInstrument || !g_.dominated_by(o.head, c)) continue;
      const std::string_view id = o.facts->id;
      if (rules_.spending_channels.contains(id.substr(id.find('/') + 1))) return true;
    }
  }
  return false;
}

bool SentenceRoles::describes_ties(const Slot& s) const {
  const int h = w(s.head).head;
  return h >= 0 && (g_.rel_is(s.head, "amod") || g_.rel_is(s.head, "compound")) &&
         rules_.tie_nouns.contains(w(h).lemma);
}

bool SentenceRoles::language_object(int o) const {
  std::string lower = w(o).form;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return rules_.languages.contains(lower);
}

bool SentenceRoles::owned_by_other(const EntityFacts* instrument, const Entities& agents) const {
  for (const Slot& s : g_.slots()) {
    if (s.facts != instrument) continue;
    for (int c : g_.children(s.head))
      if (g_.rel_is(c, "nmod:poss") || g_.rel_is(c, "amod") || g_.rel_is(c, "compound"))
        if (const Slot* o = g_.slot_of(c);
            o && o != &s && state_like(o->facts) &&
            std::find(agents.begin(), agents.end(), o->facts) == agents.end())
          return true;
  }
  return false;
}

bool SentenceRoles::policy_subject(int p) const {
  for (std::string_view rel : {"nsubj", "nsubj:pass"})
    for (int s : subject_words(p, rel))
      if (rules_.policy_nouns.contains(w(s).lemma)) return true;
  return false;
}

const RelationPattern* SentenceRoles::pattern_for(int p) const {
  const Word& x = w(p);
  // (The lemmatiser's suffix rules misread some unseen -ed forms: "accredited" -> "accredite".
  // The form less "-ed" may name a trigger the lemma misses.)
  std::string bare;
  if (x.upos == "VERB" && x.form.size() > 4 && x.form.ends_with("ed")) {
    bare = ascii_lower(std::string_view(x.form).substr(0, x.form.size() - 2));
    if (bare == x.lemma) bare.clear();
  }
  // A verb of describing says what a policy consists of: "Japan's engagement is characterized by
  // grants" (the any-lemma pattern leaves such verbs out otherwise). (Or an adjective that says
  // where a policy shows: "Japan's engagement is most visible in its grants".)
  const bool shows_in = x.upos == "ADJ" && rules_.showing_adjectives.contains(x.lemma) &&
                        !g_.children_with(p, "cop").empty();
  for (const RelationPattern& pat : rules_.patterns) {
    if (pat.kind == "nominal") continue;
    const bool describes_policy =
        pat.lemmas.empty() &&
        ((pat.inert.contains(x.lemma) && pat.upos.contains(x.upos)) || shows_in) &&
        policy_subject(p);
    if (!describes_policy && !RelationRules::takes(pat, x.lemma, x.upos) &&
        (bare.empty() || pat.lemmas.empty() || !RelationRules::takes(pat, bare, x.upos)))
      continue;
    // An institution that hosts or receives is acting, not a country taking in a foreign
    // presence: "the centre hosts film nights".
    if (pat.kind == "receive") {
      bool place = false, agency = false;
      for (int s : subject_words(p, "nsubj"))
        for (const EntityFacts* f : resolve(s)) {
          place |= place_like(f);
          agency |= roles::institution(f);
        }
      if (agency && !place) continue;
    }
    if (pat.intransitive && !objects(p).empty()) continue;
    if (pat.requires_agent) {
      bool party = false;
      for (const EntityFacts* f : role_entities(p, pat.agent, false))
        party |= state_like(f) || roles::institution(f);
      if (!party) continue;
    }
    if (!pat.subjects.empty()) {
      bool found = false;
      for (int x : subject_words(p, "nsubj"))
        for (int c : counted(x)) found |= pat.subjects.contains(w(c).lemma);
      if (!found) continue;
    }
    if (!pat.objects.empty()) {
      bool found = false;
      for (int o : g_.children(p)) {
        if (!g_.rel_is(o, "obj") && w(o).deprel != "nsubj:pass") continue;
        for (int c : counted(o)) found |= pat.objects.contains(w(c).lemma);
      }
      if (!found) continue;
    }
    return &pat;
  }
  return nullptr;
}

}  // namespace softgraph
