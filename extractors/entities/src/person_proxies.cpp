#include "person_proxies.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "discovery_rules.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/entities/phrase_matcher.hpp"

namespace softgraph::discovery {
namespace {

constexpr int kMaxNameWords = 3;

std::string_view text_of(const Document& doc, const Token& t) {
  return std::string_view(doc.text).substr(t.begin, t.end - t.begin);
}

bool title_word(const Document& doc, const Token& t) {
  return t.word && rules().person_titles.count(fold_case(text_of(doc, t))) > 0;
}

// A word of a person's name: capitalised, not a title, not all capitals (an acronym).
bool name_word(const Document& doc, const Token& t) {
  return t.word && t.upper_initial && !t.all_upper && !title_word(doc, t);
}

// Whether a mention of the sentence covers token t.
bool in_mention(std::span<const Mention* const> ms, const Token& t) {
  for (const Mention* m : ms)
    if (m->range.begin <= t.begin && t.end <= m->range.end) return true;
  return false;
}

struct PersonTies {
  std::map<std::string, std::string, std::less<>> state_of;  // name form -> state id ("" if two)
  void tie(std::string form, const std::string& state) {
    auto [it, added] = state_of.emplace(std::move(form), state);
    if (!added && it->second != state) it->second.clear();
  }
};

// The person names around one state mention [a, b] (token indices) of a sentence.
void names_at(const Document& doc, std::span<const Token> t, std::size_t a, std::size_t b,
              std::span<const Mention* const> ms, const std::string& state, PersonTies& found) {
  const std::size_t n = t.size();
  auto tie_name = [&](std::size_t first, std::size_t last) {  // inclusive token indices
    if (last < first || last - first + 1 > kMaxNameWords) return;
    for (std::size_t k = first; k <= last; ++k)
      if (!name_word(doc, t[k]) || in_mention(ms, t[k])) return;
    found.tie(std::string(text_of(doc, t[last])), state);
    if (last > first)
      found.tie(std::string(std::string_view(doc.text).substr(t[first].begin,
                                                              t[last].end - t[first].begin)),
                state);
  };
  // "Venezuelan president Hugo Chávez": the state, title words, the name.
  std::size_t k = b + 1;
  while (k < n && title_word(doc, t[k])) ++k;
  if (k > b + 1) {
    std::size_t e = k;
    while (e < n && e < k + kMaxNameWords && name_word(doc, t[e]) && !in_mention(ms, t[e])) ++e;
    if (e > k) tie_name(k, e - 1);
  }
  // "Presidents Hugo Chávez of Venezuela": title words, the name, "of", the state.
  if (a >= 3 && fold_case(text_of(doc, t[a - 1])) == "of") {
    std::size_t f = a - 1;
    while (f > 0 && a - 1 - f < kMaxNameWords && name_word(doc, t[f - 1])) --f;
    if (f < a - 1 && f > 0 && title_word(doc, t[f - 1])) tie_name(f, a - 2);
  }
  // "Fidel Castro, the Cuban leader": the name, a comma, "the", the state, a title word.
  if (b + 1 < n && title_word(doc, t[b + 1]) && a >= 2) {
    std::size_t c = a;
    if (fold_case(text_of(doc, t[c - 1])) == "the") --c;
    if (c >= 2 && text_of(doc, t[c - 1]) == ",") {
      std::size_t f = c - 1;
      while (f > 0 && c - 1 - f < kMaxNameWords && name_word(doc, t[f - 1])) --f;
      if (f < c - 1) tie_name(f, c - 2);
    }
  }
}

}  // namespace

std::vector<Mention> person_mentions(const Document& doc, TokensOfSentence& tokens_of,
                                     const MentionsBySentence& mentions, const KnownIds& known,
                                     const std::vector<ByteRange>& skip) {
  std::vector<Mention> out;
  PersonTies found;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    if (skipped(doc.sentences[si], skip)) continue;
    const auto ms = mentions.of(static_cast<int>(si));
    if (ms.empty()) continue;
    std::span<const Token> t = tokens_of(si);
    for (const Mention* m : ms) {
      const Entity* e = known.get(m->entity);
      if (!e || !(e->type == "Actor" || e->type == "TargetCountry")) continue;
      std::size_t a = t.size(), b = t.size();
      for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k].begin >= m->range.begin && a == t.size()) a = k;
        if (t[k].end <= m->range.end) b = k;
      }
      if (a == t.size() || b == t.size() || b < a) continue;
      names_at(doc, t, a, b, ms, m->entity, found);
    }
  }
  PhraseMatcher matcher;
  std::vector<const std::pair<const std::string, std::string>*> forms;
  for (const auto& entry : found.state_of) {
    if (entry.second.empty()) continue;  // tied to two states
    forms.push_back(&entry);
    matcher.add(entry.first, static_cast<std::uint32_t>(forms.size() - 1), true);
  }
  if (forms.empty()) return out;
  std::vector<PhraseMatch> matches;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    if (skipped(doc.sentences[si], skip)) continue;
    std::span<const Token> t = tokens_of(si);
    matcher.match(doc.text, t, matches);
    const auto ms = mentions.of(static_cast<int>(si));
    for (const PhraseMatch& pm : matches) {
      const ByteRange r{t[pm.first_token].begin, t[pm.last_token].end};
      bool covered = false;
      for (const Mention* m : ms) covered |= m->range.begin < r.end && r.begin < m->range.end;
      if (covered) continue;
      Mention m;
      m.range = r;
      m.entity = forms[pm.payload]->second;
      m.surface = std::string(doc.slice(r));
      m.source = "pattern:person";
      m.confidence = 0.6;
      m.sentence = static_cast<int>(si);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace softgraph::discovery
