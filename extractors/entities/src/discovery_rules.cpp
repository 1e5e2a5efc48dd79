#include "discovery_rules.hpp"

#include <utility>
#include <vector>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph::discovery {
namespace {

Rules load_rules() {
  const std::string file = "schemas/discovery.json";
  rapidjson::Document doc = parse_json(embedded_file(file), file);
  validate_json(doc, embedded_file("schemas/discovery.schema.json"), file);
  Rules out;
  // Each word list of the file and the set it fills.
  const std::pair<const char*, std::set<std::string>*> lists[] = {
      {"heads", &out.heads},
      {"trailing_heads", &out.trailing_heads},
      {"connectors", &out.connectors},
      {"acronym_connectors", &out.acronym_connectors},
      {"stop_starts", &out.stop_starts},
      {"leading_nouns", &out.leading_nouns},
      {"ordinals", &out.ordinals},
      {"generic_modifiers", &out.generic_modifiers},
      {"generic_heads", &out.generic_heads},
      {"not_organisation_starts", &out.not_organisation_starts},
      {"units_of", &out.units_of},
      {"unit_heads", &out.unit_heads},
      {"person_titles", &out.person_titles},
      {"private_heads", &out.private_heads}};
  for (const auto& [key, into] : lists)
    for (const auto& w : doc[key].GetArray()) into->insert(fold_case(w.GetString()));
  for (const auto& w : doc["not_organisations"].GetArray())
    out.not_organisations.insert(fold_case(w.GetString()));
  for (const auto& m : doc["kinds"].GetObject())
    out.kinds[fold_case(m.name.GetString())] = m.value.GetString();
  for (const std::string& w : out.not_organisations)
    if (!w.empty() && w.size() < 64 && w[0] >= 'a' && w[0] <= 'z')
      out.lengths_by_initial[w[0] - 'a'] |= std::uint64_t{1} << w.size();
  return out;
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

}  // namespace

const Rules& rules() {
  static const Rules r = load_rules();
  return r;
}

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

bool ends_not_organisation(std::string_view last) {
  if (!maybe_not_organisation(last)) return false;
  // Folded on the stack: a name's last word is short (a long one cannot be listed).
  char buf[64];
  return last.size() * 2 <= sizeof buf
             ? rules().not_organisations.count(std::string_view(buf, fold_into(buf, last) - buf)) >
                   0
             : rules().not_organisations.count(fold_case(last)) > 0;
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

}  // namespace softgraph::discovery
