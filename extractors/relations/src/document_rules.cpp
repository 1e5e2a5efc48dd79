#include "document_rules.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <set>
#include <tuple>

#include "softgraph/core/text_util.hpp"
#include "softgraph/relations/relation_extractor.hpp"

namespace softgraph {
namespace {

using Type = EntityFacts::Type;

bool contains_any(const std::string& lowered, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (lowered.find(w) != std::string::npos) return true;
  return false;
}

// Words that make a sentence naming a state and an organisation say something other than
// current membership ("observer", "withdrew", "applied").
bool membership_doubt(std::string_view sentence) {
  return contains_any(
      ascii_lower(sentence),
      {"observer", "withdr", " left ", "leave", "appl", "candidate", "suspend", "expel", " not ",
       "never", "n't", "negotiat", "former", "dialogue partner", "partner"});
}

bool membership_word(std::string_view sentence) {
  return contains_any(ascii_lower(sentence), {"member", "join", "accession", "acced", "admitted",
                                              "belong", "founding", "signator", "partie"});
}

bool organisation(const EntityFacts* f) {
  return f && (f->bloc || (f->type == Type::kInstitution && f->owners.empty() &&
                           (f->members_kind || f->multilateral)));
}

// Whether mention `m` names the source of a quote, a report or a citation: the words before it in
// its sentence end with one of `cues` ("told", "according to"), an article between them allowed;
// or a comma and a date follow it ("Voice of America, 15 September 2015", "(Washington:
// Department of Defense, 2013)"). (Lists of references and notes are page furniture, which the
// lexicon's rules do not read at all.)
bool news_source(const Document& doc, const Mention& m,
                 const std::set<std::string, std::less<>>& cues) {
  if (m.sentence < 0) return false;
  const ByteRange& s = doc.sentences[static_cast<std::size_t>(m.sentence)].range;
  if (m.range.begin < s.begin) return false;
  // (A comma, then a date or a quoted title: "Agence France-Presse, “Vietnam PM ...”".)
  const std::string_view after = std::string_view(doc.text).substr(
      m.range.end, std::min<std::uint64_t>(5, s.end > m.range.end ? s.end - m.range.end : 0));
  if (after.starts_with(", ") && after.size() >= 3 &&
      (std::isdigit(static_cast<unsigned char>(after[2])) || after[2] == '"' ||
       after.substr(2).starts_with("\u201C")))
    return true;
  std::string before =
      ascii_lower(std::string_view(doc.text).substr(s.begin, m.range.begin - s.begin));
  auto trim = [&] {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.pop_back();
  };
  trim();
  for (std::string_view article : {" the", " a"})
    if (before.ends_with(article)) {
      before.resize(before.size() - article.size());
      trim();
    }
  for (const std::string& cue : cues)
    if (before.ends_with(cue) &&
        (before.size() == cue.size() || before[before.size() - cue.size() - 1] == ' '))
      return true;
  return false;
}

using Made = std::set<std::tuple<Symbol, Symbol, Symbol>>;

void add(std::vector<Relation>& out, Made& made, const Document& doc, Symbol src, Symbol dst,
         const char* type, int sentence, Symbol rule, double confidence) {
  if (!made.insert({src, dst, Symbol(type)}).second) return;
  Relation r{src, dst, type, sentence_evidence(doc, sentence, rule, confidence), {}};
  out.push_back(std::move(r));
}

// The entity named at least 10 times and at least twice as often as any other, or null. (Ties:
// the first in the map's order wins, deterministic.)
const EntityFacts* dominant(const std::map<const EntityFacts*, int>& count) {
  int top = 0, second = 0;
  const EntityFacts* best = nullptr;
  for (const auto& [f, n] : count) {
    if (n > top) {
      second = top;
      top = n;
      best = f;
    } else if (n > second) {
      second = n;
    }
  }
  return top >= 10 && top >= 2 * second ? best : nullptr;
}

}  // namespace

DocumentScope::DocumentScope(const Document& doc, const std::vector<Mention>& mentions,
                             FactsOf facts_of, const std::set<std::string, std::less<>>& titles,
                             const std::set<std::string, std::less<>>& captions)
    : heading_state_(doc.sections.size(), nullptr), membership_(doc.sections.size(), 0) {
  // The title: the first state named in the first 300 bytes, after a title phrase.
  if (!doc.sentences.empty()) {
    const std::uint64_t end = std::min<std::uint64_t>(doc.text.size(), 300);
    std::string head(doc.text.substr(0, end));
    for (char& c : head)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const Mention& m : mentions) {
      if (m.range.begin >= end) break;
      const EntityFacts* f = facts_of(m);
      if (!f || f->type != Type::kState || f->bloc) continue;
      for (const std::string& t : titles) {
        const std::size_t at = head.find(t);
        if (at != std::string::npos && at + t.size() <= m.range.begin &&
            m.range.begin - (at + t.size()) <= 8) {
          titled_ = f;
          break;
        }
      }
      if (titled_) break;
    }
  }
  std::map<const EntityFacts*, int> count;
  for (const Mention& m : mentions) {
    const EntityFacts* f = facts_of(m);
    if (!f || f->type != Type::kState || f->bloc) continue;
    ++count[f];
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
      const ByteRange t = doc.sections[s].title_range;
      if (!t.empty() && t.contains(m.range) && !heading_state_[s]) heading_state_[s] = f;
    }
  }
  // Heading lines: a short paragraph without a final stop that names a state ("Armenia") scopes
  // the paragraphs after it, until the next heading line.
  line_state_.assign(doc.paragraphs.size(), nullptr);
  {
    std::vector<const EntityFacts*> named(doc.paragraphs.size(), nullptr);
    for (const Mention& m : mentions) {
      const EntityFacts* f = facts_of(m);
      if (!f || f->type != Type::kState || f->bloc || m.sentence < 0) continue;
      const int p = doc.sentences[static_cast<std::size_t>(m.sentence)].paragraph;
      if (p >= 0 && !named[static_cast<std::size_t>(p)]) named[static_cast<std::size_t>(p)] = f;
    }
    const EntityFacts* current = nullptr;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      std::string_view text = doc.slice(doc.paragraphs[p].range);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
      // (A caption or a note is no heading: "Note: compiled by the authors".)
      std::size_t letters = 0;
      while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters])))
        ++letters;
      const std::string first = ascii_lower(text.substr(0, letters));
      const bool heading = !text.empty() && text.size() <= 60 && text.back() != '.' &&
                           text.find('\n') == std::string_view::npos && !captions.contains(first);
      if (heading) {
        current = named[p];
        continue;
      }
      // A run-in head ("Turkey. Its engagement ...") opens the state's part of the text.
      const ByteRange head = doc.paragraphs[p].run_in_head;
      if (!head.empty()) {
        current = nullptr;
        for (const Mention& m : mentions)
          if (head.contains(m.range))
            if (const EntityFacts* f = facts_of(m); f && f->type == Type::kState) {
              current = f;
              break;
            }
      }
      line_state_[p] = current;
    }
  }
  main_ = dominant(count);
  {
    std::map<const EntityFacts*, int> regions;
    for (const Mention& m : mentions)
      if (const EntityFacts* f = facts_of(m); f && f->type == Type::kRegion) ++regions[f];
    region_ = dominant(regions);
  }
  focus_ = main_ ? main_ : region_;
  for (std::size_t s = 0; s < doc.sections.size(); ++s)
    membership_[s] =
        contains_any(ascii_lower(doc.sections[s].title), {"membership", "international organi"});
}

const EntityFacts* DocumentScope::section_country(int section, int paragraph) const {
  if (paragraph >= 0 && static_cast<std::size_t>(paragraph) < line_state_.size() &&
      line_state_[static_cast<std::size_t>(paragraph)])
    return line_state_[static_cast<std::size_t>(paragraph)];
  if (section < 0 || static_cast<std::size_t>(section) >= heading_state_.size()) return nullptr;
  return heading_state_[static_cast<std::size_t>(section)];
}

bool DocumentScope::membership_section(int section) const {
  return section >= 0 && static_cast<std::size_t>(section) < membership_.size() &&
         membership_[static_cast<std::size_t>(section)];
}

void add_lexicon_relations(const Document& doc, const std::vector<Mention>& mentions,
                           const FactsOf& facts_of, const DocumentScope& scope,
                           const EntityFacts* main,
                           const std::set<std::string, std::less<>>& source_cues,
                           const std::vector<char>& furniture, std::vector<Relation>& out) {
  Made made;
  for (const Relation& r : out) made.insert({r.source, r.target, r.type});
  // Sentences naming each entity, ascending; the first sentence naming each.
  std::map<Symbol, std::vector<int>> named_in;
  std::map<Symbol, const EntityFacts*> by_id;
  std::vector<std::pair<int, const EntityFacts*>> first;      // in text order
  std::map<Symbol, std::vector<const Mention*>> mentions_of;  // in text order
  for (const Mention& m : mentions) {
    const EntityFacts* f = facts_of(m);
    if (!f || m.sentence < 0 || furniture[static_cast<std::size_t>(m.sentence)]) continue;
    auto& v = named_in[f->id];
    mentions_of[f->id].push_back(&m);
    if (v.empty()) first.push_back({m.sentence, f});
    if (v.empty() || v.back() != m.sentence) v.push_back(m.sentence);
    by_id[f->id] = f;
  }
  auto together = [&](Symbol a, Symbol b) {
    auto x = named_in.find(a), y = named_in.find(b);
    if (x == named_in.end() || y == named_in.end()) return -1;
    for (int s : x->second)
      if (std::binary_search(y->second.begin(), y->second.end(), s)) return s;
    return -1;
  };
  // OPERATES: the lexicon knows who runs an institution the text names.
  for (const auto& [sentence, f] : first) {
    if (f->type != Type::kInstitution) continue;
    for (const std::string& owner : f->owners) {
      const int both = together(owner, f->id);
      add(out, made, doc, owner, f->id, "OPERATES", both >= 0 ? both : sentence, "lexicon:owner",
          both >= 0 ? 0.95 : 0.85);
    }
  }
  // DELIVERS: an institution the lexicon gives one channel delivers it wherever the text names it
  // other than as the source of a quote or a report ("told VOA"): a broadcaster, a university,
  // an army. (One with several channels does several things; which of them the text is about
  // only its sentences say.)
  for (const auto& [sentence, f] : first) {
    if (f->type != Type::kInstitution || f->channels.size() != 1) continue;
    int where = -1;
    for (const Mention* m : mentions_of[f->id])
      if (!news_source(doc, *m, source_cues)) {
        where = m->sentence;
        break;
      }
    if (where < 0) continue;
    add(out, made, doc, f->id, Symbol("instrument/" + f->channels.front()), "DELIVERS", where,
        "lexicon:channel", 0.6);
  }
  // MEMBER_OF: a member the lexicon lists, named in a sentence with its organisation that says
  // nothing against the membership.
  for (const auto& [sentence, org] : first) {
    if (!organisation(org)) continue;
    for (const std::string& member : org->members) {
      auto it = named_in.find(member);
      if (it == named_in.end()) continue;
      for (int s : it->second) {
        const auto& orgs = named_in[org->id];
        if (!std::binary_search(orgs.begin(), orgs.end(), s)) continue;
        const std::string_view text = doc.slice(doc.sentences[static_cast<std::size_t>(s)].range);
        // The sentence speaks of membership, and says nothing against it: a state named beside
        // an organisation it belongs to is not thereby stated a member ("visited Laos for the
        // ASEAN summit").
        if (membership_doubt(text) || !membership_word(text)) continue;
        add(out, made, doc, member, org->id, "MEMBER_OF", s, "lexicon:members", 0.7);
        break;
      }
    }
  }
  // MEMBER_OF: the organisations listed under a membership heading, for the document's state.
  if (const EntityFacts* country = main)
    for (const Mention& m : mentions) {
      const EntityFacts* f = facts_of(m);
      if (!organisation(f) || m.sentence < 0) continue;
      const Sentence& s = doc.sentences[static_cast<std::size_t>(m.sentence)];
      if (!scope.membership_section(s.section)) continue;
      // The item's own qualifier: "(observer)", "(suspended)" right after the name.
      std::string_view after = std::string_view(doc.text).substr(m.range.end);
      after = after.substr(0, std::min(after.find_first_of(",;\n"), after.size()));
      if (membership_doubt(after)) continue;
      add(out, made, doc, country->id, f->id, "MEMBER_OF", m.sentence, "scope:membership-section",
          0.6);
    }
}

}  // namespace softgraph
