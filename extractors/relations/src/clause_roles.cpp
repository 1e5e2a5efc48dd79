#include "clause_roles.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace softgraph {
namespace {

using Type = EntityFacts::Type;
using Entities = std::vector<const EntityFacts*>;

bool state_like(const EntityFacts* f) { return f && (f->type == Type::kState || f->bloc); }
bool institution(const EntityFacts* f) { return f && f->type == Type::kInstitution && !f->bloc; }
bool place_like(const EntityFacts* f) {
  return f && ((f->type == Type::kState && !f->bloc) || f->type == Type::kRegion);
}

void add_unique(Entities& out, const EntityFacts* f) {
  if (f && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
}

class ClauseReader {
 public:
  ClauseReader(const SentenceGraph& g, const RelationRules& rules, const Discourse& d)
      : g_(g), rules_(rules), d_(d) {}

  std::vector<Claim> run() {
    for (int i = 0; i < g_.size(); ++i) respectively_ |= w(i).lemma == "respectively";
    for (int p = 0; p < g_.size(); ++p) predicate(p);
    for (const Slot& s : g_.slots())
      if (s.facts->type == Type::kInstrument && !describes_ties(s)) nominal(s);
    for (const Slot& s : g_.slots())
      if (institution(s.facts)) {
        owners(s);
        described(s);
      }
    return std::move(out_);
  }

  // The entities word i stands for: its mention, an anaphor's antecedents, or the state behind
  // a proxy noun ("the Chinese government", "Japan's embassy"); with its conjuncts.
  Entities resolve(int i, bool conjuncts = true) const {
    Entities out;
    const std::vector<int> words = conjuncts ? g_.with_conjuncts(i) : std::vector<int>{i};
    for (int w : words) resolve_one(w, out);
    // A list of organisations the parser did not coordinate ("member of A, B, C and D").
    if (const Slot* s = g_.slot_of(i); conjuncts && s && institution(s->facts)) {
      const int k = static_cast<int>(s - g_.slots().data());
      for (int next : g_.listed_after(k))
        if (institution(g_.slots()[static_cast<std::size_t>(next)].facts))
          add_unique(out, g_.slots()[static_cast<std::size_t>(next)].facts);
    }
    return out;
  }

 private:
  const Word& w(int i) const { return g_.word(i); }

  void resolve_one(int i, Entities& out) const {
    if (const Slot* s = g_.slot_of(i)) {
      add_unique(out, s->facts);
      return;
    }
    const Word& x = w(i);
    const std::string& lemma = x.lemma;
    // Relative pronouns stand for the noun their clause modifies.
    if (lemma == "whose" && x.upos == "PRON") {  // "China, whose Export-Import Bank lent ..."
      int clause = w(x.head >= 0 ? x.head : i).head;
      if (clause >= 0 && (g_.rel_is(clause, "acl") || g_.rel_is(clause, "parataxis")) &&
          w(clause).head >= 0)
        resolve_one(w(clause).head, out);
      return;
    }
    if ((lemma == "which" || lemma == "that" || lemma == "who") && x.upos == "PRON") {
      const int clause = x.head;
      if (clause >= 0 && g_.rel_is(clause, "acl") && w(clause).head >= 0)
        resolve_one(w(clause).head, out);
      return;
    }
    const bool pronoun = x.upos == "PRON" || x.upos == "DET";
    // "a development fund, the SFD": the name in apposition.
    if (!pronoun) {
      const std::size_t before = out.size();
      for (int c : g_.children(i))
        if (g_.rel_is(c, "appos"))
          if (const Slot* s = g_.slot_of(c)) add_unique(out, s->facts);
      if (out.size() > before) return;
    }
    // "the western provinces of Afghanistan": a part of a place is the place.
    if (!pronoun && rules_.parts.contains(lemma)) {
      const std::size_t before = out.size();
      for (std::string_view prep : {"of", "from"})
        for (int c : with_prep(i, prep))
          if (const Slot* s = g_.slot_of(c); s && place_like(s->facts)) add_unique(out, s->facts);
      for (int c : g_.children_with(i, "nmod:poss"))
        if (const Slot* s = g_.slot_of(c); s && place_like(s->facts)) add_unique(out, s->facts);
      if (out.size() > before) return;
    }
    // "the Lao government", "Japan's embassy": the state behind the noun.
    if (rules_.proxies.contains(lemma) && !pronoun) {
      const std::size_t before = out.size();
      for (int c : g_.children(i))
        if (g_.rel_is(c, "nmod") || g_.rel_is(c, "amod") || g_.rel_is(c, "compound"))
          if (const Slot* s = g_.slot_of(c); s && state_like(s->facts)) add_unique(out, s->facts);
      if (out.size() > before) return;
    }
    const bool definite = [&] {
      for (int c : g_.children(i))
        if (g_.rel_is(c, "det") &&
            (w(c).lemma == "the" || w(c).lemma == "this" || w(c).lemma == "that"))
          return true;
      return false;
    }();
    const bool two = [&] {
      for (int c : g_.children(i))
        if (w(c).lemma == "two" || w(c).lemma == "both") return true;
      return false;
    }();
    if (rules_.plural_anaphors.contains(lemma) && (pronoun || two)) {
      const Entities& ante = d_.subjects.size() >= 2 ? d_.subjects
                             : d_.states.size() >= 2  ? d_.states
                                                      : d_.subjects;
      for (const EntityFacts* f : ante) add_unique(out, f);
      if (ante.size() < 2 && d_.section_country) {
        add_unique(out, d_.section_country);
        add_unique(out, d_.main_country);
      }
      return;
    }
    // "the Lao government" names its state, even when the state is not recognised: no anaphor.
    const bool proper_modifier = [&] {
      for (int c : g_.children(i))
        if ((g_.rel_is(c, "amod") || g_.rel_is(c, "compound") || g_.rel_is(c, "nmod:poss")) &&
            !w(c).form.empty() && w(c).form[0] >= 'A' && w(c).form[0] <= 'Z')
          return true;
      return false;
    }();
    if (rules_.singular_anaphors.contains(lemma) && (pronoun || (definite && !proper_modifier))) {
      if (const EntityFacts* f = earlier_subject(i))
        add_unique(out, f);
      else if (!d_.subjects.empty())
        add_unique(out, d_.subjects.front());
      else if (d_.section_country)
        add_unique(out, d_.section_country);
      else
        add_unique(out, d_.main_country);
      return;
    }
    // "nations such as X and Y", "neighbours Japan and Fiji": the names are meant.
    if (rules_.groups.contains(lemma) && !pronoun && !definite) {
      bool named = false;
      for (int c : g_.children(i)) {
        const std::string_view prep = g_.preposition(c);
        if (g_.rel_is(c, "appos") || g_.rel_is(c, "flat") || g_.rel_is(c, "compound") ||
            (g_.rel_is(c, "nmod") &&
             (prep == "as" || prep == "such" || prep == "including" || prep == "include" ||
              prep == "like"))) {
          const std::size_t before = out.size();
          for (int x : g_.with_conjuncts(c)) resolve_one(x, out);
          named |= out.size() > before;
        }
      }
      if (named) return;
    }
    if (rules_.proxies.contains(lemma) && !pronoun)
      for (int c : g_.children(i))
        if (g_.rel_is(c, "nmod") || g_.rel_is(c, "amod") || g_.rel_is(c, "compound"))
          if (const Slot* s = g_.slot_of(c); s && state_like(s->facts)) add_unique(out, s->facts);
  }

  // The subject of an earlier clause of the sentence, for a pronoun after it: "TIKA has an
  // office in Bishkek, from which it runs ...".
  const EntityFacts* earlier_subject(int i) const {
    const EntityFacts* found = nullptr;
    for (int x = 0; x < i; ++x) {
      if (!(w(x).deprel == "nsubj" || w(x).deprel == "nsubj:pass")) continue;
      if (const Slot* s = g_.slot_of(x); s && (state_like(s->facts) || institution(s->facts)))
        found = s->facts;
    }
    return found;
  }

  // A word that heads a clause: a verb, or a noun or adjective with a subject or a copula.
  bool is_predicate(int i) const {
    if (w(i).upos == "VERB") return true;
    for (int c : g_.children(i))
      if (g_.rel_is(c, "nsubj") || g_.rel_is(c, "cop")) return true;
    return false;
  }

  bool negated_word(int i) const {
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

  // Negated, hedged, conditional or planned: the act is not asserted to have happened.
  bool irrealis(int p) const {
    for (int q = p, steps = 0; q >= 0 && steps < 8; ++steps) {
      if (negated_word(q)) return true;
      for (int c : g_.children(q)) {
        if (g_.rel_is(c, "aux") && rules_.modals.contains(w(c).lemma)) return true;
        if (g_.rel_is(c, "mark") && (w(c).lemma == "if" || w(c).lemma == "unless")) return true;
      }
      if (q != p && rules_.plans.contains(w(q).lemma)) return true;
      const int h = w(q).head;
      if (h < 0) break;
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

  // Whether p's subject (own or inherited) is a name of something that is no entity here
  // ("the programme funds ..."): such an act has an agent, just not one of ours.
  bool has_named_subject(int p) const {
    for (int x : subject_words(p, "nsubj"))
      if (w(x).upos == "PROPN") return true;
    return false;
  }

  // The state whose part of the text this is, as the agent of an act that names none. In a text
  // about one state's relations a partner's section does not tell who acts, so none there.
  const EntityFacts* scope_agent() const {
    return d_.main_country ? nullptr : d_.section_country;
  }

  bool has_own_subject(int p) const {
    for (int c : g_.children(p))
      if (g_.rel_is(c, "nsubj") || g_.rel_is(c, "csubj")) return true;
    return false;
  }

  // The subject words of p, inherited from the clause that controls or coordinates it.
  std::vector<int> subject_words(int p, std::string_view rel) const {
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
      // "..., with the Diyanet Foundation supporting ...": the with-phrase before a subjectless
      // clause on the same verb is its subject.
      if (q == p && rel == "nsubj" && g_.rel_is(q, "advcl") && w(q).head >= 0)
        for (int h : {q, w(q).head})
          for (int c : g_.children(h))
            if (g_.rel_is(c, "obl") && g_.preposition(c) == "with" && c < q && q - c <= 3)
              return {c};
      // "Both, however, are members of ..." parsed with "both" as the noun's determiner.
      if (q == p && rel == "nsubj")
        for (int c : g_.children(q))
          if (g_.rel_is(c, "det") && c < q && rules_.plural_anaphors.contains(w(c).lemma))
            return {c};
      if (!(g_.rel_is(q, "xcomp") || g_.rel_is(q, "conj") || g_.rel_is(q, "advcl"))) return {};
      q = w(q).head;
    }
    return {};
  }

  std::vector<int> with_prep(int head, std::string_view prep) const {
    std::vector<int> out;
    for (int c : g_.children(head))
      if ((g_.rel_is(c, "obl") || g_.rel_is(c, "nmod") || g_.rel_is(c, "advcl")) &&
          g_.preposition(c) == prep && !g_.rel_is(c, "nmod:poss"))
        out.push_back(c);
    return out;
  }

  // The words of p's objects and of the phrases below them, `depth` levels down ("most of its
  // gas from ..."): where parsers hang a from-phrase or a place.
  std::vector<int> down_objects(int p, int depth) const {
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
        for (int c : g_.children(o))
          if ((g_.rel_is(c, "nmod") || g_.rel_is(c, "obl")) && !g_.rel_is(c, "nmod:poss"))
            next.push_back(c);
      }
      frontier = std::move(next);
    }
    return all;
  }

  // The objects of p, and the subject of a passive p (the thing acted on).
  std::vector<int> objects(int p) const {
    std::vector<int> out = g_.children_with(p, "obj");
    for (int c : g_.children(p))
      if (w(c).deprel == "nsubj:pass") out.push_back(c);
    return out;
  }

  // The words a role names on predicate p.
  std::vector<int> role_words(int p, std::string_view role) const {
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
    if (role == "iobj") return g_.children_with(p, "iobj");
    if (role == "obj") return objects(p);
    if (role == "obj-from") {
      for (int o : objects(p)) append(with_prep(o, "from"));
      for (int o : g_.children_with(p, "iobj")) append(with_prep(o, "from"));
      return out;
    }
    if (role == "object-poss") {
      for (int o : objects(p)) append(g_.children_with(o, "nmod:poss"));
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
    if (role == "place") {
      if (rules_.venues.contains(w(p).lemma)) return out;
      // The act's place, on the verb or (as parsers often attach it) somewhere down its object:
      // "built a bridge in Laos", "fund a centre at the university in Dushanbe"; not the place
      // of an embassy or an office.
      // (A place right after an embassy or an office is its seat, however it was attached:
      // "by its embassy in Dakar".)
      auto seat = [&](int x) {
        int c = x;
        for (int k : g_.children(x))
          if (g_.rel_is(k, "case")) c = std::min(c, k);
        return c > 0 && rules_.locative_nouns.contains(w(c - 1).lemma);
      };
      auto places_of = [&](int head) {
        for (std::string_view prep : {"in", "across", "throughout", "within", "into", "inside"})
          for (int x : with_prep(head, prep))
            if (!seat(x)) out.push_back(x);
      };
      places_of(p);
      // A place fronted in the clause this one hangs on: "In Kazakhstan, Russia leans on ...,
      // whereas China relies on ...".
      if ((g_.rel_is(p, "advcl") || g_.rel_is(p, "conj") || g_.rel_is(p, "ccomp")) &&
          w(p).head >= 0)
        for (std::string_view prep : {"in", "across", "throughout", "within"})
          for (int x : with_prep(w(p).head, prep))
            if (x < p && x < w(p).head) out.push_back(x);
      for (int o : down_objects(p, 3)) {
        places_of(o);
        append(with_prep(o, "between"));  // "a bridge between Tajikistan and Afghanistan"
      }
      return out;
    }
    if (role.starts_with("prep:")) return with_prep(p, role.substr(5));
    if (role.starts_with("object-prep:")) {
      for (int o : objects(p)) append(with_prep(o, role.substr(12)));
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

  Entities role_entities(int p, const std::vector<std::string>& roles, bool first_only) const {
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
      if (first_only && !out.empty()) break;
    }
    return out;
  }

  void owner_states(const Slot& s, Entities& out) const {
    for (const Slot& o : g_.slots())
      if (std::find(s.facts->owners.begin(), s.facts->owners.end(), o.facts->id.str()) !=
          s.facts->owners.end())
        add_unique(out, o.facts);
  }

  // The nearest clause above word i, not crossing into a subject.
  int governing_predicate(int i, bool* in_subject = nullptr) const {
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

  // Whether the phrase headed by `top`, a child of an act, is one of its arguments (object,
  // oblique, complement, passive subject), not its subject, a concession or a side clause.
  bool argument(int top) const {
    const Word& t = w(top);
    if (g_.rel_is(top, "obl") || g_.rel_is(top, "nmod"))
      return !rules_.non_arguments.contains(g_.preposition(top));
    return g_.rel_is(top, "obj") || g_.rel_is(top, "iobj") || g_.rel_is(top, "xcomp") ||
           t.deprel == "nsubj:pass" || g_.rel_is(top, "compound") || g_.rel_is(top, "amod");
  }

  // The instruments an act names in its own arguments (not in its subject, nor negated: "no
  // loans").
  Entities act_instruments(int p) const {
    Entities out;
    for (const Slot& s : g_.slots()) {
      if (s.facts->type != Type::kInstrument || negated_word(s.head) || describes_ties(s)) continue;
      // A participle or relative clause on the instrument's noun: "a railway built by China".
      bool modified = (g_.rel_is(p, "acl") || g_.rel_is(p, "amod")) && w(p).head == s.head;
      if (!modified && g_.rel_is(p, "conj") && w(p).head >= 0 &&
          (g_.rel_is(w(p).head, "acl") || g_.rel_is(w(p).head, "amod")))
        modified = w(w(p).head).head == s.head;
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
        top = w(top).head;
        if (const Slot* o = g_.slot_of(top); o && o != &s && o->facts->type != Type::kInstrument)
          through_name = true;
      }
      if (argument(top) && !through_name) add_unique(out, s.facts);
    }
    return out;
  }

  // "diplomatic relations", "cultural ties": a word of a channel that describes relations, no
  // act of a channel.
  bool describes_ties(const Slot& s) const {
    const int h = w(s.head).head;
    return h >= 0 && (g_.rel_is(s.head, "amod") || g_.rel_is(s.head, "compound")) &&
           rules_.tie_nouns.contains(w(h).lemma);
  }

  // A language the act teaches or promotes: "teaches English".
  bool language_object(int o) const {
    std::string lower = w(o).form;
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return rules_.languages.contains(lower);
  }

  void emit(const EntityFacts* src, Symbol dst, std::string_view type, const RelationPattern* pat,
            Symbol rule, double confidence) {
    if (!src || src->id == dst) return;
    if (pat && !pat->yields(type)) return;
    for (const Claim& c : out_)
      if (c.source == src->id && c.target == dst && c.type == type) return;
    out_.push_back({src->id, dst, Symbol(type), pat, rule, confidence});
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
        if (pat->dative || !owned_by_other(i, agents)) emit(a, i->id, use, pat, rule, pat->confidence);
      for (Symbol i : fixed) emit(a, i, use, pat, rule, pat->confidence);
      for (const EntityFacts* r : recipients)
        if (place_like(r) && std::find(agents.begin(), agents.end(), r) == agents.end())
          emit(a, r->id, "TARGETS", pat, rule, pat->confidence);
    }
  }

  // Whether the sentence names the instrument with an owner of its own that is none of
  // `agents` ("relies on Russian aid"): then it is that owner's, not the agents'.
  bool owned_by_other(const EntityFacts* instrument, const Entities& agents) const {
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

  // The first pattern in the file's order that takes predicate p (the file's order is the
  // precedence: "establish relations" is a tie before "establish" is an act).
  const RelationPattern* pattern_for(int p) const {
    const Word& x = w(p);
    for (const RelationPattern& pat : rules_.patterns) {
      if (pat.kind == "nominal" || !RelationRules::takes(pat, x.lemma, x.upos)) continue;
      if (!pat.objects.empty()) {
        bool found = false;
        for (int o : g_.children(p))
          if ((g_.rel_is(o, "obj") || w(o).deprel == "nsubj:pass") &&
              pat.objects.contains(w(o).lemma))
            found = true;
        if (!found) continue;
      }
      return &pat;
    }
    return nullptr;
  }

  void predicate(int p) {
    const RelationPattern* pat = pattern_for(p);
    if (!pat || irrealis(p)) return;
    // A phrasal use that is no act of the pattern: "builds on centuries-old bonds".
    if (!pat->not_with.empty() && objects(p).empty())
      for (int c : g_.children(p))
        if (g_.rel_is(c, "obl") && pat->not_with.contains(g_.preposition(c))) return;
    // A verb that plans, cancels or denies an act is no act of its own ("canceled its dam
    // project").
    if (rules_.plans.contains(w(p).lemma)) return;
    const bool receive = pat->kind == "receive";
    // Hosting a summit or a forum's meeting makes a venue, not a recipient.
    if (receive)
      for (int o : objects(p))
        if (rules_.venues.contains(w(o).lemma)) return;
    Entities agents = role_entities(p, pat->agent, !receive);
    // An act with no agent named (a passive, a subject that names no one: "the programme
    // funds ...") in a state's part of the text is that state's: "Turkey. ... Scholarships are
    // offered to ...". (Not a participle on a noun: "shared development goals".)
    Symbol scope_rule;
    if (agents.empty() && pat->kind == "act" && scope_agent() && !has_named_subject(p) &&
        !g_.rel_is(p, "acl") && !g_.rel_is(p, "amod")) {
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
    // An acted-on noun's possessor receives: "Kenya's railway, built by China".
    if ((g_.rel_is(p, "acl") || g_.rel_is(p, "amod")) && w(p).head >= 0)
      for (int c : g_.children_with(w(p).head, "nmod:poss"))
        for (const EntityFacts* f : resolve(c)) add_unique(recipients, f);
    std::erase_if(recipients, [&](const EntityFacts* r) {
      return std::find(agents.begin(), agents.end(), r) != agents.end();
    });
    if (pat->kind == "member") {
      // "a member of A, the B and the C": parsers hang the later names, or a "member or
      // participant of ...", on the noun itself.
      for (int c : g_.children_with(p, "conj")) {
        for (const EntityFacts* f : resolve(c)) add_unique(recipients, f);
        for (int of : with_prep(c, "of"))
          for (const EntityFacts* f : resolve(of)) add_unique(recipients, f);
      }
      for (const EntityFacts* a : agents)
        if (a->type == Type::kState && !a->bloc)
          for (const EntityFacts* r : recipients)
            if (r->bloc || (r->type == Type::kInstitution && r->owners.empty()))
              emit(a, r->id, "MEMBER_OF", pat, pat->rule, pat->confidence);
      return;
    }
    if (pat->kind == "ties") {
      // Presence: the other party of the document's state targets it.
      const EntityFacts* focus = d_.main_country;
      Entities parties = agents;
      // ("Both countries established relations ..." read as a noun and its participle.)
      if (parties.empty() && g_.rel_is(p, "acl") && w(p).head >= 0)
        for (const EntityFacts* f : resolve(w(p).head)) add_unique(parties, f);
      for (const EntityFacts* r : recipients) add_unique(parties, r);
      if (!focus || std::find(parties.begin(), parties.end(), focus) == parties.end()) return;
      for (const EntityFacts* x : parties)
        if (state_like(x) && x != focus) emit(x, focus->id, "TARGETS", pat, pat->rule, pat->confidence);
      return;
    }
    if (pat->kind == "partner") {
      Entities sides = agents;
      if (std::find(pat->recipient.begin(), pat->recipient.end(), "between") !=
          pat->recipient.end())
        for (int b : role_words(p, "between"))
          for (const EntityFacts* f : resolve(b)) add_unique(sides, f);
      auto party = [](const EntityFacts* f) { return state_like(f) || institution(f); };
      for (const EntityFacts* a : agents)
        for (const EntityFacts* r : recipients)
          if (party(a) && party(r)) emit(a, r->id, "PARTNERS_WITH", pat, pat->rule, pat->confidence);
      if (agents.empty() && sides.size() == 2 && party(sides[0]) && party(sides[1]))
        emit(sides[0], sides[1]->id, "PARTNERS_WITH", pat, pat->rule, pat->confidence);
      return;
    }
    Entities instruments = act_instruments(p);
    std::vector<Symbol> fixed;
    for (int o : objects(p))
      if (language_object(o)) {
        fixed.push_back(Symbol("instrument/language_promotion"));
        for (const EntityFacts* f : resolve(o, false))
          std::erase(recipients, f);
      }
    if (instruments.empty() && fixed.empty())
      if (std::string code = pat->fixed_instrument(w(p).lemma); !code.empty())
        fixed.push_back(Symbol("instrument/" + code));
    // A generic verb makes a relation only through an instrument it names.
    if (pat->lemmas.empty() && instruments.empty() && fixed.empty()) return;
    const Symbol rule = scope_rule.empty() ? pat->rule : scope_rule;
    if (receive) {
      act(agents, instruments, fixed, recipients, pat, rule);
      return;
    }
    act(agents, instruments, fixed, recipients, pat, rule);
    // The institution an agent works through: "through its Maarif Foundation".
    for (std::string_view prep : {"through", "via"})
      for (int x : with_prep(p, prep))
        for (const EntityFacts* inst : resolve(x)) {
          if (!institution(inst)) continue;
          for (const EntityFacts* a : agents)
            if (state_like(a) && !inst->multilateral)
              emit(a, inst->id, "OPERATES", nullptr, Symbol("pattern:operates-through"),
                   pat->confidence);
          act({inst}, instruments, fixed, recipients, pat, pat->rule);
        }
  }

  // An instrument named with its owner: "Japan's aid", "Chinese loans to Laos", "a
  // Chinese-funded project".
  void nominal(const Slot& s) {
    const RelationPattern* pat = rules_.match("nominal", w(s.head).lemma, w(s.head).upos);
    if (!pat || negated_word(s.head)) return;
    // The noun phrase the instrument heads or modifies ("aid package", "education projects").
    std::vector<int> heads{s.head};
    if ((g_.rel_is(s.head, "compound") || g_.rel_is(s.head, "amod")) && w(s.head).head >= 0)
      heads.push_back(w(s.head).head);
    // A possessor of a project is where it is ("Kenya's railway"), not who gives it.
    const bool possessor_is_place = rules_.possessor_is_place.contains(
        std::string_view(s.facts->id).substr(std::string_view(s.facts->id).find('/') + 1));
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
          // "students from Kyrgyzstan": a learner's from-phrase is where they come from.
          if (rules_.learners.contains(w(h).lemma) && g_.preposition(x) == "from") {
            for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
            continue;
          }
          if (possessor_is_place && g_.rel_is(x, "nmod:poss")) {
            for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
            continue;
          }
          add_agent(x);
        }
      // "Chinese-funded", "US-backed": the state on a participle that modifies the noun.
      for (int c : g_.children(h))
        if ((g_.rel_is(c, "amod") || g_.rel_is(c, "acl")) && w(c).upos == "VERB")
          for (int x : g_.children(c))
            if (g_.slot_of(x) &&
                (g_.rel_is(x, "compound") || g_.rel_is(x, "amod") || g_.rel_is(x, "obl") ||
                 g_.rel_is(x, "nmod") || g_.rel_is(x, "advmod")))
              add_agent(x);
      for (const std::string& role : pat->recipient)
        for (int x : role_words(h, role))
          for (const EntityFacts* f : resolve(x)) add_unique(recipients, f);
    }
    // The instrument as a copula's predicate: "Canada is the largest investor in ...".
    for (int h : heads)
      if (!g_.children_with(h, "cop").empty()) {
        if (irrealis(h)) return;
        for (int x : g_.children_with(h, "nsubj")) add_agent(x);
      }
    // A noun of a giver ("creditor", "donor"): its possessor is who receives, and the name it
    // is equated with is the giver ("Kyrgyzstan's largest creditor is China").
    if (const int giver = rules_.counterpart_nouns.contains(w(s.head).lemma)         ? s.head
                          : rules_.counterpart_nouns.contains(w(heads.back()).lemma) ? heads.back()
                                                                                     : -1;
        giver >= 0) {
      Entities receivers;
      for (int x : g_.children_with(giver, "nmod:poss"))
        for (const EntityFacts* f : resolve(x)) add_unique(receivers, f);
      std::erase_if(agents, [&](const EntityFacts* a) {
        return std::find(receivers.begin(), receivers.end(), a) != receivers.end();
      });
      for (const EntityFacts* f : receivers) add_unique(recipients, f);
      const int h = w(giver).head;
      if (g_.rel_is(giver, "nsubj") && h >= 0 && !g_.children_with(h, "cop").empty()) {
        if (irrealis(h)) return;
        add_agent(h);
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
    // (An instrument named with no owner is no one's here: an act that names it without an
    // agent takes the section's state in predicate(); a channel word near a state is no act.)
    const Symbol rule = pat->rule;
    if (agents.empty()) return;
    // The act's own agent owns what it gives: "Russia sold Armenia weapons" does not make
    // Armenia's weapons, however the parser attached Armenia.
    if (gov >= 0)
      if (const RelationPattern* act_pat = pattern_for(gov);
          act_pat && act_pat->dative) {
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
    act(agents, {s.facts}, {}, recipients, pat, rule);
  }

  // What an institution's own phrase says it does: "the Erasmus Mundus scholarship initiative",
  // "the Tempus program for modernizing higher education".
  void described(const Slot& inst) {
    int n = inst.head;
    if ((g_.rel_is(n, "compound") || g_.rel_is(n, "flat")) && w(n).head >= 0) n = w(n).head;
    if (g_.slot_of(n) && g_.slot_of(n) != &inst) return;  // another name's phrase
    for (const Slot& s : g_.slots()) {
      if (s.facts->type != Type::kInstrument || negated_word(s.head)) continue;
      bool said = w(s.head).head == n && (g_.rel_is(s.head, "compound") || g_.rel_is(s.head, "amod"));
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

  const SentenceGraph& g_;
  const RelationRules& rules_;
  const Discourse& d_;
  std::vector<Claim> out_;
  bool respectively_ = false;  // the sentence pairs its lists by position
};

}  // namespace

std::vector<Claim> sentence_claims(const SentenceGraph& g, const RelationRules& rules,
                                   const Discourse& discourse) {
  return ClauseReader(g, rules, discourse).run();
}

void update_discourse(const SentenceGraph& g, const RelationRules& rules, Discourse& d) {
  const ClauseReader reader(g, rules, d);
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
  if (!subjects.empty()) d.subjects = std::move(subjects);
  d.states = std::move(states);
}

}  // namespace softgraph
