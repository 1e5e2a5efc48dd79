#include "softgraph/extract/relation_extractor.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <climits>
#include <cstddef>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "softgraph/extract/entity_recognizer.hpp"
#include "softgraph/extract/tokenizer.hpp"

namespace softgraph {

// Comparisons with literals as string_views: a length check first, no strlen per call.
using namespace std::string_view_literals;

namespace {

// What a mention plays in its sentence.
enum class Role { kActor, kTarget, kInstitution, kInstrument, kOther };

// The entity types the rules tell apart, decoded once per entity.
enum class Type : std::uint8_t {
  kOther,
  kActor,
  kTargetCountry,
  kRegion,
  kInstitution,
  kInstrument
};

// Attribute keys made once: a literal key would build a std::string per lookup.
const std::string kChannelsKey = "channels", kAttributionKey = "attribution";

// A list attribute by reference (empty when absent): callers only read it.
const std::vector<std::string>& list_attr(const Entity& e, const std::string& key) {
  static const std::vector<std::string> kNone;
  auto it = e.attributes.find(key);
  if (it == e.attributes.end()) return kNone;
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return kNone;
}

// What the rules ask of an entity, worked out once per entity of the call: the rules asked it
// per mention and per pair, by string compares and attribute-map lookups.
struct EntityInfo {
  Type type = Type::kOther;
  bool state_like = false;  // Actor or TargetCountry
  bool bloc = false;        // kind "bloc"
  // An institution that can have member states: not an agency, bank, fund, school or programme
  // a state runs ("an EU member state working through GIZ" makes no member of GIZ).
  bool members_kind = false;
  bool multilateral = false;                          // kind organization, bank or bloc
  bool lender = false;                                // kind bank or fund
  const std::vector<std::string>* owners = nullptr;   // "owner" attribute
  const std::vector<std::string>* members = nullptr;  // "members" attribute
  std::vector<std::uint32_t> owner_index;   // EntityIndex position of each owner, or kNone
  std::vector<std::uint32_t> member_index;  // positions of the members the call knows, ascending
};

// An entity type as the rules tell them apart (sizes first: most types fail on theirs).
Type type_of(std::string_view type) {
  switch (type.size()) {
    case 5:
      return type == "Actor"sv ? Type::kActor : Type::kOther;
    case 13:
      return type == "TargetCountry"sv ? Type::kTargetCountry : Type::kOther;
    case 6:
      return type == "Region"sv ? Type::kRegion : Type::kOther;
    case 11:
      return type == "Institution"sv ? Type::kInstitution : Type::kOther;
    case 10:
      return type == "Instrument"sv ? Type::kInstrument : Type::kOther;
    default:
      return Type::kOther;
  }
}

// The entities by position in id order (the map's order), and a hashed id -> position lookup:
// per-entity state lives in vectors indexed so, and each id is looked up once, not by a map
// walk of string compares per use. (The entities come sorted by id, each id once: a position
// stands for its id, and equal positions for equal ids.)
class EntityIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  explicit EntityIndex(std::span<const Entity> entities) {
    by_index_.reserve(entities.size());
    ids_.reserve(entities.size());
    std::size_t cap = 16;
    while (cap < entities.size() * 4) cap *= 2;  // (a quarter full at most: short probes)
    slots_.assign(cap, kNone);
    for (const Entity& e : entities) {
      const std::string& id = e.id;
      const auto i = static_cast<std::uint32_t>(by_index_.size());
      by_index_.push_back(&e);
      ids_.push_back(id);
      for (std::size_t k = hash(id) & (cap - 1);; k = (k + 1) & (cap - 1))
        if (slots_[k] == kNone) {
          slots_[k] = i;
          break;
        }
    }
    info_.resize(by_index_.size());
    for (std::size_t i = 0; i < by_index_.size(); ++i) {
      const Entity& e = *by_index_[i];
      EntityInfo& x = info_[i];
      x.type = type_of(e.type);
      x.state_like = x.type == Type::kActor || x.type == Type::kTargetCountry;
      // The kind, owner and members attributes, in one walk of the attributes (their keys told
      // apart by size first).
      static const std::vector<std::string> kNoList;
      std::string_view k;
      x.owners = x.members = &kNoList;
      for (const auto& [key, value] : e.attributes) {
        const std::string_view name = key;
        if (name.size() == 4 && name == "kind"sv) {
          if (const auto* v = std::get_if<std::string>(&value)) k = *v;
        } else if (name.size() == 5 && name == "owner"sv) {
          if (const auto* v = std::get_if<std::vector<std::string>>(&value)) x.owners = v;
        } else if (name.size() == 7 && name == "members"sv) {
          if (const auto* v = std::get_if<std::vector<std::string>>(&value)) x.members = v;
        }
      }
      x.bloc = k == "bloc"sv;
      x.members_kind =
          !x.members->empty() || !(k == "agency"sv || k == "bank"sv || k == "fund"sv ||
                                   k == "foundation"sv || k == "media"sv || k == "programme"sv ||
                                   k == "university"sv || k == "school"sv || k == "channel"sv);
      x.multilateral = k == "organization"sv || k == "bank"sv || k == "bloc"sv;
      x.lender = k == "bank"sv || k == "fund"sv;
      // (One allocation, not one per growth.)
      if (!x.members->empty()) x.member_index.reserve(x.members->size());
      for (const std::string& owner : *x.owners) x.owner_index.push_back(find(owner));
      for (const std::string& member : *x.members)
        if (const std::uint32_t m = find(member); m != kNone) x.member_index.push_back(m);
      if (!std::is_sorted(x.member_index.begin(), x.member_index.end()))  // (lists mostly are)
        std::sort(x.member_index.begin(), x.member_index.end());
      x.member_index.erase(std::unique(x.member_index.begin(), x.member_index.end()),
                           x.member_index.end());
    }
  }
  std::size_t size() const { return by_index_.size(); }
  const Entity* entity(std::uint32_t i) const { return by_index_[i]; }
  const EntityInfo& info(std::uint32_t i) const { return info_[i]; }
  Symbol symbol(std::uint32_t i) const { return by_index_[i]->id; }
  // Position of `id`, or kNone.
  std::uint32_t find(std::string_view id) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = hash(id) & mask;; k = (k + 1) & mask) {
      const std::uint32_t i = slots_[k];
      if (i == kNone || same_id(ids_[i], id)) return i;
    }
  }

 private:
  // a == b, eight bytes a step (the last step overlapping the one before): ids are a few words
  // long, and memcmp's call cost more than the compare.
  static bool same_id(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n < 8) return a == b;
    auto load = [](const char* p) {
      std::uint64_t x;
      std::memcpy(&x, p, 8);
      return x;
    };
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load(a.data() + i) != load(b.data() + i)) return false;
    return load(a.data() + n - 8) == load(b.data() + n - 8);
  }
  // The size and the first and last eight bytes: ids share a type prefix ("actor/") and differ
  // in their name, mostly in its end and length; a rare equal hash costs a probe, not a wrong
  // answer (same_id decides). Hashing every byte cost more than the probes it saved.
  static std::size_t hash(std::string_view s) {
    const std::size_t n = s.size();
    std::uint64_t head = 0, tail = 0;
    if (n >= 8) {
      std::memcpy(&head, s.data(), 8);
      std::memcpy(&tail, s.data() + n - 8, 8);
    } else {
      for (std::size_t k = 0; k < n; ++k)
        head |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) << (8 * k);
    }
    std::uint64_t h = (head ^ (n * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 29) ^ tail) * 0x94D049BB133111EBull;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
  std::vector<const Entity*> by_index_;
  std::vector<std::string_view> ids_;  // views of the map's keys
  std::vector<std::uint32_t> slots_;   // open addressing, kNone: free
  std::vector<EntityInfo> info_;       // by position
};

// The cue lists below, as bits: each word of a sentence is looked up once, not once per list
// and rule.
enum : std::uint32_t {
  kCueStrongTarget = 1u << 0,
  kCueTarget = 1u << 1,
  kCueOperate = 1u << 2,
  kCuePartner = 1u << 3,
  kCueMember = 1u << 4,
  kCueAnaphora = 1u << 5,
  kCueBreak = 1u << 6,
  kCues = (1u << 7) - 1,
  kSigning = 1u << 7,  // a signing verb (kSigningWords)
  kHasTwo = 1u << 8,   // the word "two" (a sentence without it skips the rule that reads it)
  // A number word figures_in() reads (kNumberWords): an ASCII sentence without one, and without
  // digits, states no figure.
  kNumberWord = 1u << 9,
  kSentenceBits = kCues | kSigning | kHasTwo | kNumberWord,  // what SentenceWords::any_cue keeps
};

// The other words the rules compare with, numbered: the same lookup gives each word of a
// sentence its number (bits 24-31 of its classes, 0 for any other word), and the rules compare
// numbers, not strings. Every entry is a single token, as the table needs. ("n't" is none: the
// tokenizer cuts an apostrophe off, so no token of a sentence was ever "n't" either.)
constexpr std::string_view kWords[] = {
    "",        "'",          "s",          ".",         ",",          "-",           "(",
    ")",       "the",        "and",        "or",        "as",         "well",        "together",
    "with",    "which",      "when",       "while",     "where",      "whereas",     "although",
    "though",  "because",    "it",         "they",      "this",       "these",       "its",
    "their",   "such",       "through",    "via",       "peace",      "ceasefire",   "armistice",
    "between", "is",         "was",        "has",       "remains",    "were",        "became",
    "signed",  "ratified",   "concluded",  "agreed",    "formalised", "formalized",  "extended",
    "renewed", "initialled", "initialed",  "restored",  "have",       "jointly",     "also",
    "all",     "finally",    "only",       "two",       "states",     "governments", "countries",
    "nations", "sides",      "neighbours", "neighbors", "ally",       "partner",     "trading",
    "trade",   "not",        "never",      "unlike",    "but",        "except",      "nor"};
static_assert(std::size(kWords) < 256);
constexpr int kWordShift = 24;

// The number of `w` in kWords (a compile error when it is not there).
consteval std::uint8_t W(std::string_view w) {
  for (std::size_t i = 1; i < std::size(kWords); ++i)
    if (kWords[i] == w) return static_cast<std::uint8_t>(i);
  throw "not in kWords";
}

// The words is_number_word() takes, as tokens (kNumberWord).
constexpr std::string_view kNumberWords[] = {
    "ten",    "twenty", "thirty",   "forty",     "fifty",  "sixty",   "seventy",
    "eighty", "ninety", "hundreds", "thousands", "dozens", "millions"};

const std::set<std::string> kSigningWords = {"signed",     "ratified",   "concluded", "agreed",
                                             "formalised", "formalized", "extended",  "renewed",
                                             "initialled", "initialed",  "restored"};

struct Word {
  Word() {}  // (left unset: WordStore sizes its array first, then writes each word once)
  Word(std::uint32_t b, std::uint32_t c) : begin(b), classes(c) {}
  std::uint32_t begin;    // byte offset of the token in the text
  std::uint32_t classes;  // kCue* and kSigning bits, and the kWords number in the top byte
};

// Writes word {begin, classes} as one 8-byte store.
inline void put(Word* w, std::uint32_t begin, std::uint32_t classes) {
  static_assert(sizeof(Word) == 8 && offsetof(Word, begin) == 0 && offsetof(Word, classes) == 4 &&
                std::endian::native == std::endian::little);
  const std::uint64_t v = begin | std::uint64_t{classes} << 32;
  std::memcpy(static_cast<void*>(w), &v, 8);
}

// The words of one sentence (a view into a WordStore).
struct SentenceWords {
  const Word* words = nullptr;
  std::size_t n = 0;
  std::uint32_t any_cue = 0;  // union of the words' kSentenceBits
  std::size_t size() const { return n; }
  bool empty() const { return n == 0; }
  // The kWords number of word k (0: none of them).
  std::uint8_t id(std::size_t k) const {
    return static_cast<std::uint8_t>(words[k].classes >> kWordShift);
  }
  // Word k is one of `ids` (kWords numbers).
  bool in(std::size_t k, std::initializer_list<std::uint8_t> ids) const {
    const std::uint8_t x = id(k);
    for (std::uint8_t i : ids)
      if (x == i) return true;
    return false;
  }
  bool is(std::size_t k, std::uint32_t cue) const { return (words[k].classes & cue) != 0; }
  std::size_t index_at(std::uint64_t pos) const {
    auto it = std::lower_bound(words, words + n, pos,
                               [](const Word& w, std::uint64_t p) { return w.begin < p; });
    return static_cast<std::size_t>(it - words);
  }
  // index_at(pos) for a pos at or after word `from`'s start: the few words of a name are
  // stepped over rather than searched.
  std::size_t index_from(std::size_t from, std::uint64_t pos) const {
    while (from < n && words[from].begin < pos) ++from;
    return from;
  }
  bool has(std::uint32_t cue) const { return (any_cue & cue) != 0; }
  // index_at(pos) for the mentions of a sentence in text order: from the word of the one before
  // (`word`, at `last`), a step over the few words between them instead of a search.
  std::size_t index_after(std::size_t word, std::uint64_t last, std::uint64_t pos) const {
    return pos >= last ? index_from(word, pos) : index_at(pos);
  }
};

// Prepositions that put a place in the target role. Powers (Actor-default states) need a strong
// cue; regions and target countries also take the weaker ones ("students from Central Asia").
const std::set<std::string> kStrongTargetCues = {"in",     "into",       "toward", "towards",
                                                 "across", "throughout", "within"};
const std::set<std::string> kTargetCues = {
    "in",   "into", "to", "toward", "towards", "across", "throughout", "within", "among",
    "with", "for",  "on", "at",     "over",    "from",   "between",    "of"};
const std::set<std::string> kOperateCues = {
    "through",       "via",      "runs",     "run",     "funds",    "funded",   "established",
    "establishment", "created",  "creation", "founded", "launched", "operates", "operated",
    "sponsored",     "financed", "set",      "its",     "their",    "'",        "led",
    "own",           "network",  "manages",  "supports"};
const std::set<std::string> kPartnerCues = {
    "partnership", "partnerships", "partner",   "partners",   "jointly",   "joint", "alliance",
    "cooperate",   "cooperates",   "agreement", "agreements", "relations", "ties",  "cooperation",
    "treaty",      "treaties",     "signed",    "bilateral",  "allied",    "allies"};
const std::set<std::string> kMemberCues = {"member",  "members",   "membership", "joined",
                                           "joining", "accession", "acceded"};
const std::set<std::string> kBreaks = {"cut",     "severed",   "broke",    "broken", "froze",
                                       "frozen",  "suspended", "closed",   "rivals", "rivalry",
                                       "dispute", "disputed",  "conflict", "war",    "sanctions"};
const std::set<std::string> kAnaphora = {
    "organization",  "organisation",  "institution", "institutions", "institute",  "institutes",
    "centers",       "centres",       "center",      "centre",       "foundation", "agency",
    "program",       "programme",     "programs",    "programmes",   "fund",       "school",
    "university",    "bodies",        "initiative",  "initiatives",  "frameworks", "framework",
    "organizations", "organisations", "agencies",    "foundations",  "schools",    "universities",
    "funds"};

// Bytes as 8-lane words (little-endian: byte k of the text is lane k), for finding where words
// start without a branch per byte.
constexpr std::uint64_t kLaneOnes = 0x0101010101010101ull, kLaneHigh = 0x8080808080808080ull;
// The high bit of each lane of `x7` (lanes below 0x80) whose byte is in [lo, hi].
constexpr std::uint64_t lanes_in(std::uint64_t x7, unsigned lo, unsigned hi) {
  return (x7 + kLaneOnes * (0x80 - lo)) & ~(x7 + kLaneOnes * (0x7f - hi)) & kLaneHigh;
}

// More bytes than any word in cue_table() has (checked there).
constexpr std::size_t kMaxListedWord = 16;

// Every cue word with its kCue* bits, and every word of kWords with its number (WordClasses'
// filter tells most tokens they are in no list without folding or looking them up).
struct CueTable {
  WordClasses classes;
  bool may_have(std::uint64_t hash) const { return classes.may_have(hash); }
  // The same words again, for ASCII tokens (whose folded form is their lower case): each kept
  // as two zero-padded 8-byte lanes, so a token is confirmed by two compares, not folded into a
  // buffer and compared as a string. With each word its letters' case bits (0x20 in the lane
  // of each letter): a token's lanes with those bits set equal the word's exactly when the token
  // folds to it (the word is in lower case; an upper-case letter differs from its lower case in
  // that bit alone, and any other byte folds to itself), so the token is not lower-cased first.
  struct Short {
    std::uint64_t hash = 0, lo = 0, hi = 0, case_lo = 0, case_hi = 0;
    std::uint32_t size = 0, classes = 0;  // classes 0: a free slot
  };
  static constexpr std::size_t kShortSlots = 1024;  // (a quarter full at most: short probes)
  std::vector<Short> short_words = std::vector<Short>(kShortSlots);
  void add_short(std::uint64_t hash, std::string_view w, std::uint32_t bits) {
    char bytes[16] = {};
    std::memcpy(bytes, w.data(), w.size());
    std::uint64_t lo, hi;
    std::memcpy(&lo, bytes, 8);
    std::memcpy(&hi, bytes + 8, 8);
    assert(((lo | hi) & kLaneHigh) == 0 && lanes_in(lo, 'A', 'Z') == 0 &&
           lanes_in(hi, 'A', 'Z') == 0);  // ASCII, lower case
    for (std::size_t i = hash & (kShortSlots - 1);; i = (i + 1) & (kShortSlots - 1)) {
      Short& e = short_words[i];
      if (e.classes == 0) {
        e = {hash,
             lo,
             hi,
             lanes_in(lo, 'a', 'z') >> 2,
             lanes_in(hi, 'a', 'z') >> 2,
             static_cast<std::uint32_t>(w.size()),
             bits};
        return;
      }
      if (e.hash == hash && e.lo == lo && e.hi == hi && e.size == w.size()) {
        e.classes |= bits;
        return;
      }
    }
  }
  // The classes of an ASCII token of `size` bytes, as they are in lanes `lo` and `hi` (the bytes
  // after the token zero).
  std::uint32_t of_short(std::uint64_t hash, std::uint64_t lo, std::uint64_t hi,
                         std::size_t size) const {
    for (std::size_t i = hash & (kShortSlots - 1);; i = (i + 1) & (kShortSlots - 1)) {
      const Short& e = short_words[i];
      if (e.classes == 0) return 0;
      if (e.hash == hash && (lo | e.case_lo) == e.lo && (hi | e.case_hi) == e.hi && e.size == size)
        return e.classes;
    }
  }
};

const CueTable& cue_table() {
  static const CueTable table = [] {
    CueTable t;
    auto add = [&t](std::string_view w, std::uint32_t bits) {
      assert(w.size() < kMaxListedWord && tokenize(w).size() == 1);
      t.classes.add(w, bits);
      for (const Token& token : tokenize(w)) t.add_short(token.folded_hash, w, bits);
    };
    const std::pair<const std::set<std::string>*, std::uint32_t> lists[] = {
        {&kStrongTargetCues, kCueStrongTarget},
        {&kTargetCues, kCueTarget},
        {&kOperateCues, kCueOperate},
        {&kPartnerCues, kCuePartner},
        {&kMemberCues, kCueMember},
        {&kAnaphora, kCueAnaphora},
        {&kBreaks, kCueBreak},
        {&kSigningWords, kSigning}};
    for (const auto& [list, bit] : lists)
      for (const std::string& w : *list) add(w, bit);
    for (std::size_t i = 1; i < std::size(kWords); ++i)
      add(kWords[i], static_cast<std::uint32_t>(i) << kWordShift);
    add("two", kHasTwo);
    for (std::string_view w : kNumberWords) add(w, kNumberWord);
    return t;
  }();
  return table;
}

// The words of the sentences, built once per call into one array (no buffers per sentence).
class WordStore {
 public:
  explicit WordStore(std::size_t sentences)
      : start_(sentences, kNone), end_(sentences, 0), any_(sentences, 0) {}
  bool has(std::size_t si) const { return start_[si] != kNone; }
  // Reads sentence `si`'s words, from the recognizer's tokens when it kept them. Views made
  // before are invalid after.
  void build(const Document& doc, std::size_t si, const SentenceTokens* cache) {
    const CueTable& table = cue_table();
    const WordClasses& cues = table.classes;
    std::span<const Token> tokens;
    if (cache && cache->has(si)) {
      tokens = cache->of(si);
    } else {
      scratch_.clear();
      const ByteRange r = doc.sentences[si].range;
      tokenize(doc.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end),
               scratch_);
      tokens = scratch_;
    }
    start_[si] = static_cast<std::uint32_t>(words_.size());
    // One word per token, written in place (no capacity check per token).
    words_.resize(words_.size() + tokens.size());
    Word* out = words_.data() + start_[si];
    std::uint32_t any = 0;
    const char* const text = doc.text.data();
    const std::size_t text_size = doc.text.size();
    for (const Token& t : tokens) {
      // An ASCII token folds to its lower case, and one longer than every listed word is in no
      // list: only the others are folded (here, on the stack) and looked up.
      std::uint32_t c = 0;
      if (!table.may_have(t.folded_hash)) {
        put(out++, t.begin, 0);
        continue;
      }
      const std::size_t size = t.end - t.begin;
      if (size < kMaxListedWord && t.begin + 16 <= text_size) {
        // Both lanes loaded whole (the text goes on), the bytes after the token masked off.
        std::uint64_t lo, hi;
        std::memcpy(&lo, text + t.begin, 8);
        std::memcpy(&hi, text + t.begin + 8, 8);
        if (size < 8) {
          lo &= (std::uint64_t{1} << (8 * size)) - 1;
          hi = 0;
        } else {
          hi &= (std::uint64_t{1} << (8 * (size - 8))) - 1;
        }
        if (((lo | hi) & kLaneHigh) == 0) {
          c = table.of_short(t.folded_hash, lo, hi, size);
          put(out++, t.begin, c);
          any |= c;
          continue;
        }
      }
      char folded[kMaxListedWord];
      std::size_t k = 0;
      for (; k < size && k < kMaxListedWord; ++k) {
        const char b = text[t.begin + k];
        if (static_cast<unsigned char>(b) >= 0x80) break;
        folded[k] = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b;
      }
      if (k == size)
        c = cues.of_folded(t.folded_hash, std::string_view(folded, size));
      else if (k < kMaxListedWord)  // (not ASCII)
        c = cues.of(doc.text, t);
      put(out++, t.begin, c);
      any |= c;
    }
    any_[si] = any & kSentenceBits;
    end_[si] = static_cast<std::uint32_t>(words_.size());
  }
  SentenceWords of(std::size_t si) const {
    return {words_.data() + start_[si], end_[si] - start_[si], any_[si]};
  }
  void reserve(std::size_t words) { words_.reserve(words); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<Word> words_;
  std::vector<std::uint32_t> start_, end_, any_;  // by sentence
  std::vector<Token> scratch_;
};

struct Slot {
  const Mention* mention;
  const EntityInfo* info;
  std::uint32_t index;  // the entity's EntityIndex position
  Role role;
  std::size_t word;              // index of the first word token of the mention in the sentence
  std::size_t end;               // index of the first word token after the mention
  bool implicit_target = false;  // made a target by a power beside it, not by a preposition
};

bool possessive_at(const Slot& s, const SentenceWords& sw) {
  return s.end + 1 < sw.size() && sw.id(s.end) == W("'") && sw.id(s.end + 1) == W("s");
}

bool after_cue(const Slot& s, const SentenceWords& sw, std::uint32_t cue) {
  std::size_t i = s.word;
  if (i > 0 && sw.is(i - 1, cue)) return true;
  return i > 1 && sw.id(i - 1) == W("the") && sw.is(i - 2, cue);
}

using Powers = std::vector<char>;  // by EntityIndex position: 1 for a power

// Where a mention stands among the words of its sentence (Slot::word and Slot::end).
struct MentionWords {
  std::uint32_t word, end;
};

// `powers` are the states the document treats as exerting influence (see find_powers); the
// other states are targets wherever they stand.
Role role_of(const Slot& s, const SentenceWords& sw, const Powers& powers) {
  const EntityInfo& e = *s.info;
  if (e.type == Type::kInstrument) return Role::kInstrument;
  if (e.type == Type::kRegion) return Role::kTarget;
  if (e.type == Type::kInstitution) return Role::kInstitution;
  if (!e.state_like) return Role::kOther;
  if (!powers[s.index]) return Role::kTarget;
  bool possessive = possessive_at(s, sw);
  bool demonym = s.mention->source == "lexicon:demonym"sv;
  return after_cue(s, sw, kCueStrongTarget) && !possessive && !demonym ? Role::kTarget
                                                                       : Role::kActor;
}

// The part of sentence_evidence() that depends on the sentence alone, as views of the
// document (and its names as symbols): each relation's evidence copies the texts once.
struct SentenceSource {
  Symbol document, element;
  std::string_view quote, text;  // text: empty when it equals quote
  ByteRange range;               // raw bytes
  int sentence = -1;
  int page = 0;
};

SentenceSource sentence_source(const Document& doc, int sentence) {
  const ByteRange r = doc.sentences[static_cast<std::size_t>(sentence)].range;
  SentenceSource src;
  src.document = doc.id;
  src.range = doc.to_raw(r);
  src.quote = std::string_view(doc.raw).substr(src.range.begin, src.range.end - src.range.begin);
  if (std::string_view text = doc.slice(r); text != src.quote) src.text = text;
  src.sentence = sentence;
  for (const auto& loc : doc.locations) {
    if (loc.range.begin <= r.begin && r.begin < loc.range.end) {
      src.page = loc.page;
      src.element = loc.element;
      break;
    }
  }
  return src;
}

Evidence make_evidence(const SentenceSource& where, Symbol rule, double confidence) {
  return Evidence{where.document, where.range,    std::string(where.quote),
                  std::string(where.text), rule,  confidence,
                  where.sentence, where.page,     where.element};
}

// Appends a relation with evidence `where` made by `rule`. The relation is built in its place
// in `out`, each string at its size: a default relation assigned to member by member, or a copy
// of a sentence's whole Evidence, went through assign()'s growth path and copied strings twice.
void add_relation(std::vector<Relation>& out, Symbol src, Symbol dst, Symbol type,
                  const SentenceSource& where, Symbol rule, double confidence,
                  const Attributes* figures = nullptr) {
  // emplace_back() converts this to the relation it makes: no temporary relation is moved.
  struct Made {
    Symbol src, dst, type;
    const SentenceSource& where;
    Symbol rule;
    double confidence;
    const Attributes* figures;
    operator Relation() const {
      return Relation{src, dst, type, make_evidence(where, rule, confidence),
                      figures && !figures->empty() ? *figures : Attributes()};
    }
  };
  out.emplace_back(Made{src, dst, type, where, rule, confidence, figures});
}

// add_relation() with the evidence of `sentence`.
void add_relation(std::vector<Relation>& out, Symbol src, Symbol dst, Symbol type,
                  const Document& doc, int sentence, Symbol rule, double confidence) {
  add_relation(out, src, dst, type, sentence_source(doc, sentence), rule, confidence);
}

}  // namespace

Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence) {
  return make_evidence(sentence_source(doc, sentence), rule, confidence);
}
namespace {

// Words around a number that belong to the figure ("over 40 mosques", "$10 billion").
constexpr std::string_view kQualifiers[] = {"more than", "exceeding", "approximately", "at least",
                                            "up to",     "roughly",   "nearly",        "almost",
                                            "around",    "about",     "over",          "some"};
constexpr std::string_view kScales[] = {"million", "billion", "trillion", "thousand", "hundred"};
constexpr std::string_view kUnits[] = {
    "dollars",    "euros",        "usd",       "mosques",  "schools",    "universities",
    "students",   "scholarships", "meetings",  "projects", "institutes", "centers",
    "centres",    "branches",     "grants",    "people",   "volunteers", "programs",
    "programmes", "high-level",   "countries", "teachers"};

// Number words: ten, twenty ... ninety, hundreds, thousands, dozens, millions. Most words fail
// on their length or first letter, without a compare.
constexpr bool is_number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0]) {
    case 't':
      return w == "ten"sv || w == "twenty"sv || w == "thirty"sv || w == "thousands"sv;
    case 'f':
      return w == "forty"sv || w == "fifty"sv;
    case 's':
      return w == "sixty"sv || w == "seventy"sv;
    case 'e':
      return w == "eighty"sv;
    case 'n':
      return w == "ninety"sv;
    case 'h':
      return w == "hundreds"sv;
    case 'd':
      return w == "dozens"sv;
    case 'm':
      return w == "millions"sv;
    default:
      return false;
  }
}

// Every word of kNumberWords is one (what the other direction needs: each word is_number_word()
// takes is listed there).
static_assert(std::all_of(std::begin(kNumberWords), std::end(kNumberWords), is_number_word));

// A list of words by first byte: a word is compared only with those that start like it.
template <std::size_t N>
struct WordsByFirstByte {
  std::array<std::string_view, N> words{};  // ordered by first byte
  std::array<std::uint8_t, 257> start{};    // words of first byte c: [start[c], start[c + 1])
  consteval explicit WordsByFirstByte(const std::string_view (&list)[N]) {
    static_assert(N < 256);
    std::size_t at = 0;
    for (int c = 0; c < 256; ++c) {
      start[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(at);
      for (const std::string_view w : list)
        if (static_cast<unsigned char>(w[0]) == c) words[at++] = w;
    }
    start[256] = static_cast<std::uint8_t>(at);
  }
  bool contains(std::string_view w) const {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    for (std::size_t i = start[c]; i < start[c + 1u]; ++i)
      if (words[i] == w) return true;
    return false;
  }
};
constexpr WordsByFirstByte kUnitWords(kUnits);

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
  // (Sizes and first bytes first: string_view's == calls a compare for every equal size.)
  for (const std::string_view x : list)
    if (x.size() == w.size() && x[0] == w[0] && std::memcmp(x.data(), w.data(), w.size()) == 0)
      return true;
  return false;
}

// ASCII classes as the C locale's <cctype> has them (the program never sets a locale), and the
// folding figures_in() reads with, as byte tables: one load per byte instead of range tests.
struct FigureBytes {
  // kOpens: a digit, or a letter a number word starts with (d e f h m n s t, either case).
  enum : std::uint8_t { kDigit = 1, kAlpha = 2, kWord = 4, kOpens = 8 };
  std::array<std::uint8_t, 256> cls{}, folded{};
  constexpr FigureBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool digit = c >= '0' && c <= '9';
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
      const bool opens = digit || lower == 'd' || lower == 'e' || lower == 'f' || lower == 'h' ||
                         lower == 'm' || lower == 'n' || lower == 's' || lower == 't';
      cls[c] = static_cast<std::uint8_t>((digit ? kDigit : 0) | (alpha ? kAlpha : 0) |
                                         (digit || alpha || c == '-' ? kWord : 0) |
                                         (opens ? kOpens : 0));
      // Lower case, and wrapped lines read as spaces.
      folded[c] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z'                  ? c + 32
                                            : c == '\n' || c == '\t' || c == '\r' ? ' '
                                                                                  : c);
    }
  }
};
constexpr FigureBytes kFigureBytes;
std::uint8_t figure_class(char c) { return kFigureBytes.cls[static_cast<unsigned char>(c)]; }
bool is_digit(char c) { return figure_class(c) & FigureBytes::kDigit; }
bool is_word_byte(char c) { return figure_class(c) & FigureBytes::kWord; }

// Whether the letters at `k` begin like a number word (is_number_word's words, in any case):
// most words that start with one of its letters ("the", "to", "said") end here.
bool may_be_number_word(std::string_view s, std::size_t k) {
  if (k + 3 > s.size()) return false;  // (a number word has three letters at least)
  const auto fold = [&](std::size_t at) {
    return static_cast<std::uint32_t>(kFigureBytes.folded[static_cast<unsigned char>(s[at])]);
  };
  const std::uint32_t prefix = fold(k) << 16 | fold(k + 1) << 8 | fold(k + 2);
  constexpr auto P = [](const char(&w)[4]) {
    return static_cast<std::uint32_t>(w[0]) << 16 | static_cast<std::uint32_t>(w[1]) << 8 |
           static_cast<std::uint32_t>(w[2]);
  };
  switch (prefix) {
    case P("ten"):
    case P("twe"):
    case P("thi"):
    case P("tho"):
    case P("for"):
    case P("fif"):
    case P("six"):
    case P("sev"):
    case P("eig"):
    case P("nin"):
    case P("hun"):
    case P("doz"):
    case P("mil"):
      return true;
    default:
      return false;
  }
}

// The first position from `i` on where a figure may open: a byte of class kOpens that starts a
// word (the byte before it is no word byte), or n. Figures open nowhere else: a letter outside
// kOpens starts no number word, and a digit or letter inside a word starts nothing.
std::size_t next_opening(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const char* const p = s.data();
  bool previous_word = i > 0 && is_word_byte(p[i - 1]);
#ifdef __SSE2__
  // Sixteen bytes a step, and only the word starts whose byte is a digit or one of kOpens's
  // letters are looked at.
  const auto in = [](__m128i v, char lo, char hi) {  // (bytes from 0x80 are negative: never in)
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i digit = in(v, '0', '9');
    const __m128i alnum = _mm_or_si128(in(lower, 'a', 'z'), digit);
    const auto word = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(alnum, _mm_cmpeq_epi8(v, _mm_set1_epi8('-')))));
    // d e f, h, m n, s t (kOpens's letters), and the digits.
    const __m128i opens =
        _mm_or_si128(_mm_or_si128(in(lower, 'd', 'f'), _mm_cmpeq_epi8(lower, _mm_set1_epi8('h'))),
                     _mm_or_si128(_mm_or_si128(in(lower, 'm', 'n'), in(lower, 's', 't')), digit));
    std::uint32_t starts = static_cast<std::uint32_t>(_mm_movemask_epi8(opens)) &
                           ~((word << 1) | (previous_word ? 1u : 0u));
    for (; starts; starts &= starts - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(starts));
      if ((figure_class(p[k]) & FigureBytes::kDigit) || may_be_number_word(s, k)) return k;
    }
    previous_word = (word >> 15) & 1;
  }
#endif
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    const std::uint64_t ascii = ~x & kLaneHigh, x7 = x & ~kLaneHigh;
    const std::uint64_t alnum =
        (lanes_in(x7 | kLaneOnes * 0x20, 'a', 'z') | lanes_in(x7, '0', '9')) & ascii;
    const std::uint64_t word = alnum | (lanes_in(x7, '-', '-') & ascii);
    std::uint64_t starts = alnum & ~((word << 8) | (previous_word ? 0x80u : 0u));
    for (; starts; starts &= starts - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(starts) / 8);
      const std::uint8_t c = figure_class(p[k]);
      if ((c & FigureBytes::kDigit) || ((c & FigureBytes::kOpens) && may_be_number_word(s, k)))
        return k;
    }
    previous_word = (word >> 63) != 0;
  }
  for (; i < n; ++i) {
    const std::uint8_t c = figure_class(p[i]);
    if (!previous_word &&
        ((c & FigureBytes::kDigit) || ((c & FigureBytes::kOpens) && may_be_number_word(s, i))))
      return i;
    previous_word = (c & FigureBytes::kWord) != 0;
  }
  return n;
}

// The word that starts at `pos` (letters, digits, hyphens).
std::string_view word_from(std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  while (e < text.size() && is_word_byte(text[e])) ++e;
  return text.substr(pos, e - pos);
}

#ifdef __SSE2__
// Bit k set for each byte k of the 16 at `p` that is an ASCII digit.
std::uint32_t digit_bits(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - '0')));
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 10)))));
}
#endif

// The first digit from `i` on, or n.
std::size_t next_digit(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const char* const p = s.data();
#ifdef __SSE2__
  // Digits are few: sixteen bytes a step, and the last step overlapping the one before.
  if (n >= 16) {
    for (; i + 16 <= n; i += 16)
      if (const std::uint32_t digits = digit_bits(p + i))
        return i + static_cast<std::size_t>(std::countr_zero(digits));
    if (i >= n) return n;
    const std::uint32_t digits = digit_bits(p + n - 16) >> (i - (n - 16));
    return digits ? i + static_cast<std::size_t>(std::countr_zero(digits)) : n;
  }
#endif
  while (i < n && !is_digit(p[i])) ++i;
  return i;
}

// The first position from `i` on where a digit starts a word (the byte before it is no word
// byte), or n: where figures open in a sentence that has no number word.
std::size_t next_digit_opening(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const char* const p = s.data();
  for (;;) {
    if ((i = next_digit(s, i)) >= n) return n;
    if (i == 0 || !is_word_byte(p[i - 1])) return i;
    while (i < n && is_digit(p[i])) ++i;  // (digits inside a word: none of them starts one)
  }
}

// figures_in(sentence), reading figures from `from` on; with kDigitsOnly, for a sentence where
// figures open only at digits (no number word is in it).
template <bool kDigitsOnly>
Attributes scan_figures(std::string_view sentence, std::size_t from) {
  // A hand-written scanner: std::regex took most of the extraction time.
  // Folding (lower case, line breaks as spaces) keeps every byte's class, and leaves digits, ','
  // and '.' as they are: words and numbers are found in `sentence` itself, and only the bytes
  // compared with words are folded, as they are read (a folded copy of each sentence cost more).
  auto folded = [&sentence](std::size_t k) {
    return static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[k])]);
  };
  // sentence[pos, pos + w.size()), folded, is `w` (the range is inside the sentence).
  auto folded_is = [&](std::size_t pos, std::string_view w) {
    for (std::size_t k = 0; k < w.size(); ++k)
      if (folded(pos + k) != w[k]) return false;
    return true;
  };
  std::vector<std::string> figures, years;
  const std::size_t n = sentence.size();
  std::size_t i = from;
  // Only a digit or a letter opening a word can start a figure.
  while ((i = kDigitsOnly ? next_digit_opening(sentence, i) : next_opening(sentence, i)) < n) {
    const std::uint8_t c = figure_class(sentence[i]);
    bool number_word = false;
    std::size_t begin = i, end = i;
    if (c & FigureBytes::kDigit) {
      while (end < n &&
             (is_digit(sentence[end]) || ((sentence[end] == ',' || sentence[end] == '.') &&
                                          end + 1 < n && is_digit(sentence[end + 1]))))
        ++end;
    } else {
      std::size_t e = i + 1;
      while (e < n && is_word_byte(sentence[e])) ++e;
      // A number word has 3 to 9 letters and starts with one of "defhmnst": only such words
      // are folded and compared.
      char w[9];
      const std::size_t size = e - i;
      bool candidate = size >= 3 && size <= 9;
      if (candidate) {
        w[0] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i])]);
        candidate = w[0] == 'd' || w[0] == 'e' || w[0] == 'f' || w[0] == 'h' || w[0] == 'm' ||
                    w[0] == 'n' || w[0] == 's' || w[0] == 't';
      }
      if (candidate)
        for (std::size_t k = 1; k < size; ++k)
          w[k] =
              static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i + k])]);
      if (!candidate || !is_number_word(std::string_view(w, size))) {
        i = e;
        continue;
      }
      number_word = true;
      end = e;
    }
    std::string_view digits = sentence.substr(begin, end - begin);
    bool year = !number_word && digits.size() == 4 &&
                (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    if (year) {
      std::size_t ye = end;
      if (ye < n && folded(ye) == 's') ++ye;
      if (ye >= n || !is_word_byte(sentence[ye])) {
        years.emplace_back(sentence.substr(begin, ye - begin));
        i = ye;
        continue;
      }
    }
    // Extend backwards over a currency sign and a qualifier.
    if (begin > 0 && sentence[begin - 1] == '$')
      --begin;
    else if (begin >= 3 && std::memcmp(sentence.data() + begin - 3, "\u20AC", 3) == 0)
      begin -= 3;  // euro sign
    else if (begin >= 2 && std::memcmp(sentence.data() + begin - 2, "\u00A3", 2) == 0)
      begin -= 2;  // pound sign
    // (A qualifier ends one space before the figure: the bytes there are read first, once.)
    if (begin >= 2 && folded(begin - 1) == ' ') {
      const char last = folded(begin - 2);
      for (const std::string_view q : kQualifiers) {
        if (q.back() != last) continue;
        std::size_t qs = begin >= q.size() + 1 ? begin - q.size() - 1 : std::string::npos;
        if (qs != std::string::npos && folded_is(qs, q) &&
            (qs == 0 || !is_word_byte(sentence[qs - 1]))) {
          begin = qs;
          break;
        }
      }
    }
    // Forwards over "%", a scale and a unit noun (or "of <noun>" after "hundreds").
    std::size_t j = end;
    // The word after the spaces from `at` into `w`, folded (one longer than every word it is
    // compared with is left as it is); its end, or npos when there is none.
    char word_buffer[16];
    auto next_word = [&](std::size_t at, std::string_view& w) {
      std::size_t k = at;
      while (k < n && folded(k) == ' ') ++k;
      w = word_from(sentence, k);
      if (w.size() <= sizeof word_buffer) {
        for (std::size_t b = 0; b < w.size(); ++b) word_buffer[b] = folded(k + b);
        w = std::string_view(word_buffer, w.size());
      }
      return w.empty() ? std::string::npos : k + w.size();
    };
    if (j < n && sentence[j] == '%') ++j;
    std::string_view w;
    std::size_t after = next_word(j, w);
    if (after != std::string::npos && (w == "percent")) j = after, after = next_word(j, w);
    if (after != std::string::npos && one_of(kScales, w)) j = after, after = next_word(j, w);
    for (int units = 0; units < 2 && after != std::string::npos && kUnitWords.contains(w); ++units)
      j = after, after = next_word(j, w);
    if (number_word && after != std::string::npos && w == "of") {
      std::string_view noun;
      std::size_t n2 = next_word(after, noun);
      if (n2 != std::string::npos) j = n2;
    }
    bool bare_small = !number_word && digits.size() < 2 && j == end && begin == i;
    bool bare_word = number_word && j == end && begin == i;
    if (!bare_small && !bare_word) figures.emplace_back(sentence.substr(begin, j - begin));
    i = std::max(j, end);
  }
  Attributes out;
  // (One allocation when both are there.)
  out.reserve(static_cast<std::size_t>(!figures.empty()) + !years.empty());
  // (Each value made in its place: no default value assigned to after.)
  if (!figures.empty()) out.emplace("figures"sv, std::move(figures));
  if (!years.empty()) out.emplace("years"sv, std::move(years));
  return out;
}

// figures_in(sentence) for a sentence whose words are `words`: an ASCII sentence without a number
// word among its words has figures only where digits open words, and none without a digit. (In
// ASCII text a number word that figures_in() reads is a token of its own: the tokenizer's words
// are the runs of letters and digits.)
Attributes sentence_figures(std::string_view sentence, const SentenceWords& words) {
  if (words.has(kNumberWord)) return scan_figures<false>(sentence, 0);
  const std::size_t n = sentence.size();
  const char* const p = sentence.data();
#ifdef __SSE2__
  if (n >= 16) {
    // Sixteen bytes a step (the last overlapping the one before): any byte from 0x80 on?
    __m128i high = _mm_setzero_si128();
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
      high = _mm_or_si128(high, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
    if (i < n)
      high = _mm_or_si128(high, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));
    if (_mm_movemask_epi8(high) != 0) return scan_figures<false>(sentence, 0);  // not ASCII
  } else
#endif
  {
    for (std::size_t i = 0; i < n; ++i)
      if (static_cast<unsigned char>(p[i]) >= 0x80) return scan_figures<false>(sentence, 0);
  }
  const std::size_t first_digit = next_digit(sentence, 0);
  if (first_digit == n) return Attributes();
  return scan_figures<true>(sentence, first_digit);
}

}  // namespace

Attributes figures_in(std::string_view sentence) { return scan_figures<false>(sentence, 0); }

namespace {

// A "sentence" longer than this is extraction debris (a table, a line without punctuation), not
// prose: its mentions count, but it is not mined for relations (the rules are quadratic in the
// names of a sentence).
constexpr std::uint64_t kMaxSentenceBytes = 4096;

// The relation types the sentence rules make.
enum class RelType : std::uint8_t {
  kUsesInstrument,
  kDelivers,
  kOperates,
  kTargets,
  kPartnersWith,
  kMemberOf
};
const Symbol kRelTypeNames[] = {"USES_INSTRUMENT", "DELIVERS",      "OPERATES",
                                "TARGETS",         "PARTNERS_WITH", "MEMBER_OF"};

// (source, target, type) of the relations made from one sentence, by EntityIndex position: a
// short list searched in place, and a set once it grows long (a run-on sentence can make
// hundreds).
class EmittedSet {
 public:
  using Key = std::array<std::uint32_t, 3>;
  void clear() {
    list_.clear();
    set_.clear();
  }
  // False if `k` was inserted before.
  bool insert(const Key& k) {
    if (list_.size() < kShort) {
      // (Field by field: std::array's == calls memcmp.)
      for (const Key& e : list_)
        if (e[0] == k[0] && e[1] == k[1] && e[2] == k[2]) return false;
      list_.push_back(k);
      if (list_.size() == kShort) set_.insert(list_.begin(), list_.end());
      return true;
    }
    return set_.insert(k).second;
  }

 private:
  static constexpr std::size_t kShort = 32;
  std::vector<Key> list_;
  std::set<Key> set_;  // all keys, once list_ is full
};

// Mentions grouped by sentence: a vector by sentence index and the sentences that have any, in
// ascending order (a std::map<int, ...> cost a tree walk per mention and per sentence).
struct BySentence {
  std::vector<std::uint32_t> start;  // mentions of sentence s: items[start[s], start[s + 1])
  std::vector<const Mention*> items;
  std::vector<std::uint32_t> entity;  // by position in items: the mention's EntityIndex position
  std::vector<int> present;
  std::size_t size() const { return start.empty() ? 0 : start.size() - 1; }
  bool has(std::size_t s) const { return s < size() && start[s] != start[s + 1]; }
  std::span<const Mention* const> of(std::size_t s) const {
    return std::span<const Mention* const>(items.data() + start[s], items.data() + start[s + 1]);
  }
  std::span<const std::uint32_t> entities_of(std::size_t s) const {
    return std::span<const std::uint32_t>(entity.data() + start[s], entity.data() + start[s + 1]);
  }
};

// Lists of ints by key, filled in two passes (count, then place) into one array: no vector
// per key.
struct Grouped {
  std::vector<std::uint32_t> start;  // items of key k: items[start[k], start[k + 1])
  std::vector<std::uint32_t> items;
  std::span<const std::uint32_t> of(std::size_t k) const {
    return std::span<const std::uint32_t>(items.data() + start[k], items.data() + start[k + 1]);
  }
};

// Sentences outside the English body (references, notes, other languages, run-on debris) make
// no relations. The verdict on each section is made once.
class EnglishBody {
 public:
  explicit EnglishBody(const Document& doc) : ok_(doc.sections.size()) {
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& section = doc.sections[i];
      ok_[i] = !(section.kind == "references"sv || section.kind == "notes"sv) &&
               (section.language == "en"sv || section.language == "und"sv);
    }
  }
  bool operator()(const Sentence& sentence) const {
    if (sentence.range.size() > kMaxSentenceBytes) return false;
    if (sentence.section < 0) return true;
    return ok_[static_cast<std::size_t>(sentence.section)] != 0;
  }

 private:
  std::vector<char> ok_;  // by section
};

// The document's powers: states that head a section, own a named institution, or stand as a
// subject (sentence-initial, possessive, adjective) more often than as a place influence goes
// to. Blocs always count; states the lexicon marks as usual targets need more evidence.
// Reads the words of every sentence it visits into `words`, for the rules after it.
// Also places every mention among the words of its sentence: `placed`, by the mention's position
// in by_sentence.items, gets its first word and the word after it.
Powers find_powers(const Document& doc, const EntityIndex& entities, const BySentence& by_sentence,
                   const EnglishBody& english_body, WordStore& words, const SentenceTokens* tokens,
                   std::vector<MentionWords>& placed) {
  placed.resize(by_sentence.items.size());
  std::vector<int> score(entities.size(), 0);  // by EntityIndex position
  for (int si : by_sentence.present) {
    const auto ms = by_sentence.of(static_cast<std::size_t>(si));
    const Sentence& sentence = doc.sentences[static_cast<std::size_t>(si)];
    if (!english_body(sentence)) continue;
    const Paragraph* para = sentence.paragraph >= 0
                                ? &doc.paragraphs[static_cast<std::size_t>(sentence.paragraph)]
                                : nullptr;
    const auto at = static_cast<std::size_t>(si);
    words.build(doc, at, tokens);
    const SentenceWords sw = words.of(at);
    bool heading = sw.size() <= 8 && !sw.empty() && sw.id(sw.size() - 1) != W(".");
    std::size_t previous_word = 0;
    std::uint64_t previous_begin = 0;
    MentionWords* place = placed.data() + by_sentence.start[at];
    const std::uint32_t* entity = by_sentence.entity.data() + by_sentence.start[at];
    for (const Mention* m : ms) {
      const std::size_t word = previous_word =
          sw.index_after(previous_word, previous_begin, m->range.begin);
      previous_begin = m->range.begin;
      const std::size_t end = sw.index_from(word, m->range.end);
      *place++ = {static_cast<std::uint32_t>(word), static_cast<std::uint32_t>(end)};
      const std::uint32_t x = *entity++;
      const EntityInfo& e = entities.info(x);
      if (e.type == Type::kInstitution)
        for (std::uint32_t o : e.owner_index)
          if (o != EntityIndex::kNone) score[o] += 2;
      if (!e.state_like) continue;
      Slot slot{m, &e, x, Role::kOther, word, end, false};
      bool in_head = para && !para->run_in_head.empty() && para->run_in_head.contains(m->range);
      if (in_head || heading) score[x] += 3;
      if (possessive_at(slot, sw) || slot.word <= 1 || m->source == "lexicon:demonym"sv)
        score[x] += 1;
      if (after_cue(slot, sw, kCueTarget)) score[x] -= 1;
    }
  }
  Powers powers(entities.size(), 0);
  for (std::uint32_t i = 0; i < entities.size(); ++i) {
    const EntityInfo& e = entities.info(i);
    if (!e.state_like) continue;
    int s = score[i];
    if (e.bloc) s += 5;
    if (e.type == Type::kTargetCountry) s -= 2;
    if (s >= 2) powers[i] = 1;
  }
  return powers;
}

}  // namespace

std::vector<Relation> extract_relations(const Document& doc, std::span<const Entity> entities,
                                        const std::vector<Mention>& mentions,
                                        const SentenceTokens* tokens) {
  constexpr std::uint32_t kNone = EntityIndex::kNone;
  std::vector<Relation> out;
  const EntityIndex index(entities);
  const EnglishBody english_body(doc);
  // Mentions grouped by sentence.
  BySentence by_sentence;
  // Each mention's entity (EntityIndex position, kNone: not an entity of the call), looked up
  // once.
  std::vector<std::uint32_t> entity_of(mentions.size(), kNone);
  {
    std::size_t sentences = doc.sentences.size();
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (m.sentence < 0) continue;
      const std::uint32_t x = index.find(m.entity);
      if (x == kNone) continue;
      entity_of[i] = x;
      sentences = std::max(sentences, static_cast<std::size_t>(m.sentence) + 1);
    }
    // Counted, then placed: one array for all sentences, mentions in their order.
    by_sentence.start.assign(sentences + 1, 0);
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (entity_of[i] != kNone)
        ++by_sentence.start[static_cast<std::size_t>(mentions[i].sentence) + 1];
    for (std::size_t s = 0; s < sentences; ++s) {
      if (by_sentence.start[s + 1] > 0) by_sentence.present.push_back(static_cast<int>(s));
      by_sentence.start[s + 1] += by_sentence.start[s];
    }
    by_sentence.items.resize(by_sentence.start[sentences]);
    by_sentence.entity.resize(by_sentence.start[sentences]);
    std::vector<std::uint32_t> fill(by_sentence.start.begin(), by_sentence.start.end() - 1);
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (const std::uint32_t x = entity_of[i]; x != kNone) {
        const std::uint32_t at = fill[static_cast<std::size_t>(mentions[i].sentence)]++;
        by_sentence.items[at] = &mentions[i];
        by_sentence.entity[at] = x;
      }
  }
  // About two relations per sentence with names (a little more, measured): room made once
  // rather than by moving every relation made so far each time the vector grows.
  out.reserve(3 * by_sentence.present.size());
  // Sentences with mentions, tokenised once (by find_powers, for the loop below).
  WordStore words(by_sentence.size());
  {
    std::size_t bytes = 0;
    for (int si : by_sentence.present)
      if (static_cast<std::size_t>(si) < doc.sentences.size())
        bytes += doc.sentences[static_cast<std::size_t>(si)].range.size();
    words.reserve(bytes / 4);  // (about five bytes a token)
  }
  std::vector<MentionWords> placed;  // by position in by_sentence.items
  const Powers powers = find_powers(doc, index, by_sentence, english_body, words, tokens, placed);

  // The document's own country: the state named far more often than any other (a text on the
  // foreign relations of one state), or none. "The country's principal ally", "the two states"
  // with one of them unnamed, refer to it.
  std::uint32_t main_country = kNone;
  {
    std::vector<int> count(index.size(), 0);
    for (const std::uint32_t x : by_sentence.entity) {  // (every mention placed)
      const EntityInfo& e = index.info(x);
      if (e.state_like && !e.bloc) ++count[x];
    }
    int top = 0, second = 0;
    for (std::uint32_t i = 0; i < index.size(); ++i) {
      if (count[i] > top) {
        second = top;
        top = count[i];
        main_country = i;
      } else if (count[i] > second) {
        second = count[i];
      }
    }
    if (top < 10 || top < 2 * second) main_country = kNone;
  }

  // Entities below are EntityIndex positions (a position stands for its id): no strings per
  // sentence, and no lookups of an id to learn about its entity.
  std::vector<std::uint32_t> scope_actors;  // subject carried over inside an actor's section
  bool scope_changed = false;  // scope_actors may differ from scopes.back() (set where it changes)
  int scope_paragraph = -1, scope_section = -1;
  std::vector<std::uint32_t> previous_institutions;
  int previous_paragraph = -1;
  // For membership by section scope; kept for sentences with mentions (the only ones read).
  // Each sentence's index in `scopes`, the successive values of scope_actors (it changes far
  // less often than sentences pass); 0 is the empty scope.
  std::vector<std::vector<std::uint32_t>> scopes(1);
  std::vector<std::uint32_t> scope_of_sentence(by_sentence.size(), 0);
  std::vector<char> member_cue_sentence(by_sentence.size(), 0);  // sentences with a kCueMember word
  // Each relation's (source, target, type) as positions, in the order of `out`, for the passes
  // after the loop.
  struct Made {
    std::uint32_t source, target;
    RelType type;
  };
  std::vector<Made> made;
  made.reserve(out.capacity());
  // Of the current sentence; declared once so that their buffers serve every sentence.
  std::vector<Slot> slots;
  std::vector<std::uint32_t> actors, institutions, instruments, sources, head_actors, named;
  std::vector<const Slot*> parties, list;
  EmittedSet emitted;
  std::optional<Attributes> figures;  // of the sentence, made on its first relation
  SentenceSource where;               // likewise
  int where_sentence = -1;            // the sentence `where` is of

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (!english_body(sentence)) continue;
    if (!by_sentence.has(si)) {
      // No entity here: only the scope bookkeeping below matters, and it needs no words.
      if (sentence.section != scope_section) {
        scope_actors.clear();
        scope_changed = true;
        scope_section = sentence.section;
      }
      if (sentence.paragraph != scope_paragraph) scope_paragraph = sentence.paragraph;
      // (scope_of_sentence is read only for sentences with mentions: nothing to keep here.)
      if (sentence.paragraph != previous_paragraph) previous_institutions.clear();
      previous_paragraph = sentence.paragraph;
      continue;
    }
    // (find_powers has read the words of every sentence here, and placed its mentions.)
    const SentenceWords sw = words.of(si);

    // (Written in place: the slots of a sentence are counted.)
    const auto sentence_mentions = by_sentence.of(si);
    slots.resize(sentence_mentions.size());
    {
      const MentionWords* place = placed.data() + by_sentence.start[si];
      const std::uint32_t* entity = by_sentence.entity.data() + by_sentence.start[si];
      Slot* slot = slots.data();
      for (const Mention* m : sentence_mentions) {
        const std::uint32_t x = *entity++;
        const MentionWords p = *place++;
        *slot = Slot{m, &index.info(x), x, Role::kOther, p.word, p.end};
        slot->role = role_of(*slot, sw, powers);
        ++slot;
      }
    }
    // A state that usually receives influence, named beside a power, is the power's target
    // ("Georgia signed an agreement with the EU"), not an actor of its own.
    bool power_present = std::any_of(slots.begin(), slots.end(), [](const Slot& x) {
      return x.role == Role::kActor && x.info->type == Type::kActor;
    });
    if (power_present)
      for (Slot& x : slots)
        if (x.role == Role::kActor && x.info->type == Type::kTargetCountry) {
          x.role = Role::kTarget;
          x.implicit_target = true;
        }
    // Coordinated subjects share the verb: "Saudi Arabia, Qatar and Turkey have all offered
    // ...", "the UAE, together with Saudi Arabia, helped ..." — a list of states opening the
    // sentence with an actor in it is a list of actors, not an actor and its targets.
    for (std::size_t i = 0; i < slots.size();) {
      std::size_t j = i + 1;
      // (A list opens the sentence, or a clause: "the crisis, in which A, B, C and D cut ties")
      auto clause_opener = [&](std::size_t w) {
        if (w == 0) return false;
        std::size_t x = w - 1;
        if (sw.id(x) == W("the") && w >= 2) x = w - 2;
        return sw.in(x, {W("which"), W("when"), W("while"), W("where"), W("whereas"), W("although"),
                         W("though"), W("because")});
      };
      if (slots[i].info->state_like && (slots[i].word <= 2 || clause_opener(slots[i].word)) &&
          !after_cue(slots[i], sw, kCueTarget)) {
        for (; j < slots.size() && slots[j].info->state_like; ++j) {
          std::size_t from = slots[j - 1].end;
          std::size_t to = slots[j].word;
          bool joined = to >= from && to - from <= 3;
          for (std::size_t k = from; joined && k < to; ++k)
            joined = sw.in(k, {W(","), W("and"), W("the"), W("together")}) ||
                     (sw.id(k) == W("with") && k > 0 && sw.id(k - 1) == W("together"));
          if (!joined) break;
        }
        bool has_actor = false;
        for (std::size_t k = i; k < j; ++k) has_actor |= slots[k].role == Role::kActor;
        bool possessive = possessive_at(slots[j - 1], sw);
        if (j - i >= 2 && has_actor && !possessive)
          for (std::size_t k = i; k < j; ++k) {
            slots[k].role = Role::kActor;
            slots[k].implicit_target = false;
          }
      }
      break;  // only the list that opens the sentence
    }
    // "the UAE, together with Saudi Arabia, helped ...": a partner in the act, not a target.
    for (std::size_t i = 1; i < slots.size(); ++i) {
      Slot& y = slots[i];
      if (!y.info->state_like || y.role != Role::kTarget || y.word < 2) continue;
      std::size_t w = y.word - 1;
      if (sw.id(w) == W("the") && w > 0) --w;
      if (w < 1 || sw.id(w) != W("with") || sw.id(w - 1) != W("together")) continue;
      if (slots[i - 1].role != Role::kActor) continue;
      y.role = Role::kActor;
      y.implicit_target = false;
    }
    // The distinct entities of each role, in the order they are named: one walk of the slots.
    actors.clear();
    institutions.clear();
    instruments.clear();
    for (const Slot& x : slots) {
      std::vector<std::uint32_t>* ids = x.role == Role::kActor         ? &actors
                                        : x.role == Role::kInstitution ? &institutions
                                        : x.role == Role::kInstrument  ? &instruments
                                                                       : nullptr;
      if (ids && std::find(ids->begin(), ids->end(), x.index) == ids->end())
        ids->push_back(x.index);
    }

    // Scope: a run-in head ("Turkey.") or a paragraph that opens with an actor as its subject
    // sets the actor of what follows, until the next head or section.
    const Paragraph* para = sentence.paragraph >= 0 ? &doc.paragraphs[sentence.paragraph] : nullptr;
    if (sentence.section != scope_section) {
      scope_actors.clear();
      scope_changed = true;
      scope_section = sentence.section;
    }
    if (para && sentence.paragraph != scope_paragraph) {
      scope_paragraph = sentence.paragraph;
      bool first_sentence = para->range.begin >= sentence.range.begin ||
                            (si == 0 || doc.sentences[si - 1].paragraph != sentence.paragraph);
      if (!para->run_in_head.empty() || first_sentence) {
        head_actors.clear();
        for (const Slot& s : slots) {
          bool in_head = !para->run_in_head.empty() && para->run_in_head.contains(s.mention->range);
          bool opening = first_sentence && s.word <= 2;
          if (s.role == Role::kActor && (in_head || opening)) head_actors.push_back(s.index);
        }
        if (!head_actors.empty()) {
          scope_actors = head_actors;
          scope_changed = true;
        }
      }
    }
    // Anaphora: "This organization ..." continues the previous sentence's institutions.
    bool anaphoric = false;
    if (!sw.empty()) {
      if (sw.in(0, {W("it"), W("they")})) anaphoric = true;
      if (sw.in(0, {W("this"), W("these"), W("the"), W("its"), W("their"), W("such")}))
        for (std::size_t k = 1; k <= 3 && k < sw.size(); ++k)
          if (sw.is(k, kCueAnaphora)) anaphoric = true;
    }
    if (institutions.empty() && anaphoric && sentence.paragraph == previous_paragraph)
      institutions = previous_institutions;

    if (scope_changed && scopes.back() != scope_actors) scopes.push_back(scope_actors);
    scope_changed = false;
    scope_of_sentence[si] = static_cast<std::uint32_t>(scopes.size() - 1);
    figures.reset();
    const std::size_t sentence_first = out.size();  // the sentence's relations: from here on
    const int s = static_cast<int>(si);
    // Five or more powers in one sentence are a list, not a claim about each of them (measured
    // on the gold texts: four still make claims, five rarely do).
    bool enumeration = actors.size() > 4;
    // (Neither list changes in the rest of the sentence: no copy.)
    const std::vector<std::uint32_t>& subjects = actors.empty() ? scope_actors : actors;
    std::string_view subject_channel_rule = "sentence:actor-channel";
    double subject_conf = 0.8;
    if (actors.empty()) {
      subject_channel_rule = "scope:section-actor-channel";
      subject_conf = 0.6;
    }

    // One relation per (source, target, type) and sentence: a run-on "sentence" with hundreds of
    // names must not multiply evidence copies.
    emitted.clear();
    auto emit = [&](std::uint32_t src, std::uint32_t dst, RelType type, std::string_view rule,
                    double conf) {
      // An organisation's own member states are its members, not its targets.
      if (type == RelType::kTargets) {
        const auto& members = index.info(src).member_index;
        if (std::binary_search(members.begin(), members.end(), dst)) return;
      }
      if (!emitted.insert({src, dst, static_cast<std::uint32_t>(type)})) return;
      // The sentence's figures and evidence are made once, for its first relation.
      if (!figures) figures = sentence_figures(doc.slice(sentence.range), sw);
      if (where_sentence != s) {
        where = sentence_source(doc, s);
        where_sentence = s;
      }
      // (The figures are given to the sentence's relations at its end.)
      add_relation(out, index.symbol(src), index.symbol(dst),
                   kRelTypeNames[static_cast<int>(type)], where, rule, conf);
      made.push_back({src, dst, type});
    };

    // USES_INSTRUMENT and DELIVERS: a channel trigger with its actors and institutions.
    // With several institutions in a sentence, a channel belongs to the nearest one.
    auto nearest_institution = [&](std::uint32_t instrument) {
      std::size_t at = 0;
      for (const Slot& x : slots)
        if (x.index == instrument) at = x.word;
      std::uint32_t best = kNone;
      std::size_t best_distance = SIZE_MAX;
      for (const Slot& x : slots) {
        if (x.role != Role::kInstitution) continue;
        std::size_t d = x.word > at ? (x.word - at) * 2 : (at - x.word);  // prefer the one before
        if (d < best_distance) best_distance = d, best = x.index;
      }
      return best;
    };
    // "The EU funds student mobility through Erasmus+ and supports education reform": an
    // institution the actor works through delivers what is named just before "through", not
    // what the actor does in the next clause.
    std::size_t through_at = SIZE_MAX;
    if (institutions.size() == 1) {
      const Slot* only = nullptr;
      for (const Slot& x : slots)
        if (x.role == Role::kInstitution) only = only ? only : &x;
      if (only && only->word >= 1) {
        std::size_t w = only->word - 1;
        if (sw.id(w) == W("the") && w > 0) --w;
        if (sw.in(w, {W("through"), W("via")})) through_at = w;
      }
    }
    auto before_through = [&](std::uint32_t instrument) {
      for (const Slot& x : slots)
        if (x.index == instrument && x.word < through_at && x.word + 7 >= through_at) return true;
      return false;
    };
    for (const std::uint32_t n : instruments) {
      if (through_at != SIZE_MAX && !before_through(n)) {
        if (!enumeration)
          for (const std::uint32_t a : subjects)
            emit(a, n, RelType::kUsesInstrument, subject_channel_rule, subject_conf);
        continue;
      }
      bool explicit_institution = std::any_of(
          slots.begin(), slots.end(), [](const Slot& x) { return x.role == Role::kInstitution; });
      if (institutions.size() > 1 && explicit_institution) {
        // (An institution is in the sentence: there is a nearest one.)
        const std::uint32_t inst = nearest_institution(n);
        emit(inst, n, RelType::kDelivers, "sentence:nearest-institution-channel", 0.7);
        // "The ADB, the World Bank, the EBRD and the EDB are all major lenders": the list the
        // nearest institution stands in shares the channel.
        for (std::size_t i = 0; i < slots.size(); ++i) {
          if (slots[i].role != Role::kInstitution || slots[i].index != inst) continue;
          std::size_t lo = i, hi = i;
          auto joined = [&](std::size_t a, std::size_t b) {  // slots a < b, both institutions
            std::size_t from = slots[a].end;
            std::size_t to = slots[b].word;
            if (to < from || to - from > 5) return false;
            for (std::size_t k = from; k < to; ++k)
              if (!sw.in(k, {W(","), W("and"), W("the"), W("("), W(")")})) return false;
            return true;
          };
          while (lo > 0 && slots[lo - 1].role == Role::kInstitution && joined(lo - 1, lo)) --lo;
          while (hi + 1 < slots.size() && slots[hi + 1].role == Role::kInstitution &&
                 joined(hi, hi + 1))
            ++hi;
          for (std::size_t k = lo; k <= hi; ++k)
            emit(slots[k].index, n, RelType::kDelivers, "sentence:coordinated-institution-channel",
                 0.65);
        }
      } else {
        for (const std::uint32_t inst : institutions)
          emit(inst, n, RelType::kDelivers, "sentence:institution-channel", 0.8);
      }
      if (!enumeration)
        for (const std::uint32_t a : subjects)
          emit(a, n, RelType::kUsesInstrument, subject_channel_rule, subject_conf);
    }

    // OPERATES from a cue or scope, for institutions whose owner the lexicon does not know.
    for (const std::uint32_t inst : institutions) {
      const EntityInfo& ie = index.info(inst);
      if (!ie.owners->empty()) continue;
      if (ie.multilateral) continue;  // multilateral bodies
      if (!actors.empty() && actors.size() <= 2 && sw.has(kCueOperate)) {
        for (const std::uint32_t a : actors) emit(a, inst, RelType::kOperates, "cue:operates", 0.7);
      } else if (actors.empty() && !scope_actors.empty()) {
        for (const std::uint32_t a : scope_actors)
          emit(a, inst, RelType::kOperates, "scope:section-actor", 0.5);
      }
    }

    // TARGETS: a country or region after a preposition, from the sentence's actors and
    // institutions (or the section's actor).
    if (!enumeration) {
      const Slot* previous_target = nullptr;
      bool previous_cue = false;
      for (const Slot& t : slots) {
        if (t.role != Role::kTarget) continue;
        bool cue = false;
        // "in Vietnam, Indonesia and the Philippines": a coordinated target shares the cue.
        if (previous_target && previous_cue) {
          std::size_t from = previous_target->end;
          bool coordinated = from <= t.word;
          for (std::size_t k = from; coordinated && k < t.word; ++k)
            coordinated = sw.in(k, {W(","), W("and"), W("or"), W("the"), W("as"), W("well")});
          cue = coordinated;
        }
        const std::uint32_t cues = t.info->type == Type::kActor ? kCueStrongTarget : kCueTarget;
        for (std::size_t back = 1; back <= 4 && back <= t.word; ++back)
          if (sw.is(t.word - back, cues)) cue = true;
        if (t.implicit_target && !actors.empty()) cue = true;
        // A state that is no power of the document, named beside one, is that power's target.
        if (t.info->state_like && !powers[t.index] && !actors.empty()) cue = true;
        previous_target = &t;
        previous_cue = cue;
        if (!cue) continue;
        // A state that acts in the sentence is no target of its co-actors there (a city of its
        // own named later: "the UAE, together with Saudi Arabia, ... signed in Jeddah").
        if (std::find(actors.begin(), actors.end(), t.index) != actors.end()) continue;
        // The subjects, then the institutions (no copy of the subjects per target).
        sources.clear();
        // With several institutions, a place belongs to the nearest one before it.
        bool several = std::count_if(slots.begin(), slots.end(), [](const Slot& x) {
                         return x.role == Role::kInstitution;
                       }) > 1;
        if (several) {
          const Slot* before = nullptr;
          for (const Slot& x : slots)
            if (x.role == Role::kInstitution && x.word < t.word) before = &x;
          if (before) sources.push_back(before->index);
        } else {
          for (const std::uint32_t inst : institutions) sources.push_back(inst);
        }
        // The country a text is about receives influence there; where it acts abroad, its
        // moves are foreign relations, not the projection the graph records.
        for (const std::vector<std::uint32_t>* list :
             std::initializer_list<const std::vector<std::uint32_t>*>{&subjects, &sources})
          for (const std::uint32_t src : *list)
            if (src != t.index && src != main_country)
              emit(src, t.index, RelType::kTargets, "cue:preposition", 0.7);
      }
    }

    // TARGETS implied: in a text about one country, a sentence where an actor uses a channel
    // and no place is named speaks of that country ("Japan funds clinics").
    if (main_country != kNone && !enumeration && !instruments.empty() &&
        std::none_of(slots.begin(), slots.end(),
                     [](const Slot& x) { return x.role == Role::kTarget; })) {
      // (Actors only: institutions so placed were measured to hurt; many serve a whole region.)
      for (const std::uint32_t a : subjects)
        if (a != main_country)
          emit(a, main_country, RelType::kTargets, "scope:document-country", 0.4);
    }

    // PARTNERS_WITH: two parties tied together by a partnership cue — "the Turkish-Kazakh
    // partnership", "cooperation between X and Y", "X and Y jointly ...", "X's agreement with Y".
    // (Words that break a tie instead are kBreaks.)
    if (sw.has(kCuePartner) && !sw.has(kCueBreak)) {
      parties.clear();
      for (const Slot& p : slots)
        if ((p.info->state_like || p.info->type == Type::kInstitution) &&
            (parties.empty() || parties.back()->index != p.index))
          parties.push_back(&p);
      // (A peace or ceasefire agreement ends a war: its parties are not thereby partners.)
      auto cue_near = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < sw.size(); ++k)
          if (sw.is(k, kCuePartner) &&
              !(k > 0 && sw.in(k - 1, {W("peace"), W("ceasefire"), W("armistice")})))
            return true;
        return false;
      };
      // Words that join two names into a pair: "Turkish-Kazakh", "X and the Y".
      auto pair_word = [&](std::size_t k) {
        return sw.in(k, {W("-"), W("and"), W(","), W("the")});
      };
      for (std::size_t i = 0; i + 1 < parties.size(); ++i) {
        const Slot& a = *parties[i];
        const Slot& b = *parties[i + 1];
        if (a.index == b.index) continue;
        std::size_t a_end = a.end;
        std::size_t b_end = b.end;
        bool joined = b.word >= a_end && b.word - a_end <= 2;
        for (std::size_t k = a_end; joined && k < b.word; ++k) joined = pair_word(k);
        // A pair inside a longer list ("Saudi Arabia, the UAE, Bahrain and Egypt") is no pair.
        auto joined_to = [&](const Slot& x, const Slot& y) {
          std::size_t x_end = x.end;
          if (y.word < x_end || y.word - x_end > 2) return false;
          for (std::size_t k = x_end; k < y.word; ++k)
            if (!pair_word(k)) return false;
          return true;
        };
        bool in_list = (i > 0 && joined_to(*parties[i - 1], a)) ||
                       (i + 2 < parties.size() && joined_to(b, *parties[i + 2]));
        bool between = a.word >= 1 && sw.id(a.word - 1) == W("between") && joined && !in_list;
        // "ties with Turkey and Israel": both are partners of someone else, not of each other.
        bool objects_of_with =
            a.word >= 1 &&
            (sw.id(a.word - 1) == W("with") ||
             (a.word >= 2 && sw.id(a.word - 1) == W("the") && sw.id(a.word - 2) == W("with")));
        // "..., and Turkey is the senior partner of Azerbaijan": a singular verb after the
        // second name makes it the subject alone.
        bool singular =
            b_end < sw.size() && sw.in(b_end, {W("is"), W("was"), W("has"), W("remains")});
        bool pair_with_cue = joined && !in_list && !objects_of_with &&
                             ((!singular && cue_near(b_end, b_end + 4)) ||
                              (a.word >= 3 && cue_near(a.word - 3, a.word)));
        bool with_cue = b.word >= 2 && sw.id(b.word - 1) == W("with") &&
                        cue_near(b.word - 3 > a.word ? b.word - 3 : a.word, b.word - 1);
        if (!(between || pair_with_cue || with_cue)) continue;
        emit(a.index, b.index, RelType::kPartnersWith, "cue:partnership", 0.7);
      }
    }

    // PARTNERS_WITH from a signing: "A, B and C signed an agreement", "the two states ratified a
    // treaty" (the two: the states named before, or one of them and the document's country),
    // "X signed an Association Agreement with the EU", "X, together with Y, ...", "X is the
    // country's principal ally". A signing settles a dispute, so break words do not stop these.
    {
      auto signing = [&](std::size_t k) { return sw.is(k, kSigning); };
      auto state_party = [](const Slot& x) { return x.info->state_like; };
      auto pair = [&](std::uint32_t a, std::uint32_t b, std::string_view rule, double c) {
        if (a == b) return;
        // Either direction once.
        if (!emitted.insert({b, a, static_cast<std::uint32_t>(RelType::kPartnersWith)})) return;
        emit(a, b, RelType::kPartnersWith, rule, c);
      };
      // Coordinated states right before a signing verb.
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!state_party(slots[i])) continue;
        list.assign(1, &slots[i]);
        std::size_t j = i + 1;
        for (; j < slots.size() && state_party(slots[j]); ++j) {
          std::size_t from = list.back()->end;
          bool joined = slots[j].word >= from && slots[j].word - from <= 2;
          for (std::size_t k = from; joined && k < slots[j].word; ++k)
            joined = sw.in(k, {W(","), W("and"), W("the")});
          if (!joined) break;
          list.push_back(&slots[j]);
        }
        if (list.size() >= 2 && list.size() <= 3) {  // (a longer list is a multilateral treaty)
          std::size_t k = list.back()->end;
          while (k < sw.size() && sw.in(k, {W("have"), W("jointly"), W("also"), W("all")})) ++k;
          bool cue_after = false;
          for (std::size_t c = k + 1; c < k + 6 && c < sw.size(); ++c)
            if (sw.is(c, kCuePartner)) cue_after = true;
          if (k < sw.size() && signing(k) && cue_after)
            for (std::size_t x = 0; x < list.size(); ++x)
              for (std::size_t y = x + 1; y < list.size(); ++y)
                pair(list[x]->index, list[y]->index, "cue:partnership-signatories", 0.7);
        }
        i = j - 1;
      }
      // "the two states/governments" as the subject of a signing.
      for (std::size_t k = 1; sw.has(kHasTwo) && k + 2 < sw.size(); ++k) {
        if (sw.id(k) != W("two") || sw.id(k - 1) != W("the")) continue;
        if (!sw.in(k + 1, {W("states"), W("governments"), W("countries"), W("nations"), W("sides"),
                           W("neighbours"), W("neighbors")}))
          continue;
        std::size_t v = k + 2;
        while (v < sw.size() && sw.in(v, {W("have"), W("also"), W("jointly"), W("finally")})) ++v;
        if (v >= sw.size() || !signing(v)) continue;
        named.clear();
        for (const Slot& x : slots)
          if (state_party(x) && x.word < k &&
              std::find(named.begin(), named.end(), x.index) == named.end())
            named.push_back(x.index);
        if (named.size() == 2)
          pair(named[0], named[1], "cue:partnership-two-states", 0.7);
        else if (named.size() == 1 && main_country != kNone)
          pair(main_country, named[0], "scope:document-country-partner", 0.5);
      }
      // "a final border agreement was signed in 2025": a passive signing with no agent binds the
      // sentence's two states (or its one state and the document's country).
      for (std::size_t k = 0; sw.has(kCuePartner) && k + 2 < sw.size(); ++k) {
        if (!sw.is(k, kCuePartner) || !sw.in(k + 1, {W("was"), W("were")})) continue;
        std::size_t v = k + 2;
        if (sw.in(v, {W("finally"), W("only"), W("also")})) ++v;
        if (v >= sw.size() || !signing(v)) continue;
        named.clear();
        for (const Slot& x : slots)
          if (state_party(x) && std::find(named.begin(), named.end(), x.index) == named.end())
            named.push_back(x.index);
        if (named.size() == 2)
          pair(named[0], named[1], "cue:partnership-signed", 0.6);
        else if (named.size() == 1 && main_country != kNone)
          pair(main_country, named[0], "scope:document-country-partner", 0.5);
        break;
      }
      // "X signed an agreement with (the) Y": the sentence's subject and Y.
      const Slot* subject = nullptr;
      for (const Slot& x : slots)
        if (state_party(x) && x.word <= 1) subject = &x;
      if (subject) {
        std::size_t sign_at = sw.size();
        for (std::size_t k = subject->end; sw.has(kSigning) && k < sw.size(); ++k)
          if (signing(k)) {
            sign_at = k;
            break;
          }
        for (const Slot& b : slots) {
          if (!state_party(b) || b.word <= sign_at + 1 || b.word >= sign_at + 14) continue;
          std::size_t w = b.word - 1;
          if (sw.id(w) == W("the") && w > 0) --w;
          if (sw.id(w) != W("with")) continue;
          bool cue = false;
          for (std::size_t c = sign_at + 1; c < w; ++c)
            if (sw.is(c, kCuePartner)) cue = true;
          if (cue) pair(subject->index, b.index, "cue:partnership-signed-with", 0.7);
        }
      }
      // "X, together with Y": two states acting as one.
      for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
        const Slot& a = slots[i];
        const Slot& b = slots[i + 1];
        if (!state_party(a) || !state_party(b) || b.word < 2) continue;
        std::size_t w = b.word - 1;
        if (sw.id(w) == W("the") && w > 0) --w;
        if (w < 1 || sw.id(w) != W("with") || sw.id(w - 1) != W("together")) continue;
        std::size_t from = a.end;
        if (from + 2 < w - 1) continue;
        pair(a.index, b.index, "cue:partnership-together", 0.6);
      }
      // "X is the country's principal ally / a partner in ...".
      if (subject && main_country != kNone) {
        std::size_t k = subject->end;
        if (k < sw.size() && sw.in(k, {W("is"), W("was"), W("remains"), W("became")})) {
          const Slot* other = nullptr;
          for (std::size_t c = k + 1; c < k + 7 && c < sw.size(); ++c) {
            const std::uint8_t w = sw.id(c);
            for (const Slot& x : slots)
              if (x.word == c && state_party(x) && x.index != subject->index) other = &x;
            // (A trading partner is a market, not a partnership.)
            bool trade = sw.in(c - 1, {W("trading"), W("trade")});
            if ((w == W("ally") || w == W("partner")) && !trade) {
              if (other)
                pair(subject->index, other->index, "cue:partnership-ally", 0.6);
              else
                pair(subject->index, main_country, "scope:document-country-ally", 0.5);
              break;
            }
            if (w == W("not") || w == W("never") || w == W(",")) break;
          }
        }
      }
    }

    // MEMBER_OF: states and a bloc or organisation joined by a membership cue.
    if (sw.has(kCueMember)) {
      member_cue_sentence[si] = 1;
      std::size_t cue_at = 0;
      while (cue_at < sw.size() && !sw.is(cue_at, kCueMember)) ++cue_at;
      // A negation or a contrast after the cue ends the list of what was joined ("is a member
      // of A and B, but unlike X it has not joined C").
      std::size_t list_end = sw.size();
      for (std::size_t k = cue_at + 1; k < sw.size() && list_end == sw.size(); ++k)
        if (sw.in(k, {W("not"), W("never"), W("unlike"), W("but"), W("except"), W("nor")}))
          list_end = k;
      for (const Slot& m : slots) {
        if (!m.info->state_like || m.info->bloc) continue;
        if (m.word > cue_at || cue_at - m.word > 8) continue;  // "X joined Y", "X is a member of Y"
        for (const Slot& o : slots) {
          bool org = (o.info->type == Type::kInstitution && o.info->members_kind) || o.info->bloc;
          // "X is the most active EU member state": the bloc names the membership.
          bool before_cue = o.word > m.word && o.word < cue_at && o.end == cue_at;
          if (org && ((o.word > cue_at && o.word < list_end) || before_cue) && o.index != m.index)
            emit(m.index, o.index, RelType::kMemberOf, "cue:membership", 0.7);
        }
      }
    }

    // Each relation of the sentence gets its figures: copies, and the last one the figures
    // themselves (one copy fewer per sentence).
    if (figures && !figures->empty() && out.size() > sentence_first) {
      for (std::size_t i = sentence_first; i + 1 < out.size(); ++i) out[i].attributes = *figures;
      out.back().attributes = std::move(*figures);
    }

    if (!institutions.empty() || sentence.paragraph != previous_paragraph)
      previous_institutions.swap(institutions);  // (institutions is refilled before it is read)
    previous_paragraph = sentence.paragraph;
  }

  // PARTNERS_WITH has no direction: evidence for (b, a) after a relation (a, b) joins that edge.
  {
    std::set<std::pair<std::uint32_t, std::uint32_t>> partners;
    for (std::size_t i = 0; i < made.size(); ++i) {
      Made& r = made[i];
      if (r.type != RelType::kPartnersWith) continue;
      if (partners.count({r.target, r.source}) && !partners.count({r.source, r.target})) {
        std::swap(out[i].source, out[i].target);
        std::swap(r.source, r.target);
      }
      partners.insert({r.source, r.target});
    }
  }

  // DELIVERS from the lexicon's channels for an institution the text names but never ties to a
  // channel itself: evidence is its first mention.
  std::vector<char> delivering(index.size(), 0);  // by EntityIndex position
  for (std::size_t i = 0; i < made.size(); ++i)
    // (For a lender, a channel shared through a list of lenders leaves its own channels to
    // the lexicon: banks and funds are named in lists of creditors.)
    if (made[i].type == RelType::kDelivers) {
      const std::uint32_t x = made[i].source;
      if (!index.info(x).lender ||
          out[i].evidence.rule != "sentence:coordinated-institution-channel"sv)
        delivering[x] = 1;
    }

  // The mentions outside run-on debris, by paragraph, then in text order: `seq` numbers that
  // order (sorted below, for MEMBER_OF). One walk of them also counts the mentions of each
  // entity (seq_of) and the sentences naming it (named_in, for OPERATES).
  struct Placed {
    int paragraph;
    const Mention* mention;
    int sentence;
    std::uint32_t entity;  // the mention's EntityIndex position
  };
  // (Written in place, then cut to the mentions kept.)
  std::vector<Placed> by_seq(by_sentence.items.size());
  // Every organisation is checked against the mentions of its members only.
  Grouped seq_of;  // by EntityIndex position: the seq of its mentions, ascending
  seq_of.start.assign(index.size() + 1, 0);
  // The sentences (ascending, run-on debris left out) naming each entity: the first sentence
  // naming two entities is the first both lists share. (A table of every pair of names in every
  // sentence cost more than all the rest.)
  Grouped named_in;  // by EntityIndex position
  named_in.start.assign(index.size() + 1, 0);
  bool in_paragraph_order = true;  // by_seq's paragraphs ascending (mostly they come in order)
  {
    std::vector<int> last(index.size(), -1);  // the last sentence counted for the entity
    Placed* placed_end = by_seq.data();
    int last_paragraph = INT_MIN;
    for (int sentence : by_sentence.present) {
      const Sentence& st = doc.sentences[static_cast<std::size_t>(sentence)];
      if (st.range.size() > kMaxSentenceBytes) continue;
      // (Every sentence here places a mention at least.)
      if (st.paragraph < last_paragraph) in_paragraph_order = false;
      last_paragraph = st.paragraph;
      const auto at = static_cast<std::size_t>(sentence);
      const Mention* const* m = by_sentence.of(at).data();
      for (const std::uint32_t x : by_sentence.entities_of(at)) {
        *placed_end++ = {st.paragraph, *m++, sentence, x};
        ++seq_of.start[x + 1];  // (counted here: the sort below does not change the counts)
        if (last[x] != sentence) {
          last[x] = sentence;
          ++named_in.start[x + 1];
        }
      }
    }
    by_seq.resize(static_cast<std::size_t>(placed_end - by_seq.data()));
    for (std::size_t i = 0; i < index.size(); ++i) named_in.start[i + 1] += named_in.start[i];
    named_in.items.resize(named_in.start[index.size()]);
    std::vector<std::uint32_t> fill(named_in.start.begin(), named_in.start.end() - 1);
    std::fill(last.begin(), last.end(), -1);
    for (const Placed& p : by_seq)  // (still in sentence order)
      if (last[p.entity] != p.sentence) {
        last[p.entity] = p.sentence;
        named_in.items[fill[p.entity]++] = static_cast<std::uint32_t>(p.sentence);
      }
  }
  // Each entity's first sentence, in id order (the order of EntityIndex positions).
  struct FirstNamed {
    std::uint32_t index;
    int sentence;
  };
  std::vector<FirstNamed> first_named;
  {
    // Sentences ascending: the first one met is the first; read out by position, no sort.
    std::vector<int> first(index.size(), -1);
    for (int sentence : by_sentence.present)
      for (const std::uint32_t x : by_sentence.entities_of(static_cast<std::size_t>(sentence)))
        if (int& f = first[x]; f < 0) f = sentence;
    for (std::uint32_t x = 0; x < index.size(); ++x)
      if (first[x] >= 0) first_named.push_back({x, first[x]});
  }
  std::string target;  // one buffer for the channel ids looked up
  for (const auto& [x, sentence] : first_named) {
    if (index.info(x).type != Type::kInstitution || delivering[x]) continue;
    if (!english_body(doc.sentences[static_cast<std::size_t>(sentence)])) continue;
    for (const auto& channel : list_attr(*index.entity(x), kChannelsKey)) {
      target.assign("instrument/"sv).append(channel);
      if (index.find(target) == kNone) continue;  // only channels the text names
      add_relation(out, index.symbol(x), target, "DELIVERS", doc, sentence, "lexicon:channels",
                   0.5);
    }
  }

  // OPERATES from the lexicon's owners: evidence is a sentence naming both, else the
  // institution's first mention (named_in is made above).
  auto first_together = [&](std::uint32_t ia, std::uint32_t b) -> int {
    if (ia == kNone) return -1;
    const auto na = named_in.of(ia);
    const auto nb = named_in.of(b);
    auto x = na.begin(), y = nb.begin();
    while (x != na.end() && y != nb.end()) {
      if (*x == *y) return static_cast<int>(*x);
      if (*x < *y)
        ++x;
      else
        ++y;
    }
    return -1;
  };
  for (const auto& [x, sentence] : first_named) {  // (the first mention of each entity)
    const EntityInfo& ie = index.info(x);
    if (ie.type != Type::kInstitution || ie.owners->empty()) continue;
    std::string rule = "lexicon:owner";
    const Entity& e = *index.entity(x);
    if (auto method = e.attributes.find(kAttributionKey); method != e.attributes.end())
      if (const auto* m = std::get_if<std::string>(&method->second)) rule = "attribution:" + *m;
    for (std::size_t k = 0; k < ie.owners->size(); ++k) {
      int both = first_together(ie.owner_index[k], x);
      int s = both >= 0 ? both : sentence;
      add_relation(out, (*ie.owners)[k], index.symbol(x), "OPERATES", doc, s, rule,
                   both >= 0 ? 0.95 : 0.85);
    }
  }
  // MEMBER_OF from the lexicon's member lists, when a member is named in the same paragraph as
  // the organisation or inside the bloc's own section (by_seq and seq_of, made above).
  auto by_paragraph = [](const Placed& a, const Placed& b) { return a.paragraph < b.paragraph; };
  if (!in_paragraph_order) std::stable_sort(by_seq.begin(), by_seq.end(), by_paragraph);
  {
    for (std::size_t i = 0; i < index.size(); ++i) seq_of.start[i + 1] += seq_of.start[i];
    seq_of.items.resize(by_seq.size());
    std::vector<std::uint32_t> fill(seq_of.start.begin(), seq_of.start.end() - 1);
    for (std::size_t q = 0; q < by_seq.size(); ++q)
      seq_of.items[fill[by_seq[q].entity]++] = static_cast<std::uint32_t>(q);
  }
  // Each member's first mention (in seq order) that makes the membership gives its evidence; the
  // relations follow in the order of those mentions. (Members are independent: each one's
  // mentions are read in its own seq list, and the few that make one sorted after.)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> firsts;  // (seq, member)
  // By paragraph + 1 (-1: none): 1 where the organisation of the loop is named (by_seq is in
  // paragraph order: its last paragraph is the largest).
  std::vector<char> org_in_paragraph(by_seq.empty() ? 0 : by_seq.back().paragraph + 2, 0);
  for (std::uint32_t org_index = 0; org_index < index.size(); ++org_index) {
    const EntityInfo& org = index.info(org_index);
    // (Each way below to a membership needs the organisation named in a sentence of by_seq:
    // in it, in its paragraph, or as a section's actor, which a sentence there named.)
    if (org.members->empty() || seq_of.of(org_index).empty()) continue;
    const Symbol org_id = index.symbol(org_index);
    for (std::uint32_t q : seq_of.of(org_index))
      org_in_paragraph[static_cast<std::size_t>(by_seq[q].paragraph + 1)] = 1;
    auto org_here = [&](int paragraph) {
      return org_in_paragraph[static_cast<std::size_t>(paragraph + 1)] != 0;
    };
    // Whether the mention at seq q of a member makes its membership.
    auto makes_membership = [&](std::uint32_t q) {
      const auto& [paragraph, m, sentence, member] = by_seq[q];
      const auto& scope = scopes[scope_of_sentence[static_cast<std::size_t>(sentence)]];
      auto org_is_scope = [&] {
        return std::find(scope.begin(), scope.end(), org_index) != scope.end();
      };
      // (Named in the sentence, the organisation is named in its paragraph.)
      if (!org_here(paragraph)) return org_is_scope();
      // Both named in this sentence (by_seq holds no run-on debris, so this is also "a
      // sentence naming both").
      const auto here = by_sentence.entities_of(static_cast<std::size_t>(sentence));
      // A sentence with a membership cue is left to cue:membership, which reads negation.
      if (std::find(here.begin(), here.end(), org_index) != here.end())
        return !member_cue_sentence[static_cast<std::size_t>(sentence)];
      if (org_is_scope()) return true;
      if (std::find(scope.begin(), scope.end(), member) == scope.end()) return false;
      // The section's actor takes a membership only from a sentence of the paragraph that
      // names the organisation and no state (its subject is the carried-over actor: "The
      // country belongs to the CIS ..."), not from a bloc named beside other states.
      for (std::uint32_t oq : seq_of.of(org_index)) {
        if (by_seq[oq].paragraph != paragraph) continue;
        const auto ms = by_sentence.entities_of(static_cast<std::size_t>(by_seq[oq].sentence));
        if (std::none_of(ms.begin(), ms.end(), [&](const std::uint32_t i) {
              return i != org_index && index.info(i).state_like;
            }))
          return true;
      }
      return false;
    };
    firsts.clear();
    for (const std::uint32_t x : org.member_index)
      for (const std::uint32_t q : seq_of.of(x))
        if (makes_membership(q)) {
          firsts.push_back({q, x});
          break;
        }
    std::sort(firsts.begin(), firsts.end());
    for (const auto& [q, member] : firsts) {
      const Placed& p = by_seq[q];
      add_relation(out, p.mention->entity, org_id, "MEMBER_OF", doc, p.sentence,
                   org_here(p.paragraph) ? "lexicon:members" : "lexicon:members-section", 0.7);
    }
    for (std::uint32_t q : seq_of.of(org_index))
      org_in_paragraph[static_cast<std::size_t>(by_seq[q].paragraph + 1)] = 0;
  }
  return out;
}

}  // namespace softgraph
