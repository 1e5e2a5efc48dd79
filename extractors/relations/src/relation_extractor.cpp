// Runs the relation patterns over a document: parses each sentence that names an entity the
// patterns can bind, keeps the discourse (subjects, section headings, the document's country)
// for anaphors, and adds what the lexicon knows (owners, members, channels).
#include "softgraph/relations/relation_extractor.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "clause_roles.hpp"
#include "document_rules.hpp"
#include "page_furniture.hpp"
#include "relation_rules.hpp"
#include "sentence_graph.hpp"
#include "softgraph/core/json_io.hpp"

namespace softgraph {
namespace {

std::atomic<std::uint64_t> g_sentences{0}, g_parsed{0}, g_words{0}, g_all{0};
// The parser's speed, from one parsed sentence in kTimedEvery: the words of those and the thread
// CPU time they took (reading the thread's clock is a system call of ~4 us on this VM, 2 % of a
// run if done for every sentence).
constexpr std::uint64_t kTimedEvery = 16;
std::atomic<std::uint64_t> g_timed_words{0}, g_timed_ns{0};

std::uint64_t thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<std::uint64_t>(t.tv_sec) * 1000000000u + static_cast<std::uint64_t>(t.tv_nsec);
}

// A "sentence" longer than this is extraction debris (a table, a line without punctuation), not
// prose: its mentions count, but it is not parsed.
constexpr std::uint64_t kMaxSentenceBytes = 2048;

bool english_body(const Document& doc, const Sentence& s, bool furniture) {
  if (s.range.size() > kMaxSentenceBytes || furniture) return false;
  if (s.section < 0) return true;
  const Section& section = doc.sections[static_cast<std::size_t>(s.section)];
  return section.kind != "references" && section.kind != "notes" &&
         (section.language == "en" || section.language == "und");
}

const std::vector<std::string>& list_attr(const Entity& e, const char* key) {
  static const std::vector<std::string> kNone;
  auto it = e.attributes.find(key);
  if (it == e.attributes.end()) return kNone;
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return kNone;
}

EntityFacts facts_of(const Entity& e) {
  EntityFacts f;
  f.id = e.id;
  std::string kind;
  if (auto it = e.attributes.find("kind"); it != e.attributes.end())
    if (const auto* v = std::get_if<std::string>(&it->second)) kind = *v;
  const std::string_view type = e.type;
  using Type = EntityFacts::Type;
  f.type = type == "Actor" || type == "TargetCountry" ? Type::kState
           : type == "Region"                         ? Type::kRegion
           : type == "Institution"                    ? Type::kInstitution
           : type == "Instrument"                     ? Type::kInstrument
                                                      : Type::kOther;
  f.bloc = kind == "bloc";
  f.provider = type == "Actor";
  f.multilateral = kind == "organization" || kind == "bank" || kind == "bloc";
  f.owners = list_attr(e, "owner");
  f.channels = list_attr(e, "channels");
  f.members = list_attr(e, "members");
  f.members_kind =
      !f.members.empty() || !(kind == "agency" || kind == "bank" || kind == "fund" ||
                              kind == "foundation" || kind == "media" || kind == "programme" ||
                              kind == "university" || kind == "school" || kind == "channel");
  // An EU-like bloc acts as a state; a bloc's own type in the lexicon is Actor.
  if (f.bloc) f.type = Type::kState;
  return f;
}

// Calls `f` with each lower-case word (run of letters) of `text` until it returns true; returns
// whether one did.
template <typename F>
bool any_word(std::string_view text, F&& f) {
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    word.assign(text.substr(i, j - i));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!word.empty() && f(std::string_view(word))) return true;
    i = j;
  }
  return false;
}

// Whether a sentence with these mentions may hold a relation.
bool candidate(const std::vector<const Mention*>& here, std::string_view text,
               const RelationRules& rules) {
  for (const Mention* m : here)
    if (m->entity != here.front()->entity) return true;
  // One entity: worth a parse only with an anaphor that may name the other end.
  return any_word(text, [&](std::string_view word) {
    // ("Relations with X were established": the other side is the document's state.)
    if (rules.singular_anaphors.contains(word) || rules.plural_anaphors.contains(word) ||
        rules.tie_nouns.contains(word))
      return true;
    // ("the institute", "these centres": an institution named before.)
    return word.size() > 1 &&
           (rules.owner_nouns.contains(word) ||
            (word.back() == 's' && rules.owner_nouns.contains(word.substr(0, word.size() - 1))));
  });
}

// Parses a sentence clause by clause (split at semicolons outside parentheses) and counts the
// words parsed, timing one sentence in kTimedEvery for the parser's speed figure.
template <typename FactsFor>
std::vector<SentenceGraph> parse_clauses(std::string_view text, std::uint64_t base,
                                         const std::vector<const Mention*>& here,
                                         FactsFor& facts_for, const RelationRules& rules) {
  std::vector<SentenceGraph> clauses;
  thread_local std::uint64_t parsed_here = 0;
  // (Not a thread's first sentence: that one waits for the model to load.)
  const bool timed = ++parsed_here % kTimedEvery == 0;
  const std::uint64_t t0 = timed ? thread_cpu_ns() : 0;
  std::uint64_t words = 0;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ';';
    depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
    if (c != ';' || depth > 0) continue;
    const std::string_view clause = text.substr(start, i - start + (i < text.size()));
    if (clause.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      const SentenceGraph& g =
          clauses.emplace_back(clause, base + start, here, facts_for, rules.asides);
      words += static_cast<std::uint64_t>(g.size());
    }
    start = i + 1;
  }
  g_parsed.fetch_add(1, std::memory_order_relaxed);
  g_words.fetch_add(words, std::memory_order_relaxed);
  if (timed) {
    g_timed_ns.fetch_add(thread_cpu_ns() - t0, std::memory_order_relaxed);
    g_timed_words.fetch_add(words, std::memory_order_relaxed);
  }
  return clauses;
}

// "Both countries ...", "the two states ...": a sentence that names no one but a pair, which
// under a country's heading is that country and the document's.
bool names_a_pair(std::string_view text, const RelationRules& rules) {
  bool pair = false, group = false;
  any_word(text, [&](std::string_view word) {
    if (word == "both" || word == "two")
      pair = true;
    else if (rules.plural_anaphors.contains(word) && word.size() > 4)
      group = true;
    return pair && group;
  });
  return pair && group;
}

// The discourse after a sentence that was not parsed: the states it names are the antecedents
// of "both" in the next one; its subject is unknown.
template <typename FactsFor>
void update_discourse_unparsed(const std::vector<const Mention*>& here, FactsFor& facts_for,
                               Discourse& d) {
  d.states.clear();
  std::vector<const EntityFacts*> institutions;
  for (const Mention* m : here)
    if (const EntityFacts* f = facts_for(*m)) {
      auto& list = f->type == EntityFacts::Type::kState && !f->bloc         ? d.states
                   : f->type == EntityFacts::Type::kInstitution && !f->bloc ? institutions
                                                                            : d.states;
      if (&list == &d.states && !(f->type == EntityFacts::Type::kState && !f->bloc)) continue;
      if (std::find(list.begin(), list.end(), f) == list.end()) list.push_back(f);
    }
  if (!institutions.empty()) d.institutions = std::move(institutions);
}

}  // namespace

// A state uses the channels an institution it operates delivers: "its network of Confucius
// Institutes ... hubs for language education" makes language promotion China's. Each such
// relation rests on the sentence that says the institution delivers it.
static void add_operator_channels(const EntityFacts* main, std::vector<Relation>& out) {
  static const Symbol kOperates("OPERATES"), kDelivers("DELIVERS"), kUses("USES_INSTRUMENT"),
      kRule("pattern:operator-channel");
  // Interned symbols compare by identity: the sets below key on their addresses, so a document
  // of millions of relations costs one hash look-up each.
  using Pair = std::pair<const void*, const void*>;
  struct PairHash {
    std::size_t operator()(const Pair& p) const {
      return std::hash<const void*>()(p.first) * 31 + std::hash<const void*>()(p.second);
    }
  };
  std::unordered_set<Pair, PairHash> used;                         // (state, channel) made
  std::unordered_map<const void*, std::vector<Symbol>> operators;  // institution -> states
  for (const Relation& r : out) {
    if (r.type == kUses) used.insert({r.source.identity(), r.target.identity()});
    if (r.type == kOperates && std::string_view(r.source).starts_with("actor/") &&
        (!main || r.source != main->id)) {
      std::vector<Symbol>& states = operators[r.target.identity()];
      if (std::find(states.begin(), states.end(), r.source) == states.end())
        states.push_back(r.source);
    }
  }
  if (operators.empty()) return;
  const std::size_t n = out.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (out[k].type != kDelivers) continue;
    const auto it = operators.find(out[k].source.identity());
    if (it == operators.end()) continue;
    for (const Symbol state : it->second) {
      if (state == out[k].target ||
          !used.insert({state.identity(), out[k].target.identity()}).second)
        continue;
      Relation r = out[k];
      r.source = state;
      r.type = kUses;
      r.evidence.rule = kRule;
      out.push_back(std::move(r));
    }
  }
}

// A state the lexicon does not know as a provider of aid, using a channel with no recipient in
// the same sentence, acts at home ("the Zambian government created a joint venture to digitize
// its broadcasting", "Pakistani authorities are constructing a fence"): no projection of
// influence. (A provider's act with no recipient named still goes somewhere: see scope rules.)
static void drop_domestic_uses(const std::map<Symbol, EntityFacts>& facts,
                               std::vector<std::pair<std::size_t, Claim>>& claims) {
  std::set<std::pair<std::size_t, Symbol>> aims;  // (sentence, source) of each TARGETS
  for (const auto& [si, c] : claims)
    if (c.type == "TARGETS") aims.insert({si, c.source});
  std::erase_if(claims, [&](const std::pair<std::size_t, Claim>& x) {
    const Claim& c = x.second;
    if (c.type != "USES_INSTRUMENT" || aims.contains({x.first, c.source})) return false;
    const auto it = facts.find(c.source);
    return it != facts.end() && it->second.type == EntityFacts::Type::kState &&
           !it->second.provider && !it->second.bloc;
  });
}

std::shared_ptr<const RelationRules> load_relation_rules(const std::string& path) {
  return std::make_shared<const RelationRules>(RelationRules::parse(read_file(path), path));
}

ParseStats parse_stats() {
  const std::uint64_t words = g_words.load(), timed = g_timed_words.load();
  // Seconds for all the words parsed at the rate of the timed ones.
  const double seconds = timed ? static_cast<double>(g_timed_ns.load()) / 1e9 *
                                     static_cast<double>(words) / static_cast<double>(timed)
                               : 0.0;
  return {g_sentences.load(), g_parsed.load(), words, g_all.load(), seconds};
}

std::vector<Relation> extract_relations(const Document& doc, std::span<const Entity> entities,
                                        const std::vector<Mention>& mentions,
                                        const SentenceTokens* /*tokens*/,
                                        const RelationOptions& options) {
  const RelationRules& rules = options.rules ? *options.rules : RelationRules::builtin();
  g_all.fetch_add(doc.sentences.size(), std::memory_order_relaxed);
  auto enabled = [&](Symbol rule) { return !options.disabled_rules.contains(rule.str()); };
  std::map<Symbol, EntityFacts> facts;
  for (const Entity& e : entities) facts.emplace(e.id, facts_of(e));
  auto facts_for = [&](const Mention& m) -> const EntityFacts* {
    auto it = facts.find(m.entity);
    return it == facts.end() || it->second.type == EntityFacts::Type::kOther ? nullptr
                                                                             : &it->second;
  };

  // Mentions by sentence, in text order.
  std::vector<std::vector<const Mention*>> by_sentence(doc.sentences.size());
  for (const Mention& m : mentions)
    if (m.sentence >= 0 && static_cast<std::size_t>(m.sentence) < by_sentence.size() &&
        facts_for(m))
      by_sentence[static_cast<std::size_t>(m.sentence)].push_back(&m);

  // Citations, credits, mastheads, acknowledgements: no relation is read from them.
  std::vector<char> furniture(doc.sentences.size());
  for (std::size_t si = 0; si < doc.sentences.size(); ++si)
    furniture[si] =
        by_sentence[si].empty() ? 0 : page_furniture(doc, doc.sentences[si], rules.furniture);

  DocumentScope scope(doc, mentions, facts_for, rules.relations_titles, rules.caption_words);
  // The state a text names most is the place influence goes to in a text on its foreign
  // relations, and an actor in a text on its outreach: the text's own sentences decide, by
  // whether the state gives or receives more often when read as an actor. Both readings (with
  // the document's state as the place its influence goes to, and without) are made in one pass,
  // each with its own discourse: a sentence's parse is dropped once both have read it, so a
  // document holds one parse at a time, not one per sentence (issue 20: memory).
  const EntityFacts* main = scope.titled_country() ? scope.titled_country() : scope.main_country();
  struct Reading {
    Discourse discourse;
    std::vector<std::pair<std::size_t, Claim>> claims;
  };
  std::vector<Reading> readings;
  // ("Foreign relations of X": the title says it, only that reading is made.)
  if (!scope.titled_country()) readings.emplace_back().discourse.focus_place = scope.focus_region();
  // A provider's foreign relations ("Foreign relations of China") are what it does to others:
  // it is no place its own influence goes to, and its acts abroad are the graph's.
  const bool provider_main = main && main->provider;
  if (main) {
    Reading& r = readings.emplace_back();
    r.discourse.main_country = main;
    r.discourse.focus_place = provider_main ? scope.focus_region() : main;
  }
  int paragraph = -1, section = -2;
  const EntityFacts* section_country = nullptr;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sentence = doc.sentences[si];
    if (sentence.section != section || sentence.paragraph != paragraph) {
      section = sentence.section;
      paragraph = sentence.paragraph;
      section_country = scope.section_country(section, paragraph);
      for (Reading& r : readings) {
        r.discourse.section_country = section_country;
        r.discourse.subjects.clear();
        r.discourse.states.clear();
        r.discourse.institutions.clear();
        r.discourse.scene.clear();
        r.discourse.scene_actors.clear();
      }
    }
    const auto& here = by_sentence[si];
    const bool pair_only =
        here.empty() && section_country && names_a_pair(doc.slice(sentence.range), rules);
    if (here.empty() && !pair_only) continue;
    // Only a sentence that may hold a relation is parsed: two entities, or one and a word that
    // may stand for another ("it", "both", "the country"); clause by clause where semicolons
    // join clauses (a greedy parser loses its way past one, and such clauses rarely share roles).
    std::vector<SentenceGraph> clauses;
    if (english_body(doc, sentence, furniture[si] != 0)) {
      g_sentences.fetch_add(1, std::memory_order_relaxed);
      if (pair_only || candidate(here, doc.slice(sentence.range), rules)) {
        clauses =
            parse_clauses(doc.slice(sentence.range), sentence.range.begin, here, facts_for, rules);
      }
    }
    for (Reading& r : readings) {
      if (clauses.empty()) {
        update_discourse_unparsed(here, facts_for, r.discourse);
        continue;
      }
      for (const SentenceGraph& g : clauses) {
        for (Claim& c : sentence_claims(g, rules, r.discourse))
          if (enabled(c.rule)) r.claims.push_back({si, c});
        update_discourse(g, rules, r.discourse);
      }
    }
  }
  std::vector<std::pair<std::size_t, Claim>> claims;
  if (scope.titled_country()) {
    claims = std::move(readings.front().claims);
  } else {
    claims = std::move(readings.front().claims);
    if (main) {
      int gives = 0, receives = 0;
      for (const auto& [si, c] : claims) {
        if (c.type != "TARGETS" && c.type != "USES_INSTRUMENT") continue;
        gives += c.source == main->id;
        receives += c.target == main->id;
      }
      if (receives >= gives)
        claims = std::move(readings.back().claims);
      else
        main = nullptr;
    }
  }
  drop_domestic_uses(facts, claims);
  std::vector<Relation> out;
  std::size_t last = SIZE_MAX;
  Evidence where;
  Attributes figures;
  for (const auto& [si, c] : claims) {
    // The state a text is about receives influence there; its own moves abroad are its foreign
    // relations, not the projection the graph records.
    if (main && !provider_main && c.source == main->id &&
        (c.type == "TARGETS" || c.type == "USES_INSTRUMENT"))
      continue;
    if (si != last) {
      last = si;
      where = sentence_evidence(doc, static_cast<int>(si), "", 0);
      figures = figures_in(doc.slice(doc.sentences[si].range));
    }
    Relation r{c.source, c.target, c.type, where, figures};
    r.evidence.rule = c.rule;
    r.evidence.confidence = c.confidence;
    out.push_back(std::move(r));
  }
  add_lexicon_relations(doc, mentions, facts_for, scope, main, rules.source_cues, furniture, out);
  auto drop_disabled = [&] {
    if (!options.disabled_rules.empty())
      std::erase_if(out, [&](const Relation& r) { return !enabled(r.evidence.rule); });
  };
  drop_disabled();
  add_operator_channels(main, out);
  drop_disabled();
  return out;
}

}  // namespace softgraph
