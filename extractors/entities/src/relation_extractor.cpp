#include "softgraph/extract/relation_extractor.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "softgraph/extract/entity_recognizer.hpp"
#include "softgraph/extract/tokenizer.hpp"

namespace softgraph {

// Comparisons with literals as string_views: a length check first, no strlen per call.
using namespace std::string_view_literals;

namespace {

// What a mention plays in its sentence.
enum class Role { kActor, kTarget, kInstitution, kInstrument, kOther };

struct Slot {
  const Mention* mention;
  const Entity* entity;
  std::uint32_t index;  // the entity's EntityIndex position
  Role role;
  std::size_t word;  // index of the first word token of the mention in the sentence
  bool implicit_target = false;  // made a target by a power beside it, not by a preposition
};

// The entities by position in id order (the map's order), and a hashed id -> position lookup:
// per-entity state lives in vectors indexed so, and each id is looked up once, not by a map
// walk of string compares per use.
class EntityIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  explicit EntityIndex(const std::map<std::string, const Entity*>& entities) {
    by_index_.reserve(entities.size());
    ids_.reserve(entities.size());
    std::size_t cap = 16;
    while (cap < entities.size() * 2) cap *= 2;
    slots_.assign(cap, kNone);
    for (const auto& [id, e] : entities) {
      const auto i = static_cast<std::uint32_t>(by_index_.size());
      by_index_.push_back(e);
      ids_.push_back(id);
      for (std::size_t k = hash(id) & (cap - 1);; k = (k + 1) & (cap - 1))
        if (slots_[k] == kNone) {
          slots_[k] = i;
          break;
        }
    }
  }
  std::size_t size() const { return by_index_.size(); }
  const Entity* entity(std::uint32_t i) const { return by_index_[i]; }
  std::string_view id(std::uint32_t i) const { return ids_[i]; }
  // Position of `id`, or kNone.
  std::uint32_t find(std::string_view id) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = hash(id) & mask;; k = (k + 1) & mask) {
      const std::uint32_t i = slots_[k];
      if (i == kNone || ids_[i] == id) return i;
    }
  }

 private:
  static std::size_t hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
  std::vector<const Entity*> by_index_;
  std::vector<std::string_view> ids_;  // views of the map's keys
  std::vector<std::uint32_t> slots_;   // open addressing, kNone: free
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
};

struct SentenceWords {
  struct Word {
    std::uint32_t begin;  // byte offset of the token in the text
    std::uint32_t end;    // end of its folded form in `folded` (it begins where the last ends)
    std::uint32_t cues;   // cue lists it is in (kCue* bits)
  };
  std::string folded;  // the folded tokens back to back, punctuation included
  std::vector<Word> words;
  std::uint32_t any_cue = 0;  // union of the words' cues
  std::size_t size() const { return words.size(); }
  bool empty() const { return words.empty(); }
  std::string_view word(std::size_t k) const {
    std::uint32_t b = k == 0 ? 0 : words[k - 1].end;
    return std::string_view(folded).substr(b, words[k].end - b);
  }
  bool is(std::size_t k, std::uint32_t cue) const { return (words[k].cues & cue) != 0; }
  std::size_t index_at(std::uint64_t pos) const {
    auto it = std::lower_bound(words.begin(), words.end(), pos,
                               [](const Word& w, std::uint64_t p) { return w.begin < p; });
    return static_cast<std::size_t>(it - words.begin());
  }
  bool has(std::uint32_t cue) const { return (any_cue & cue) != 0; }
};

// Attribute keys made once: a literal key would build a std::string per lookup.
const std::string kKindKey = "kind", kOwnerKey = "owner", kChannelsKey = "channels",
                  kMembersKey = "members", kAttributionKey = "attribution";

std::string_view kind_of(const Entity& e) {
  auto it = e.attributes.find(kKindKey);
  if (it == e.attributes.end()) return {};
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return {};
}

// A list attribute by reference (empty when absent): callers only read it.
const std::vector<std::string>& list_attr(const Entity& e, const std::string& key) {
  static const std::vector<std::string> kNone;
  auto it = e.attributes.find(key);
  if (it == e.attributes.end()) return kNone;
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return kNone;
}

bool is_state_like(const Entity& e) { return e.type == "Actor"sv || e.type == "TargetCountry"sv; }

// An institution that can have member states: not an agency, bank, fund, school or programme a
// state runs ("an EU member state working through GIZ" makes no member of GIZ).
bool has_members_kind(const Entity& e) {
  if (!list_attr(e, kMembersKey).empty()) return true;
  std::string_view k = kind_of(e);
  return !(k == "agency"sv || k == "bank"sv || k == "fund"sv || k == "foundation"sv ||
           k == "media"sv || k == "programme"sv || k == "university"sv || k == "school"sv ||
           k == "channel"sv);
}

// Prepositions that put a place in the target role. Powers (Actor-default states) need a strong
// cue; regions and target countries also take the weaker ones ("students from Central Asia").
const std::set<std::string> kStrongTargetCues = {"in", "into", "toward", "towards", "across",
                                                 "throughout", "within"};
const std::set<std::string> kTargetCues = {"in", "into", "to", "toward", "towards", "across",
                                           "throughout", "within", "among", "with", "for", "on",
                                           "at", "over", "from", "between", "of"};
const std::set<std::string> kOperateCues = {"through", "via", "runs", "run", "funds", "funded",
                                            "established", "establishment", "created", "creation",
                                            "founded", "launched", "operates", "operated",
                                            "sponsored", "financed", "set", "its", "their",
                                            "'", "led", "own", "network", "manages", "supports"};
const std::set<std::string> kPartnerCues = {"partnership", "partnerships", "partner", "partners",
                                            "jointly", "joint", "alliance", "cooperate",
                                            "cooperates", "agreement", "agreements", "relations",
                                            "ties", "cooperation", "treaty", "treaties", "signed",
                                            "bilateral", "allied", "allies"};
const std::set<std::string> kMemberCues = {"member", "members", "membership", "joined", "joining",
                                           "accession", "acceded"};
const std::set<std::string> kBreaks = {"cut",     "severed",   "broke",    "broken", "froze",
                                       "frozen",  "suspended", "closed",   "rivals", "rivalry",
                                       "dispute", "disputed",  "conflict", "war",    "sanctions"};
const std::set<std::string> kAnaphora = {"organization", "organisation", "institution",
                                         "institutions", "institute", "institutes", "centers",
                                         "centres", "center", "centre", "foundation", "agency",
                                         "program", "programme", "programs", "programmes", "fund",
                                         "school", "university", "bodies", "initiative",
                                         "initiatives", "frameworks", "framework", "organizations",
                                         "organisations", "agencies", "foundations", "schools",
                                         "universities", "funds"};

// Every cue word with its kCue* bits.
const WordClasses& cue_table() {
  static const WordClasses table = [] {
    WordClasses t;
    t.add_lists({{&kStrongTargetCues, kCueStrongTarget},
                 {&kTargetCues, kCueTarget},
                 {&kOperateCues, kCueOperate},
                 {&kPartnerCues, kCuePartner},
                 {&kMemberCues, kCueMember},
                 {&kAnaphora, kCueAnaphora},
                 {&kBreaks, kCueBreak}});
    return t;
  }();
  return table;
}

// The words of sentence `si`, from the recognizer's tokens when it kept them.
SentenceWords words_of(const Document& doc, std::size_t si, const SentenceTokens* cache) {
  const WordClasses& cues = cue_table();
  thread_local std::vector<Token> scratch;
  const ByteRange r = doc.sentences[si].range;
  std::span<const Token> tokens;
  if (cache && cache->has(si)) {
    tokens = cache->of(si);
  } else {
    scratch.clear();
    tokenize(doc.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end),
             scratch);
    tokens = scratch;
  }
  SentenceWords sw;
  // Folded in place: the tokens lie inside the sentence and fold to at most twice their bytes.
  sw.folded.resize(2 * r.size());
  char* const base = sw.folded.data();
  char* out = base;
  sw.words.reserve(tokens.size());
  for (const Token& t : tokens) {
    char* const b = out;
    const char* p = doc.text.data() + t.begin;
    const char* const e = doc.text.data() + t.end;
    // ASCII (nearly every token) is lower-cased here; anything else goes through the folder.
    for (; p != e && static_cast<unsigned char>(*p) < 0x80; ++p)
      *out++ = *p >= 'A' && *p <= 'Z' ? static_cast<char>(*p + 32) : *p;
    if (p != e) out = fold_into(b, std::string_view(doc.text).substr(t.begin, t.end - t.begin));
    std::uint32_t cue = cues.of_folded(t.folded_hash, std::string_view(b, out - b));
    sw.words.push_back({t.begin, static_cast<std::uint32_t>(out - base), cue});
    sw.any_cue |= cue;
  }
  sw.folded.resize(static_cast<std::size_t>(out - base));
  return sw;
}

bool possessive_at(const Slot& s, const SentenceWords& sw) {
  std::size_t end = sw.index_at(s.mention->range.end);
  return end + 1 < sw.size() && sw.word(end) == "'" && sw.word(end + 1) == "s";
}

bool after_cue(const Slot& s, const SentenceWords& sw, std::uint32_t cue) {
  std::size_t i = s.word;
  if (i > 0 && sw.is(i - 1, cue)) return true;
  return i > 1 && sw.word(i - 1) == "the" && sw.is(i - 2, cue);
}

using Powers = std::vector<char>;  // by EntityIndex position: 1 for a power

// `powers` are the states the document treats as exerting influence (see find_powers); the
// other states are targets wherever they stand.
Role role_of(const Slot& s, const SentenceWords& sw, const Powers& powers) {
  const Entity& e = *s.entity;
  if (e.type == "Instrument"sv) return Role::kInstrument;
  if (e.type == "Region"sv) return Role::kTarget;
  if (e.type == "Institution"sv) return Role::kInstitution;
  if (!is_state_like(e)) return Role::kOther;
  if (!powers[s.index]) return Role::kTarget;
  bool possessive = possessive_at(s, sw);
  bool demonym = s.mention->source == "lexicon:demonym"sv;
  return after_cue(s, sw, kCueStrongTarget) && !possessive && !demonym ? Role::kTarget
                                                                       : Role::kActor;
}

// sentence_evidence() written into `ev` (a fresh one).
void fill_evidence(Evidence& ev, const Document& doc, int sentence, std::string_view rule,
                   double confidence) {
  const ByteRange r = doc.sentences[static_cast<std::size_t>(sentence)].range;
  ev.document = doc.id;
  ev.range = doc.to_raw(r);
  ev.quote.assign(doc.raw, ev.range.begin, ev.range.end - ev.range.begin);
  std::string_view text = doc.slice(r);
  if (text != ev.quote) ev.text = text;
  ev.rule = rule;
  ev.confidence = confidence;
  ev.sentence = sentence;
  for (const auto& loc : doc.locations) {
    if (loc.range.begin <= r.begin && r.begin < loc.range.end) {
      ev.page = loc.page;
      ev.element = loc.element;
      break;
    }
  }
}

// Appends a relation with the evidence of `sentence`, built in place (no Relation or Evidence
// moved or copied on the way).
void add_relation(std::vector<Relation>& out, std::string_view src, std::string_view dst,
                  std::string_view type, const Document& doc, int sentence, std::string_view rule,
                  double confidence, const Attributes* figures = nullptr) {
  Relation& r = out.emplace_back();
  r.source = src;
  r.target = dst;
  r.type = type;
  fill_evidence(r.evidence, doc, sentence, rule, confidence);
  if (figures) r.attributes = *figures;
}

}  // namespace

Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence) {
  Evidence ev;
  fill_evidence(ev, doc, sentence, rule, confidence);
  return ev;
}

namespace {

// Words around a number that belong to the figure ("over 40 mosques", "$10 billion").
const std::vector<std::string> kQualifiers = {"more than", "exceeding", "approximately", "at least",
                                              "up to", "roughly", "nearly", "almost", "around",
                                              "about", "over", "some"};
constexpr std::string_view kScales[] = {"million", "billion", "trillion", "thousand", "hundred"};
constexpr std::string_view kUnits[] = {
    "dollars",    "euros",        "usd",       "mosques",  "schools",    "universities",
    "students",   "scholarships", "meetings",  "projects", "institutes", "centers",
    "centres",    "branches",     "grants",    "people",   "volunteers", "programs",
    "programmes", "high-level",   "countries", "teachers"};

// Number words: ten, twenty ... ninety, hundreds, thousands, dozens, millions. Most words fail
// on their length or first letter, without a compare.
bool is_number_word(std::string_view w) {
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

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// ASCII classes as the C locale's <cctype> has them (the program never sets a locale), and the
// folding figures_in() reads with, as byte tables: one load per byte instead of range tests.
struct FigureBytes {
  enum : std::uint8_t { kDigit = 1, kAlpha = 2, kWord = 4 };
  std::array<std::uint8_t, 256> cls{}, folded{};
  constexpr FigureBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool digit = c >= '0' && c <= '9';
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      cls[c] = static_cast<std::uint8_t>((digit ? kDigit : 0) | (alpha ? kAlpha : 0) |
                                         (digit || alpha || c == '-' ? kWord : 0));
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
bool is_alpha(char c) { return figure_class(c) & FigureBytes::kAlpha; }
bool is_word_byte(char c) { return figure_class(c) & FigureBytes::kWord; }

// The word that starts at `pos` (letters, digits, hyphens), lower-cased.
std::string_view word_from(std::string_view lower, std::size_t pos) {
  std::size_t e = pos;
  while (e < lower.size() && is_word_byte(lower[e])) ++e;
  return lower.substr(pos, e - pos);
}

}  // namespace

Attributes figures_in(std::string_view sentence) {
  // A hand-written scanner: std::regex took most of the extraction time.
  thread_local std::string lower;  // one buffer for every sentence
  lower.resize(sentence.size());
  char* const dst = lower.data();  // (through the string, every store would reload its pointer)
  for (std::size_t k = 0; k < sentence.size(); ++k)
    dst[k] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[k])]);
  std::vector<std::string> figures, years;
  std::size_t i = 0;
  while (i < lower.size()) {
    bool number_word = false;
    std::size_t begin = i, end = i;
    if (is_digit(lower[i]) && (i == 0 || !is_word_byte(lower[i - 1]))) {
      while (end < lower.size() && (is_digit(lower[end]) || ((lower[end] == ',' || lower[end] == '.') && end + 1 < lower.size() && is_digit(lower[end + 1])))) ++end;
    } else if (is_alpha(lower[i]) && (i == 0 || !is_word_byte(lower[i - 1]))) {
      std::string_view w = word_from(lower, i);
      if (!is_number_word(w)) {
        i += std::max<std::size_t>(w.size(), 1);
        continue;
      }
      number_word = true;
      end = i + w.size();
    } else {
      ++i;
      continue;
    }
    std::string_view digits = std::string_view(lower).substr(begin, end - begin);
    bool year = !number_word && digits.size() == 4 &&
                (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    if (year) {
      std::size_t ye = end;
      if (ye < lower.size() && lower[ye] == 's') ++ye;
      if (ye >= lower.size() || !is_word_byte(lower[ye])) {
        years.push_back(std::string(sentence.substr(begin, ye - begin)));
        i = ye;
        continue;
      }
    }
    // Extend backwards over a currency sign and a qualifier.
    if (begin > 0 && sentence[begin - 1] == '$') --begin;
    else if (begin >= 3 && sentence.substr(begin - 3, 3) == "\u20AC") begin -= 3;  // euro sign
    else if (begin >= 2 && sentence.substr(begin - 2, 2) == "\u00A3") begin -= 2;  // pound sign
    for (const auto& q : kQualifiers) {
      std::size_t qs = begin >= q.size() + 1 ? begin - q.size() - 1 : std::string::npos;
      if (qs != std::string::npos && lower.compare(qs, q.size(), q) == 0 && lower[qs + q.size()] == ' ' &&
          (qs == 0 || !is_word_byte(lower[qs - 1]))) {
        begin = qs;
        break;
      }
    }
    // Forwards over "%", a scale and a unit noun (or "of <noun>" after "hundreds").
    std::size_t j = end;
    auto next_word = [&](std::size_t at, std::string_view& w) {
      std::size_t k = at;
      while (k < lower.size() && lower[k] == ' ') ++k;
      w = word_from(lower, k);
      return w.empty() ? std::string::npos : k + w.size();
    };
    if (j < lower.size() && lower[j] == '%') ++j;
    std::string_view w;
    std::size_t after = next_word(j, w);
    if (after != std::string::npos && (w == "percent")) j = after, after = next_word(j, w);
    if (after != std::string::npos && one_of(kScales, w)) j = after, after = next_word(j, w);
    for (int units = 0; units < 2 && after != std::string::npos && one_of(kUnits, w); ++units)
      j = after, after = next_word(j, w);
    if (number_word && after != std::string::npos && w == "of") {
      std::string_view noun;
      std::size_t n2 = next_word(after, noun);
      if (n2 != std::string::npos) j = n2;
    }
    bool bare_small = !number_word && digits.size() < 2 && j == end && begin == i;
    bool bare_word = number_word && j == end && begin == i;
    if (!bare_small && !bare_word) figures.push_back(std::string(sentence.substr(begin, j - begin)));
    i = std::max(j, end);
  }
  Attributes out;
  if (!figures.empty()) out["figures"] = figures;
  if (!years.empty()) out["years"] = years;
  return out;
}

namespace {

// A "sentence" longer than this is extraction debris (a table, a line without punctuation), not
// prose: its mentions count, but it is not mined for relations (the rules are quadratic in the
// names of a sentence).
constexpr std::uint64_t kMaxSentenceBytes = 4096;

// (source, target, type) of the relations made from one sentence: a short list searched in
// place, and a set once it grows long (a run-on sentence can make hundreds).
class EmittedSet {
 public:
  using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
  void clear() {
    list_.clear();
    set_.clear();
  }
  // False if `k` was inserted before.
  bool insert(const Key& k) {
    if (list_.size() < kShort) {
      if (std::find(list_.begin(), list_.end(), k) != list_.end()) return false;
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
  std::vector<int> present;
  std::size_t size() const { return start.empty() ? 0 : start.size() - 1; }
  bool has(std::size_t s) const { return s < size() && start[s] != start[s + 1]; }
  std::span<const Mention* const> of(std::size_t s) const {
    return std::span<const Mention* const>(items.data() + start[s], items.data() + start[s + 1]);
  }
};

// Each mention's entity, looked up once: by the mention's index in the list it came in.
struct EntityOf {
  const Mention* base = nullptr;
  const EntityIndex* index = nullptr;
  std::vector<std::uint32_t> of;  // EntityIndex position, kNone: not an entity of the call
  std::uint32_t index_of(const Mention* m) const { return of[static_cast<std::size_t>(m - base)]; }
  const Entity* operator()(const Mention* m) const { return index->entity(index_of(m)); }
};

bool english_body(const Document& doc, const Sentence& sentence) {
  if (sentence.range.size() > kMaxSentenceBytes) return false;
  if (sentence.section < 0) return true;
  const Section& section = doc.sections[static_cast<std::size_t>(sentence.section)];
  if (section.kind == "references"sv || section.kind == "notes"sv) return false;
  return section.language == "en"sv || section.language == "und"sv;
}

// The document's powers: states that head a section, own a named institution, or stand as a
// subject (sentence-initial, possessive, adjective) more often than as a place influence goes
// to. Blocs always count; states the lexicon marks as usual targets need more evidence.
Powers find_powers(const Document& doc, const EntityIndex& entities, const EntityOf& entity_of,
                   const BySentence& by_sentence, std::vector<SentenceWords>& words,
                   std::vector<char>& have_words, const SentenceTokens* tokens) {
  std::vector<int> score(entities.size(), 0);  // by EntityIndex position
  for (int si : by_sentence.present) {
    const auto ms = by_sentence.of(static_cast<std::size_t>(si));
    const Sentence& sentence = doc.sentences[static_cast<std::size_t>(si)];
    if (!english_body(doc, sentence)) continue;
    const Paragraph* para = sentence.paragraph >= 0 ? &doc.paragraphs[static_cast<std::size_t>(sentence.paragraph)] : nullptr;
    const auto at = static_cast<std::size_t>(si);
    words[at] = words_of(doc, at, tokens);
    have_words[at] = 1;
    const SentenceWords& sw = words[at];
    bool heading = sw.size() <= 8 && !sw.empty() && sw.word(sw.size() - 1) != ".";
    for (const Mention* m : ms) {
      const Entity& e = *entity_of(m);
      if (e.type == "Institution"sv)
        for (const auto& owner : list_attr(e, kOwnerKey))
          if (std::uint32_t o = entities.find(owner); o != EntityIndex::kNone) score[o] += 2;
      if (!is_state_like(e)) continue;
      const std::uint32_t x = entity_of.index_of(m);
      Slot slot{m, &e, x, Role::kOther, sw.index_at(m->range.begin), false};
      bool in_head = para && !para->run_in_head.empty() && para->run_in_head.contains(m->range);
      if (in_head || heading) score[x] += 3;
      if (possessive_at(slot, sw) || slot.word <= 1 || m->source == "lexicon:demonym"sv)
        score[x] += 1;
      if (after_cue(slot, sw, kCueTarget)) score[x] -= 1;
    }
  }
  Powers powers(entities.size(), 0);
  for (std::uint32_t i = 0; i < entities.size(); ++i) {
    const Entity* e = entities.entity(i);
    if (!is_state_like(*e)) continue;
    int s = score[i];
    if (kind_of(*e) == "bloc") s += 5;
    if (e->type == "TargetCountry"sv) s -= 2;
    if (s >= 2) powers[i] = 1;
  }
  return powers;
}

}  // namespace

std::vector<Relation> extract_relations(const Document& doc,
                                        const std::map<std::string, const Entity*>& entities,
                                        const std::vector<Mention>& mentions,
                                        const SentenceTokens* tokens) {
  std::vector<Relation> out;
  const EntityIndex index(entities);
  // Mentions grouped by sentence.
  BySentence by_sentence;
  EntityOf entity_of{mentions.data(), &index,
                     std::vector<std::uint32_t>(mentions.size(), EntityIndex::kNone)};
  {
    std::size_t sentences = doc.sentences.size();
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (m.sentence < 0) continue;
      const std::uint32_t x = index.find(m.entity);
      if (x == EntityIndex::kNone) continue;
      entity_of.of[i] = x;
      sentences = std::max(sentences, static_cast<std::size_t>(m.sentence) + 1);
    }
    // Counted, then placed: one array for all sentences, mentions in their order.
    by_sentence.start.assign(sentences + 1, 0);
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (entity_of.of[i] != EntityIndex::kNone)
        ++by_sentence.start[static_cast<std::size_t>(mentions[i].sentence) + 1];
    for (std::size_t s = 0; s < sentences; ++s) {
      if (by_sentence.start[s + 1] > 0) by_sentence.present.push_back(static_cast<int>(s));
      by_sentence.start[s + 1] += by_sentence.start[s];
    }
    by_sentence.items.resize(by_sentence.start[sentences]);
    std::vector<std::uint32_t> fill(by_sentence.start.begin(), by_sentence.start.end() - 1);
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (entity_of.of[i] != EntityIndex::kNone)
        by_sentence.items[fill[static_cast<std::size_t>(mentions[i].sentence)]++] = &mentions[i];
  }
  // About two relations per sentence with names: room made once rather than by moving every
  // relation made so far each time the vector grows.
  out.reserve(2 * by_sentence.present.size());
  // Sentences with mentions, tokenised once (by find_powers, for the loop below).
  std::vector<SentenceWords> words(by_sentence.size());
  std::vector<char> have_words(by_sentence.size(), 0);
  const Powers powers = find_powers(doc, index, entity_of, by_sentence, words, have_words, tokens);

  // The document's own country: the state named far more often than any other (a text on the
  // foreign relations of one state), or none. "The country's principal ally", "the two states"
  // with one of them unnamed, refer to it.
  std::uint32_t main_country = EntityIndex::kNone;
  {
    std::vector<int> count(index.size(), 0);
    for (int si : by_sentence.present)
      for (const Mention* m : by_sentence.of(static_cast<std::size_t>(si))) {
        const Entity& e = *entity_of(m);
        if (is_state_like(e) && kind_of(e) != "bloc"sv) ++count[entity_of.index_of(m)];
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
    if (top < 10 || top < 2 * second) main_country = EntityIndex::kNone;
  }

  // Ids below are views of the entities' own ids (stable for the call): no copies per sentence.
  std::vector<std::string_view> scope_actors;  // subject carried over inside an actor's section
  int scope_paragraph = -1, scope_section = -1;
  std::vector<std::string_view> previous_institutions;
  int previous_paragraph = -1;
  // For membership by section scope; kept for sentences with mentions (the only ones read).
  // Each sentence's index in `scopes`, the successive values of scope_actors (it changes far
  // less often than sentences pass); 0 is the empty scope.
  std::vector<std::vector<std::string_view>> scopes(1);
  std::vector<std::uint32_t> scope_of_sentence(by_sentence.size(), 0);
  std::vector<char> member_cue_sentence(by_sentence.size(), 0);  // sentences with a kCueMember word
  // Of the current sentence; declared once so that their buffers serve every sentence.
  std::vector<Slot> slots;
  std::vector<std::string_view> actors, institutions, instruments, subjects, sources;
  EmittedSet emitted;

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (!english_body(doc, sentence)) continue;
    if (!by_sentence.has(si)) {
      // No entity here: only the scope bookkeeping below matters, and it needs no words.
      if (sentence.section != scope_section) {
        scope_actors.clear();
        scope_section = sentence.section;
      }
      if (sentence.paragraph != scope_paragraph) scope_paragraph = sentence.paragraph;
      // (scope_of_sentence is read only for sentences with mentions: nothing to keep here.)
      if (sentence.paragraph != previous_paragraph) previous_institutions.clear();
      previous_paragraph = sentence.paragraph;
      continue;
    }
    SentenceWords sw = have_words[si] ? std::move(words[si]) : words_of(doc, si, tokens);

    slots.clear();
    for (const Mention* m : by_sentence.of(si)) {
      Slot s{m, entity_of(m), entity_of.index_of(m), Role::kOther, sw.index_at(m->range.begin)};
      s.role = role_of(s, sw, powers);
      slots.push_back(s);
    }
    auto ids_with = [&](Role role, std::vector<std::string_view>& ids) {
      ids.clear();
      for (const Slot& s : slots)
        if (s.role == role && std::find(ids.begin(), ids.end(), s.entity->id) == ids.end())
          ids.push_back(s.entity->id);
    };
    // A state that usually receives influence, named beside a power, is the power's target
    // ("Georgia signed an agreement with the EU"), not an actor of its own.
    bool power_present = std::any_of(slots.begin(), slots.end(), [](const Slot& x) {
      return x.role == Role::kActor && x.entity->type == "Actor"sv;
    });
    if (power_present)
      for (Slot& x : slots)
        if (x.role == Role::kActor && x.entity->type == "TargetCountry"sv) {
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
        std::string_view x = sw.word(w - 1);
        if (x == "the"sv && w >= 2) x = sw.word(w - 2);
        return x == "which"sv || x == "when"sv || x == "while"sv || x == "where"sv ||
               x == "whereas"sv || x == "although"sv || x == "though"sv || x == "because"sv;
      };
      if (is_state_like(*slots[i].entity) && (slots[i].word <= 2 || clause_opener(slots[i].word)) &&
          !after_cue(slots[i], sw, kCueTarget)) {
        for (; j < slots.size() && is_state_like(*slots[j].entity); ++j) {
          std::size_t from = sw.index_at(slots[j - 1].mention->range.end);
          std::size_t to = slots[j].word;
          bool joined = to >= from && to - from <= 3;
          for (std::size_t k = from; joined && k < to; ++k) {
            std::string_view w = sw.word(k);
            joined = w == ","sv || w == "and"sv || w == "the"sv || w == "together"sv ||
                     (w == "with"sv && k > 0 && sw.word(k - 1) == "together"sv);
          }
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
      if (!is_state_like(*y.entity) || y.role != Role::kTarget || y.word < 2) continue;
      std::size_t w = y.word - 1;
      if (sw.word(w) == "the"sv && w > 0) --w;
      if (w < 1 || sw.word(w) != "with"sv || sw.word(w - 1) != "together"sv) continue;
      if (slots[i - 1].role != Role::kActor) continue;
      y.role = Role::kActor;
      y.implicit_target = false;
    }
    ids_with(Role::kActor, actors);
    ids_with(Role::kInstitution, institutions);
    ids_with(Role::kInstrument, instruments);

    // Scope: a run-in head ("Turkey.") or a paragraph that opens with an actor as its subject
    // sets the actor of what follows, until the next head or section.
    const Paragraph* para = sentence.paragraph >= 0 ? &doc.paragraphs[sentence.paragraph] : nullptr;
    if (sentence.section != scope_section) {
      scope_actors.clear();
      scope_section = sentence.section;
    }
    if (para && sentence.paragraph != scope_paragraph) {
      scope_paragraph = sentence.paragraph;
      bool first_sentence = para->range.begin >= sentence.range.begin ||
                            (si == 0 || doc.sentences[si - 1].paragraph != sentence.paragraph);
      if (!para->run_in_head.empty() || first_sentence) {
        std::vector<std::string_view> head_actors;
        for (const Slot& s : slots) {
          bool in_head = !para->run_in_head.empty() && para->run_in_head.contains(s.mention->range);
          bool opening = first_sentence && s.word <= 2;
          if (s.role == Role::kActor && (in_head || opening)) head_actors.push_back(s.entity->id);
        }
        if (!head_actors.empty()) scope_actors = head_actors;
      }
    }
    // Anaphora: "This organization ..." continues the previous sentence's institutions.
    bool anaphoric = false;
    if (!sw.empty()) {
      std::string_view w0 = sw.word(0);
      if (w0 == "it" || w0 == "they") anaphoric = true;
      if (w0 == "this" || w0 == "these" || w0 == "the" || w0 == "its" || w0 == "their" || w0 == "such")
        for (std::size_t k = 1; k <= 3 && k < sw.size(); ++k)
          if (sw.is(k, kCueAnaphora)) anaphoric = true;
    }
    if (institutions.empty() && anaphoric && sentence.paragraph == previous_paragraph)
      institutions = previous_institutions;

    if (scopes.back() != scope_actors) scopes.push_back(scope_actors);
    scope_of_sentence[si] = static_cast<std::uint32_t>(scopes.size() - 1);
    std::optional<Attributes> figures;  // made on the first relation of the sentence
    const int s = static_cast<int>(si);
    // Five or more powers in one sentence are a list, not a claim about each of them (measured
    // on the gold texts: four still make claims, five rarely do).
    bool enumeration = actors.size() > 4;
    subjects = actors;
    std::string_view subject_channel_rule = "sentence:actor-channel";
    double subject_conf = 0.8;
    if (subjects.empty()) {
      subjects = scope_actors;
      subject_channel_rule = "scope:section-actor-channel";
      subject_conf = 0.6;
    }

    // One relation per (source, target, type) and sentence: a run-on "sentence" with hundreds of
    // names must not multiply evidence copies.
    emitted.clear();
    auto emit = [&](std::string_view src, std::string_view dst, std::string_view type,
                    std::string_view rule, double conf) {
      // An organisation's own member states are its members, not its targets.
      if (type == "TARGETS"sv)
        if (const std::uint32_t x = index.find(src); x != EntityIndex::kNone) {
          const auto& members = list_attr(*index.entity(x), kMembersKey);
          if (std::find(members.begin(), members.end(), dst) != members.end()) return;
        }
      if (!emitted.insert({src, dst, type})) return;
      if (!figures) figures = figures_in(doc.slice(sentence.range));
      add_relation(out, src, dst, type, doc, s, rule, conf, &*figures);
    };

    // USES_INSTRUMENT and DELIVERS: a channel trigger with its actors and institutions.
    // With several institutions in a sentence, a channel belongs to the nearest one.
    auto nearest_institution = [&](std::string_view instrument) {
      std::size_t at = 0;
      for (const Slot& x : slots)
        if (x.entity->id == instrument) at = x.word;
      std::string_view best;
      std::size_t best_distance = SIZE_MAX;
      for (const Slot& x : slots) {
        if (x.role != Role::kInstitution) continue;
        std::size_t d = x.word > at ? (x.word - at) * 2 : (at - x.word);  // prefer the one before
        if (d < best_distance) best_distance = d, best = x.entity->id;
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
        if (sw.word(w) == "the"sv && w > 0) --w;
        if (sw.word(w) == "through"sv || sw.word(w) == "via"sv) through_at = w;
      }
    }
    auto before_through = [&](std::string_view instrument) {
      for (const Slot& x : slots)
        if (x.entity->id == instrument && x.word < through_at && x.word + 7 >= through_at)
          return true;
      return false;
    };
    for (const auto& n : instruments) {
      if (through_at != SIZE_MAX && !before_through(n)) {
        if (!enumeration)
          for (const auto& a : subjects)
            emit(a, n, "USES_INSTRUMENT", subject_channel_rule, subject_conf);
        continue;
      }
      bool explicit_institution = std::any_of(slots.begin(), slots.end(), [](const Slot& x) { return x.role == Role::kInstitution; });
      if (institutions.size() > 1 && explicit_institution) {
        std::string_view inst = nearest_institution(n);
        emit(inst, n, "DELIVERS", "sentence:nearest-institution-channel", 0.7);
        // "The ADB, the World Bank, the EBRD and the EDB are all major lenders": the list the
        // nearest institution stands in shares the channel.
        for (std::size_t i = 0; i < slots.size(); ++i) {
          if (slots[i].role != Role::kInstitution || slots[i].entity->id != inst) continue;
          std::size_t lo = i, hi = i;
          auto joined = [&](std::size_t a, std::size_t b) {  // slots a < b, both institutions
            std::size_t from = sw.index_at(slots[a].mention->range.end);
            std::size_t to = slots[b].word;
            if (to < from || to - from > 5) return false;
            for (std::size_t k = from; k < to; ++k) {
              std::string_view w = sw.word(k);
              if (!(w == ","sv || w == "and"sv || w == "the"sv || w == "("sv || w == ")"sv))
                return false;
            }
            return true;
          };
          while (lo > 0 && slots[lo - 1].role == Role::kInstitution && joined(lo - 1, lo)) --lo;
          while (hi + 1 < slots.size() && slots[hi + 1].role == Role::kInstitution &&
                 joined(hi, hi + 1))
            ++hi;
          for (std::size_t k = lo; k <= hi; ++k)
            emit(slots[k].entity->id, n, "DELIVERS", "sentence:coordinated-institution-channel",
                 0.65);
        }
      } else {
        for (const auto& inst : institutions)
          emit(inst, n, "DELIVERS", "sentence:institution-channel", 0.8);
      }
      if (!enumeration)
        for (const auto& a : subjects)
          emit(a, n, "USES_INSTRUMENT", subject_channel_rule, subject_conf);
    }

    // OPERATES from a cue or scope, for institutions whose owner the lexicon does not know.
    for (const auto& inst : institutions) {
      const Entity* ie = index.entity(index.find(inst));
      if (!list_attr(*ie, kOwnerKey).empty()) continue;
      std::string_view k = kind_of(*ie);
      if (k == "organization" || k == "bank" || k == "bloc") continue;  // multilateral bodies
      if (!actors.empty() && actors.size() <= 2 && sw.has(kCueOperate)) {
        for (const auto& a : actors)
          emit(a, inst, "OPERATES", "cue:operates", 0.7);
      } else if (actors.empty() && !scope_actors.empty()) {
        for (const auto& a : scope_actors)
          emit(a, inst, "OPERATES", "scope:section-actor", 0.5);
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
          std::size_t from = sw.index_at(previous_target->mention->range.end);
          bool coordinated = from <= t.word;
          for (std::size_t k = from; coordinated && k < t.word; ++k) {
            std::string_view w = sw.word(k);
            coordinated = w == "," || w == "and" || w == "or" || w == "the" || w == "as" || w == "well";
          }
          cue = coordinated;
        }
        const std::uint32_t cues = t.entity->type == "Actor"sv ? kCueStrongTarget : kCueTarget;
        for (std::size_t back = 1; back <= 4 && back <= t.word; ++back)
          if (sw.is(t.word - back, cues)) cue = true;
        if (t.implicit_target && !actors.empty()) cue = true;
        // A state that is no power of the document, named beside one, is that power's target.
        if (is_state_like(*t.entity) && !powers[t.index] && !actors.empty()) cue = true;
        previous_target = &t;
        previous_cue = cue;
        if (!cue) continue;
        // A state that acts in the sentence is no target of its co-actors there (a city of its
        // own named later: "the UAE, together with Saudi Arabia, ... signed in Jeddah").
        if (std::find(actors.begin(), actors.end(), t.entity->id) != actors.end()) continue;
        sources = subjects;
        // With several institutions, a place belongs to the nearest one before it.
        bool several = std::count_if(slots.begin(), slots.end(), [](const Slot& x) { return x.role == Role::kInstitution; }) > 1;
        if (several) {
          const Slot* before = nullptr;
          for (const Slot& x : slots)
            if (x.role == Role::kInstitution && x.word < t.word) before = &x;
          if (before) sources.push_back(before->entity->id);
        } else {
          for (const auto& inst : institutions) sources.push_back(inst);
        }
        // The country a text is about receives influence there; where it acts abroad, its
        // moves are foreign relations, not the projection the graph records.
        for (const auto& src : sources)
          if (src != t.entity->id &&
              (main_country == EntityIndex::kNone || src != index.id(main_country)))
            emit(src, t.entity->id, "TARGETS", "cue:preposition", 0.7);
      }
    }

    // TARGETS implied: in a text about one country, a sentence where an actor uses a channel
    // and no place is named speaks of that country ("Japan funds clinics").
    if (main_country != EntityIndex::kNone && !enumeration && !instruments.empty() &&
        std::none_of(slots.begin(), slots.end(),
                     [](const Slot& x) { return x.role == Role::kTarget; })) {
      const std::string_view main_id = index.id(main_country);
      // (Actors only: institutions so placed were measured to hurt; many serve a whole region.)
      for (const auto& a : subjects)
        if (a != main_id) emit(a, main_id, "TARGETS", "scope:document-country", 0.4);
    }

    // PARTNERS_WITH: two parties tied together by a partnership cue — "the Turkish-Kazakh
    // partnership", "cooperation between X and Y", "X and Y jointly ...", "X's agreement with Y".
    // (Words that break a tie instead are kBreaks.)
    if (sw.has(kCuePartner) && !sw.has(kCueBreak)) {
      std::vector<const Slot*> parties;
      for (const Slot& p : slots)
        if ((is_state_like(*p.entity) || p.entity->type == "Institution"sv) &&
            (parties.empty() || parties.back()->entity->id != p.entity->id))
          parties.push_back(&p);
      // (A peace or ceasefire agreement ends a war: its parties are not thereby partners.)
      auto cue_near = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < sw.size(); ++k)
          if (sw.is(k, kCuePartner) &&
              !(k > 0 && (sw.word(k - 1) == "peace"sv || sw.word(k - 1) == "ceasefire"sv ||
                          sw.word(k - 1) == "armistice"sv)))
            return true;
        return false;
      };
      for (std::size_t i = 0; i + 1 < parties.size(); ++i) {
        const Slot& a = *parties[i];
        const Slot& b = *parties[i + 1];
        if (a.entity->id == b.entity->id) continue;
        std::size_t a_end = sw.index_at(a.mention->range.end);
        std::size_t b_end = sw.index_at(b.mention->range.end);
        bool joined = b.word >= a_end && b.word - a_end <= 2;
        for (std::size_t k = a_end; joined && k < b.word; ++k)
          joined =
              sw.word(k) == "-" || sw.word(k) == "and" || sw.word(k) == "," || sw.word(k) == "the";
        // A pair inside a longer list ("Saudi Arabia, the UAE, Bahrain and Egypt") is no pair.
        auto joined_to = [&](const Slot& x, const Slot& y) {
          std::size_t x_end = sw.index_at(x.mention->range.end);
          if (y.word < x_end || y.word - x_end > 2) return false;
          for (std::size_t k = x_end; k < y.word; ++k)
            if (sw.word(k) != "-" && sw.word(k) != "and" && sw.word(k) != "," &&
                sw.word(k) != "the")
              return false;
          return true;
        };
        bool in_list = (i > 0 && joined_to(*parties[i - 1], a)) ||
                       (i + 2 < parties.size() && joined_to(b, *parties[i + 2]));
        bool between = a.word >= 1 && sw.word(a.word - 1) == "between" && joined && !in_list;
        // "ties with Turkey and Israel": both are partners of someone else, not of each other.
        bool objects_of_with =
            a.word >= 1 && (sw.word(a.word - 1) == "with"sv ||
                            (a.word >= 2 && sw.word(a.word - 1) == "the"sv && sw.word(a.word - 2) == "with"sv));
        // "..., and Turkey is the senior partner of Azerbaijan": a singular verb after the
        // second name makes it the subject alone.
        bool singular = b_end < sw.size() && (sw.word(b_end) == "is"sv || sw.word(b_end) == "was"sv ||
                                              sw.word(b_end) == "has"sv || sw.word(b_end) == "remains"sv);
        bool pair_with_cue = joined && !in_list && !objects_of_with &&
                             ((!singular && cue_near(b_end, b_end + 4)) || (a.word >= 3 && cue_near(a.word - 3, a.word)));
        bool with_cue = b.word >= 2 && sw.word(b.word - 1) == "with" &&
                        cue_near(b.word - 3 > a.word ? b.word - 3 : a.word, b.word - 1);
        if (!(between || pair_with_cue || with_cue)) continue;
        emit(a.entity->id, b.entity->id, "PARTNERS_WITH", "cue:partnership", 0.7);
      }
    }

    // PARTNERS_WITH from a signing: "A, B and C signed an agreement", "the two states ratified a
    // treaty" (the two: the states named before, or one of them and the document's country),
    // "X signed an Association Agreement with the EU", "X, together with Y, ...", "X is the
    // country's principal ally". A signing settles a dispute, so break words do not stop these.
    {
      auto signing = [](std::string_view w) {
        return w == "signed"sv || w == "ratified"sv || w == "concluded"sv || w == "agreed"sv ||
               w == "formalised"sv || w == "formalized"sv || w == "extended"sv ||
               w == "renewed"sv || w == "initialled"sv || w == "initialed"sv || w == "restored"sv;
      };
      auto state_party = [](const Slot& x) { return is_state_like(*x.entity); };
      auto end_of = [&](const Slot& x) { return sw.index_at(x.mention->range.end); };
      auto pair = [&](std::string_view a, std::string_view b, std::string_view rule, double c) {
        if (a == b) return;
        if (emitted.insert({b, a, "PARTNERS_WITH"sv}) == false) return;  // either direction once
        emit(a, b, "PARTNERS_WITH", rule, c);
      };
      const std::string_view main_id =
          main_country != EntityIndex::kNone ? index.id(main_country) : std::string_view{};
      // Coordinated states right before a signing verb.
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!state_party(slots[i])) continue;
        std::vector<const Slot*> list{&slots[i]};
        std::size_t j = i + 1;
        for (; j < slots.size() && state_party(slots[j]); ++j) {
          std::size_t from = end_of(*list.back());
          bool joined = slots[j].word >= from && slots[j].word - from <= 2;
          for (std::size_t k = from; joined && k < slots[j].word; ++k)
            joined = sw.word(k) == ","sv || sw.word(k) == "and"sv || sw.word(k) == "the"sv;
          if (!joined) break;
          list.push_back(&slots[j]);
        }
        if (list.size() >= 2 && list.size() <= 3) {  // (a longer list is a multilateral treaty)
          std::size_t k = end_of(*list.back());
          while (k < sw.size() && (sw.word(k) == "have"sv || sw.word(k) == "jointly"sv ||
                                   sw.word(k) == "also"sv || sw.word(k) == "all"sv))
            ++k;
          bool cue_after = false;
          for (std::size_t c = k + 1; c < k + 6 && c < sw.size(); ++c)
            if (sw.is(c, kCuePartner)) cue_after = true;
          if (k < sw.size() && signing(sw.word(k)) && cue_after)
            for (std::size_t x = 0; x < list.size(); ++x)
              for (std::size_t y = x + 1; y < list.size(); ++y)
                pair(list[x]->entity->id, list[y]->entity->id, "cue:partnership-signatories", 0.7);
        }
        i = j - 1;
      }
      // "the two states/governments" as the subject of a signing.
      for (std::size_t k = 1; k + 2 < sw.size(); ++k) {
        if (sw.word(k) != "two"sv || sw.word(k - 1) != "the"sv) continue;
        std::string_view n = sw.word(k + 1);
        if (!(n == "states"sv || n == "governments"sv || n == "countries"sv || n == "nations"sv ||
              n == "sides"sv || n == "neighbours"sv || n == "neighbors"sv))
          continue;
        std::size_t v = k + 2;
        while (v < sw.size() && (sw.word(v) == "have"sv || sw.word(v) == "also"sv ||
                                 sw.word(v) == "jointly"sv || sw.word(v) == "finally"sv))
          ++v;
        if (v >= sw.size() || !signing(sw.word(v))) continue;
        std::vector<std::string_view> named;
        for (const Slot& x : slots)
          if (state_party(x) && x.word < k &&
              std::find(named.begin(), named.end(), x.entity->id) == named.end())
            named.push_back(x.entity->id);
        if (named.size() == 2)
          pair(named[0], named[1], "cue:partnership-two-states", 0.7);
        else if (named.size() == 1 && !main_id.empty())
          pair(main_id, named[0], "scope:document-country-partner", 0.5);
      }
      // "a final border agreement was signed in 2025": a passive signing with no agent binds the
      // sentence's two states (or its one state and the document's country).
      for (std::size_t k = 0; k + 2 < sw.size(); ++k) {
        if (!sw.is(k, kCuePartner) || !(sw.word(k + 1) == "was"sv || sw.word(k + 1) == "were"sv))
          continue;
        std::size_t v = k + 2;
        if (sw.word(v) == "finally"sv || sw.word(v) == "only"sv || sw.word(v) == "also"sv) ++v;
        if (v >= sw.size() || !signing(sw.word(v))) continue;
        std::vector<std::string_view> named;
        for (const Slot& x : slots)
          if (state_party(x) && std::find(named.begin(), named.end(), x.entity->id) == named.end())
            named.push_back(x.entity->id);
        if (named.size() == 2)
          pair(named[0], named[1], "cue:partnership-signed", 0.6);
        else if (named.size() == 1 && !main_id.empty())
          pair(main_id, named[0], "scope:document-country-partner", 0.5);
        break;
      }
      // "X signed an agreement with (the) Y": the sentence's subject and Y.
      const Slot* subject = nullptr;
      for (const Slot& x : slots)
        if (state_party(x) && x.word <= 1) subject = &x;
      if (subject) {
        std::size_t sign_at = sw.size();
        for (std::size_t k = end_of(*subject); k < sw.size(); ++k)
          if (signing(sw.word(k))) {
            sign_at = k;
            break;
          }
        for (const Slot& b : slots) {
          if (!state_party(b) || b.word <= sign_at + 1 || b.word >= sign_at + 14) continue;
          std::size_t w = b.word - 1;
          if (sw.word(w) == "the"sv && w > 0) --w;
          if (sw.word(w) != "with"sv) continue;
          bool cue = false;
          for (std::size_t c = sign_at + 1; c < w; ++c)
            if (sw.is(c, kCuePartner)) cue = true;
          if (cue) pair(subject->entity->id, b.entity->id, "cue:partnership-signed-with", 0.7);
        }
      }
      // "X, together with Y": two states acting as one.
      for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
        const Slot& a = slots[i];
        const Slot& b = slots[i + 1];
        if (!state_party(a) || !state_party(b) || b.word < 2) continue;
        std::size_t w = b.word - 1;
        if (sw.word(w) == "the"sv && w > 0) --w;
        if (w < 1 || sw.word(w) != "with"sv || sw.word(w - 1) != "together"sv) continue;
        std::size_t from = end_of(a);
        if (from + 2 < w - 1) continue;
        pair(a.entity->id, b.entity->id, "cue:partnership-together", 0.6);
      }
      // "X is the country's principal ally / a partner in ...".
      if (subject && !main_id.empty()) {
        std::size_t k = end_of(*subject);
        if (k < sw.size() && (sw.word(k) == "is"sv || sw.word(k) == "was"sv ||
                              sw.word(k) == "remains"sv || sw.word(k) == "became"sv)) {
          const Slot* other = nullptr;
          for (std::size_t c = k + 1; c < k + 7 && c < sw.size(); ++c) {
            std::string_view w = sw.word(c);
            for (const Slot& x : slots)
              if (x.word == c && state_party(x) && x.entity->id != subject->entity->id)
                other = &x;
            // (A trading partner is a market, not a partnership.)
            bool trade = sw.word(c - 1) == "trading"sv || sw.word(c - 1) == "trade"sv;
            if ((w == "ally"sv || w == "partner"sv) && !trade) {
              if (other)
                pair(subject->entity->id, other->entity->id, "cue:partnership-ally", 0.6);
              else
                pair(subject->entity->id, main_id, "scope:document-country-ally", 0.5);
              break;
            }
            if (w == "not"sv || w == "never"sv || w == ","sv) break;
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
      for (std::size_t k = cue_at + 1; k < sw.size() && list_end == sw.size(); ++k) {
        std::string_view w = sw.word(k);
        if (w == "not"sv || w == "never"sv || w == "n't"sv || w == "unlike"sv || w == "but"sv ||
            w == "except"sv || w == "nor"sv)
          list_end = k;
      }
      for (const Slot& m : slots) {
        if (!is_state_like(*m.entity) || kind_of(*m.entity) == "bloc") continue;
        if (m.word > cue_at || cue_at - m.word > 8) continue;  // "X joined Y", "X is a member of Y"
        for (const Slot& o : slots) {
          bool org = (o.entity->type == "Institution"sv && has_members_kind(*o.entity)) ||
                     kind_of(*o.entity) == "bloc";
          // "X is the most active EU member state": the bloc names the membership.
          bool before_cue = o.word > m.word && o.word < cue_at &&
                            sw.index_at(o.mention->range.end) == cue_at;
          if (org && ((o.word > cue_at && o.word < list_end) || before_cue) &&
              o.entity->id != m.entity->id)
            emit(m.entity->id, o.entity->id, "MEMBER_OF", "cue:membership", 0.7);
        }
      }
    }

    if (!institutions.empty() || sentence.paragraph != previous_paragraph) previous_institutions = institutions;
    previous_paragraph = sentence.paragraph;
  }

  // PARTNERS_WITH has no direction: evidence for (b, a) after a relation (a, b) joins that edge.
  {
    std::set<std::pair<std::string_view, std::string_view>> partners;
    for (Relation& r : out) {
      if (r.type != "PARTNERS_WITH"sv) continue;
      if (partners.count({r.target, r.source}) && !partners.count({r.source, r.target}))
        std::swap(r.source, r.target);
      partners.insert({r.source, r.target});
    }
  }

  // DELIVERS from the lexicon's channels for an institution the text names but never ties to a
  // channel itself: evidence is its first mention.
  std::vector<char> delivering(index.size(), 0);  // by EntityIndex position
  for (const auto& r : out)
    // (For a lender, a channel shared through a list of lenders leaves its own channels to
    // the lexicon: banks and funds are named in lists of creditors.)
    if (r.type == "DELIVERS"sv)
      if (std::uint32_t x = index.find(r.source); x != EntityIndex::kNone) {
        std::string_view k = kind_of(*index.entity(x));
        bool lender = k == "bank"sv || k == "fund"sv;
        if (!lender || r.evidence.rule != "sentence:coordinated-institution-channel"sv)
          delivering[x] = 1;
      }
  // Each entity's first sentence, in id order (the order of EntityIndex positions).
  struct FirstNamed {
    std::uint32_t index;
    const Entity* entity;
    int sentence;
  };
  std::vector<FirstNamed> first_named;
  {
    std::vector<char> seen(index.size(), 0);
    for (int sentence : by_sentence.present)
      for (const Mention* m : by_sentence.of(static_cast<std::size_t>(sentence)))
        if (const std::uint32_t x = entity_of.index_of(m); !seen[x]) {
          seen[x] = 1;
          first_named.push_back({x, entity_of(m), sentence});
        }
    std::sort(first_named.begin(), first_named.end(),
              [](const FirstNamed& a, const FirstNamed& b) { return a.index < b.index; });
  }
  for (const auto& [x, ie, sentence] : first_named) {
    if (ie->type != "Institution"sv || delivering[x]) continue;
    if (!english_body(doc, doc.sentences[static_cast<std::size_t>(sentence)])) continue;
    for (const auto& channel : list_attr(*ie, kChannelsKey)) {
      std::string target = "instrument/" + channel;
      if (index.find(target) == EntityIndex::kNone) continue;  // only channels the text names
      add_relation(out, index.id(x), target, "DELIVERS", doc, sentence, "lexicon:channels", 0.5);
    }
  }

  // OPERATES from the lexicon's owners: evidence is a sentence naming both, else the
  // institution's first mention.
  // The sentences (ascending, run-on debris left out) naming each entity: the first sentence
  // naming two entities is the first both lists share. (A table of every pair of names in every
  // sentence cost more than all the rest.)
  std::vector<std::vector<int>> named_in(index.size());  // by EntityIndex position
  for (int sentence : by_sentence.present) {
    const auto ms = by_sentence.of(static_cast<std::size_t>(sentence));
    if (doc.sentences[static_cast<std::size_t>(sentence)].range.size() > kMaxSentenceBytes) continue;
    for (const Mention* m : ms) {
      std::vector<int>& in = named_in[entity_of.index_of(m)];
      if (in.empty() || in.back() != sentence) in.push_back(sentence);
    }
  }
  auto first_together = [&](std::string_view a, std::uint32_t b) -> int {
    const std::uint32_t ia = index.find(a);
    if (ia == EntityIndex::kNone) return -1;
    const std::vector<int>& na = named_in[ia];
    const std::vector<int>& nb = named_in[b];
    auto x = na.begin(), y = nb.begin();
    while (x != na.end() && y != nb.end()) {
      if (*x == *y) return *x;
      if (*x < *y)
        ++x;
      else
        ++y;
    }
    return -1;
  };
  for (const auto& [x, ie, sentence] : first_named) {  // (the first mention of each entity)
    if (ie->type != "Institution"sv) continue;
    for (const auto& owner : list_attr(*ie, kOwnerKey)) {
      int both = first_together(owner, x);
      int s = both >= 0 ? both : sentence;
      auto method = ie->attributes.find(kAttributionKey);
      std::string rule = "lexicon:owner";
      if (method != ie->attributes.end())
        if (const auto* m = std::get_if<std::string>(&method->second)) rule = "attribution:" + *m;
      add_relation(out, owner, index.id(x), "OPERATES", doc, s, rule, both >= 0 ? 0.95 : 0.85);
    }
  }
  // MEMBER_OF from the lexicon's member lists, when a member is named in the same paragraph as
  // the organisation or inside the bloc's own section.
  std::map<int, std::vector<std::pair<const Mention*, int>>> by_paragraph;
  for (int sentence : by_sentence.present) {
    const auto ms = by_sentence.of(static_cast<std::size_t>(sentence));
    if (doc.sentences[static_cast<std::size_t>(sentence)].range.size() > kMaxSentenceBytes) continue;
    int para = doc.sentences[static_cast<std::size_t>(sentence)].paragraph;
    for (const Mention* m : ms) by_paragraph[para].push_back({m, sentence});
  }
  // Every organisation is checked against the mentions of its members only, visited in the
  // order of by_paragraph (paragraph, then text): `seq` numbers that order.
  std::vector<std::vector<std::size_t>> seq_of(index.size());  // by EntityIndex position
  std::vector<std::pair<const Mention*, int>> by_seq;
  std::vector<int> para_of_seq;
  for (const auto& [para, ms] : by_paragraph)
    for (const auto& entry : ms) {
      seq_of[entity_of.index_of(entry.first)].push_back(by_seq.size());
      by_seq.push_back(entry);
      para_of_seq.push_back(para);
    }
  std::set<std::pair<std::string_view, std::string_view>> memberships;
  for (std::uint32_t org_index = 0; org_index < index.size(); ++org_index) {
    const std::string_view org_id = index.id(org_index);
    const Entity* org = index.entity(org_index);
    const std::vector<std::string>& members = list_attr(*org, kMembersKey);
    if (members.empty()) continue;
    std::set<std::string> member_set(members.begin(), members.end());
    std::vector<std::size_t> hits;  // seq of each mention of a member
    for (const std::string& member : member_set)
      if (const std::uint32_t x = index.find(member); x != EntityIndex::kNone)
        hits.insert(hits.end(), seq_of[x].begin(), seq_of[x].end());
    std::sort(hits.begin(), hits.end());
    std::vector<int> org_paragraphs;  // ascending: seq follows the paragraphs
    for (std::size_t q : seq_of[org_index]) org_paragraphs.push_back(para_of_seq[q]);
    for (std::size_t q : hits) {
      const auto& [m, sentence] = by_seq[q];
      bool org_here =
          std::binary_search(org_paragraphs.begin(), org_paragraphs.end(), para_of_seq[q]);
      const auto& scope = scopes[scope_of_sentence[static_cast<std::size_t>(sentence)]];
      bool org_is_scope = std::find(scope.begin(), scope.end(), org_id) != scope.end();
      bool member_is_scope = std::find(scope.begin(), scope.end(), m->entity) != scope.end();
      // Both named in this sentence (by_paragraph holds no run-on debris, so this is also "a
      // sentence naming both").
      const auto here = by_sentence.of(static_cast<std::size_t>(sentence));
      bool same_sentence = std::any_of(here.begin(), here.end(),
                                       [&](const Mention* x) { return x->entity == org_id; });
      // The section's actor takes a membership only from a sentence of the paragraph that
      // names the organisation and no state (its subject is the carried-over actor: "The
      // country belongs to the CIS ..."), not from a bloc named beside other states.
      auto org_subjectless = [&] {
        for (std::size_t oq : seq_of[org_index]) {
          if (para_of_seq[oq] != para_of_seq[q]) continue;
          const auto ms = by_sentence.of(static_cast<std::size_t>(by_seq[oq].second));
          if (std::none_of(ms.begin(), ms.end(),
                           [&](const Mention* x) {
                             return x->entity != org_id && is_state_like(*entity_of(x));
                           }))
            return true;
        }
        return false;
      };
      // A sentence with a membership cue is left to cue:membership, which reads negation.
      if (same_sentence && member_cue_sentence[static_cast<std::size_t>(sentence)]) continue;
      if (!same_sentence && !org_is_scope && !(org_here && member_is_scope && org_subjectless())) continue;
      if (!memberships.emplace(m->entity, org_id).second) continue;
      add_relation(out, m->entity, org_id, "MEMBER_OF", doc, sentence,
                   org_here ? "lexicon:members" : "lexicon:members-section", 0.7);
    }
  }
  return out;
}

}  // namespace softgraph
