#include "softgraph/entities/entity_recognizer.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

double confidence_of(EntityRecognizer::FormKind k) {
  switch (k) {
    case EntityRecognizer::FormKind::kDemonym:
      return 0.8;
    case EntityRecognizer::FormKind::kCity:
      return 0.7;
    case EntityRecognizer::FormKind::kTrigger:
      return 0.9;
    default:
      return 1.0;
  }
}

// Symbols: a mention copies a pointer. At namespace scope: a function's statics cost a guard
// check per call.
const Symbol kSourceLabel = "lexicon:label", kSourceAlias = "lexicon:alias",
             kSourceAcronym = "lexicon:acronym", kSourceDemonym = "lexicon:demonym",
             kSourceName = "lexicon:name", kSourceTrigger = "lexicon:trigger",
             kSourceCity = "lexicon:city", kSourceOther = "lexicon";

Symbol source_of(EntityRecognizer::FormKind k) {
  switch (k) {
    case EntityRecognizer::FormKind::kLabel:
      return kSourceLabel;
    case EntityRecognizer::FormKind::kAlias:
      return kSourceAlias;
    case EntityRecognizer::FormKind::kAcronym:
      return kSourceAcronym;
    case EntityRecognizer::FormKind::kDemonym:
      return kSourceDemonym;
    case EntityRecognizer::FormKind::kName:
      return kSourceName;
    case EntityRecognizer::FormKind::kTrigger:
      return kSourceTrigger;
    case EntityRecognizer::FormKind::kCity:
      return kSourceCity;
  }
  return kSourceOther;
}

bool in_any(const std::vector<ByteRange>& ranges, std::uint64_t pos) {
  for (const auto& r : ranges)
    if (r.begin <= pos && pos < r.end) return true;
  return false;
}

inline void insert_sorted(std::vector<std::string>& list, std::string_view form) {
  auto it = std::lower_bound(list.begin(), list.end(), form,
                             [](const std::string& a, std::string_view b) { return a < b; });
  if (it == list.end() || *it != form) list.emplace(it, form);
}

// Whether `after` (the text after a name) opens with a suffix that makes the name a kind's:
// "-like", "-style", "-esque", "-type".
bool kind_suffix(std::string_view after) {
  if (after.empty() || after[0] != '-') return false;
  for (std::string_view suffix : {"-like", "-style", "-esque", "-type"}) {
    if (!after.starts_with(suffix)) continue;
    const std::size_t n = suffix.size();
    if (n == after.size() || !std::isalpha(static_cast<unsigned char>(after[n]))) return true;
  }
  return false;
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A surface form as an alias: a name broken across lines ("Cabo\nVerde") is the name with one
// space ("Cabo Verde"). Returns `surface` itself, or `scratch` holding the respaced form.
std::string_view alias_form(std::string_view surface, std::string& scratch) {
  bool plain = true;
  for (std::size_t i = 0; i < surface.size() && plain; ++i)
    if (static_cast<unsigned char>(surface[i]) <= ' ')
      plain = surface[i] == ' ' && (i + 1 == surface.size() || surface[i + 1] != ' ');
  if (plain) return surface;
  scratch.clear();
  bool space = false;
  for (const char c : surface) {
    if (is_ascii_space(c)) {
      space = !scratch.empty();
      continue;
    }
    if (space) scratch.push_back(' ');
    space = false;
    scratch.push_back(c);
  }
  return scratch;
}

}  // namespace

Entity entity_from_entry(const LexiconEntry& e) {
  Entity out;
  out.id = e.id;
  out.type = e.type;
  out.label = e.label;
  out.aliases = e.aliases;
  out.aliases.insert(out.aliases.end(), e.acronyms.begin(), e.acronyms.end());
  out.attributes = e.attributes;
  if (!e.kind.empty()) out.attributes["kind"] = e.kind;
  if (!e.wikidata.empty()) out.attributes["wikidata"] = e.wikidata;
  if (!e.region.empty()) out.attributes["region"] = e.region;
  if (!e.owner.empty()) out.attributes["owner"] = e.owner;
  if (!e.channels.empty()) {
    std::vector<std::string> channels;  // codebook ids, with or without the "instrument/" prefix
    for (const auto& c : e.channels)
      channels.push_back(c.rfind("instrument/", 0) == 0 ? c.substr(11) : c);
    out.attributes["channels"] = channels;
  }
  if (!e.members.empty()) out.attributes["members"] = e.members;
  if (!e.spectrum.empty()) out.attributes["spectrum"] = e.spectrum;
  if (e.type == "Instrument") {
    auto slash = e.id.find('/');
    out.attributes["channel"] = e.id.substr(slash + 1);
  }
  // Aliases as a document lists them: sorted, each once.
  std::sort(out.aliases.begin(), out.aliases.end());
  out.aliases.erase(std::unique(out.aliases.begin(), out.aliases.end()), out.aliases.end());
  return out;
}

void add_alias(Entity& e, std::string_view form) { insert_sorted(e.aliases, form); }

EntityRecognizer::EntityRecognizer(const Lexicon& lexicon) : lexicon_(&lexicon) {
  const auto& entries = lexicon.entries();
  // Folded surface form -> entry index, to report a form two entries claim (only looked up:
  // hashed, not ordered).
  std::unordered_map<std::string, std::uint32_t> owner_of_form;
  owner_of_form.reserve(8192);
  auto add = [&](const std::string& form, std::uint32_t entry, FormKind kind) {
    bool cs = kind == FormKind::kAcronym || kind == FormKind::kCity;  // "Sofia", "Lima": names
    std::string key = (cs ? "=" + form : fold_case(form));
    auto [it, fresh] = owner_of_form.emplace(key, entry);
    if (!fresh && it->second != entry) {
      // The same words for two entities: the matcher could not tell which is meant.
      throw input_error(entries[entry].source, "entry '" + entries[entry].id + "'",
                        "surface form '" + form + "' is also claimed by '" +
                            entries[it->second].id + "' (" + entries[it->second].source +
                            "): conflicting aliases");
    }
    patterns_.push_back({entry, kind});
    matcher_.add(form, static_cast<std::uint32_t>(patterns_.size() - 1), cs);
  };
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    const LexiconEntry& e = entries[i];
    add(e.label, i, FormKind::kLabel);
    for (const auto& a : e.aliases) add(a, i, FormKind::kAlias);
    for (const auto& a : e.acronyms) add(a, i, FormKind::kAcronym);
    for (const auto& a : e.demonyms) add(a, i, FormKind::kDemonym);
    for (const auto& [lang, forms] : e.names)
      for (const auto& a : forms) add(a, i, FormKind::kName);
    for (const auto& a : e.triggers) {
      add(a, i, FormKind::kTrigger);
      // A channel phrase used as a modifier is hyphenated: "rule-of-law programmes",
      // "a water-supply system". (Unless the lexicon lists that form itself.)
      if (a.find(' ') != std::string::npos && a.find('-') == std::string::npos) {
        std::string hyphenated = a;
        std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
        if (!owner_of_form.contains(fold_case(hyphenated))) add(hyphenated, i, FormKind::kTrigger);
      }
    }
    for (const auto& a : e.cities) add(a, i, FormKind::kCity);
  }
  prototypes_.reserve(entries.size());
  for (const LexiconEntry& e : entries) prototypes_.push_back(entity_from_entry(e));
  by_id_.resize(entries.size());
  for (std::uint32_t i = 0; i < entries.size(); ++i) by_id_[i] = i;
  std::sort(by_id_.begin(), by_id_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return entries[a].id < entries[b].id; });
}

std::vector<const Entity*> EntityRecognizer::prototypes_by_id() const {
  std::vector<const Entity*> out;
  out.reserve(by_id_.size());
  for (const std::uint32_t entry : by_id_) out.push_back(&prototypes_[entry]);
  return out;
}

std::span<const Token> SentenceTokens::add(const Document& doc, std::size_t s) {
  if (tokens_.empty()) tokens_.reserve(doc.text.size() / 5);  // about one token per 5 bytes
  if (spans_.size() < doc.sentences.size()) spans_.resize(doc.sentences.size(), {kNone, kNone});
  const ByteRange r = doc.sentences[s].range;
  const auto begin = static_cast<std::uint32_t>(tokens_.size());
  tokenize(doc.text, static_cast<std::uint32_t>(r.begin), static_cast<std::uint32_t>(r.end),
           tokens_);
  spans_[s] = {begin, static_cast<std::uint32_t>(tokens_.size())};
  return of(s);
}

EntityExtraction EntityRecognizer::run(const Document& doc,
                                       const std::vector<ByteRange>& skip) const {
  EntityExtraction out;
  const auto& entries = lexicon_->entries();
  // The matches of every sentence first, as (sentence, byte range, pattern): the mentions are then
  // built in place in a vector of the right size (a Mention is large; growing moves them all).
  struct Hit {
    std::uint32_t sentence, begin, end, pattern;
  };
  std::vector<Hit> hits;
  std::vector<PhraseMatch> matches;
  // Sentence by sentence, so a phrase never spans two sentences.
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const ByteRange r = doc.sentences[s].range;
    if (in_any(skip, r.begin)) continue;
    std::span<const Token> tokens = out.tokens.add(doc, s);
    matcher_.match(doc.text, tokens, matches);
    for (const PhraseMatch& m : matches) {
      const std::uint32_t end = tokens[m.last_token].end;
      // A name that prefixes a currency sign is the currency: "US$100,000", "NZ$5 million".
      if (end < doc.text.size() && doc.text[end] == '$') continue;
      // A name before "-like", "-style" names a kind, not the entity: "ODA-like financing",
      // "Soviet-style repression".
      if (kind_suffix(std::string_view(doc.text).substr(end))) continue;
      // A name alone in brackets is a reference's key: "[IRI] Duerst, M., ...".
      const std::uint32_t begin = tokens[m.first_token].begin;
      if (m.first_token == m.last_token && begin > 0 && doc.text[begin - 1] == '[' &&
          end < doc.text.size() && doc.text[end] == ']')
        continue;
      hits.push_back({static_cast<std::uint32_t>(s), tokens[m.first_token].begin, end, m.payload});
    }
  }
  // The entries found, with the distinct surface forms they were found by: views into the text,
  // in one list chained per entry (an entity is copied, and its forms merged in, once at the end).
  struct Surface {
    std::string_view text;
    std::int32_t next;  // the entry's previous surface, or -1
  };
  std::vector<Surface> surfaces;
  constexpr std::int32_t kNotFound = -2, kNoSurface = -1;
  std::vector<std::int32_t> last_surface(entries.size(), kNotFound);
  std::size_t found = 0;
  out.mentions.reserve(hits.size());
  for (const Hit& h : hits) {
    const Pattern& p = patterns_[h.pattern];
    const std::string_view surface = std::string_view(doc.text).substr(h.begin, h.end - h.begin);
    // Built in place: a temporary's four strings would be moved in and destroyed.
    Mention& m = out.mentions.emplace_back();
    m.range = ByteRange{h.begin, h.end};
    m.entity = prototypes_[p.entry].id;  // a Symbol: no copy of the text
    m.surface = surface;
    m.source = source_of(p.kind);
    m.confidence = confidence_of(p.kind);
    m.sentence = static_cast<int>(h.sentence);
    std::int32_t& last = last_surface[p.entry];
    if (last == kNotFound) {
      last = kNoSurface;
      ++found;
    }
    if (p.kind == FormKind::kTrigger || p.kind == FormKind::kDemonym || p.kind == FormKind::kCity)
      continue;
    bool seen = false;
    for (std::int32_t k = last; k >= 0 && !seen; k = surfaces[static_cast<std::size_t>(k)].next)
      seen = surfaces[static_cast<std::size_t>(k)].text == surface;
    if (seen) continue;
    surfaces.push_back({surface, last});
    last = static_cast<std::int32_t>(surfaces.size() - 1);
  }
  // By id (unique in a lexicon), as by_id_ lists the entries. A prototype's aliases are sorted and
  // unique already: the forms seen are merged into them.
  out.entities.reserve(found);
  std::string spaced;
  for (const std::uint32_t entry : by_id_) {
    const std::int32_t last = last_surface[entry];
    if (last == kNotFound) continue;
    Entity& entity = out.entities.emplace_back(prototypes_[entry]);
    for (std::int32_t k = last; k >= 0; k = surfaces[static_cast<std::size_t>(k)].next)
      insert_sorted(entity.aliases, alias_form(surfaces[static_cast<std::size_t>(k)].text, spaced));
  }
  return out;
}

}  // namespace softgraph
