#include "softgraph/extract/relation_extractor.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "softgraph/extract/tokenizer.hpp"

namespace softgraph {
namespace {

// What a mention plays in its sentence.
enum class Role { kActor, kTarget, kInstitution, kInstrument, kOther };

struct Slot {
  const Mention* mention;
  const Entity* entity;
  Role role;
  std::size_t word;  // index of the first word token of the mention in the sentence
  bool implicit_target = false;  // made a target by a power beside it, not by a preposition
};

struct SentenceWords {
  std::vector<std::string> words;     // folded tokens, punctuation included
  std::vector<std::uint32_t> begins;  // byte offsets of the tokens
  std::size_t index_at(std::uint64_t pos) const {
    return static_cast<std::size_t>(std::lower_bound(begins.begin(), begins.end(), pos) - begins.begin());
  }
  bool has(const std::set<std::string>& cues) const {
    for (const auto& w : words)
      if (cues.count(w)) return true;
    return false;
  }
  bool has_phrase(const std::vector<std::string>& phrase) const {
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i)
      if (std::equal(phrase.begin(), phrase.end(), words.begin() + i)) return true;
    return false;
  }
};

SentenceWords words_of(const Document& doc, ByteRange r) {
  SentenceWords sw;
  std::vector<Token> tokens;
  tokenize(doc.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end), tokens);
  for (const Token& t : tokens) {
    sw.words.push_back(fold_case(std::string_view(doc.text).substr(t.begin, t.end - t.begin)));
    sw.begins.push_back(t.begin);
  }
  return sw;
}

std::string kind_of(const Entity& e) {
  auto it = e.attributes.find("kind");
  if (it == e.attributes.end()) return {};
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return {};
}

std::vector<std::string> list_attr(const Entity& e, const char* key) {
  auto it = e.attributes.find(key);
  if (it == e.attributes.end()) return {};
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return {};
}

bool is_state_like(const Entity& e) { return e.type == "Actor" || e.type == "TargetCountry"; }

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
const std::set<std::string> kAnaphora = {"organization", "organisation", "institution",
                                         "institutions", "institute", "institutes", "centers",
                                         "centres", "center", "centre", "foundation", "agency",
                                         "program", "programme", "programs", "programmes", "fund",
                                         "school", "university", "bodies", "initiative",
                                         "initiatives", "frameworks", "framework", "organizations",
                                         "organisations", "agencies", "foundations", "schools",
                                         "universities", "funds"};

bool possessive_at(const Slot& s, const SentenceWords& sw) {
  std::size_t end = sw.index_at(s.mention->range.end);
  return end + 1 < sw.words.size() && sw.words[end] == "'" && sw.words[end + 1] == "s";
}

bool after_cue(const Slot& s, const SentenceWords& sw, const std::set<std::string>& cues) {
  std::size_t i = s.word;
  if (i > 0 && cues.count(sw.words[i - 1])) return true;
  return i > 1 && sw.words[i - 1] == "the" && cues.count(sw.words[i - 2]);
}

// `powers` are the states the document treats as exerting influence (see find_powers); the
// other states are targets wherever they stand.
Role role_of(const Slot& s, const SentenceWords& sw, const std::set<std::string>& powers) {
  const Entity& e = *s.entity;
  if (e.type == "Instrument") return Role::kInstrument;
  if (e.type == "Region") return Role::kTarget;
  if (e.type == "Institution") return Role::kInstitution;
  if (!is_state_like(e)) return Role::kOther;
  if (!powers.count(e.id)) return Role::kTarget;
  bool possessive = possessive_at(s, sw);
  bool demonym = s.mention->source == "lexicon:demonym";
  return after_cue(s, sw, kStrongTargetCues) && !possessive && !demonym ? Role::kTarget : Role::kActor;
}

Relation make(const std::string& src, const std::string& dst, const char* type,
              const Evidence& ev, const Attributes& figures) {
  Relation r;
  r.source = src;
  r.target = dst;
  r.type = type;
  r.evidence = ev;
  r.attributes = figures;
  return r;
}

}  // namespace

Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence) {
  Evidence ev;
  const ByteRange r = doc.sentences[static_cast<std::size_t>(sentence)].range;
  ev.document = doc.id;
  ev.range = doc.to_raw(r);
  ev.quote = doc.raw.substr(ev.range.begin, ev.range.end - ev.range.begin);
  std::string text(doc.slice(r));
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
  return ev;
}

namespace {

// Words around a number that belong to the figure ("over 40 mosques", "$10 billion").
const std::vector<std::string> kQualifiers = {"more than", "exceeding", "approximately", "at least",
                                              "up to", "roughly", "nearly", "almost", "around",
                                              "about", "over", "some"};
const std::set<std::string> kScales = {"million", "billion", "trillion", "thousand", "hundred"};
const std::set<std::string> kUnits = {"dollars", "euros", "usd", "mosques", "schools", "universities",
                                      "students", "scholarships", "meetings", "projects", "institutes",
                                      "centers", "centres", "branches", "grants", "people", "volunteers",
                                      "programs", "programmes", "high-level", "countries", "teachers"};
const std::set<std::string> kNumberWords = {"ten", "twenty", "thirty", "forty", "fifty", "sixty",
                                            "seventy", "eighty", "ninety", "hundreds", "thousands",
                                            "dozens", "millions"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

// The word that starts at `pos` (letters, digits, hyphens), lower-cased.
std::string word_from(const std::string& lower, std::size_t pos) {
  std::size_t e = pos;
  while (e < lower.size() && is_word_byte(lower[e])) ++e;
  return lower.substr(pos, e - pos);
}

}  // namespace

Attributes figures_in(std::string_view sentence) {
  // A hand-written scanner: std::regex took most of the extraction time.
  std::string lower(sentence);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';  // wrapped lines
  }
  std::vector<std::string> figures, years;
  std::size_t i = 0;
  while (i < lower.size()) {
    bool number_word = false;
    std::size_t begin = i, end = i;
    if (is_digit(lower[i]) && (i == 0 || !is_word_byte(lower[i - 1]))) {
      while (end < lower.size() && (is_digit(lower[end]) || ((lower[end] == ',' || lower[end] == '.') && end + 1 < lower.size() && is_digit(lower[end + 1])))) ++end;
    } else if (std::isalpha(static_cast<unsigned char>(lower[i])) && (i == 0 || !is_word_byte(lower[i - 1]))) {
      std::string w = word_from(lower, i);
      if (!kNumberWords.count(w)) { i += std::max<std::size_t>(w.size(), 1); continue; }
      number_word = true;
      end = i + w.size();
    } else {
      ++i;
      continue;
    }
    std::string digits = lower.substr(begin, end - begin);
    bool year = !number_word && digits.size() == 4 && (digits.rfind("18", 0) == 0 || digits.rfind("19", 0) == 0 || digits.rfind("20", 0) == 0);
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
    auto next_word = [&](std::size_t at, std::string& w) {
      std::size_t k = at;
      while (k < lower.size() && lower[k] == ' ') ++k;
      w = word_from(lower, k);
      return w.empty() ? std::string::npos : k + w.size();
    };
    if (j < lower.size() && lower[j] == '%') ++j;
    std::string w;
    std::size_t after = next_word(j, w);
    if (after != std::string::npos && (w == "percent")) j = after, after = next_word(j, w);
    if (after != std::string::npos && kScales.count(w)) j = after, after = next_word(j, w);
    for (int units = 0; units < 2 && after != std::string::npos && kUnits.count(w); ++units)
      j = after, after = next_word(j, w);
    if (number_word && after != std::string::npos && w == "of") {
      std::string noun;
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

bool english_body(const Document& doc, const Sentence& sentence) {
  if (sentence.range.size() > kMaxSentenceBytes) return false;
  if (sentence.section < 0) return true;
  const Section& section = doc.sections[static_cast<std::size_t>(sentence.section)];
  if (section.kind == "references" || section.kind == "notes") return false;
  return section.language == "en" || section.language == "und";
}

// The document's powers: states that head a section, own a named institution, or stand as a
// subject (sentence-initial, possessive, adjective) more often than as a place influence goes
// to. Blocs always count; states the lexicon marks as usual targets need more evidence.
std::set<std::string> find_powers(const Document& doc,
                                  const std::map<std::string, const Entity*>& entities,
                                  const std::map<int, std::vector<const Mention*>>& by_sentence,
                                  std::map<int, SentenceWords>& words_cache) {
  std::map<std::string, int> score;
  for (const auto& [si, ms] : by_sentence) {
    const Sentence& sentence = doc.sentences[static_cast<std::size_t>(si)];
    if (!english_body(doc, sentence)) continue;
    const Paragraph* para = sentence.paragraph >= 0 ? &doc.paragraphs[static_cast<std::size_t>(sentence.paragraph)] : nullptr;
    const SentenceWords& sw = words_cache.emplace(si, words_of(doc, sentence.range)).first->second;
    bool heading = sw.words.size() <= 8 && !sw.words.empty() && sw.words.back() != ".";
    for (const Mention* m : ms) {
      const Entity& e = *entities.at(m->entity);
      if (e.type == "Institution")
        for (const auto& owner : list_attr(e, "owner")) score[owner] += 2;
      if (!is_state_like(e)) continue;
      Slot slot{m, &e, Role::kOther, sw.index_at(m->range.begin), false};
      bool in_head = para && !para->run_in_head.empty() && para->run_in_head.contains(m->range);
      if (in_head || heading) score[e.id] += 3;
      if (possessive_at(slot, sw) || slot.word <= 1 || m->source == "lexicon:demonym") score[e.id] += 1;
      if (after_cue(slot, sw, kTargetCues)) score[e.id] -= 1;
    }
  }
  std::set<std::string> powers;
  for (const auto& [id, e] : entities) {
    if (!is_state_like(*e)) continue;
    int s = score[id];
    if (kind_of(*e) == "bloc") s += 5;
    if (e->type == "TargetCountry") s -= 2;
    if (s >= 2) powers.insert(id);
  }
  return powers;
}

}  // namespace

std::vector<Relation> extract_relations(const Document& doc,
                                        const std::map<std::string, const Entity*>& entities,
                                        const std::vector<Mention>& mentions) {
  std::vector<Relation> out;
  // Mentions grouped by sentence.
  std::map<int, std::vector<const Mention*>> by_sentence;
  for (const Mention& m : mentions)
    if (m.sentence >= 0 && entities.count(m.entity)) by_sentence[m.sentence].push_back(&m);
  std::map<int, SentenceWords> words_cache;  // sentences with mentions, tokenised once
  const std::set<std::string> powers = find_powers(doc, entities, by_sentence, words_cache);

  std::vector<std::string> scope_actors;  // subject carried over inside an actor's section
  int scope_paragraph = -1, scope_section = -1;
  std::vector<std::string> previous_institutions;
  int previous_paragraph = -1;
  std::map<int, std::vector<std::string>> scope_of_sentence;  // for membership by section scope

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (!english_body(doc, sentence)) continue;
    auto found = by_sentence.find(static_cast<int>(si));
    if (found == by_sentence.end()) {
      // No entity here: only the scope bookkeeping below matters, and it needs no words.
      if (sentence.section != scope_section) {
        scope_actors.clear();
        scope_section = sentence.section;
      }
      if (sentence.paragraph != scope_paragraph) scope_paragraph = sentence.paragraph;
      scope_of_sentence[static_cast<int>(si)] = scope_actors;
      if (sentence.paragraph != previous_paragraph) previous_institutions.clear();
      previous_paragraph = sentence.paragraph;
      continue;
    }
    auto cached = words_cache.find(static_cast<int>(si));
    SentenceWords sw = cached != words_cache.end() ? std::move(cached->second) : words_of(doc, sentence.range);

    std::vector<Slot> slots;
    if (found != by_sentence.end()) {
      for (const Mention* m : found->second) {
        Slot s{m, entities.at(m->entity), Role::kOther, sw.index_at(m->range.begin), false};
        s.role = role_of(s, sw, powers);
        slots.push_back(s);
      }
    }
    auto ids_with = [&](Role role) {
      std::vector<std::string> ids;
      for (const Slot& s : slots)
        if (s.role == role && std::find(ids.begin(), ids.end(), s.entity->id) == ids.end())
          ids.push_back(s.entity->id);
      return ids;
    };
    // A state that usually receives influence, named beside a power, is the power's target
    // ("Georgia signed an agreement with the EU"), not an actor of its own.
    bool power_present = std::any_of(slots.begin(), slots.end(), [](const Slot& x) {
      return x.role == Role::kActor && x.entity->type == "Actor";
    });
    if (power_present)
      for (Slot& x : slots)
        if (x.role == Role::kActor && x.entity->type == "TargetCountry") {
          x.role = Role::kTarget;
          x.implicit_target = true;
        }
    std::vector<std::string> actors = ids_with(Role::kActor);
    std::vector<std::string> targets = ids_with(Role::kTarget);
    std::vector<std::string> institutions = ids_with(Role::kInstitution);
    std::vector<std::string> instruments = ids_with(Role::kInstrument);

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
        std::vector<std::string> head_actors;
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
    if (!sw.words.empty()) {
      const std::string& w0 = sw.words[0];
      if (w0 == "it" || w0 == "they") anaphoric = true;
      if (w0 == "this" || w0 == "these" || w0 == "the" || w0 == "its" || w0 == "their" || w0 == "such")
        for (std::size_t k = 1; k <= 3 && k < sw.words.size(); ++k)
          if (kAnaphora.count(sw.words[k])) anaphoric = true;
    }
    if (institutions.empty() && anaphoric && sentence.paragraph == previous_paragraph)
      institutions = previous_institutions;

    scope_of_sentence[static_cast<int>(si)] = scope_actors;
    Attributes figures = figures_in(doc.slice(sentence.range));
    const int s = static_cast<int>(si);
    // Five or more powers in one sentence are a list, not a claim about each of them (measured
    // on the gold texts: four still make claims, five rarely do).
    bool enumeration = actors.size() > 4;
    std::vector<std::string> subjects = actors;
    const char* subject_rule = "sentence:actor";
    double subject_conf = 0.8;
    if (subjects.empty()) {
      subjects = scope_actors;
      subject_rule = "scope:section-actor";
      subject_conf = 0.6;
    }

    // One relation per (source, target, type) and sentence: a run-on "sentence" with hundreds of
    // names must not multiply evidence copies.
    std::set<std::tuple<std::string, std::string, std::string>> emitted;
    auto emit = [&](const std::string& src, const std::string& dst, const char* type,
                    const std::string& rule, double conf) {
      if (!emitted.emplace(src, dst, type).second) return;
      out.push_back(make(src, dst, type, sentence_evidence(doc, s, rule, conf), figures));
    };

    // USES_INSTRUMENT and DELIVERS: a channel trigger with its actors and institutions.
    // With several institutions in a sentence, a channel belongs to the nearest one.
    auto nearest_institution = [&](const std::string& instrument) {
      std::size_t at = 0;
      for (const Slot& x : slots)
        if (x.entity->id == instrument) at = x.word;
      std::string best;
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
        std::string inst = nearest_institution(n);
        emit(inst, n, "DELIVERS", "sentence:nearest-institution-channel", 0.7);
      } else {
        for (const auto& inst : institutions)
          emit(inst, n, "DELIVERS", "sentence:institution-channel", 0.8);
      }
      if (!enumeration)
        for (const auto& a : subjects)
          emit(a, n, "USES_INSTRUMENT", std::string(subject_rule) + "-channel", subject_conf);
    }

    // OPERATES from a cue or scope, for institutions whose owner the lexicon does not know.
    for (const auto& inst : institutions) {
      const Entity* ie = entities.at(inst);
      if (!list_attr(*ie, "owner").empty()) continue;
      std::string k = kind_of(*ie);
      if (k == "organization" || k == "bank" || k == "bloc") continue;  // multilateral bodies
      if (!actors.empty() && actors.size() <= 2 && sw.has(kOperateCues)) {
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
            const std::string& w = sw.words[k];
            coordinated = w == "," || w == "and" || w == "or" || w == "the" || w == "as" || w == "well";
          }
          cue = coordinated;
        }
        const auto& cues = t.entity->type == "Actor" ? kStrongTargetCues : kTargetCues;
        for (std::size_t back = 1; back <= 4 && back <= t.word; ++back)
          if (cues.count(sw.words[t.word - back])) cue = true;
        if (t.implicit_target && !actors.empty()) cue = true;
        // A state that is no power of the document, named beside one, is that power's target.
        if (is_state_like(*t.entity) && !powers.count(t.entity->id) && !actors.empty()) cue = true;
        previous_target = &t;
        previous_cue = cue;
        if (!cue) continue;
        std::vector<std::string> sources = subjects;
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
    static const std::set<std::string> kBreaks = {"cut", "severed", "broke", "broken", "froze",
                                                  "frozen", "suspended", "closed", "rivals",
                                                  "rivalry", "dispute", "disputed", "conflict",
                                                  "war", "sanctions"};
    if (sw.has(kPartnerCues) && !sw.has(kBreaks)) {
      std::vector<const Slot*> parties;
      for (const Slot& p : slots)
        if ((is_state_like(*p.entity) || p.entity->type == "Institution") &&
            (parties.empty() || parties.back()->entity->id != p.entity->id))
          parties.push_back(&p);
      auto cue_near = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < sw.words.size(); ++k)
          if (kPartnerCues.count(sw.words[k])) return true;
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
          joined = sw.words[k] == "-" || sw.words[k] == "and" || sw.words[k] == "," || sw.words[k] == "the";
        // A pair inside a longer list ("Saudi Arabia, the UAE, Bahrain and Egypt") is no pair.
        auto joined_to = [&](const Slot& x, const Slot& y) {
          std::size_t x_end = sw.index_at(x.mention->range.end);
          if (y.word < x_end || y.word - x_end > 2) return false;
          for (std::size_t k = x_end; k < y.word; ++k)
            if (sw.words[k] != "-" && sw.words[k] != "and" && sw.words[k] != "," && sw.words[k] != "the") return false;
          return true;
        };
        bool in_list = (i > 0 && joined_to(*parties[i - 1], a)) ||
                       (i + 2 < parties.size() && joined_to(b, *parties[i + 2]));
        bool between = a.word >= 1 && sw.words[a.word - 1] == "between" && joined && !in_list;
        bool pair_with_cue = joined && !in_list &&
                             (cue_near(b_end, b_end + 4) || (a.word >= 3 && cue_near(a.word - 3, a.word)));
        bool with_cue = b.word >= 2 && sw.words[b.word - 1] == "with" &&
                        cue_near(b.word - 3 > a.word ? b.word - 3 : a.word, b.word - 1);
        if (!(between || pair_with_cue || with_cue)) continue;
        emit(a.entity->id, b.entity->id, "PARTNERS_WITH", "cue:partnership", 0.7);
      }
    }

    // MEMBER_OF: states and a bloc or organisation joined by a membership cue.
    if (sw.has(kMemberCues)) {
      std::size_t cue_at = 0;
      while (cue_at < sw.words.size() && !kMemberCues.count(sw.words[cue_at])) ++cue_at;
      for (const Slot& m : slots) {
        if (!is_state_like(*m.entity) || kind_of(*m.entity) == "bloc") continue;
        if (m.word > cue_at || cue_at - m.word > 8) continue;  // "X joined Y", "X is a member of Y"
        for (const Slot& o : slots) {
          bool org = o.entity->type == "Institution" || kind_of(*o.entity) == "bloc";
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
  std::set<std::string> delivering;
  for (const auto& r : out)
    if (r.type == "DELIVERS") delivering.insert(r.source);
  std::map<std::string, int> first_named;
  for (const auto& [sentence, ms] : by_sentence)
    for (const Mention* m : ms) first_named.emplace(m->entity, sentence);
  for (const auto& [inst, sentence] : first_named) {
    const Entity* ie = entities.at(inst);
    if (ie->type != "Institution" || delivering.count(inst)) continue;
    if (!english_body(doc, doc.sentences[static_cast<std::size_t>(sentence)])) continue;
    for (const auto& channel : list_attr(*ie, "channels")) {
      std::string target = "instrument/" + channel;
      if (!entities.count(target)) continue;  // only channels the text itself speaks of
      out.push_back(make(inst, target, "DELIVERS", sentence_evidence(doc, sentence, "lexicon:channels", 0.5), {}));
    }
  }

  // OPERATES from the lexicon's owners: evidence is a sentence naming both, else the
  // institution's first mention.
  std::map<std::string, int> first_mention;
  std::map<std::pair<std::string, std::string>, int> together;
  for (const auto& [sentence, ms] : by_sentence) {
    for (const Mention* m : ms) first_mention.emplace(m->entity, sentence);
    if (doc.sentences[static_cast<std::size_t>(sentence)].range.size() > kMaxSentenceBytes) continue;
    for (const Mention* a : ms)
      for (const Mention* b : ms) together.emplace(std::make_pair(a->entity, b->entity), sentence);
  }
  for (const auto& [inst, sentence] : first_mention) {
    const Entity* ie = entities.at(inst);
    if (ie->type != "Institution") continue;
    for (const auto& owner : list_attr(*ie, "owner")) {
      auto both = together.find({owner, inst});
      int s = both != together.end() ? both->second : sentence;
      auto method = ie->attributes.find("attribution");
      std::string rule = "lexicon:owner";
      if (method != ie->attributes.end())
        if (const auto* m = std::get_if<std::string>(&method->second)) rule = "attribution:" + *m;
      out.push_back(make(owner, inst, "OPERATES", sentence_evidence(doc, s, rule, both != together.end() ? 0.95 : 0.85), {}));
    }
  }
  // MEMBER_OF from the lexicon's member lists, when a member is named in the same paragraph as
  // the organisation or inside the bloc's own section.
  std::map<int, std::vector<std::pair<const Mention*, int>>> by_paragraph;
  for (const auto& [sentence, ms] : by_sentence) {
    if (doc.sentences[static_cast<std::size_t>(sentence)].range.size() > kMaxSentenceBytes) continue;
    int para = doc.sentences[static_cast<std::size_t>(sentence)].paragraph;
    for (const Mention* m : ms) by_paragraph[para].push_back({m, sentence});
  }
  std::set<std::pair<std::string, std::string>> memberships;
  for (const auto& entry : entities) {
    const std::string& org_id = entry.first;  // named, not bound: lambdas below capture it
    const Entity* org = entry.second;
    std::vector<std::string> members = list_attr(*org, "members");
    if (members.empty()) continue;
    std::set<std::string> member_set(members.begin(), members.end());
    for (const auto& [para, ms] : by_paragraph) {
      bool org_here = std::any_of(ms.begin(), ms.end(), [&](const auto& p) { return p.first->entity == org_id; });
      for (const auto& [m, sentence] : ms) {
        if (!member_set.count(m->entity)) continue;
        const auto& scope = scope_of_sentence[sentence];
        bool org_is_scope = std::find(scope.begin(), scope.end(), org_id) != scope.end();
        bool member_is_scope = std::find(scope.begin(), scope.end(), m->entity) != scope.end();
        bool same_sentence = together.count({m->entity, org_id}) &&
                             std::any_of(by_sentence[sentence].begin(), by_sentence[sentence].end(),
                                         [&](const Mention* x) { return x->entity == org_id; });
        if (!same_sentence && !org_is_scope && !(org_here && member_is_scope)) continue;
        if (!memberships.emplace(m->entity, org_id).second) continue;
        out.push_back(make(m->entity, org_id, "MEMBER_OF", sentence_evidence(doc, sentence, org_here ? "lexicon:members" : "lexicon:members-section", 0.7), {}));
      }
    }
  }
  return out;
}

}  // namespace softgraph
