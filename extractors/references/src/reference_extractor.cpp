// extract_references: reference lists -> parsed entries -> twins merged into References and
// Persons -> in-text citations resolved -> Mentions, CITES, AUTHORED and DISCUSSES relations.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "citation_context.hpp"
#include "citation_finder.hpp"
#include "citation_resolver.hpp"
#include "ref_text.hpp"
#include "reference_builder.hpp"
#include "reference_list_finder.hpp"
#include "softgraph/core/evidence.hpp"
#include "softgraph/refs/references.hpp"
#include "twin_matcher.hpp"

namespace softgraph {
namespace {

using refs::CitationContext;
using refs::CitationHit;

// Line numbers for messages: the newline offsets are found once per document (and shared with
// the reference list finder), not once per citation.
class LineIndex {
 public:
  LineIndex(std::string_view text, std::vector<std::uint64_t> newlines)
      : size_(text.size()), newlines_(std::move(newlines)) {}
  // 1 + the newlines before `pos`.
  int line_of(std::uint64_t pos) const {
    pos = std::min<std::uint64_t>(pos, size_);
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), pos) -
                                newlines_.begin());
  }
  const std::vector<std::uint64_t>& newlines() const { return newlines_; }

 private:
  std::uint64_t size_;
  std::vector<std::uint64_t> newlines_;
};

double confidence_of(std::string_view rule) {
  if (rule == "citation:parenthetical") return 1.0;
  if (rule == "citation:narrative") return 0.95;
  if (rule == "citation:numbered") return 0.9;
  if (rule == "citation:ibid") return 0.85;
  return 0.9;  // possessive
}

// The entities by id, for look-ups by binary search (no tree of copied ids per document).
class EntitiesById {
 public:
  explicit EntitiesById(const std::vector<Entity>& entities) {
    list_.reserve(entities.size());
    for (const Entity& e : entities) list_.push_back(&e);
    // They come sorted by id from the pipeline; anything else is sorted here.
    if (!std::is_sorted(list_.begin(), list_.end(), less))
      std::stable_sort(list_.begin(), list_.end(), less);
  }
  const Entity* find(std::string_view id) const {
    auto it = std::lower_bound(list_.begin(), list_.end(), id,
                               [](const Entity* e, std::string_view id) { return e->id < id; });
    return it != list_.end() && (*it)->id == id ? *it : nullptr;
  }

 private:
  static bool less(const Entity* a, const Entity* b) { return a->id < b->id; }
  std::vector<const Entity*> list_;
};

bool discussable(const std::string& id, const EntitiesById& by_id) {
  const Entity* found = by_id.find(id);
  if (!found) return id.starts_with("actor/") || id.starts_with("institution/");
  const Entity& e = *found;
  if (e.type == "Actor" || e.type == "Institution") return true;
  auto roles = e.attributes.find("roles");
  if (roles == e.attributes.end()) return false;
  const auto* list = std::get_if<std::vector<std::string>>(&roles->second);
  return list && std::find(list->begin(), list->end(), "actor") != list->end();
}

// Actors and institutions mentioned inside `where`. With mentions sorted by start (as the
// pipeline gives them) only those starting inside `where` are looked at.
std::vector<std::string> actors_in(ByteRange where, const std::vector<Mention>& mentions,
                                   bool sorted, const EntitiesById& by_id) {
  std::vector<std::string> out;
  auto first = mentions.begin();
  if (sorted)
    first =
        std::lower_bound(mentions.begin(), mentions.end(), where.begin,
                         [](const Mention& m, std::uint64_t pos) { return m.range.begin < pos; });
  for (auto it = first; it != mentions.end(); ++it) {
    const Mention& m = *it;
    if (sorted && m.range.begin > where.end) break;  // none after can be inside
    if (where.contains(m.range) && discussable(m.entity, by_id) &&
        std::find(out.begin(), out.end(), m.entity) == out.end())
      out.push_back(m.entity);
  }
  return out;
}

// Appends "Nye & Keohane (2002a)" or "[3]" to `out` (warnings are built in one string).
void append_citation_text(std::string& out, const CitationHit& h) {
  if (h.rule == "citation:ibid") {
    out += "(ibid.)";
    return;
  }
  if (h.number) {
    out += '[';
    out += std::to_string(h.number);
    out += ']';
    return;
  }
  out += h.names.empty() ? std::string_view("?") : std::string_view(h.names[0]);
  if (h.et_al) {
    out += " et al.";
  } else if (h.names.size() == 2) {
    out += " & ";
    out += h.names[1];
  }
  out += " (";
  out += h.year == 0 && !h.year_text.empty() ? h.year_text : std::to_string(h.year);
  out += h.year_suffix;
  out += ')';
}

}  // namespace

ReferenceExtraction extract_references(const Document& doc, const std::vector<Mention>& mentions,
                                       const std::vector<Entity>& entities) {
  ReferenceExtraction out;
  const LineIndex lines(doc.text, refs::newline_offsets(doc.text));
  std::vector<refs::ReferenceList> lists = refs::find_reference_lists(doc, lines.newlines());
  std::vector<refs::ParsedReference> parsed;
  std::vector<int> list_of;
  std::vector<ByteRange> entry_range;
  bool numbered = false;
  std::size_t entry_count = 0;
  for (const auto& list : lists) entry_count += list.entries.size();
  parsed.reserve(entry_count);
  list_of.reserve(entry_count);
  entry_range.reserve(entry_count);
  for (std::size_t li = 0; li < lists.size(); ++li) {
    out.reference_sections.push_back(lists[li].range);
    std::size_t with_number = 0;
    const std::size_t list_begin = parsed.size();
    for (const auto& e : lists[li].entries) {
      refs::ParsedReference r = refs::parse_reference(e.text);
      with_number += r.number > 0;
      // "———. 2011.": the authors of the entry before in the same list.
      if (r.same_authors_as_previous && parsed.size() > list_begin && r.authors.empty()) {
        r.authors = parsed.back().authors;
        r.et_al = parsed.back().et_al;
      }
      // An entry not understood is kept as a Reference with its text (never cited by
      // author-date, but by number, and listed), and named in a warning.
      if (r.authors.empty() || (r.year == 0 && r.year_text.empty()))
        out.warnings.push_back(
            doc.path + ":" + std::to_string(lines.line_of(e.range.begin)) +
            ": bibliography entry not understood (no " +
            (r.authors.empty() ? (r.year == 0 && r.year_text.empty() ? "author or year" : "author")
                               : "year") +
            "): " + e.text.substr(0, 80));
      parsed.push_back(std::move(r));
      list_of.push_back(static_cast<int>(li));
      entry_range.push_back(e.range);
    }
    numbered = numbered || with_number * 2 > lists[li].entries.size();
  }
  refs::BuiltReferences built = refs::build_references(parsed, refs::match_twins(parsed, list_of));
  for (const auto& [person, ri] : built.authored)
    for (std::size_t e : built.references[ri].entries) {
      Relation rel{person,
                   built.references[ri].entity.id,
                   "AUTHORED",
                   evidence_for(doc, entry_range[e], -1, "reference:author-list", 1.0),
                   {}};
      out.relations.push_back(std::move(rel));
    }

  CitationContext context(doc);
  std::vector<ByteRange> skip = out.reference_sections;
  for (const ByteRange& n : context.note_paragraphs()) skip.push_back(n);
  // The entity look-up and the order of the mentions serve resolved citations only: made for
  // the first one.
  std::optional<EntitiesById> by_id;
  std::optional<bool> sorted;
  auto actors_of = [&](ByteRange where) {
    if (!by_id) {
      by_id.emplace(entities);
      sorted = std::is_sorted(
          mentions.begin(), mentions.end(),
          [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
    }
    return actors_in(where, mentions, *sorted, *by_id);
  };
  std::vector<int> cited(built.references.size(), 0);

  const refs::AuthorKeys keys = refs::author_keys(parsed);
  int last_cited = -1;       // the reference of the last citation resolved, for "(ibid.)"
  std::size_t unlisted = 0;  // author-date citations in a document without reference list
  for (const CitationHit& hit : refs::find_citations(doc.text, skip, numbered)) {
    refs::Resolution res =
        hit.rule == "citation:ibid"
            ? refs::Resolution{last_cited, last_cited < 0 ? "no citation before it" : ""}
            : refs::resolve_citation(hit, parsed, built, keys);
    // "Russian and Chinese (2022)": peoples, not authors, when no work of theirs is listed.
    if (res.reference < 0 && hit.rule == "citation:narrative" && refs::names_peoples(hit.names))
      continue;
    // "path:line: <what> <citation><sep><problem>"
    auto warn = [&](std::string_view what, std::string_view sep) {
      std::string w;
      w.reserve(doc.path.size() + what.size() + res.problem.size() + 48);
      w += doc.path;
      w += ':';
      w += std::to_string(lines.line_of(hit.range.begin));
      w += what;
      append_citation_text(w, hit);
      w += sep;
      w += res.problem;
      out.warnings.push_back(std::move(w));
    };
    if (res.reference < 0) {
      // Without any reference list, "Law on Assemblies (2013)" and its like are counted, not
      // listed one by one.
      if (built.references.empty() && hit.number == 0)
        ++unlisted;
      else
        warn(": unresolved citation ", ": ");
      continue;
    }
    if (!res.problem.empty()) warn(": citation ", " ");
    last_cited = res.reference;
    const Entity& ref = built.references[static_cast<std::size_t>(res.reference)].entity;
    ++cited[static_cast<std::size_t>(res.reference)];
    int s = context.sentence_at(hit.range.begin);
    int p = context.paragraph_at(hit.range.begin);
    ByteRange sentence = s >= 0 ? context.sentence(s) : hit.range;
    double conf = confidence_of(hit.rule);
    out.mentions.push_back({hit.range, ref.id, std::string(doc.slice(hit.range)),
                            std::string(hit.rule), conf, s, 0, ""});
    Attributes attrs{{"citations", std::int64_t{1}}};
    if (p >= 0) attrs["paragraphs"] = std::vector<std::string>{std::to_string(p)};
    Evidence ev = evidence_for(doc, sentence, s, hit.rule, conf);
    out.relations.push_back({doc.id, ref.id, "CITES", ev, attrs});
    // DISCUSSES: the actors of the citing sentence, else those of the run-in section head.
    std::vector<std::string> actors = actors_of(sentence);
    std::string rule = "citation:discusses-sentence";
    if (actors.empty() && p >= 0) {
      ByteRange head = context.run_in_head_for(p);
      if (!head.empty()) actors = actors_of(head);
      rule = "citation:discusses-run-in";
    }
    for (const std::string& actor : actors) {
      Evidence dev = ev;
      dev.rule = rule;
      out.relations.push_back({ref.id, actor, "DISCUSSES", dev, {}});
    }
  }
  if (unlisted > 0)
    out.warnings.push_back(doc.path + ": " + std::to_string(unlisted) +
                           " author-date citation(s) but no reference list found");
  for (std::size_t i = 0; i < built.references.size(); ++i)
    if (cited[i] == 0)
      out.warnings.push_back(doc.path +
                             ": reference never cited: " + built.references[i].entity.id + " " +
                             built.references[i].entity.label);
  // The entities last: until here the references are looked up in `built` (moved, not copied).
  out.entities.reserve(built.references.size() + built.persons.size());
  for (auto& r : built.references) out.entities.push_back(std::move(r.entity));
  for (auto& p : built.persons) out.entities.push_back(std::move(p));
  return out;
}

}  // namespace softgraph
