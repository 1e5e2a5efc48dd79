#include "discovery_candidates.hpp"

#include <bit>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <optional>
#include <span>
#include <string>

#include "discovery_rules.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph::discovery {
namespace {

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

// A capitalised run from token `i`: where it ends, and what the name test needs of it.
struct Run {
  std::size_t end;            // one past the run
  std::size_t last_cap;       // its last capitalised word
  bool has_cap_head;          // a capitalised organisation head inside it
  std::uint32_t end_classes;  // when end < tokens.size(): the classes of token `end`
};

// Finds the candidates of one sentence at a time; holds the sentence's tokens meanwhile.
class CandidateFinder {
 public:
  CandidateFinder(const Document& doc, const EntityRecognizer& recognizer, const KnownIds& known,
                  const MentionsBySentence& mentions)
      : doc_(doc),
        recognizer_(recognizer),
        known_(known),
        mentions_(mentions),
        classes_(word_classes()) {}

  // Adds the candidates of sentence `si`, whose tokens are `tokens`.
  void scan_sentence(std::size_t si, std::span<const Token> tokens);
  Found take() { return std::move(found_); }

 private:
  // Classes of the current sentence's tokens by index (most are in no list: a filter bit says so).
  std::uint32_t classes_at(std::size_t k) const { return classes_.of(doc_.text, tokens_[k]); }
  bool capitalised(std::size_t k) const { return tokens_[k].word && tokens_[k].upper_initial; }
  Run capitalised_run(std::size_t i) const;
  void run_candidates(std::size_t i, const Run& run, std::size_t si);
  std::optional<ByteRange> organisation_name(std::size_t first, std::size_t last,
                                             bool generic_after, std::size_t si) const;
  bool names_state_or_region(std::size_t head, std::size_t si) const;
  bool document_name(std::size_t first, std::size_t last) const;
  void acronym_definition(std::size_t k, std::size_t si);
  void quoted_format(std::size_t k, std::size_t si);
  void add(ByteRange r, std::size_t si) {
    found_.candidates.push_back({r, doc_.slice(r), static_cast<int>(si), {}});
  }

  const Document& doc_;
  const EntityRecognizer& recognizer_;
  const KnownIds& known_;
  const MentionsBySentence& mentions_;
  const WordClasses& classes_;
  std::span<const Token> tokens_;
  std::vector<std::size_t> parens_, quotes_;  // token indices of "(" and opening quotes
  Found found_;
};

void CandidateFinder::scan_sentence(std::size_t si, std::span<const Token> tokens) {
  tokens_ = tokens;
  // Capitalised runs (with connectors inside) that contain an organisation head. Every token
  // outside a run is visited here: the parentheses and opening quotes the two loops below start
  // from are noted on the way (a run holds words and connectors only), in text order.
  parens_.clear();
  quotes_.clear();
  const Token* const tok = tokens.data();
  const std::size_t count = tokens.size();
  for (std::size_t i = 0; i < count;) {
    // Most tokens are lower-case words: stepped over in a tight loop.
    while (i < count && plain_word(tok[i])) ++i;
    if (i == count) break;
    if (!tok[i].word) {
      if (is_byte(doc_, tok[i], '('))
        parens_.push_back(i);
      else if (is_open_quote(doc_, tok[i]))
        quotes_.push_back(i);
      ++i;
      continue;
    }
    // Token i is capitalised: it opens the run.
    const Run run = capitalised_run(i);
    run_candidates(i, run, si);
    i = (run.end > i) ? run.end : i + 1;
  }
  // "Full Name (ABBR)" and "ABBR (Full Name)".
  for (const std::size_t k : parens_) acronym_definition(k, si);
  // Quoted formats: “five plus one” format.
  for (const std::size_t k : quotes_) quoted_format(k, si);
}

Run CandidateFinder::capitalised_run(std::size_t i) const {
  const Token* const tok = tokens_.data();
  const std::string_view text = doc_.text;
  // The classes of the token that ends the run are kept, to be read again by the caller.
  std::size_t j = i + 1, last_cap = i;
  bool has_cap_head = (classes_.of(text, tok[i]) & kIsHead) != 0;
  std::size_t chain = 0;  // where the last connector chain inside the run starts (0: none)
  std::uint32_t w = 0;    // when j < tokens_.size() after the loop: the classes of token j
  while (j < tokens_.size()) {
    w = classes_.of(text, tok[j]);
    bool cap = tok[j].word && tok[j].upper_initial;
    if (cap) {
      last_cap = j;
      if (w & kIsHead) has_cap_head = true;
      ++j;
      continue;
    }
    // A connector continues the name only if a capitalised word follows it, or "the" and a
    // capitalised word ("Commission for Asia and the Pacific").
    if ((w & kIsConnector) && j + 1 < tokens_.size() && tokens_[j + 1].word &&
        (tokens_[j + 1].upper_initial || ((w & kIsApostrophe) && (classes_at(j + 1) & kIsS)))) {
      // A possessive ends the name: "Russia's Fund" is not one name. When a name goes on
      // after it ("the National People's Congress"), what stands before is a cut name:
      // the run ends before the connectors that led to the possessor.
      if (w & kIsApostrophe) {
        if (chain > 0 && j + 2 < tokens_.size() && capitalised(j + 2)) last_cap = chain - 1;
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
      if (k + 1 < tokens_.size() && capitalised(k + 1)) return true;
      return (classes_at(k) & kIsHead) != 0;
    };
    if ((w & kIsConnector) && !(w & (kIsThe | kIsApostrophe)) && j + 2 < tokens_.size() &&
        (classes_at(j + 1) & kIsThe) && capitalised(j + 2) &&
        !((w & kIsAnd) && head_follows(j + 2))) {
      chain = j;
      j += 2;
      continue;
    }
    break;
  }
  return {j, last_cap, has_cap_head, w};
}

// The run tokens[i..run.last_cap]: the organisation names in it, and a document's or an event's.
void CandidateFinder::run_candidates(std::size_t i, const Run& run, std::size_t si) {
  const std::size_t last_cap = run.last_cap;
  bool has_cap_head = run.has_cap_head;
  // "its NIHONGO Partners programme": a name followed by a lower-case generic head.
  const bool generic_head_after =
      last_cap + 1 < tokens_.size() && !tokens_[last_cap + 1].upper_initial &&
      ((last_cap + 1 == run.end ? run.end_classes : classes_at(last_cap + 1)) & kIsGenericHead);
  if (last_cap > i && (classes_at(last_cap) & kIsTrailingHead)) has_cap_head = true;
  if (has_cap_head || (generic_head_after && i > 0)) {
    // Two names joined by "and" ("the Regional Programme and Secretariat of the Community"),
    // each with its head, are two candidates; "Food and Agriculture Organization" is one.
    std::size_t from = i;
    auto head_in = [&](std::size_t a, std::size_t b) {
      for (std::size_t k = a; k < b; ++k)
        if (capitalised(k) && (classes_at(k) & kIsHead)) return true;
      return false;
    };
    for (std::size_t k = i + 1; k < last_cap; ++k) {
      if (tokens_[k].upper_initial || !(classes_at(k) & kIsAnd)) continue;
      if (!head_in(from, k) || !head_in(k + 1, last_cap + 1)) continue;
      if (const auto r = organisation_name(from, k - 1, false, si)) add(*r, si);
      from = k + 1;
    }
    const std::optional<ByteRange> r =
        organisation_name(from, last_cap, generic_head_after && !has_cap_head, si);
    if (r) add(*r, si);
  }
  if (document_name(i, last_cap))
    found_.documents.push_back({{tokens_[i].begin, tokens_[last_cap].end}, static_cast<int>(si)});
}

// The organisation's name in the capitalised run tokens[first..last], or none. Openers, titles
// and ordinals come off its start ("During the", "Spokesman of the", "Thirty-First"); it ends
// at its last head noun unless a connector carries it on ("Peace Corps Vietnam" is the Peace
// Corps, "Ministry of Health" a ministry). Generic words alone ("High Commission", "Foreign
// Ministry"), a head that is part of a place the lexicon knows ("West Bank"), and documents and
// events ("Memorandum of Understanding") are no organisation. `generic_after`: no head is needed
// (a lower-case "programme" follows the run).
std::optional<ByteRange> CandidateFinder::organisation_name(std::size_t first, std::size_t last,
                                                            bool generic_after,
                                                            std::size_t si) const {
  auto digit = [&](const Token& t) {
    return t.word && doc_.text[t.begin] >= '0' && doc_.text[t.begin] <= '9';
  };
  while (first < last && (!tokens_[first].word || digit(tokens_[first]) ||
                          (classes_at(first) & (kIsStopStart | kIsLeadingNoun | kIsOrdinal))))
    ++first;
  if (!capitalised(first)) return std::nullopt;
  if (classes_at(first) & kIsNotOrganisationStart) return std::nullopt;
  // "John Smith of the University of X", "Speaker of the Legislative Assembly": words before
  // "of" that hold no head are a person or a title, not part of the name ("Tech for Trade
  // Alliance" keeps its words).
  for (std::size_t k = first; k < last; ++k) {
    if (capitalised(k) && (classes_at(k) & kIsHead)) break;
    if (tokens_[k].word && !tokens_[k].upper_initial && (classes_at(k) & kIsOf)) first = k + 1;
  }
  while (first < last && (classes_at(first) & kIsStopStart)) ++first;
  if (!capitalised(first)) return std::nullopt;
  std::size_t head = SIZE_MAX;
  for (std::size_t k = first; k <= last; ++k)
    if (capitalised(k) && (classes_at(k) & kIsHead)) head = k;
  // "Amnesty International": a head only as the last word.
  if (last > first && (classes_at(last) & kIsTrailingHead)) head = last;
  // "the X Centre for the Summit of ...": a document or an event after the head ends the name
  // before the connectors that lead to it.
  if (head != SIZE_MAX)
    for (std::size_t k = head + 1; k <= last; ++k) {
      if (!(capitalised(k) && (classes_at(k) & kIsNotOrganisationStart))) continue;
      std::size_t end = k;
      while (end > head && !capitalised(end - 1)) --end;
      if (end > head && end - 1 < k) last = end - 1;
      if (last >= k) last = head;
      break;
    }
  if (head == SIZE_MAX) {
    if (!generic_after) return std::nullopt;
  } else if (head < last && !(tokens_[head + 1].word && (classes_at(head + 1) & kIsConnector))) {
    if (generic_after) return std::nullopt;
    last = head;
  }
  if (head != SIZE_MAX ? last <= first : last < first) return std::nullopt;
  // A heading in capitals ("REGIONAL HEALTH PROGRAM") is not a name the text uses.
  bool shouted = true;
  for (std::size_t k = first; k <= last && shouted; ++k)
    shouted = !tokens_[k].word || tokens_[k].all_upper || (classes_at(k) & kIsConnector);
  if (shouted && last > first) return std::nullopt;
  bool distinctive = false;
  for (std::size_t k = first; k <= last && !distinctive; ++k)
    distinctive =
        tokens_[k].word && !(classes_at(k) & (kIsHead | kIsConnector | kIsGenericModifier |
                                              kIsStopStart | kIsOrdinal | kIsLeadingNoun));
  if (!distinctive) return std::nullopt;
  // "the Department of Journalism at Wits University": a unit of another body.
  if (head != SIZE_MAX && (classes_at(head) & kIsUnitHead) && last + 2 < tokens_.size() &&
      (classes_at(last + 1) & kIsAt))
    for (std::size_t k = last + 2; k < tokens_.size() && k < last + 8 && tokens_[k].word; ++k)
      if (tokens_[k].upper_initial && (classes_at(k) & kIsUnitOf)) return std::nullopt;
  if (head != SIZE_MAX && names_state_or_region(head, si)) return std::nullopt;
  return ByteRange{tokens_[first].begin, tokens_[last].end};
}

// Whether the head noun tokens[head] lies inside a lexicon mention of a state or a region
// ("West Bank").
bool CandidateFinder::names_state_or_region(std::size_t head, std::size_t si) const {
  for (const Mention* m : mentions_.of(static_cast<int>(si))) {
    if (m->range.begin > tokens_[head].begin || m->range.end < tokens_[head].end) continue;
    const Entity* k = known_.get(m->entity);
    if (k && (k->type == "Region" || k->type == "Actor" || k->type == "TargetCountry")) return true;
  }
  return false;
}

// Whether the run tokens[first..last] names a document or an event: a treaty, an agreement, a
// conference ("Treaty of Rarotonga", "the Cotonou Agreement").
bool CandidateFinder::document_name(std::size_t first, std::size_t last) const {
  for (std::size_t k = first; k <= last; ++k)
    if (capitalised(k) && (classes_at(k) & kIsNotOrganisationStart)) return true;
  return false;
}

// "Full Name (ABBR)" and "ABBR (Full Name)", from the "(" at token k.
void CandidateFinder::acronym_definition(std::size_t k, std::size_t si) {
  if (k < 1 || k + 2 >= tokens_.size() || !is_byte(doc_, tokens_[k + 2], ')')) return;
  const std::string_view abbr = word_at(doc_, tokens_[k + 1]);
  if (!acronym_like(abbr)) return;
  // Walk back over the capitalised name before the parenthesis.
  std::size_t end = k - 1, begin = k - 1;
  std::size_t letters_needed = abbr.size();
  while (begin > 0) {
    const Token& prev = tokens_[begin - 1];
    const std::uint32_t w = classes_at(begin - 1);
    bool cap = prev.word && prev.upper_initial;
    if (!cap && !(w & kIsAcronymConnector)) break;
    if ((w & kIsStopStart) &&
        !(begin >= 2 && tokens_[begin - 2].upper_initial && (w & kIsAcronymConnector)))
      break;
    --begin;
    if (cap && letters_needed > 0) --letters_needed;
  }
  // The long form starts at the word whose initial opens the acronym.
  char a0 = static_cast<char>(std::tolower(static_cast<unsigned char>(abbr[0])));
  auto opens_acronym = [&](std::size_t t) {
    return tokens_[t].upper_initial &&
           std::tolower(static_cast<unsigned char>(doc_.text[tokens_[t].begin])) == a0;
  };
  std::size_t full_begin = begin;
  while (begin < end && !opens_acronym(begin)) ++begin;
  // "The Parliamentary Assembly (TurkPA)": no word opens a known acronym; keep the whole name.
  if (!opens_acronym(begin)) {
    if (recognizer_.matcher().payloads_of(abbr).empty()) return;
    begin = full_begin;
  }
  if (!tokens_[begin].upper_initial || !tokens_[end].word) return;
  ByteRange r{tokens_[begin].begin, tokens_[end].end};
  bool head = false;
  for (std::size_t h = begin; h <= end; ++h)
    head = head || (capitalised(h) && (classes_at(h) & kIsHead));
  if (classes_at(begin) & kIsNotOrganisationStart) head = false;
  found_.candidates.push_back({r, doc_.slice(r), static_cast<int>(si), abbr, head});
}

// “five plus one” format, from the opening quote at token k.
void CandidateFinder::quoted_format(std::size_t k, std::size_t si) {
  if (k + 3 >= tokens_.size()) return;
  std::size_t close = k + 1;
  while (close < tokens_.size() && close < k + 7 && !is_close_quote(doc_, tokens_[close])) ++close;
  if (close >= tokens_.size() || close + 1 >= tokens_.size() || close == k + 1) return;
  std::string next = fold_case(word_at(doc_, tokens_[close + 1]));
  std::string next2 =
      close + 2 < tokens_.size() ? fold_case(word_at(doc_, tokens_[close + 2])) : "";
  if (next == "format" || next == "dialogue" || next == "mechanism" || next2 == "format")
    add({tokens_[k + 1].begin, tokens_[close - 1].end}, si);
}

}  // namespace

Found find_candidates(const Document& doc, const EntityRecognizer& recognizer,
                      const KnownIds& known, const MentionsBySentence& mentions,
                      TokensOfSentence& tokens_of, const std::vector<ByteRange>& skip) {
  // Sections whose sentences are not prose to mine, decided once per section.
  std::vector<char> unmined(doc.sections.size(), 0);
  for (std::size_t k = 0; k < doc.sections.size(); ++k) {
    const std::string_view kind = doc.sections[k].kind;
    unmined[k] = kind == "references" || kind == "notes" || kind == "authors" || kind == "back";
  }
  CandidateFinder finder(doc, recognizer, known, mentions);
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (skipped(s, skip) || s.range.size() > 4096) continue;  // run-on debris, not prose
    if (s.section >= 0 && static_cast<std::size_t>(s.section) < doc.sections.size() &&
        unmined[static_cast<std::size_t>(s.section)])
      continue;
    finder.scan_sentence(si, tokens_of(si));
  }
  return finder.take();
}

}  // namespace softgraph::discovery
