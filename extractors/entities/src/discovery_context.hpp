// What the phases of discovery share about one document: the known entities by id, the lexicon's
// mentions by sentence, the tokens of a sentence, and the candidates the finder passes to the
// resolver. Views throughout: most candidates are dropped, and a copy of each would cost an
// allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/core/probe_table.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/entities/tokenizer.hpp"

namespace softgraph::discovery {

// Entity ids -> entities: a table of views (a document fills one with all its lexicon entities;
// a node-based map would cost an allocation for each). A present id may map to null (known to
// exist, not to be read).
class KnownIds {
 public:
  explicit KnownIds(std::size_t expected) : table_(expected) {}
  // Adds `id` unless present (the first value stays, as with unordered_map::emplace).
  void emplace(std::string_view id, const Entity* entity) {
    auto [slot, added] = table_.insert(hash(id), [&](const Slot& s) { return s.id == id; });
    if (added) *slot = {id, entity, true};
  }
  bool contains(std::string_view id) const { return find(id) != nullptr; }
  // The entity of `id`, or null when absent.
  const Entity* get(std::string_view id) const {
    const Slot* s = find(id);
    return s ? s->entity : nullptr;
  }

 private:
  struct Slot {
    std::string_view id;
    const Entity* entity = nullptr;
    bool used = false;
  };
  const Slot* find(std::string_view id) const {
    return table_.get(hash(id), [&](const Slot& s) { return s.id == id; });
  }
  static std::uint64_t hash(std::string_view id) {
    // Ids share prefixes ("actor/", "institution/") and differ towards the end: the length and
    // the first and last eight bytes hash them well enough, without a loop over every byte.
    std::uint64_t h = id.size() * 0x9E3779B97F4A7C15ull;
    if (id.size() >= 8) {
      std::uint64_t head, tail;
      std::memcpy(&head, id.data(), 8);
      std::memcpy(&tail, id.data() + id.size() - 8, 8);
      h ^= head * 0xBF58476D1CE4E5B9ull ^ tail;
    } else {
      for (unsigned char c : id) h = (h ^ c) * 0x100000001B3ull;
    }
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
  }
  struct Traits {
    static bool empty(const Slot& s) { return !s.used; }
    static std::uint64_t hash(const Slot& s) { return KnownIds::hash(s.id); }
  };
  ProbeTable<Slot, Traits> table_;
};

// The lexicon's mentions per sentence, to see what a candidate overlaps: pointers grouped by
// sentence in one array, with each sentence's start (not a vector per sentence: an allocation
// for each).
class MentionsBySentence {
 public:
  // `sentences`: the document's sentence count (mentions beyond it extend it).
  MentionsBySentence(const std::vector<Mention>& mentions, std::size_t sentences);
  // The mentions of sentence `s` in the recognizer's order (none for an unknown sentence).
  std::span<const Mention* const> of(int s) const {
    if (s < 0 || static_cast<std::size_t>(s) >= count_) return {};
    const auto k = static_cast<std::size_t>(s);
    return std::span<const Mention* const>(grouped_).subspan(start_[k], start_[k + 1] - start_[k]);
  }

 private:
  std::vector<std::uint32_t> start_{0};
  std::vector<const Mention*> grouped_;
  std::size_t count_ = 0;
};

// The recognizer's tokens of a sentence; sentences it skipped are tokenised here, into a buffer
// that the next call reuses.
class TokensOfSentence {
 public:
  TokensOfSentence(const Document& doc, const SentenceTokens& recognized)
      : doc_(doc), recognized_(recognized) {}
  std::span<const Token> operator()(std::size_t si) {
    if (recognized_.has(si)) return recognized_.of(si);
    const ByteRange r = doc_.sentences[si].range;
    scratch_.clear();
    tokenize(doc_.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end),
             scratch_);
    return scratch_;
  }

 private:
  const Document& doc_;
  const SentenceTokens& recognized_;
  std::vector<Token> scratch_;
};

// Whether sentence `s` lies in a range of `skip` (a reference list): nothing is found there.
inline bool skipped(const Sentence& s, const std::vector<ByteRange>& skip) {
  for (const ByteRange& r : skip)
    if (r.contains(s.range)) return true;
  return false;
}

// A possible new name, as views of the document's text.
struct Candidate {
  ByteRange range;
  std::string_view name;
  int sentence;
  std::string_view acronym;
  // Whether the name has an organisation head noun: a new institution needs one, unless a lower-
  // case generic head or a format follows it (then true) or the lexicon knows it.
  bool head = true;
};

// What the finder hands on: candidate names, and the names of documents and events ("the
// Cotonou Agreement") with their sentences.
struct Found {
  std::vector<Candidate> candidates;
  std::vector<std::pair<ByteRange, int>> documents;
};

}  // namespace softgraph::discovery
