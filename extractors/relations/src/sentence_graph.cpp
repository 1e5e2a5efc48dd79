#include "sentence_graph.hpp"

#include <algorithm>

#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"

namespace softgraph {

void SentenceGraph::parse(std::string_view text, const std::set<std::string, std::less<>>& asides) {
  thread_local std::vector<WordSpan> spans;
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<ParsedWord> parsed;
  thread_local std::vector<int> kept;  // the words the model sees, by index
  thread_local std::string phrase;
  split_words(text, spans);
  const int n = static_cast<int>(spans.size());
  auto form = [&](int i) { return text.substr(spans[i].begin, spans[i].end - spans[i].begin); };
  // A discourse adverb set off by commas mid-sentence (", however,") derails the greedy model
  // ("Both, however, are members of ..." parsed with "Both" as the root): it parses the
  // sentence without the aside, which then hangs on the predicate.
  std::vector<char> aside(static_cast<std::size_t>(n), 0);
  for (int i = 1; i < n; ++i) {
    if (form(i) != ",") continue;
    phrase.clear();
    for (int k = i + 1; k < n && k <= i + 3; ++k) {
      if (form(k) == ",") {
        if (k > i + 1 && k + 1 < n && asides.contains(phrase))
          for (int j = i; j <= k; ++j) aside[static_cast<std::size_t>(j)] = 1;
        break;
      }
      if (!phrase.empty()) phrase += ' ';
      for (char c : form(k))
        phrase += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  forms.clear();
  kept.clear();
  for (int i = 0; i < n; ++i)
    if (!aside[static_cast<std::size_t>(i)]) {
      forms.push_back(form(i));
      kept.push_back(i);
    }
  static const std::shared_ptr<const SyntaxModel> model = SyntaxModel::builtin();
  model->parse(forms, parsed);
  words_.assign(static_cast<std::size_t>(n), Word{});
  children_.assign(static_cast<std::size_t>(n), {});
  int root = -1;
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    Word& w = words_[static_cast<std::size_t>(kept[k])];
    w.lemma = parsed[k].lemma;
    // Lemmas are compared lower-case (proper nouns keep their case in the model's output).
    for (char& c : w.lemma)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    w.upos = parsed[k].upos.str();
    w.deprel = parsed[k].deprel.str();
    w.head = parsed[k].head > 0 ? kept[static_cast<std::size_t>(parsed[k].head - 1)] : -1;
    if (w.head < 0 && root < 0) root = kept[k];
  }
  for (int i = 0; i < n; ++i) {
    Word& w = words_[static_cast<std::size_t>(i)];
    w.begin = spans[i].begin;
    w.end = spans[i].end;
    w.form = std::string(form(i));
    if (aside[static_cast<std::size_t>(i)]) {
      w.lemma = w.form;
      for (char& c : w.lemma)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      w.upos = w.form == "," ? "PUNCT" : "ADV";
      w.deprel = w.form == "," ? "punct" : "advmod";
      w.head = root;
    }
    if (w.head >= 0) children_[static_cast<std::size_t>(w.head)].push_back(i);
  }
  repair();
}

void SentenceGraph::move(int i, int head, std::string_view deprel) {
  Word& w = words_[static_cast<std::size_t>(i)];
  if (w.head >= 0) {
    auto& old_children = children_[static_cast<std::size_t>(w.head)];
    old_children.erase(std::find(old_children.begin(), old_children.end(), i));
  }
  w.head = head;
  w.deprel = std::string(deprel);
  if (head < 0) return;
  auto& now = children_[static_cast<std::size_t>(head)];
  now.insert(std::upper_bound(now.begin(), now.end(), i), i);
}

// An auxiliary or copula heads nothing in UD; the model now and then hangs the subject on one
// ("To X, Qatar has so far sent ..." with Qatar under "has"): such a word belongs to the verb.
void SentenceGraph::off_function_words() {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    Word& w = words_[i];
    if (w.head < 0) continue;
    const Word& h = words_[static_cast<std::size_t>(w.head)];
    const bool function_head = h.deprel == "aux" || h.deprel == "aux:pass" || h.deprel == "cop";
    if (!function_head || h.head < 0 || w.deprel == "punct" || w.deprel == "fixed" ||
        w.deprel == "flat" || w.deprel == "goeswith")
      continue;
    move(static_cast<int>(i), h.head, w.deprel);
  }
}

// "Uganda launches China-built dam": the name before a hyphen and a participle ("China-built",
// "US-funded", "Russian-made") is who made the thing, never an argument of the clause (headline
// capitals lead the model to take it for the object).
void SentenceGraph::hyphenated_maker() {
  for (int i = 0; i + 2 < size(); ++i) {
    const Word& p = word(i + 2);
    const bool participle =
        p.upos == "VERB" ||
        (p.form.size() > 3 && (p.form.ends_with("ed") || p.form.ends_with("lt") ||
                               p.form.ends_with("de") || p.form.ends_with("wn")));
    if (word(i + 1).form != "-" || !participle || word(i).head == i + 2) continue;
    if (!(rel_is(i, "obj") || rel_is(i, "nsubj") || rel_is(i, "obl") || rel_is(i, "iobj")))
      continue;
    if (dominated_by(i + 2, i)) {
      // ("Japan - Built Bridge" read as one name: the last word of it is the thing made, and
      // takes the name's place in the clause.)
      if (word(i + 2).head != i) continue;
      int n = -1;
      for (int c : children(i))
        if (c > i + 2) n = c;
      if (n < 0) continue;
      move(n, word(i).head, word(i).deprel);
      for (int c : std::vector<int>(children(i)))
        if (c > i + 2 && c < n) move(c, n, "compound");
      move(i + 2, n, "amod");
    }
    move(i, i + 2, "compound");
    move(i + 1, i + 2, "punct");
  }
}

// "Russia, along with China, remains ...", "Turkey, together with Qatar, funds ...": a party
// named with the subject does what it does, as a conjunct would.
void SentenceGraph::comitative_subject() {
  for (int x = 0; x < size(); ++x) {
    const int h = word(x).head;
    if (h < 0) continue;
    // On the subject, or on the verb between the subject and the verb.
    int subject = -1;
    if (word(x).deprel == "nmod" && rel_is(h, "nsubj")) subject = h;
    if (word(x).deprel == "obl" && x < h)
      for (int c : children_with(h, "nsubj"))
        if (c < x) subject = c;
    if (subject < 0) continue;
    bool with = false, along = false;
    for (int c : children(x)) {
      with |= word(c).lemma == "with" && (rel_is(c, "case") || rel_is(c, "advmod"));
      along |= (word(c).lemma == "along" || word(c).lemma == "together") &&
               (rel_is(c, "case") || rel_is(c, "advmod"));
    }
    if (with && along) move(x, subject, "conj");
  }
}

// A date is no subject: "... and on 2 February 2013 joined the WTO" with "2" as the subject of
// "joined" (a day number with its year below it) would cut the verb off from its subject.
void SentenceGraph::date_subject() {
  for (int x = 0; x < size(); ++x) {
    if (word(x).deprel != "nsubj" || word(x).upos != "NUM") continue;
    for (int c : children(x)) {
      const std::string& f = word(c).form;
      if (word(c).upos == "NUM" && f.size() == 4 && f.find_first_not_of("0123456789") == f.npos) {
        words_[static_cast<std::size_t>(x)].deprel = "obl:tmod";
        break;
      }
    }
  }
}

void SentenceGraph::repair() {
  off_function_words();
  // A passive subject needs a passive auxiliary ("was", "got"): the model sometimes tags an
  // active past tense as a participle ("In 2017 China invested in Laos") and labels its
  // subject nsubj:pass, which would turn the agent into the thing acted on.
  for (std::size_t i = 0; i < words_.size(); ++i) {
    Word& w = words_[i];
    if (w.deprel != "nsubj:pass" || w.head < 0) continue;
    bool aux = false;
    for (int c : children_[static_cast<std::size_t>(w.head)])
      aux = aux || words_[static_cast<std::size_t>(c)].deprel == "aux:pass";
    if (!aux) w.deprel = "nsubj";
  }
  // A noun with an object is a verb the tagger missed ("the EU ties its grants to ...").
  for (int n = 0; n < size(); ++n)
    if (word(n).upos == "NOUN" && !children_with(n, "obj").empty() &&
        !children_with(n, "nsubj").empty())
      words_[static_cast<std::size_t>(n)].upos = "VERB";
  // A fronted participle with its by-phrase ("Financed by X, a new system ... was opened") taken
  // for the root with the clause after it as a complement: the clause is the root.
  for (int r = 0; r < size(); ++r) {
    if (word(r).head >= 0 || word(r).upos != "VERB" || children_with(r, "nsubj").size() > 0)
      continue;
    bool by = false;
    for (int c : children(r))
      by |= (rel_is(c, "obl") || rel_is(c, "nmod")) && preposition(c) == "by";
    if (!by) break;
    int clause = -1;
    for (int c : children(r))
      if (c > r && clause < 0 && (rel_is(c, "ccomp") || rel_is(c, "parataxis")) &&
          word(c).upos == "VERB" &&
          (!children_with(c, "nsubj").empty() || !children_with(c, "nsubj:pass").empty()))
        clause = c;
    if (clause < 0) break;
    move(clause, -1, "root");
    for (int c : std::vector<int>(children(r)))
      if (c > clause || word(c).deprel == "punct") move(c, clause, word(c).deprel);
    move(r, clause, "advcl");
    break;
  }
  // A determiner heads nothing but a partitive ("some of the students"): "invested some $1.3
  // billion in X" parsed with "some" as the object and the amount below it gives the amount
  // the determiner's place.
  for (int d = 0; d < size(); ++d) {
    const Word& det = word(d);
    if (det.upos != "DET" || det.head < 0 || det.deprel == "det") continue;
    int noun = -1;
    for (int c : children(d)) {
      const Word& cw = word(c);
      if (c > d && noun < 0 &&
          (cw.upos == "NOUN" || cw.upos == "PROPN" || cw.upos == "SYM" || cw.upos == "NUM") &&
          preposition(c).empty() && cw.deprel != "conj" && cw.deprel != "appos")
        noun = c;
    }
    if (noun < 0) continue;
    const std::vector<int> rest = children(d);
    move(noun, det.head, det.deprel);
    for (int c : rest)
      if (c != noun) move(c, noun, word(c).deprel);
    move(d, noun, "det");
  }
  // An amount takes no place or source of its own: "invested $1 billion in X", "borrowed $300
  // million from Y" with the phrase hung on the amount belong to the verb.
  auto amount = [&](int q) {
    const Word& x = word(q);
    return x.upos == "SYM" || x.upos == "NUM" ||
           (x.upos == "NOUN" && !children_with(q, "nummod").empty() && preposition(q).empty());
  };
  for (int c = 0; c < size(); ++c) {
    const Word& cw = word(c);
    if (cw.head < 0 || !rel_is(c, "nmod") || rel_is(c, "nmod:poss")) continue;
    const int q = cw.head;
    const std::string_view prep = preposition(c);
    if (!(prep == "in" || prep == "into" || prep == "from" || prep == "to")) continue;
    if (!amount(q) || word(q).head < 0 || !(rel_is(q, "obj") || rel_is(q, "obl"))) continue;
    if (word(word(q).head).upos != "VERB") continue;
    move(c, word(q).head, "obl");
  }
  // A member of a long list that the model detaches from it, with the list's end hung on it
  // ("from A, B, ..., UN agencies and Taiwan" with "agencies" as an apposition of A or a bare
  // oblique of the verb): the list's members are conjuncts of its first.
  for (int a = 2; a < size(); ++a) {
    const Word& aw = word(a);
    if (aw.head < 0 || !(aw.upos == "NOUN" || aw.upos == "PROPN")) continue;
    const bool loose = aw.deprel == "appos" || aw.deprel == "obl:unmarked" ||
                       aw.deprel == "obl:npmod" ||
                       ((aw.deprel == "obl" || aw.deprel == "nmod") && preposition(a).empty());
    const std::vector<int> tail = children_with(a, "conj");
    if (!loose || tail.empty()) continue;
    int first = a;
    for (int c : children(a))
      if (c < first && word(c).deprel != "punct") first = c;
    if (first < 2 || word(first - 1).form != ",") continue;
    int n = first - 2;  // the last word of the list member before the comma
    while (word(n).head > n && (rel_is(n, "compound") || rel_is(n, "flat"))) n = word(n).head;
    const int h = rel_is(n, "conj") ? word(n).head : n;
    if (h < 0 || children_with(h, "conj").empty() || dominated_by(h, a)) continue;
    move(a, h, "conj");
    for (int c : tail) move(c, h, "conj");
  }
  // A name after a comma that the model hangs on the verb as a bare oblique is the apposition
  // of the noun before the comma: "from Y's development fund, the SFD, to build ...".
  for (int x = 1; x < size(); ++x) {
    const Word& xw = word(x);
    if (xw.upos != "PROPN" || xw.head < 0 ||
        !(xw.deprel == "obl:unmarked" || xw.deprel == "obl:npmod" || xw.deprel == "nmod:npmod" ||
          xw.deprel == "nmod:unmarked"))
      continue;
    int first = x;
    for (int c : children(x))
      if (c < first && word(c).deprel != "punct") first = c;
    if (first < 2 || word(first - 1).form != ",") continue;
    int n = first - 2;
    const Word& nw = word(n);
    if (!(nw.upos == "NOUN" || nw.upos == "PROPN")) continue;
    // (The comma's noun is the head of its phrase: the last word of "the development fund".)
    if (nw.head != xw.head && !(nw.head >= 0 && word(nw.head).head == xw.head)) continue;
    move(x, nw.head == xw.head ? n : nw.head, "appos");
  }
  // A compound modifier takes no preposition or article: "through the X (Y) framework" with
  // "through" and "the" under the name X belong to "framework".
  for (int c = 0; c < size(); ++c) {
    const Word& cw = word(c);
    if (cw.head < 0 || !(cw.deprel == "case" || cw.deprel == "det") || cw.upos == "PART") continue;
    const int h = cw.head;
    if (!rel_is(h, "compound") || word(h).head < 0 || !(c < h && h < word(h).head)) continue;
    move(c, word(h).head, cw.deprel);
  }
  // A verb with an object of its own is no conjunct of a noun: "X supporting the construction
  // of mosques and maintaining programmes" with "maintaining" under "mosques" is the conjunct of
  // the nearest verb above.
  for (int v = 0; v < size(); ++v) {
    const Word& vw = word(v);
    if (vw.upos != "VERB" || vw.deprel != "conj" || vw.head < 0 || children_with(v, "obj").empty())
      continue;
    if (!(word(vw.head).upos == "NOUN" || word(vw.head).upos == "PROPN")) continue;
    if (!children_with(v, "nsubj").empty() || !children_with(v, "nsubj:pass").empty()) continue;
    int a = word(vw.head).head;
    while (a >= 0 && word(a).upos != "VERB") a = word(a).head;
    if (a >= 0 && a < v) move(v, a, "conj");
  }
  on_punctuation();
  second_subject();
  verb_taken_for_participle();
  date_subject();
  comitative_subject();
  hyphenated_maker();
}

// A root noun whose "participle" right after it has an object of its own and no by-phrase is a
// subject and its verb ("Iranian institutions developed initiatives ..." read as a noun phrase):
// a past participle on a noun takes no object ("schools built by China" keeps its reading), nor
// follows a demonstrative subject ("This shift manifested through ...").
void SentenceGraph::verb_taken_for_participle() {
  for (int n = 0; n < size(); ++n) {
    const Word& nw = word(n);
    if (nw.head >= 0 || !(nw.upos == "NOUN" || nw.upos == "PROPN") ||
        !children_with(n, "cop").empty() || !children_with(n, "nsubj").empty())
      continue;
    int v = -1;
    for (int c : children(n))
      if (c > n && v < 0 && rel_is(c, "acl") && !rel_is(c, "acl:relcl") && word(c).upos == "VERB")
        v = c;
    // (Or with no object, after a demonstrative: "This shift manifested through ..." is a
    // sentence, where "schools built in Mali" may be a caption.)
    bool demonstrative = false;
    for (int c : children_with(n, "det")) {
      const std::string& d = word(c).lemma;
      demonstrative |= d == "this" || d == "these" || d == "that" || d == "those";
    }
    if (v < 0 || (children_with(v, "obj").empty() && !demonstrative) ||
        !children_with(v, "mark").empty())
      break;
    bool by = false, between = false;
    for (int c : children(v)) by |= rel_is(c, "obl") && preposition(c) == "by";
    for (int k = n + 1; k < v; ++k) between |= word(k).head != n && !dominated_by(k, n);
    if (by || between) break;
    move(v, -1, "root");
    for (int c : std::vector<int>(children(n)))
      if (c > v || word(c).deprel == "punct") move(c, v, word(c).deprel);
    move(n, v, "nsubj");
    break;
  }
}

// Punctuation heads nothing in UD, yet the model now and then hangs a phrase on the final stop
// ("..., a project financed by China." under "."): it belongs to the stop's head, as the
// apposition of the noun before its comma when there is one.
void SentenceGraph::on_punctuation() {
  for (int x = 0; x < size(); ++x) {
    const Word& xw = word(x);
    if (xw.head < 0 || word(xw.head).upos != "PUNCT" || xw.upos == "PUNCT") continue;
    const int h = word(xw.head).head;
    if (h < 0 || dominated_by(h, x)) continue;
    int first = x;
    for (int c : children(x))
      if (c < first && word(c).deprel != "punct") first = c;
    int n = first - 2;  // the last word before the comma
    if (n >= 0 && word(first - 1).form == "," && (xw.upos == "NOUN" || xw.upos == "PROPN")) {
      while (word(n).head > n && (rel_is(n, "compound") || rel_is(n, "flat"))) n = word(n).head;
      if ((word(n).upos == "NOUN" || word(n).upos == "PROPN") && dominated_by(n, h) &&
          !dominated_by(n, x)) {
        move(x, n, "appos");
        continue;
      }
    }
    move(x, h, xw.deprel);
  }
}

// Two subjects of one verb, the second set off by a comma right after the first ("Kenya's
// railway, a project financed by China, opened ..."): the second is the first's apposition.
void SentenceGraph::second_subject() {
  for (int v = 0; v < size(); ++v) {
    const std::vector<int> subjects = children_with(v, "nsubj");
    if (subjects.size() != 2 || subjects[1] > v) continue;
    const int a = subjects[0], b = subjects[1];
    int first = b;
    for (int c : children(b))
      if (c < first && word(c).deprel != "punct") first = c;
    // (The comma ends the first subject's phrase: nothing of another clause between them.)
    if (first < 2 || word(first - 1).form != "," || !dominated_by(first - 2, a)) continue;
    if (!(word(b).upos == "NOUN" || word(b).upos == "PROPN")) continue;
    move(b, a, "appos");
  }
}

// A fronted phrase with no comma runs into the subject: "Through the Canadian International
// Development Agency Canada has given ...", read as one name headed by "Canada" with the agency
// as its compound. Where the names found there are two, and the verb right after has no subject,
// the second name is the subject and the first heads the phrase.
void SentenceGraph::subject_inside_phrase() {
  for (const Slot& s : slots_) {
    const int h = s.head;
    const Word& hw = word(h);
    if (!rel_is(h, "obl") || hw.head <= h || s.first == 0) continue;
    const int v = hw.head;
    if (word(v).upos != "VERB" || !children_with(v, "nsubj").empty() ||
        !children_with(v, "nsubj:pass").empty() || !children_with(v, "csubj").empty())
      continue;
    bool adjacent = true;  // only auxiliaries and adverbs between the name and its verb
    for (int k = s.last + 1; k < v; ++k) adjacent &= rel_is(k, "aux") || rel_is(k, "advmod");
    const Slot* t = slot_of(s.first - 1);  // the name right before
    if (!adjacent || !t || t == &s || word(t->head).head != h ||
        !(rel_is(t->head, "compound") || rel_is(t->head, "amod") || rel_is(t->head, "flat")))
      continue;
    const std::string deprel = hw.deprel;
    const int k = t->head;
    move(k, v, deprel);
    for (int c : std::vector<int>(children(h)))
      if (c < t->first) move(c, k, word(c).deprel);
    move(h, v, "nsubj");
  }
}

void SentenceGraph::place(const Mention& m, const EntityFacts* f, std::uint64_t base) {
  if (m.range.begin < base) return;
  const std::uint64_t b = m.range.begin - base, e = m.range.end - base;
  // (A name that overlaps an earlier one keeps its own words: "the United States Peace Corps"
  // found as a state and as an institution places the institution on "Peace Corps".)
  int first = -1, last = -1;
  for (int i = 0; i < size(); ++i) {
    const Word& w = word(i);
    if (w.end <= b || w.begin >= e) continue;  // no overlap
    if (w.slot >= 0) {                         // an earlier mention holds the word
      // (Only a state's name at the start gives way; a channel word inside a name does not.)
      if (first >= 0 ||
          slots_[static_cast<std::size_t>(w.slot)].facts->type != EntityFacts::Type::kState)
        return;
      continue;
    }
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  // The head: the word of the mention whose head lies outside it (the first such).
  int head = first;
  for (int i = first; i <= last; ++i) {
    const int h = word(i).head;
    if (h < first || h > last) {
      head = i;
      break;
    }
  }
  const int slot = static_cast<int>(slots_.size());
  slots_.push_back({&m, f, head, first, last});
  for (int i = first; i <= last; ++i) words_[static_cast<std::size_t>(i)].slot = slot;
}

bool SentenceGraph::rel_is(int i, std::string_view rel) const {
  const std::string& d = word(i).deprel;
  return d.size() >= rel.size() && d.compare(0, rel.size(), rel) == 0 &&
         (d.size() == rel.size() || d[rel.size()] == ':' || rel.back() == ':');
}

std::vector<int> SentenceGraph::children_with(int i, std::string_view rel) const {
  std::vector<int> out;
  for (int c : children(i))
    if (rel_is(c, rel)) out.push_back(c);
  return out;
}

std::string_view SentenceGraph::preposition(int i) const {
  for (int c : children(i))
    if (rel_is(c, "case") && word(c).upos != "PART") return word(c).lemma;
  // A multiword preposition ("because of", "in front of") hangs its parts on the first.
  return "";
}

bool SentenceGraph::passive(int i) const {
  for (int c : children(i))
    if (word(c).deprel == "aux:pass" || word(c).deprel == "nsubj:pass" ||
        word(c).deprel == "csubj:pass")
      return true;
  return false;
}

std::vector<int> SentenceGraph::with_conjuncts(int i) const {
  std::vector<int> out{i};
  for (std::size_t k = 0; k < out.size(); ++k)
    for (int c : children(out[k]))
      if (word(c).deprel == "conj") out.push_back(c);
  return out;
}

std::vector<int> SentenceGraph::listed_after(int k) const {
  std::vector<int> out;
  bool closed = false;
  for (int s = k; s + 1 < static_cast<int>(slots_.size()) && !closed; ++s) {
    const Slot& a = slots_[static_cast<std::size_t>(s)];
    const Slot& b = slots_[static_cast<std::size_t>(s) + 1];
    bool joined = b.first > a.last, conjunction = false;
    int depth = 0;
    for (int i = a.last + 1; joined && i < b.first; ++i) {
      const std::string& f = word(i).form;
      if (f == "(")
        ++depth;
      else if (f == ")")
        --depth;
      else if (depth > 0)
        continue;  // an acronym or a note in brackets
      else if (f == "and" || f == "or")
        conjunction = true;
      else if (!(f == "," || f == "the" || f == "The" || (f[0] >= 'A' && f[0] <= 'Z')))
        joined = false;
    }
    if (!joined || depth != 0) break;
    out.push_back(s + 1);
    closed = conjunction;
  }
  if (!closed) out.clear();
  return out;
}

bool SentenceGraph::dominated_by(int i, int root) const {
  for (int steps = 0; i >= 0 && steps <= size(); ++steps, i = word(i).head)
    if (i == root) return true;
  return false;
}

}  // namespace softgraph
