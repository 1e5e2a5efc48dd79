// Comparisons that presuppose the compared party does the same act: "Japan gives more
// scholarships than Korea", "the second-largest investor in Turkmenistan after China", "China has
// overtaken Russia as Kazakhstan's largest trading partner". The words are the `comparison` lists
// of schemas/relations.json.
#include <string>

#include "sentence_roles.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph {

using namespace roles;

namespace {

// The lower-case words from..to (inclusive), joined by spaces.
std::string phrase(const SentenceGraph& g, int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i) {
    if (!out.empty()) out += ' ';
    out += ascii_lower(g.word(i).form);
  }
  return out;
}

// The index of the word before the phrase of slot s, its article aside (-1 at the start).
int word_before(const SentenceGraph& g, const Slot& s) {
  int k = s.first - 1;
  while (k >= 0 && g.word(k).upos == "DET" && g.word(k).head == s.head) --k;
  return k;
}

}  // namespace

bool SentenceRoles::denied(int i) const {
  const Slot* s = g_.slot_of(i);
  if (!s) return false;
  const int k = word_before(g_, *s);
  for (int n = 1; n <= 3 && k - n + 1 >= 0; ++n)
    if (rules_.comparison.denials.contains(phrase(g_, k - n + 1, k))) return true;
  return false;
}

int SentenceRoles::as_predicate(int n) const {
  const int v = w(n).head;
  if (v < 0 || !(g_.rel_is(n, "obl") || g_.rel_is(n, "advcl") || g_.rel_is(n, "xcomp")) ||
      g_.preposition(n) != "as")
    return -1;
  return rules_.comparison.as_predicate_verbs.contains(w(v).lemma) ? v : -1;
}

Entities SentenceRoles::compared(int p) const {
  const ComparisonWords& cmp = rules_.comparison;
  // (Or in an elliptic clause of its own: "than China does".)
  // (Not in a conjunct of p's: "the largest ally and the largest trading partner after China"
  // ranks the partner only.)
  const auto in_clause = [&](int i) {
    if (i == p) return true;
    for (int q = i; q >= 0 && q != p; q = w(q).head)
      if (g_.rel_is(q, "conj")) return false;
    const int gov = governing_predicate(i);
    return gov == p || (gov >= 0 && w(gov).lemma == "do" && w(gov).head == p);
  };
  // A rank in the clause ("second", "largest") lets "after X" compare; an "as"/"so" before
  // "many", "much" or an adjective lets a later "as X".
  bool ranked = false;
  int equative_from = -1;
  for (int i = 0; i < g_.size(); ++i) {
    const Word& x = w(i);
    const std::string lower = ascii_lower(x.form);
    if (in_clause(i) && (cmp.ranks.contains(lower) || ((x.upos == "ADJ" || x.upos == "ADV") &&
                                                       lower.ends_with("est") && x.lemma != lower)))
      ranked = true;
    if (equative_from < 0 && i + 1 < g_.size() &&
        (cmp.equative_markers.contains(lower) || lower == "so") &&
        (w(i + 1).lemma == "many" || w(i + 1).lemma == "much" || w(i + 1).upos == "ADJ" ||
         w(i + 1).upos == "ADV"))
      equative_from = i + 1;
  }
  Entities out;
  const auto add = [&](int x) {
    for (const EntityFacts* f : resolve(x))
      if (state_like(f) || institution(f)) add_unique(out, f);
  };
  // The object of a verb of comparison: "has overtaken Russia", "rivals Japan".
  if (cmp.verbs.contains(w(p).lemma))
    for (int o : g_.children_with(p, "obj")) add(o);
  for (const Slot& s : g_.slots()) {
    if (!in_clause(s.head) || s.head == p) continue;
    const int k = word_before(g_, s);
    if (k < 0) continue;
    // ("as Russia did", "than China does": the party named with its own verb.)
    const bool own_verb = s.last + 1 < g_.size() && w(s.last + 1).lemma == "do";
    bool marked = false;
    for (int n = 1; n <= 3 && k - n + 1 >= 0 && !marked; ++n) {
      const std::string before = phrase(g_, k - n + 1, k);
      marked = cmp.markers.contains(before) ||
               (cmp.equative_markers.contains(before) &&
                (own_verb || (equative_from >= 0 && equative_from < k))) ||
               (cmp.ranked_markers.contains(before) && ranked);
    }
    if (k >= 1 && cmp.excluded.contains(phrase(g_, k - 1, k))) marked = false;
    if (marked) add(s.head);
  }
  return out;
}

}  // namespace softgraph
