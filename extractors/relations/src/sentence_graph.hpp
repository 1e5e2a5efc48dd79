// One sentence as the relation patterns read it: its words with their dependency parse, and the
// entity mentions placed on the words (a mention's head is its word whose head lies outside it).
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/extraction.hpp"

namespace softgraph {

// What the patterns ask of an entity, worked out once per entity of a document.
struct EntityFacts {
  Symbol id;
  enum class Type : std::uint8_t { kOther, kState, kRegion, kInstitution, kInstrument } type{};
  bool bloc = false;          // kind "bloc": acts like a state, has members
  bool multilateral = false;  // organisation, bank or bloc: run by no single state
  bool provider = false;      // a state the lexicon types Actor: a provider of aid by default
  bool members_kind = false;  // an organisation states can be members of
  std::vector<std::string> owners, members;
  std::vector<std::string> channels;  // the lexicon's: what the institution delivers
};

struct Word {
  std::uint32_t begin = 0, end = 0;  // bytes in the sentence
  std::string form, lemma, upos, deprel;
  int head = -1;  // 0-based word index, -1 for the root
  int slot = -1;  // the mention this word is part of, or -1
};

// A mention on the words: its entity's facts and its head word.
struct Slot {
  const Mention* mention = nullptr;
  const EntityFacts* facts = nullptr;
  int head = -1;
  int first = -1, last = -1;  // its words
};

class SentenceGraph {
 public:
  // Parses `text` (a sentence starting at document offset `base`) and places `mentions` (those of
  // the sentence, in text order; ranges in document offsets) on its words. `facts_of` gives each
  // mention's entity facts (null: not an entity the patterns read). `asides` are the
  // lower-case phrases set off by commas that the model parses better without ("however").
  template <typename FactsOf>
  SentenceGraph(std::string_view text, std::uint64_t base, std::span<const Mention* const> mentions,
                FactsOf&& facts_of, const std::set<std::string, std::less<>>& asides) {
    parse(text, asides);
    for (const Mention* m : mentions)
      if (const EntityFacts* f = facts_of(*m)) place(*m, f, base);
    subject_inside_phrase();
  }

  int size() const { return static_cast<int>(words_.size()); }
  const Word& word(int i) const { return words_[static_cast<std::size_t>(i)]; }
  const std::vector<int>& children(int i) const { return children_[static_cast<std::size_t>(i)]; }
  const std::vector<Slot>& slots() const { return slots_; }
  const Slot* slot_of(int i) const {
    return i >= 0 && word(i).slot >= 0 ? &slots_[static_cast<std::size_t>(word(i).slot)] : nullptr;
  }

  // Whether word i's deprel is `rel` or a subtype of it ("obl" matches "obl:tmod").
  bool rel_is(int i, std::string_view rel) const;
  // The children of i whose deprel is `rel` (or a subtype).
  std::vector<int> children_with(int i, std::string_view rel) const;
  // The lemma of i's preposition (its "case" child), or "".
  std::string_view preposition(int i) const;
  // Whether i is a passive predicate (an aux:pass or nsubj:pass child).
  bool passive(int i) const;
  // i and the conjuncts that hang on it ("China, Russia and Turkey": China's conj children).
  std::vector<int> with_conjuncts(int i) const;
  // The mentions listed after slot `k` in the text ("A, B, C and D"), when only commas, "and",
  // "or", articles, parenthesised notes and names not recognised stand between them and an "and" or
  // "or" closes the list: long lists of names are where parsers lose the coordination.
  std::vector<int> listed_after(int k) const;
  // Whether `i` lies in the subtree of `root`.
  bool dominated_by(int i, int root) const;

 private:
  void parse(std::string_view text, const std::set<std::string, std::less<>>& asides);
  void place(const Mention& m, const EntityFacts* f, std::uint64_t base);

 private:
  // Rewrites a few attachments the greedy model gets wrong in ways the roles depend on.
  void repair();
  void on_punctuation();             // the repair of a phrase hung on a punctuation mark
  void second_subject();             // a subject's apposition taken for a second subject
  void verb_taken_for_participle();  // a sentence read as a noun phrase
  void subject_inside_phrase();      // a subject read as the head of the phrase before it
  void off_function_words();         // words hung on an auxiliary or a copula
  void date_subject();               // a date read as a subject
  void comitative_subject();         // "X, along with Y, ...": Y is a conjunct of the subject
  void hyphenated_maker();           // "China-built dam": the name is no argument of the clause
  // Hangs word i on `head` with `deprel`, keeping every child list sorted.
  void move(int i, int head, std::string_view deprel);

  std::vector<Word> words_;
  std::vector<std::vector<int>> children_;
  std::vector<Slot> slots_;
};

}  // namespace softgraph
