// SentenceRoles, what a word stands for: a mention, the names of a list, an anaphor's antecedent,
// the state behind a proxy or policy noun, the place a part names (the roles and the modality of
// an act are in sentence_roles.cpp).
#include "sentence_roles.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph {

using namespace roles;

Entities SentenceRoles::resolve(int i, bool conjuncts) const {
  Entities out;
  const std::vector<int> words = conjuncts ? g_.with_conjuncts(i) : std::vector<int>{i};
  for (int w : words)
    if (!denied(w)) resolve_one(w, out);
  // A list of organisations the parser did not coordinate ("member of A, B, C and D").
  if (const Slot* s = g_.slot_of(i); conjuncts && s && institution(s->facts)) {
    const int k = static_cast<int>(s - g_.slots().data());
    for (int next : g_.listed_after(k))
      if (institution(g_.slots()[static_cast<std::size_t>(next)].facts))
        add_unique(out, g_.slots()[static_cast<std::size_t>(next)].facts);
  }
  return out;
}

std::vector<int> SentenceRoles::colon_list(int i) const {
  // The colon: the first one after i, with only words of i's phrase between them (the parser
  // may hang the list itself anywhere).
  int colon = i + 1;
  while (colon < g_.size() && w(colon).form != ":" && g_.dominated_by(colon, i)) ++colon;
  if (colon + 1 >= g_.size() || w(colon).form != ":") return {};
  int first = colon + 1;
  if (w(first).lemma == "the") ++first;
  const Slot* s = g_.slot_of(first);
  if (!s || s->first != first) return {};
  const int k = static_cast<int>(s - g_.slots().data());
  std::vector<int> out = g_.listed_after(k);
  if (out.empty()) return {};
  out.insert(out.begin(), k);
  return out;
}

void SentenceRoles::learners_origin(int i, Entities& out) const {
  places_through(i, {"from", "of"}, out);
  // ("Afghan students", "Kyrgyzstan's students".)
  for (int c : g_.children(i))
    if (g_.rel_is(c, "amod") || g_.rel_is(c, "compound") || g_.rel_is(c, "nmod:poss"))
      if (const Slot* s = g_.slot_of(c); s && place_like(s->facts)) add_unique(out, s->facts);
}

void SentenceRoles::places_through(int i, std::initializer_list<std::string_view> preps,
                                   Entities& out) const {
  for (std::string_view prep : preps)
    for (int c : with_prep(i, prep)) {
      Entities here;
      resolve_one(c, here);
      for (const EntityFacts* f : here)
        if (place_like(f)) add_unique(out, f);
    }
}

void SentenceRoles::resolve_one(int i, Entities& out) const {
  if (const Slot* s = g_.slot_of(i)) {
    // "students from Mongolia" names an education channel and, as a recipient, a place.
    if (s->facts->type == roles::Type::kInstrument && rules_.learners.contains(w(i).lemma)) {
      const std::size_t before = out.size();
      learners_origin(i, out);
      if (out.size() > before) return;
    }
    // "Japanese volunteers teach ...", "Cuban doctors work ...": people a channel names stand
    // for the state they come from where it is named on them.
    // (Not an organisation: "Chinese news organizations are well-funded" funds nothing abroad.)
    if (s->facts->type == roles::Type::kInstrument && rules_.proxies.contains(w(i).lemma) &&
        !rules_.owner_nouns.contains(w(i).lemma)) {
      const std::size_t before = out.size();
      owners(i, out);
      if (out.size() > before) return;
    }
    add_unique(out, s->facts);
    return;
  }
  const Word& x = w(i);
  const std::string& lemma = x.lemma;
  if (rules_.learners.contains(lemma)) {
    const std::size_t before = out.size();
    learners_origin(i, out);
    if (out.size() > before) return;
  }
  // "a number of Bosnian students", "thousands of students from Kyrgyzstan": what is counted.
  if (rules_.amount_nouns.contains(lemma) && !g_.slot_of(i)) {
    const std::size_t before = out.size();
    for (int c : counted(i))
      if (c != i) resolve_one(c, out);
    if (out.size() > before) return;
  }
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
    // (A clause set off by commas that the parser hung elsewhere: "The United States, which
    // gives ..., would be" read as parataxis. The name just before the comma.)
    if ((clause < 0 || !g_.rel_is(clause, "acl")) && lemma != "that" && i >= 2 &&
        w(i - 1).form == ",")
      if (const Slot* s = g_.slot_of(i - 2); s && s->last == i - 2) {
        resolve_one(s->head, out);
        return;
      }
    if (clause < 0 || !g_.rel_is(clause, "acl") || w(clause).head < 0) return;
    const int noun = w(clause).head;
    const std::size_t before = out.size();
    resolve_one(noun, out);
    // "X launched initiatives that blended language teaching and ...": a programme that names
    // no owner is the one its launcher made.
    if (out.size() == before && rules_.owner_nouns.contains(w(noun).lemma) &&
        g_.rel_is(noun, "obj") && w(noun).head >= 0)
      for (int subject : g_.children_with(w(noun).head, "nsubj")) {
        Entities here;
        resolve_one(subject, here);
        for (const EntityFacts* f : here)
          if (state_like(f) || institution(f)) add_unique(out, f);
      }
    return;
  }
  const bool pronoun = x.upos == "PRON" || x.upos == "DET";
  // "a development fund, the SFD": the name in apposition.
  if (!pronoun) {
    const std::size_t before = out.size();
    // ("three countries: Fiji, Tonga and Samoa": a group's apposition with its conjuncts.)
    for (int c : g_.children(i))
      if (g_.rel_is(c, "appos") && g_.slot_of(c)) {
        if (!rules_.groups.contains(lemma)) {
          add_unique(out, g_.slot_of(c)->facts);
          continue;
        }
        for (int a : g_.with_conjuncts(c))
          if (const Slot* s = g_.slot_of(a)) add_unique(out, s->facts);
      }
    // ("eight countries in Oceania: Australia, Fiji, ... and Vanuatu": the list after the
    // colon that ends the group's phrase, which the parser rarely hangs on the group.)
    if (out.size() == before && rules_.groups.contains(lemma))
      for (int k : colon_list(i)) add_unique(out, g_.slots()[static_cast<std::size_t>(k)].facts);
    if (out.size() > before) return;
  }
  // "Philippine President Fidel Ramos", "Ramos, the Philippine president": a person named with
  // a proxy title stands for the title's state.
  if (x.upos == "PROPN") {
    const std::size_t before = out.size();
    for (int c : g_.children(i))
      if ((g_.rel_is(c, "nmod") || g_.rel_is(c, "compound") || g_.rel_is(c, "appos")) &&
          !g_.rel_is(c, "nmod:poss") && rules_.proxies.contains(w(c).lemma) && !g_.slot_of(c))
        resolve_one(c, out);
    if (out.size() > before) return;
  }
  // "USAID programmes", "the DAAD's scholarship programme": the institution behind the noun.
  if (!pronoun && rules_.owner_nouns.contains(lemma)) {
    const std::size_t before = out.size();
    for (int c : g_.children(i))
      if (g_.rel_is(c, "compound") || g_.rel_is(c, "nmod:poss"))
        if (const Slot* s = g_.slot_of(c); s && institution(s->facts)) add_unique(out, s->facts);
    if (out.size() > before) return;
  }
  // "its network of Confucius Institutes": the institutions of the set.
  if (!pronoun && rules_.collectives.contains(lemma)) {
    const std::size_t before = out.size();
    for (int c : with_prep(i, "of"))
      for (const EntityFacts* f : resolve(c))
        if (institution(f)) add_unique(out, f);
    if (out.size() > before) return;
  }
  // "the western provinces of Afghanistan": a part of a place is the place.
  if (!pronoun && rules_.parts.contains(lemma)) {
    const std::size_t before = out.size();
    // ("officers of the Kyrgyz army": through a proxy noun to its state.)
    places_through(i, {"of", "from"}, out);
    for (int c : g_.children_with(i, "nmod:poss"))
      if (const Slot* s = g_.slot_of(c); s && place_like(s->facts)) add_unique(out, s->facts);
    if (out.size() > before) return;
  }
  // "the Lao government", "Japan's embassy", "USAID's engagement": the party behind the noun.
  if ((rules_.proxies.contains(lemma) || rules_.policy_nouns.contains(lemma)) && !pronoun) {
    const std::size_t before = out.size();
    owners(i, out);
    if (out.size() > before) return;
  }
  resolve_anaphor(i, out);
}

// The owner of a proxy or policy noun: its possessor, adjective, compound or "of" phrase
// ("Japan's", "Japanese", "of Japan", "experts from the EU"), never a place or a partner named
// with another preposition ("engagement in Armenia", "ties with Laos"). A policy noun may belong to
// an institution too ("USAID's engagement"); a proxy ("government", "embassy") only to a state.
void SentenceRoles::owners(int i, Entities& out) const {
  const bool policy = rules_.policy_nouns.contains(w(i).lemma);
  for (int c : g_.children(i)) {
    const bool nmod = g_.rel_is(c, "nmod") && !g_.rel_is(c, "nmod:poss");
    const std::string_view prep = g_.preposition(c);
    if (nmod && !(prep.empty() || prep == "of" || prep == "from")) continue;
    if (!(nmod || g_.rel_is(c, "nmod:poss") || g_.rel_is(c, "amod") || g_.rel_is(c, "compound")))
      continue;
    const Slot* s = g_.slot_of(c);
    if (s && (state_like(s->facts) || (policy && institution(s->facts) && !g_.rel_is(c, "amod"))))
      add_unique(out, s->facts);
    // (Through a proxy: "the UK Government's engagement".)
    if (!s && policy && g_.rel_is(c, "nmod:poss") && rules_.proxies.contains(w(c).lemma)) {
      Entities via;
      resolve_one(c, via);
      for (const EntityFacts* f : via)
        if (state_like(f)) add_unique(out, f);
    }
  }
}

// Anaphors and descriptions: "the institute", "both countries", "it", "the region", "nations such
// as X and Y", "the Lao government".
void SentenceRoles::resolve_anaphor(int i, Entities& out) const {
  const Word& x = w(i);
  const std::string& lemma = x.lemma;
  const bool pronoun = x.upos == "PRON" || x.upos == "DET";
  const bool definite = [&] {
    for (int c : g_.children(i))
      if (g_.rel_is(c, "det") &&
          (w(c).lemma == "the" || w(c).lemma == "this" || w(c).lemma == "that" ||
           w(c).lemma == "these" || w(c).lemma == "those"))
        return true;
    return false;
  }();
  const bool two = [&] {
    for (int c : g_.children(i))
      if (w(c).lemma == "two" || w(c).lemma == "both") return true;
    return false;
  }();
  // "the Lao government" names its state, even when the state is not recognised: no anaphor.
  const bool proper_modifier = [&] {
    for (int c : g_.children(i))
      if ((g_.rel_is(c, "amod") || g_.rel_is(c, "compound") || g_.rel_is(c, "nmod:poss")) &&
          !w(c).form.empty() && w(c).form[0] >= 'A' && w(c).form[0] <= 'Z')
        return true;
    return false;
  }();
  // ("Both countries": the plural form, as the lemma is the singular. Not "the 14 Pacific Island
  // countries", "the African countries": named by their region.)
  const std::string lower = ascii_lower(x.form);
  if ((rules_.plural_anaphors.contains(lemma) || rules_.plural_anaphors.contains(lower)) &&
      (pronoun || two) && (pronoun || !proper_modifier)) {
    const Entities& ante = d_.subjects.size() >= 2 ? d_.subjects
                           : d_.states.size() >= 2 ? d_.states
                                                   : d_.subjects;
    for (const EntityFacts* f : ante) add_unique(out, f);
    if (ante.size() < 2 && d_.section_country) {
      add_unique(out, d_.section_country);
      add_unique(out, d_.main_country);
    }
    return;
  }
  // "The institute", "these centres": the institution of that kind the text just named (by a
  // word of its name), or the only one it named.
  if (!pronoun && definite && !proper_modifier && rules_.owner_nouns.contains(lemma) &&
      !d_.institutions.empty()) {
    const std::size_t before = out.size();
    for (const EntityFacts* f : d_.institutions) {
      const std::string_view id = f->id;
      const std::string_view name = id.substr(id.find('/') + 1);
      for (std::size_t b = 0; b < name.size();) {
        std::size_t e = name.find('_', b);
        if (e == std::string_view::npos) e = name.size();
        if (name.substr(b, e - b) == lemma) add_unique(out, f);
        b = e + 1;
      }
    }
    if (out.size() == before && d_.institutions.size() == 1) add_unique(out, d_.institutions[0]);
    // ("These programmes" after several named: all of them.)
    if (out.size() == before && d_.institutions.size() > 1 && lower != lemma)
      for (const EntityFacts* f : d_.institutions) add_unique(out, f);
    if (out.size() > before) return;
  }
  // "across the region": in a text about a region, that region.
  if (rules_.region_anaphors.contains(lemma) && definite && !proper_modifier && d_.focus_place &&
      d_.focus_place->type == Type::kRegion && g_.children_with(i, "nmod").empty()) {
    add_unique(out, d_.focus_place);
    return;
  }
  // ("this approach": a policy noun with no owner is the last subject's.)
  if ((rules_.singular_anaphors.contains(lemma) || rules_.policy_nouns.contains(lemma)) &&
      (pronoun || (definite && !proper_modifier))) {
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
  // (Also with an article: "the 14 Pacific Island countries", "the countries including X".)
  if (rules_.groups.contains(lemma) && !pronoun) {
    bool named = false;
    for (int c : g_.children(i)) {
      const std::string_view prep = g_.preposition(c);
      if (g_.rel_is(c, "appos") || g_.rel_is(c, "flat") || g_.rel_is(c, "compound") ||
          (g_.rel_is(c, "nmod") && (prep == "as" || prep == "such" || prep == "including" ||
                                    prep == "include" || prep == "like"))) {
        const std::size_t before = out.size();
        for (int x : g_.with_conjuncts(c)) resolve_one(x, out);
        named |= out.size() > before;
      }
    }
    if (named) return;
    // "40 African countries", "Central Asian states": the region they are of.
    for (int c : g_.children(i))
      if (const Slot* s = g_.slot_of(c); s && s->facts->type == roles::Type::kRegion &&
                                         (g_.rel_is(c, "amod") || g_.rel_is(c, "compound"))) {
        add_unique(out, s->facts);
        named = true;
      }
    if (named) return;
  }
  if ((rules_.proxies.contains(lemma) || rules_.policy_nouns.contains(lemma)) && !pronoun)
    owners(i, out);
}

const EntityFacts* SentenceRoles::earlier_subject(int i) const {
  const EntityFacts* found = nullptr;
  for (int x = 0; x < i; ++x) {
    if (!(w(x).deprel == "nsubj" || w(x).deprel == "nsubj:pass")) continue;
    if (const Slot* s = g_.slot_of(x); s && (state_like(s->facts) || institution(s->facts)))
      found = s->facts;
  }
  return found;
}

}  // namespace softgraph
