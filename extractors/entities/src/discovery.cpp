// discover_entities in four phases over one document: find candidate names (discovery_candidates),
// resolve each to a known entity or a new institution, re-scan the text for every resolved form,
// and drop the places named inside documents and events. The word lists are data
// (schemas/discovery.json, read by discovery_rules).
#include "softgraph/entities/discovery.hpp"

#include <algorithm>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "discovery_candidates.hpp"
#include "discovery_context.hpp"
#include "discovery_rules.hpp"
#include "person_proxies.hpp"
#include "softgraph/core/erase_flagged.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/ingest/slug.hpp"

namespace softgraph {
namespace {

// Whether a long name starts with the first word of the entry's label or of one of its aliases
// (case-insensitively): the test that a definition names the entry its acronym names.
bool same_first_word(std::string_view name, const LexiconEntry& e) {
  auto first = [](std::string_view s) { return ascii_lower(s.substr(0, s.find(' '))); };
  const std::string want = first(name);
  if (first(e.label) == want) return true;
  for (const std::string& a : e.aliases)
    if (first(a) == want) return true;
  return false;
}

// Whether `name` is of a body that belongs to its members (a word of `private_heads`: "American
// Bar Association", "Rwandan League for ..."): a country in it makes no owner.
bool body_of_members(std::string_view name) {
  for (std::size_t begin = 0; begin < name.size();) {
    const std::size_t end = std::min(name.find(' ', begin), name.size());
    if (discovery::rules().private_heads.contains(fold_case(name.substr(begin, end - begin))))
      return true;
    begin = end + 1;
  }
  return false;
}

using discovery::Candidate;
using discovery::KnownIds;
using discovery::MentionsBySentence;
using discovery::TokensOfSentence;

// What the candidates resolve to: new institutions by id, and every surface form (names and
// acronyms) with the id it names, for the re-scan.
struct Resolution {
  std::map<std::string, Entity> fresh;
  std::map<std::string, std::string, std::less<>> form_to_id;
};

// Resolves candidates: a known lexicon entity covering the span gains the acronym; otherwise a
// new Institution.
class Resolver {
 public:
  Resolver(const EntityRecognizer& recognizer, const KnownIds& known,
           const MentionsBySentence& mentions)
      : recognizer_(recognizer), known_(known), mentions_(mentions) {}

  // Definitions with an acronym first: they tie a long name to a known entity. Visited in that
  // order (as a stable sort would put them) without moving the candidates.
  Resolution resolve(const std::vector<Candidate>& candidates) {
    std::vector<std::uint32_t> order;
    order.reserve(candidates.size());
    for (int with_acronym = 1; with_acronym >= 0; --with_acronym)
      for (std::uint32_t k = 0; k < candidates.size(); ++k)
        if (candidates[k].acronym.empty() != (with_acronym == 1)) order.push_back(k);
    for (const std::uint32_t k : order) resolve_one(candidates[k]);
    return std::move(out_);
  }

 private:
  void resolve_one(const Candidate& c);
  bool settled_by_lexicon(const Candidate& c, const Entity* cover_entity);
  void add_institution(const Candidate& c);
  std::vector<std::string> owners_inside() const;

  const EntityRecognizer& recognizer_;
  const KnownIds& known_;
  const MentionsBySentence& mentions_;
  std::vector<const Mention*> inside_;  // the current candidate's mentions (reused)
  Resolution out_;
};

void Resolver::resolve_one(const Candidate& c) {
  if (c.acronym.empty() && out_.form_to_id.count(c.name)) return;
  const std::size_t space = c.name.find_last_of(' ');
  if (discovery::ends_not_organisation(
          std::string_view(c.name).substr(space == std::string::npos ? 0 : space + 1)))
    return;
  const Mention* covering = nullptr;
  inside_.clear();
  for (const Mention* m : mentions_.of(c.sentence)) {
    if (m->range.contains(c.range))
      covering = m;
    else if (c.range.contains(m->range))
      inside_.push_back(m);
  }
  if (settled_by_lexicon(c, covering ? known_.get(covering->entity) : nullptr)) return;
  // A new institution needs an organisation head noun ("Republika Srpska (RS)" is a place,
  // "Memorandum of Understanding (MOU)" a document).
  if (!c.head) return;
  add_institution(c);
}

// Whether the lexicon settles `c`: as the long form or the acronym of an entity it knows (the
// form is recorded), or as no new name at all. `cover_entity`: the entity of a lexicon mention
// covering the candidate, or null.
bool Resolver::settled_by_lexicon(const Candidate& c, const Entity* cover_entity) {
  // A state or region's name is not an organisation's long form ("... Georgia (EUMM)").
  if (cover_entity &&
      (cover_entity->type == "Actor" || cover_entity->type == "TargetCountry" ||
       cover_entity->type == "Region") &&
      !c.acronym.empty())
    return true;
  if (cover_entity && cover_entity->type != "Instrument") {
    if (!c.acronym.empty()) out_.form_to_id[std::string(c.acronym)] = cover_entity->id;
    return true;
  }
  // A span holding an institution the lexicon knows is a coordination ("the Soros Foundation
  // and IREX"), not a new name, unless the known one is most of it (handled below).
  bool holds_known_institution = false;
  for (const Mention* m : inside_) {
    const Entity* k = known_.get(m->entity);
    if (k && k->type == "Institution" && m->range.size() * 10 < c.range.size() * 7)
      holds_known_institution = true;
  }
  bool coordination =
      c.name.find(" and ") != std::string::npos || c.name.find(", ") != std::string::npos;
  if (holds_known_institution && coordination && c.acronym.empty()) return true;
  // A full name the lexicon knows exactly, just not as this span: resolve through its parts.
  const Entity* inner_inst = nullptr;
  for (const Mention* m : inside_) {
    const Entity* k = known_.get(m->entity);
    if (k && k->type == "Institution" && m->range.size() * 10 >= c.range.size() * 7) inner_inst = k;
  }
  if (inner_inst) {
    if (!c.acronym.empty()) out_.form_to_id[std::string(c.acronym)] = inner_inst->id;
    return true;
  }
  // Is the acronym itself known? Then the long name is an alias of it.
  if (!c.acronym.empty()) {
    auto payloads = recognizer_.matcher().payloads_of(c.acronym);
    if (!payloads.empty()) {
      const LexiconEntry& e =
          recognizer_.lexicon().entries()[recognizer_.patterns()[payloads.front()].entry];
      // (Unless the long name is another body's with the same letters: "Caribbean Development
      // Bank (CDB)" is no China Development Bank. Then the text's own definition stands.)
      if ((e.type == "Institution" || e.type == "Actor" || e.type == "TargetCountry") &&
          same_first_word(c.name, e)) {
        out_.form_to_id[std::string(c.name)] = e.id;
        return true;
      }
    }
  }
  return false;
}

// The new Institution `c` names (made on its first name, later names and acronyms join it).
void Resolver::add_institution(const Candidate& c) {
  std::string name(c.name);
  std::string slug = discovery::singular_head(slug_any_script(name));
  if (slug.empty()) return;
  std::string id = "institution/" + slug;
  Entity& e = out_.fresh[id];
  if (e.id.empty()) {
    e.id = id;
    e.type = "Institution";
    e.label = name;
    e.attributes["kind"] = std::string("institution");
    e.attributes["discovered"] = true;
    // (Not a body of its members: "American Bar Association", "Rwandan League for ...".)
    const bool members_own = body_of_members(name);
    if (std::vector<std::string> owners = owners_inside(); !owners.empty() && !members_own) {
      e.attributes["owner"] = owners;
      e.attributes["attribution"] = std::string("name");
      e.attributes["attribution_confidence"] = 0.9;
    }
    std::string head = fold_case(
        name.substr(name.find_last_of(' ') == std::string::npos ? 0 : name.find_last_of(' ') + 1));
    const auto& kinds = discovery::rules().kinds;
    if (const auto kind = kinds.find(head); kind != kinds.end())
      e.attributes["kind"] = kind->second;
    // (A body of its members is run by no state: an organisation.)
    if (members_own) e.attributes["kind"] = std::string("organization");
  }
  e.aliases.push_back(name);
  out_.form_to_id[name] = id;
  if (!c.acronym.empty()) {
    e.aliases.emplace_back(c.acronym);
    out_.form_to_id[std::string(c.acronym)] = id;
  }
}

// Attribution by a country or demonym inside the name ("Turkish ... Agency" -> Turkey;
// "Kazakh-American University" -> both), each once, in text order.
std::vector<std::string> Resolver::owners_inside() const {
  std::vector<std::string> owners;
  for (const Mention* m : inside_) {
    const Entity* k = known_.get(m->entity);
    if (!k) continue;
    const Symbol t = k->type;
    if ((t == "Actor" || t == "TargetCountry") &&
        std::find(owners.begin(), owners.end(), m->entity) == owners.end())
      owners.push_back(m->entity);
  }
  return owners;
}

// Every occurrence of a resolved form in the sentences outside `skip`, so later uses of an
// acronym count too. Lexicon mentions inside a discovered name give way to the longer name.
std::vector<Mention> rescan(const Document& doc, TokensOfSentence& tokens_of,
                            const MentionsBySentence& mentions, const Resolution& resolved,
                            const std::vector<ByteRange>& skip) {
  std::vector<Mention> out;
  PhraseMatcher extra;
  std::vector<std::string> forms;
  for (const auto& [form, id] : resolved.form_to_id) {
    forms.push_back(form);
    extra.add(form, static_cast<std::uint32_t>(forms.size() - 1), discovery::acronym_like(form));
  }
  if (forms.empty()) return out;
  std::vector<PhraseMatch> matches;  // reused from sentence to sentence
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    if (discovery::skipped(doc.sentences[si], skip)) continue;
    std::span<const Token> tokens = tokens_of(si);
    extra.match(doc.text, tokens, matches);
    for (const PhraseMatch& pm : matches) {
      ByteRange r{tokens[pm.first_token].begin, tokens[pm.last_token].end};
      const std::string& id = resolved.form_to_id.find(forms[pm.payload])->second;
      bool covered = false;
      for (const Mention* m : mentions.of(static_cast<int>(si)))
        if (m->range.contains(r) && !(m->range == r && m->entity != id)) covered = true;
      if (covered) continue;
      const bool fresh = resolved.fresh.count(id) > 0;
      Mention m;
      m.range = r;
      m.entity = id;
      m.surface = std::string(doc.slice(r));
      m.source = fresh ? "pattern:organisation" : "pattern:acronym";
      m.confidence = fresh ? 0.7 : 0.9;
      m.sentence = static_cast<int>(si);
      out.push_back(std::move(m));
    }
  }
  return out;
}

// The entities of the resolution into `out`: the new institutions (aliases sorted, each once),
// known entities' new forms as aliases in `found`, and lexicon entities referenced only through
// a discovered acronym, which must exist as entities.
void add_resolved_entities(Resolution& resolved, const EntityRecognizer& recognizer,
                           KnownIds& known, EntityExtraction& found, Discovery& out) {
  for (auto& [id, e] : resolved.fresh) {
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    out.entities.push_back(std::move(e));
  }
  for (auto& e : found.entities)
    for (const auto& [form, id] : resolved.form_to_id)
      if (id == e.id && !resolved.fresh.count(id)) add_alias(e, form);
  for (const auto& [form, id] : resolved.form_to_id) {
    if (resolved.fresh.count(id) || known.contains(id)) continue;
    if (const LexiconEntry* le = recognizer.lexicon().find(id)) {
      Entity e = entity_from_entry(*le);
      add_alias(e, form);
      out.entities.push_back(e);
      known.emplace(id, nullptr);
    }
  }
}

// A place in the name of a document or an event is where it was signed or held, not a party to
// it: "the Cotonou Agreement" names no state that acts, nor does "the Nauru Agreement", nor "the
// Asia-Europe Meeting" a region. The city or region in such a name, and a state that is the only
// one in it, lose their mentions ("the Japan-Korea Treaty" keeps both states).
void drop_places_in_documents(const std::vector<std::pair<ByteRange, int>>& documents,
                              const MentionsBySentence& mentions, const KnownIds& known,
                              std::vector<Mention>& found_mentions) {
  if (documents.empty()) return;
  std::vector<char> drop(found_mentions.size(), 0);
  bool any = false;
  std::vector<std::size_t> states;
  for (const auto& [range, sentence] : documents) {
    states.clear();
    for (const Mention* m : mentions.of(sentence)) {
      if (!range.contains(m->range)) continue;
      const Entity* e = known.get(m->entity);
      if (!e) continue;
      const auto k = static_cast<std::size_t>(m - found_mentions.data());
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
  if (any) erase_flagged(found_mentions, drop);
}

}  // namespace

Discovery discover_entities(const Document& doc, const EntityRecognizer& recognizer,
                            EntityExtraction& found, const std::vector<ByteRange>& skip) {
  Discovery out;
  // Ids -> entities, as views: the ids live in `found` (and in the resolution) meanwhile.
  KnownIds known(found.entities.size());
  for (const auto& e : found.entities) known.emplace(e.id, &e);
  // (none beyond doc.sentences: the recognizer reads sentences)
  const MentionsBySentence mentions(found.mentions, doc.sentences.size());
  TokensOfSentence tokens_of(doc, found.tokens);
  const discovery::Found candidates =
      discovery::find_candidates(doc, recognizer, known, mentions, tokens_of, skip);
  Resolution resolved = Resolver(recognizer, known, mentions).resolve(candidates.candidates);
  out.mentions = rescan(doc, tokens_of, mentions, resolved, skip);
  for (Mention& m : discovery::person_mentions(doc, tokens_of, mentions, known, skip))
    out.mentions.push_back(std::move(m));
  // (Lexicon mentions inside a discovered name are dropped by the pipeline: the longer name wins.)
  add_resolved_entities(resolved, recognizer, known, found, out);
  drop_places_in_documents(candidates.documents, mentions, known, found.mentions);
  return out;
}

}  // namespace softgraph
