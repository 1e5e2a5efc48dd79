#include "softgraph/entities/discovery.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/probe_table.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/entities/tokenizer.hpp"
#include "softgraph/ingest/slug.hpp"

namespace softgraph {
namespace {

// The word lists live in schemas/discovery.json (data, not code), checked against
// schemas/discovery.schema.json when first used.
struct Rules {
  std::set<std::string> heads, trailing_heads, connectors, acronym_connectors, stop_starts,
      leading_nouns, ordinals, generic_modifiers, generic_heads, not_organisation_starts, units_of,
      unit_heads;
  // Names ending so are documents, events or places, not organisations.
  std::set<std::string, std::less<>> not_organisations;
  std::map<std::string, std::string, std::less<>> kinds;  // head -> kind of institution
  // For maybe_not_organisation: the lengths of listed words by initial, as bits.
  std::array<std::uint64_t, 26> lengths_by_initial{};
};

const Rules& rules() {
  static const Rules r = [] {
    const std::string file = "schemas/discovery.json";
    rapidjson::Document doc = parse_json(embedded_file(file), file);
    validate_json(doc, embedded_file("schemas/discovery.schema.json"), file);
    Rules out;
    auto words = [&](const char* key, auto& into) {
      for (const auto& w : doc[key].GetArray()) into.insert(fold_case(w.GetString()));
    };
    words("heads", out.heads);
    words("trailing_heads", out.trailing_heads);
    words("connectors", out.connectors);
    words("acronym_connectors", out.acronym_connectors);
    words("stop_starts", out.stop_starts);
    words("leading_nouns", out.leading_nouns);
    words("ordinals", out.ordinals);
    words("generic_modifiers", out.generic_modifiers);
    words("generic_heads", out.generic_heads);
    words("not_organisations", out.not_organisations);
    words("not_organisation_starts", out.not_organisation_starts);
    words("units_of", out.units_of);
    words("unit_heads", out.unit_heads);
    for (const auto& m : doc["kinds"].GetObject())
      out.kinds[fold_case(m.name.GetString())] = m.value.GetString();
    for (const std::string& w : out.not_organisations)
      if (!w.empty() && w.size() < 64 && w[0] >= 'a' && w[0] <= 'z')
        out.lengths_by_initial[w[0] - 'a'] |= std::uint64_t{1} << w.size();
    return out;
  }();
  return r;
}

// False when `word` cannot fold to a word of not_organisations: an ASCII word folds to its lower
// case, of the same length, so its length and first letter must be those of a listed word.
bool maybe_not_organisation(std::string_view word) {
  const auto& lengths_by_initial = rules().lengths_by_initial;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) return true;  // folded by the full rules
  if (word.empty() || word.size() >= 64) return false;
  const char initial = word[0] >= 'A' && word[0] <= 'Z' ? word[0] + ('a' - 'A') : word[0];
  if (initial < 'a' || initial > 'z') return false;
  return (lengths_by_initial[initial - 'a'] >> word.size() & 1) != 0;
}

// The word lists above as bits, for one lookup per token (see WordClasses).
enum : std::uint32_t {
  kIsHead = 1u << 0,
  kIsConnector = 1u << 1,
  kIsStopStart = 1u << 2,
  kIsGenericHead = 1u << 3,
  kIsAcronymConnector = 1u << 4,
  kIsApostrophe = 1u << 5,  // "'"
  kIsS = 1u << 6,           // "s"
  kIsLeadingNoun = 1u << 7,
  kIsOrdinal = 1u << 8,
  kIsGenericModifier = 1u << 9,
  kIsNotOrganisationStart = 1u << 10,
  kIsThe = 1u << 11,  // "the"
  kIsAnd = 1u << 12,  // "and", "&"
  kIsAt = 1u << 13,   // "at"
  kIsUnitOf = 1u << 14,
  kIsTrailingHead = 1u << 15,
  kIsOf = 1u << 16,  // "of"
  kIsUnitHead = 1u << 17,
};

const WordClasses& word_classes() {
  static const WordClasses table = [] {
    const Rules& r = rules();
    WordClasses t;
    t.add_lists({{&r.heads, kIsHead},
                 {&r.connectors, kIsConnector},
                 {&r.stop_starts, kIsStopStart},
                 {&r.generic_heads, kIsGenericHead},
                 {&r.acronym_connectors, kIsAcronymConnector},
                 {&r.leading_nouns, kIsLeadingNoun},
                 {&r.ordinals, kIsOrdinal},
                 {&r.generic_modifiers, kIsGenericModifier},
                 {&r.not_organisation_starts, kIsNotOrganisationStart},
                 {&r.units_of, kIsUnitOf},
                 {&r.unit_heads, kIsUnitHead},
                 {&r.trailing_heads, kIsTrailingHead}});
    t.add("'", kIsApostrophe);
    t.add("s", kIsS);
    t.add("the", kIsThe);
    t.add("and", kIsAnd);
    t.add("&", kIsAnd);
    t.add("at", kIsAt);
    t.add("of", kIsOf);
    return t;
  }();
  return table;
}

// Whether `t` is a lower-case word: its flags `word` and `upper_initial` read together, as one
// 16-bit word (most tokens are, and are stepped over in a tight loop).
bool plain_word(const Token& t) {
  static_assert(offsetof(Token, upper_initial) == offsetof(Token, word) + 1);
  constexpr std::uint16_t kPlainWord = std::endian::native == std::endian::little ? 0x0001 : 0x0100;
  std::uint16_t flags;
  std::memcpy(&flags, &t.word, sizeof flags);
  return flags == kPlainWord;
}

// A view, not a copy: every token of every sentence is looked at.
std::string_view word_at(const Document& doc, const Token& t) {
  return std::string_view(doc.text).substr(t.begin, t.end - t.begin);
}

// Whether token `t` is the one byte `c` (word_at(doc, t) == "(" without a string comparison).
bool is_byte(const Document& doc, const Token& t, char c) {
  return t.end - t.begin == 1 && doc.text[t.begin] == c;
}

// Opening and closing quotes of a quoted format: “ ” « » and the straight quote. A token's first
// byte rules out nearly every token before its text is compared.
bool is_open_quote(const Document& doc, const Token& t) {
  const char c = doc.text[t.begin];
  if (c != '"' && c != '\xE2' && c != '\xC2') return false;
  const std::string_view w = word_at(doc, t);
  return w == "\xE2\x80\x9C" || w == "\"" || w == "\xC2\xAB";
}
bool is_close_quote(const Document& doc, const Token& t) {
  const char c = doc.text[t.begin];
  if (c != '"' && c != '\xE2' && c != '\xC2') return false;
  const std::string_view w = word_at(doc, t);
  return w == "\xE2\x80\x9D" || w == "\"" || w == "\xC2\xBB";
}

std::string singular_head(const std::string& slug) {
  static const std::vector<std::pair<std::string, std::string>> kPlurals = {
      {"_institutes", "_institute"}, {"_foundations", "_foundation"},
      {"_agencies", "_agency"},      {"_universities", "_university"},
      {"_schools", "_school"},       {"_programmes", "_programme"},
      {"_programs", "_program"},     {"_centres", "_centre"},
      {"_centers", "_center"},       {"_funds", "_fund"}};
  for (const auto& [pl, sg] : kPlurals)
    if (slug.size() > pl.size() && slug.compare(slug.size() - pl.size(), pl.size(), pl) == 0)
      return slug.substr(0, slug.size() - pl.size()) + sg;
  return slug;
}

bool acronym_like(std::string_view s) {
  if (s.size() < 2 || s.size() > 12) return false;
  int upper = 0, letters = 0;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z')
      ++upper, ++letters;
    else if (c >= 'a' && c <= 'z')
      ++letters;
    else if (c >= 0x80)
      return false;  // Cyrillic acronyms come from the lexicon
    else if (c != '+' && c != '&' && c != '-' && !(c >= '0' && c <= '9'))
      return false;
  }
  return upper >= 2 && upper * 2 >= letters;
}

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

// Views of the document's text: most candidates are dropped, and a copy of each would cost an
// allocation.
struct Candidate {
  ByteRange range;
  std::string_view name;
  int sentence;
  std::string_view acronym;
  // Whether the name has an organisation head noun: a new institution needs one, unless a lower-
  // case generic head or a format follows it (then true) or the lexicon knows it.
  bool head = true;
};

}  // namespace

// One pass of many phases sharing the sentence state; the one function left over the size limit
// (issue 19): to be split into the candidate finder, the resolver and the re-scan.
// NOLINTNEXTLINE(readability-function-size)
Discovery discover_entities(const Document& doc, const EntityRecognizer& recognizer,
                            EntityExtraction& found, const std::vector<ByteRange>& skip) {
  Discovery out;
  // Ids -> entities, as views: the ids live in `found` (and in form_to_id below) meanwhile.
  KnownIds known(found.entities.size());
  for (const auto& e : found.entities) known.emplace(e.id, &e);
  // Mentions per sentence to see what a candidate overlaps: pointers grouped by sentence in one
  // array, with each sentence's start (not a vector per sentence: an allocation for each). The
  // recognizer lists them sentence by sentence: one pass groups them, unless they are not so.
  std::vector<std::uint32_t> sentence_start{0};
  std::vector<const Mention*> grouped;
  sentence_start.reserve(doc.sentences.size() + 1);
  grouped.reserve(found.mentions.size());
  bool in_sentence_order = true;
  for (const auto& m : found.mentions) {
    if (m.sentence < 0) continue;
    const auto s = static_cast<std::size_t>(m.sentence);
    if (s + 1 < sentence_start.size()) {
      in_sentence_order = false;
      break;
    }
    while (sentence_start.size() <= s)
      sentence_start.push_back(static_cast<std::uint32_t>(grouped.size()));
    grouped.push_back(&m);
  }
  // (none beyond doc.sentences: the recognizer reads sentences)
  std::size_t sentence_count = doc.sentences.size();
  if (in_sentence_order) {
    // The last mention's sentence is the greatest: sentence_start holds one past it.
    if (!grouped.empty()) sentence_count = std::max(sentence_count, sentence_start.size());
    sentence_start.resize(sentence_count + 1, static_cast<std::uint32_t>(grouped.size()));
  } else {
    for (const auto& m : found.mentions)
      if (m.sentence >= 0)
        sentence_count = std::max(sentence_count, static_cast<std::size_t>(m.sentence) + 1);
    sentence_start.assign(sentence_count + 1, 0);
    for (const auto& m : found.mentions)
      if (m.sentence >= 0) ++sentence_start[static_cast<std::size_t>(m.sentence) + 1];
    for (std::size_t s = 0; s < sentence_count; ++s) sentence_start[s + 1] += sentence_start[s];
    grouped.assign(sentence_start.back(), nullptr);
    std::vector<std::uint32_t> next(sentence_start.begin(), sentence_start.end() - 1);
    for (const auto& m : found.mentions)
      if (m.sentence >= 0) grouped[next[static_cast<std::size_t>(m.sentence)]++] = &m;
  }
  auto by_sentence = [&](int s) -> std::span<const Mention* const> {
    if (s < 0 || static_cast<std::size_t>(s) >= sentence_count) return {};
    const auto k = static_cast<std::size_t>(s);
    return std::span<const Mention* const>(grouped).subspan(
        sentence_start[k], sentence_start[k + 1] - sentence_start[k]);
  };
  // Sections whose sentences are not prose to mine, decided once per section.
  std::vector<char> unmined(doc.sections.size(), 0);
  for (std::size_t k = 0; k < doc.sections.size(); ++k) {
    const std::string_view kind = doc.sections[k].kind;
    unmined[k] = kind == "references" || kind == "notes" || kind == "authors" || kind == "back";
  }

  std::vector<Candidate> candidates;
  // Names of documents and events ("the Cotonou Agreement") with their sentences.
  std::vector<std::pair<ByteRange, int>> documents;
  std::span<const Token> tokens;
  const WordClasses& classes = word_classes();
  // Classes of the current sentence's tokens by index (most are in no list: a filter bit says so).
  auto classes_at = [&](std::size_t k) { return classes.of(doc.text, tokens[k]); };
  // The organisation's name in the capitalised run tokens[first..last], or none. Openers, titles
  // and ordinals come off its start ("During the", "Spokesman of the", "Thirty-First"); it ends
  // at its last head noun unless a connector carries it on ("Peace Corps Vietnam" is the Peace
  // Corps, "Ministry of Health" a ministry). Generic words alone ("High Commission", "Foreign
  // Ministry"), a head that is part of a place the lexicon knows ("West Bank"), and documents and
  // events ("Memorandum of Understanding") are no organisation. `generic_after`: no head is needed
  // (a lower-case "programme" follows the run).
  auto organisation_name = [&](std::size_t first, std::size_t last, bool generic_after,
                               std::size_t si) -> std::optional<ByteRange> {
    auto digit = [&](const Token& t) {
      return t.word && doc.text[t.begin] >= '0' && doc.text[t.begin] <= '9';
    };
    while (first < last && (!tokens[first].word || digit(tokens[first]) ||
                            (classes_at(first) & (kIsStopStart | kIsLeadingNoun | kIsOrdinal))))
      ++first;
    if (!tokens[first].word || !tokens[first].upper_initial) return std::nullopt;
    if (classes_at(first) & kIsNotOrganisationStart) return std::nullopt;
    // "John Smith of the University of X", "Speaker of the Legislative Assembly": words before
    // "of" that hold no head are a person or a title, not part of the name ("Tech for Trade
    // Alliance" keeps its words).
    for (std::size_t k = first; k < last; ++k) {
      if (tokens[k].word && tokens[k].upper_initial && (classes_at(k) & kIsHead)) break;
      if (tokens[k].word && !tokens[k].upper_initial && (classes_at(k) & kIsOf)) first = k + 1;
    }
    while (first < last && (classes_at(first) & kIsStopStart)) ++first;
    if (!tokens[first].word || !tokens[first].upper_initial) return std::nullopt;
    std::size_t head = SIZE_MAX;
    for (std::size_t k = first; k <= last; ++k)
      if (tokens[k].word && tokens[k].upper_initial && (classes_at(k) & kIsHead)) head = k;
    // "Amnesty International": a head only as the last word.
    if (last > first && (classes_at(last) & kIsTrailingHead)) head = last;
    // "the X Centre for the Summit of ...": a document or an event after the head ends the name
    // before the connectors that lead to it.
    if (head != SIZE_MAX)
      for (std::size_t k = head + 1; k <= last; ++k) {
        if (!(tokens[k].word && tokens[k].upper_initial &&
              (classes_at(k) & kIsNotOrganisationStart)))
          continue;
        std::size_t end = k;
        while (end > head && !(tokens[end - 1].word && tokens[end - 1].upper_initial)) --end;
        if (end > head && end - 1 < k) last = end - 1;
        if (last >= k) last = head;
        break;
      }
    if (head == SIZE_MAX) {
      if (!generic_after) return std::nullopt;
    } else if (head < last && !(tokens[head + 1].word && (classes_at(head + 1) & kIsConnector))) {
      if (generic_after) return std::nullopt;
      last = head;
    }
    if (head != SIZE_MAX ? last <= first : last < first) return std::nullopt;
    // A heading in capitals ("REGIONAL HEALTH PROGRAM") is not a name the text uses.
    bool shouted = true;
    for (std::size_t k = first; k <= last && shouted; ++k)
      shouted = !tokens[k].word || tokens[k].all_upper || (classes_at(k) & kIsConnector);
    if (shouted && last > first) return std::nullopt;
    bool distinctive = false;
    for (std::size_t k = first; k <= last && !distinctive; ++k)
      distinctive =
          tokens[k].word && !(classes_at(k) & (kIsHead | kIsConnector | kIsGenericModifier |
                                               kIsStopStart | kIsOrdinal | kIsLeadingNoun));
    if (!distinctive) return std::nullopt;
    // "the Department of Journalism at Wits University": a unit of another body.
    if (head != SIZE_MAX && (classes_at(head) & kIsUnitHead) && last + 2 < tokens.size() &&
        (classes_at(last + 1) & kIsAt))
      for (std::size_t k = last + 2; k < tokens.size() && k < last + 8 && tokens[k].word; ++k)
        if (tokens[k].upper_initial && (classes_at(k) & kIsUnitOf)) return std::nullopt;
    if (head != SIZE_MAX)
      for (const Mention* m : by_sentence(static_cast<int>(si))) {
        if (m->range.begin > tokens[head].begin || m->range.end < tokens[head].end) continue;
        const Entity* k = known.get(m->entity);
        if (k && (k->type == "Region" || k->type == "Actor" || k->type == "TargetCountry"))
          return std::nullopt;
      }
    return ByteRange{tokens[first].begin, tokens[last].end};
  };
  // Whether the run tokens[first..last] names a document or an event: a treaty, an agreement, a
  // conference ("Treaty of Rarotonga", "the Cotonou Agreement").
  auto document_name = [&](std::size_t first, std::size_t last) {
    for (std::size_t k = first; k <= last; ++k)
      if (tokens[k].word && tokens[k].upper_initial && (classes_at(k) & kIsNotOrganisationStart))
        return true;
    return false;
  };
  // The recognizer's tokens of a sentence; sentences it skipped are tokenised here.
  std::vector<Token> scratch;
  auto sentence_tokens = [&](std::size_t si) -> std::span<const Token> {
    if (found.tokens.has(si)) return found.tokens.of(si);
    const ByteRange r = doc.sentences[si].range;
    scratch.clear();
    tokenize(doc.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end),
             scratch);
    return scratch;
  };
  std::vector<std::size_t> parens, quotes;  // token indices of "(" and opening quotes
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    bool skipped = std::any_of(skip.begin(), skip.end(),
                               [&](const ByteRange& r) { return r.contains(s.range); });
    if (skipped || s.range.size() > 4096) continue;  // run-on debris, not prose
    if (s.section >= 0 && static_cast<std::size_t>(s.section) < doc.sections.size() &&
        unmined[static_cast<std::size_t>(s.section)])
      continue;
    tokens = sentence_tokens(si);
    // Capitalised runs (with connectors inside) that contain an organisation head. Every token
    // outside a run is visited here: the parentheses and opening quotes the two loops below start
    // from are noted on the way (a run holds words and connectors only), in text order.
    parens.clear();
    quotes.clear();
    const Token* const tok = tokens.data();
    const std::string_view text = doc.text;
    const std::size_t count = tokens.size();
    for (std::size_t i = 0; i < count;) {
      // Most tokens are lower-case words: stepped over in a tight loop.
      while (i < count && plain_word(tok[i])) ++i;
      if (i == count) break;
      if (!tok[i].word) {
        if (is_byte(doc, tok[i], '('))
          parens.push_back(i);
        else if (is_open_quote(doc, tok[i]))
          quotes.push_back(i);
        ++i;
        continue;
      }
      // Token i is capitalised: it opens the run. The classes of the token that ends it are kept,
      // to be read again below.
      std::size_t j = i + 1, last_cap = i;
      bool has_cap_head = (classes.of(text, tok[i]) & kIsHead) != 0;
      std::size_t chain = 0;  // where the last connector chain inside the run starts (0: none)
      std::uint32_t w = 0;    // when j < tokens.size() after the loop: the classes of token j
      while (j < tokens.size()) {
        w = classes.of(text, tok[j]);
        bool cap = tok[j].word && tok[j].upper_initial;
        if (cap) {
          last_cap = j;
          if (w & kIsHead) has_cap_head = true;
          ++j;
          continue;
        }
        // A connector continues the name only if a capitalised word follows it, or "the" and a
        // capitalised word ("Commission for Asia and the Pacific").
        if ((w & kIsConnector) && j + 1 < tokens.size() && tokens[j + 1].word &&
            (tokens[j + 1].upper_initial || ((w & kIsApostrophe) && (classes_at(j + 1) & kIsS)))) {
          // A possessive ends the name: "Russia's Fund" is not one name. When a name goes on
          // after it ("the National People's Congress"), what stands before is a cut name:
          // the run ends before the connectors that led to the possessor.
          if (w & kIsApostrophe) {
            if (chain > 0 && j + 2 < tokens.size() && tokens[j + 2].word &&
                tokens[j + 2].upper_initial)
              last_cap = chain - 1;
            break;
          }
          chain = j;
          ++j;
          continue;
        }
        // "and the" joins two names ("the Programme and the Secretariat", "the Ministry of Trade
        // and the Defence Forces") unless one word without a head follows ("for Asia and the
        // Pacific").
        auto head_follows = [&](std::size_t k) {
          if (k + 1 < tokens.size() && tokens[k + 1].word && tokens[k + 1].upper_initial)
            return true;
          return (classes_at(k) & kIsHead) != 0;
        };
        if ((w & kIsConnector) && !(w & (kIsThe | kIsApostrophe)) && j + 2 < tokens.size() &&
            (classes_at(j + 1) & kIsThe) && tokens[j + 2].word && tokens[j + 2].upper_initial &&
            !((w & kIsAnd) && head_follows(j + 2))) {
          chain = j;
          j += 2;
          continue;
        }
        break;
      }
      // "its NIHONGO Partners programme": a name followed by a lower-case generic head.
      const bool generic_head_after =
          last_cap + 1 < tokens.size() && !tokens[last_cap + 1].upper_initial &&
          ((last_cap + 1 == j ? w : classes_at(last_cap + 1)) & kIsGenericHead);
      if (last_cap > i && (classes_at(last_cap) & kIsTrailingHead)) has_cap_head = true;
      if (has_cap_head || (generic_head_after && i > 0)) {
        // Two names joined by "and" ("the Regional Programme and Secretariat of the Community"),
        // each with its head, are two candidates; "Food and Agriculture Organization" is one.
        std::size_t from = i;
        auto head_in = [&](std::size_t a, std::size_t b) {
          for (std::size_t k = a; k < b; ++k)
            if (tokens[k].word && tokens[k].upper_initial && (classes_at(k) & kIsHead)) return true;
          return false;
        };
        for (std::size_t k = i + 1; k < last_cap; ++k) {
          if (tokens[k].upper_initial || !(classes_at(k) & kIsAnd)) continue;
          if (!head_in(from, k) || !head_in(k + 1, last_cap + 1)) continue;
          if (const auto r = organisation_name(from, k - 1, false, si))
            candidates.push_back({*r, doc.slice(*r), static_cast<int>(si), {}});
          from = k + 1;
        }
        const std::optional<ByteRange> r =
            organisation_name(from, last_cap, generic_head_after && !has_cap_head, si);
        if (r) candidates.push_back({*r, doc.slice(*r), static_cast<int>(si), {}});
      }
      if (document_name(i, last_cap))
        documents.push_back({{tokens[i].begin, tokens[last_cap].end}, static_cast<int>(si)});
      i = (j > i) ? j : i + 1;
    }
    // "Full Name (ABBR)" and "ABBR (Full Name)".
    for (const std::size_t k : parens) {
      if (k < 1 || k + 2 >= tokens.size() || !is_byte(doc, tokens[k + 2], ')')) continue;
      const std::string_view abbr = word_at(doc, tokens[k + 1]);
      if (!acronym_like(abbr)) continue;
      // Walk back over the capitalised name before the parenthesis.
      std::size_t end = k - 1, begin = k - 1;
      std::size_t letters_needed = abbr.size();
      while (begin > 0) {
        const Token& prev = tokens[begin - 1];
        const std::uint32_t w = classes_at(begin - 1);
        bool cap = prev.word && prev.upper_initial;
        if (!cap && !(w & kIsAcronymConnector)) break;
        if ((w & kIsStopStart) &&
            !(begin >= 2 && tokens[begin - 2].upper_initial && (w & kIsAcronymConnector)))
          break;
        --begin;
        if (cap && letters_needed > 0) --letters_needed;
      }
      // The long form starts at the word whose initial opens the acronym.
      char a0 = static_cast<char>(std::tolower(static_cast<unsigned char>(abbr[0])));
      auto opens_acronym = [&](std::size_t k) {
        return tokens[k].upper_initial &&
               std::tolower(static_cast<unsigned char>(doc.text[tokens[k].begin])) == a0;
      };
      std::size_t full_begin = begin;
      while (begin < end && !opens_acronym(begin)) ++begin;
      // "The Parliamentary Assembly (TurkPA)": no word opens a known acronym; keep the whole name.
      if (!opens_acronym(begin)) {
        if (recognizer.matcher().payloads_of(abbr).empty()) continue;
        begin = full_begin;
      }
      if (!tokens[begin].upper_initial || !tokens[end].word) continue;
      ByteRange r{tokens[begin].begin, tokens[end].end};
      bool head = false;
      for (std::size_t h = begin; h <= end; ++h)
        head = head || (tokens[h].word && tokens[h].upper_initial && (classes_at(h) & kIsHead));
      if (classes_at(begin) & kIsNotOrganisationStart) head = false;
      candidates.push_back({r, doc.slice(r), static_cast<int>(si), abbr, head});
    }
    // Quoted formats: “five plus one” format.
    for (const std::size_t k : quotes) {
      if (k + 3 >= tokens.size()) continue;
      std::size_t close = k + 1;
      while (close < tokens.size() && close < k + 7 && !is_close_quote(doc, tokens[close])) ++close;
      if (close >= tokens.size() || close + 1 >= tokens.size() || close == k + 1) continue;
      std::string next = fold_case(word_at(doc, tokens[close + 1]));
      std::string next2 =
          close + 2 < tokens.size() ? fold_case(word_at(doc, tokens[close + 2])) : "";
      if (next == "format" || next == "dialogue" || next == "mechanism" || next2 == "format") {
        ByteRange r{tokens[k + 1].begin, tokens[close - 1].end};
        candidates.push_back({r, doc.slice(r), static_cast<int>(si), {}});
      }
    }
  }

  // Resolve candidates: a known lexicon entity covering the span gains the acronym; otherwise a
  // new Institution.
  std::map<std::string, Entity> fresh;
  // Surface form -> entity id, for re-scanning.
  std::map<std::string, std::string, std::less<>> form_to_id;
  // Definitions with an acronym first: they tie a long name to a known entity. Visited in that
  // order (as a stable sort would put them) without moving the candidates.
  std::vector<std::uint32_t> order;
  order.reserve(candidates.size());
  for (int with_acronym = 1; with_acronym >= 0; --with_acronym)
    for (std::uint32_t k = 0; k < candidates.size(); ++k)
      if (candidates[k].acronym.empty() != (with_acronym == 1)) order.push_back(k);
  std::vector<const Mention*> inside;  // the current candidate's mentions (reused)
  for (const std::uint32_t k : order) {
    const Candidate& c = candidates[k];
    if (c.acronym.empty() && form_to_id.count(c.name)) continue;
    {
      const std::size_t space = c.name.find_last_of(' ');
      const std::string_view last =
          std::string_view(c.name).substr(space == std::string::npos ? 0 : space + 1);
      if (maybe_not_organisation(last)) {
        // Folded on the stack: a name's last word is short (a long one cannot be listed).
        char buf[64];
        const bool listed = last.size() * 2 <= sizeof buf
                                ? rules().not_organisations.count(
                                      std::string_view(buf, fold_into(buf, last) - buf)) > 0
                                : rules().not_organisations.count(fold_case(last)) > 0;
        if (listed) continue;
      }
    }
    const Mention* covering = nullptr;
    inside.clear();
    for (const Mention* m : by_sentence(c.sentence)) {
      if (m->range.contains(c.range))
        covering = m;
      else if (c.range.contains(m->range))
        inside.push_back(m);
    }
    const Entity* cover_entity = covering ? known.get(covering->entity) : nullptr;
    // A state or region's name is not an organisation's long form ("... Georgia (EUMM)").
    if (cover_entity &&
        (cover_entity->type == "Actor" || cover_entity->type == "TargetCountry" ||
         cover_entity->type == "Region") &&
        !c.acronym.empty())
      continue;
    if (cover_entity && cover_entity->type != "Instrument") {
      if (!c.acronym.empty()) form_to_id[std::string(c.acronym)] = cover_entity->id;
      continue;
    }
    // A span holding an institution the lexicon knows is a coordination ("the Soros Foundation
    // and IREX"), not a new name, unless the known one is most of it (handled below).
    bool holds_known_institution = false;
    for (const Mention* m : inside) {
      const Entity* k = known.get(m->entity);
      if (k && k->type == "Institution" && m->range.size() * 10 < c.range.size() * 7)
        holds_known_institution = true;
    }
    bool coordination =
        c.name.find(" and ") != std::string::npos || c.name.find(", ") != std::string::npos;
    if (holds_known_institution && coordination && c.acronym.empty()) continue;
    // A full name the lexicon knows exactly, just not as this span: resolve through its parts.
    const Entity* inner_inst = nullptr;
    for (const Mention* m : inside) {
      const Entity* k = known.get(m->entity);
      if (k && k->type == "Institution" && m->range.size() * 10 >= c.range.size() * 7)
        inner_inst = k;
    }
    if (inner_inst) {
      if (!c.acronym.empty()) form_to_id[std::string(c.acronym)] = inner_inst->id;
      continue;
    }
    // Is the acronym itself known? Then the long name is an alias of it.
    if (!c.acronym.empty()) {
      auto payloads = recognizer.matcher().payloads_of(c.acronym);
      if (!payloads.empty()) {
        const LexiconEntry& e =
            recognizer.lexicon().entries()[recognizer.patterns()[payloads.front()].entry];
        if (e.type == "Institution" || e.type == "Actor") {
          form_to_id[std::string(c.name)] = e.id;
          continue;
        }
      }
    }
    // A new institution needs an organisation head noun ("Republika Srpska (RS)" is a place,
    // "Memorandum of Understanding (MOU)" a document).
    if (!c.head) continue;
    std::string name(c.name);
    std::string slug = singular_head(slug_any_script(name));
    if (slug.empty()) continue;
    std::string id = "institution/" + slug;
    Entity& e = fresh[id];
    if (e.id.empty()) {
      e.id = id;
      e.type = "Institution";
      e.label = name;
      e.attributes["kind"] = std::string("institution");
      e.attributes["discovered"] = true;
      // Attribution by a country or demonym inside the name ("Turkish ... Agency" -> Turkey;
      // "Kazakh-American University" -> both).
      std::vector<std::string> owners;
      for (const Mention* m : inside) {
        const Entity* k = known.get(m->entity);
        if (!k) continue;
        const Symbol t = k->type;
        if ((t == "Actor" || t == "TargetCountry") &&
            std::find(owners.begin(), owners.end(), m->entity) == owners.end())
          owners.push_back(m->entity);
      }
      if (!owners.empty()) {
        e.attributes["owner"] = owners;
        e.attributes["attribution"] = std::string("name");
        e.attributes["attribution_confidence"] = 0.9;
      }
      std::string head = fold_case(name.substr(
          name.find_last_of(' ') == std::string::npos ? 0 : name.find_last_of(' ') + 1));
      if (const auto kind = rules().kinds.find(head); kind != rules().kinds.end())
        e.attributes["kind"] = kind->second;
    }
    e.aliases.push_back(name);
    form_to_id[name] = id;
    if (!c.acronym.empty()) {
      e.aliases.emplace_back(c.acronym);
      form_to_id[std::string(c.acronym)] = id;
    }
  }

  // Re-scan the document for every discovered form, so later uses of an acronym count too.
  PhraseMatcher extra;
  std::vector<std::string> forms;
  for (const auto& [form, id] : form_to_id) {
    forms.push_back(form);
    extra.add(form, static_cast<std::uint32_t>(forms.size() - 1), acronym_like(form));
  }
  if (!forms.empty()) {
    std::vector<PhraseMatch> matches;  // reused from sentence to sentence
    for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      bool skipped = std::any_of(skip.begin(), skip.end(),
                                 [&](const ByteRange& r) { return r.contains(s.range); });
      if (skipped) continue;
      std::span<const Token> tokens = sentence_tokens(si);
      extra.match(doc.text, tokens, matches);
      for (const PhraseMatch& pm : matches) {
        ByteRange r{tokens[pm.first_token].begin, tokens[pm.last_token].end};
        const std::string& id = form_to_id[forms[pm.payload]];
        // Existing lexicon mentions inside a discovered name give way to the longer name.
        bool covered = false;
        for (const Mention* m : by_sentence(static_cast<int>(si)))
          if (m->range.contains(r) && !(m->range == r && m->entity != id)) covered = true;
        if (covered) continue;
        Mention m;
        m.range = r;
        m.entity = id;
        m.surface = std::string(doc.slice(r));
        m.source = fresh.count(id) ? "pattern:organisation" : "pattern:acronym";
        m.confidence = fresh.count(id) ? 0.7 : 0.9;
        m.sentence = static_cast<int>(si);
        out.mentions.push_back(std::move(m));
      }
    }
  }
  // (Lexicon mentions inside a discovered name are dropped by the pipeline: the longer name wins.)
  for (auto& [id, e] : fresh) {
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    out.entities.push_back(std::move(e));
  }
  for (auto& e : found.entities)
    for (const auto& [form, id] : form_to_id)
      if (id == e.id && !fresh.count(id)) add_alias(e, form);
  // Known entities referenced only through a discovered acronym must exist as entities.
  for (const auto& [form, id] : form_to_id) {
    if (fresh.count(id) || known.contains(id)) continue;
    if (const LexiconEntry* le = recognizer.lexicon().find(id)) {
      Entity e = entity_from_entry(*le);
      add_alias(e, form);
      out.entities.push_back(e);
      known.emplace(id, nullptr);
    }
  }
  // A place in the name of a document or an event is where it was signed or held, not a party to
  // it: "the Cotonou Agreement" names no state that acts, nor does "the Nauru Agreement", nor "the
  // Asia-Europe Meeting" a region. The city or region in such a name, and a state that is the only
  // one in it, lose their mentions ("the Japan-Korea Treaty" keeps both states).
  if (!documents.empty()) {
    std::vector<char> drop(found.mentions.size(), 0);
    bool any = false;
    std::vector<std::size_t> states;
    for (const auto& [range, sentence] : documents) {
      states.clear();
      for (const Mention* m : by_sentence(sentence)) {
        if (!range.contains(m->range)) continue;
        const Entity* e = known.get(m->entity);
        if (!e) continue;
        const auto k = static_cast<std::size_t>(m - found.mentions.data());
        if (e->type == "Region") {  // "the East Asia Summit" is not about East Asia
          drop[k] = 1, any = true;
          continue;
        }
        if (e->type != "Actor" && e->type != "TargetCountry") continue;
        if (m->source == "lexicon:city")
          drop[k] = 1, any = true;
        else
          states.push_back(k);
      }
      if (states.size() == 1) drop[states.front()] = 1, any = true;
    }
    if (any) {
      std::size_t kept = 0;
      for (std::size_t k = 0; k < found.mentions.size(); ++k)
        if (!drop[k]) {
          if (kept != k) found.mentions[kept] = std::move(found.mentions[k]);
          ++kept;
        }
      found.mentions.resize(kept);
    }
  }
  return out;
}

}  // namespace softgraph
