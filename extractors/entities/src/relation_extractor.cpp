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
    const std::pair<const std::set<std::string>*, std::uint32_t> lists[] = {
        {&kStrongTargetCues, kCueStrongTarget},
        {&kTargetCues, kCueTarget},
        {&kOperateCues, kCueOperate},
        {&kPartnerCues, kCuePartner},
        {&kMemberCues, kCueMember},
        {&kAnaphora, kCueAnaphora},
        {&kBreaks, kCueBreak}};
    for (const auto& [list, bit] : lists)
      for (const std::string& w : *list) t.add(w, bit);
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
    for (const auto& n : instruments) {
      bool explicit_institution = std::any_of(slots.begin(), slots.end(), [](const Slot& x) { return x.role == Role::kInstitution; });
      if (institutions.size() > 1 && explicit_institution) {
        std::string_view inst = nearest_institution(n);
        emit(inst, n, "DELIVERS", "sentence:nearest-institution-channel", 0.7);
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
        for (const auto& src : sources)
          if (src != t.entity->id)
            emit(src, t.entity->id, "TARGETS", "cue:preposition", 0.7);
      }
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
      auto cue_near = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < sw.size(); ++k)
          if (sw.is(k, kCuePartner)) return true;
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
        bool pair_with_cue = joined && !in_list &&
                             (cue_near(b_end, b_end + 4) || (a.word >= 3 && cue_near(a.word - 3, a.word)));
        bool with_cue = b.word >= 2 && sw.word(b.word - 1) == "with" &&
                        cue_near(b.word - 3 > a.word ? b.word - 3 : a.word, b.word - 1);
        if (!(between || pair_with_cue || with_cue)) continue;
        emit(a.entity->id, b.entity->id, "PARTNERS_WITH", "cue:partnership", 0.7);
      }
    }

    // MEMBER_OF: states and a bloc or organisation joined by a membership cue.
    if (sw.has(kCueMember)) {
      std::size_t cue_at = 0;
      while (cue_at < sw.size() && !sw.is(cue_at, kCueMember)) ++cue_at;
      for (const Slot& m : slots) {
        if (!is_state_like(*m.entity) || kind_of(*m.entity) == "bloc") continue;
        if (m.word > cue_at || cue_at - m.word > 8) continue;  // "X joined Y", "X is a member of Y"
        for (const Slot& o : slots) {
          bool org = o.entity->type == "Institution"sv || kind_of(*o.entity) == "bloc";
          if (org && o.word > cue_at && o.entity->id != m.entity->id)
            emit(m.entity->id, o.entity->id, "MEMBER_OF", "cue:membership", 0.7);
        }
      }
    }

    if (!institutions.empty() || sentence.paragraph != previous_paragraph) previous_institutions = institutions;
    previous_paragraph = sentence.paragraph;
  }

  // DELIVERS from the lexicon's channels for an institution the text names but never ties to a
  // channel itself: evidence is its first mention.
  std::vector<char> delivering(index.size(), 0);  // by EntityIndex position
  for (const auto& r : out)
    if (r.type == "DELIVERS"sv)
      if (std::uint32_t x = index.find(r.source); x != EntityIndex::kNone) delivering[x] = 1;
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
      if (!same_sentence && !org_is_scope && !(org_here && member_is_scope)) continue;
      if (!memberships.emplace(m->entity, org_id).second) continue;
      add_relation(out, m->entity, org_id, "MEMBER_OF", doc, sentence,
                   org_here ? "lexicon:members" : "lexicon:members-section", 0.7);
    }
  }
  return out;
}

}  // namespace softgraph
