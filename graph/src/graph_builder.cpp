#include "softgraph/graph/graph_builder.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

namespace softgraph {
namespace {

bool state_like(const std::string& type) { return type == "Actor" || type == "TargetCountry"; }

bool evidence_before(const Evidence& a, const Evidence& b) {
  return std::tie(a.document, a.page, a.range.begin, a.range.end, a.rule) <
         std::tie(b.document, b.page, b.range.begin, b.range.end, b.rule);
}

}  // namespace

GraphBuilder::GraphBuilder(const Ontology& ontology, GraphBuilderOptions options)
    : ontology_(&ontology), options_(options) {}

void GraphBuilder::add_pending(const EdgeKey& key, std::vector<Evidence> evidence, double weight,
                               const Attributes& attributes) {
  PendingEdge& p = edges_[key];
  auto doc = static_cast<std::uint32_t>(documents_.size() - 1);
  if (p.documents.empty() || p.documents.back() != doc) p.documents.push_back(doc);
  p.weight += weight;
  p.evidence_total += evidence.size();
  merge_attributes(p.attributes, attributes);
  p.evidence.insert(p.evidence.end(), std::make_move_iterator(evidence.begin()),
                    std::make_move_iterator(evidence.end()));
  // Keep at most twice the cap between trims: the kept set is the first `max_evidence` in
  // evidence order whatever order documents arrive in.
  const std::size_t cap = options_.max_evidence;
  if (cap > 0 && p.evidence.size() > 2 * cap) {
    std::partial_sort(p.evidence.begin(), p.evidence.begin() + static_cast<std::ptrdiff_t>(cap),
                      p.evidence.end(), evidence_before);
    p.evidence.resize(cap);
  }
}

void GraphBuilder::add(DocumentExtraction x) {
  // Two inputs with the same file name ("a/report.txt", "b/report.txt") get distinct ids.
  std::string id = x.document_id;
  for (int n = 2; document_ids_.count(id); ++n) id = x.document_id + "_" + std::to_string(n);
  if (id != x.document_id) {
    for (auto& r : x.relations) {
      if (r.source == x.document_id) r.source = id;
      if (r.evidence.document == x.document_id) r.evidence.document = id;
    }
    x.document_id = id;
  }
  document_ids_.insert(id);
  documents_.push_back({x.document_id, x.path, x.sha256, x.format});

  for (auto& r : x.relations) {
    // (Running an institution makes a state an operator, not an actor of influence: a state's
    // own ministry or broadcaster says nothing of what it does abroad.)
    if (r.type == "USES_INSTRUMENT" || r.type == "TARGETS") roles_[r.source].insert("actor");
    if (r.type == "OPERATES") roles_[r.source].insert("operator");
    if (r.type == "TARGETS") roles_[r.target].insert("target");
    if (r.type == "MEMBER_OF") roles_[r.source].insert("member");
  }
  for (auto& e : x.entities) {
    auto it = entities_.find(e.id);
    if (it == entities_.end()) {
      entities_.emplace(e.id, std::move(e));
      continue;
    }
    Entity& m = it->second;
    // Kept sorted, each once: the same entity in every document must not grow the list with the
    // corpus (the graph node sorts and de-duplicates them again).
    const auto old_size = static_cast<std::ptrdiff_t>(m.aliases.size());
    m.aliases.insert(m.aliases.end(), std::make_move_iterator(e.aliases.begin()),
                     std::make_move_iterator(e.aliases.end()));
    if (!std::is_sorted(m.aliases.begin() + old_size, m.aliases.end()))
      std::sort(m.aliases.begin() + old_size, m.aliases.end());
    if (!std::is_sorted(m.aliases.begin(), m.aliases.begin() + old_size))
      std::sort(m.aliases.begin(), m.aliases.begin() + old_size);
    std::inplace_merge(m.aliases.begin(), m.aliases.begin() + old_size, m.aliases.end());
    m.aliases.erase(std::unique(m.aliases.begin(), m.aliases.end()), m.aliases.end());
    for (auto& [k, v] : e.attributes) m.attributes.emplace(k, v);
  }
  {
    Entity doc;
    doc.id = x.document_id;
    doc.type = "Document";
    auto slash = x.path.find_last_of('/');
    doc.label = slash == std::string::npos ? x.path : x.path.substr(slash + 1);
    doc.attributes["path"] = x.path;
    doc.attributes["sha256"] = x.sha256;
    doc.attributes["format"] = x.format;
    if (!x.title.empty()) doc.attributes["title"] = x.title;
    if (!x.byline.empty()) doc.attributes["byline"] = x.byline;
    entities_.emplace(doc.id, std::move(doc));
  }
  for (const auto& w : x.warnings) warnings_.insert(x.path + ": " + w);

  // MENTIONS: one edge per mentioned entity, weight = number of mentions, evidence = first.
  std::map<std::string, std::pair<std::int64_t, const Mention*>> mentioned;
  for (const auto& m : x.mentions) {
    auto& slot = mentioned[m.entity];
    if (slot.first++ == 0) slot.second = &m;
  }
  for (const auto& [entity, count] : mentioned) {
    const Mention& m = *count.second;
    Evidence ev;
    ev.document = x.document_id;
    ev.rule = m.source;
    ev.confidence = m.confidence;
    ev.sentence = m.sentence;
    ev.quote = m.surface;
    ev.range = m.range;  // raw offsets: the pipeline maps mentions back
    ev.page = m.page;
    ev.element = m.element;
    std::vector<Evidence> one;
    one.push_back(std::move(ev));
    add_pending({x.document_id, entity, "MENTIONS"}, std::move(one),
                static_cast<double>(count.first), {{"mentions", count.first}});
  }

  // CITES carries the number of citations; other relations weigh their distinct evidence
  // sentences. The first evidence at a byte range is kept, as later duplicates add nothing.
  std::map<std::string, std::int64_t> citations;
  for (const auto& r : x.relations)
    if (r.type == "CITES") ++citations[r.target];
  struct Batch {
    std::vector<Evidence> evidence;
    std::set<std::tuple<int, std::string, ByteRange>> ranges;  // page, element: offsets are theirs
    std::set<std::int64_t> sentences;
    Attributes attributes;
  };
  std::map<EdgeKey, Batch> batches;
  for (auto& r : x.relations) {
    Batch& b = batches[{r.source, r.target, r.type}];
    Attributes attrs = std::move(r.attributes);
    if (r.type == "CITES") attrs["citations"] = citations[r.target];
    merge_attributes(b.attributes, attrs);
    if (!b.ranges.insert({r.evidence.page, r.evidence.element.str(), r.evidence.range}).second)
      continue;
    b.sentences.insert(r.evidence.sentence >= 0
                           ? r.evidence.sentence
                           : static_cast<std::int64_t>(r.evidence.range.begin));
    b.evidence.push_back(std::move(r.evidence));
  }
  for (auto& [key, b] : batches)
    add_pending(key, std::move(b.evidence), static_cast<double>(b.sentences.size()), b.attributes);
}

Graph GraphBuilder::finish() {
  Graph g(*ontology_);
  // Nodes in id order, so vertex order is deterministic.
  for (auto& [id, e] : entities_) {
    auto r = roles_.find(id);
    if (state_like(e.type) && r != roles_.end()) {
      e.attributes["roles"] = std::vector<std::string>(r->second.begin(), r->second.end());
      if (r->second.count("actor"))
        e.type = "Actor";
      else if (r->second.count("target"))
        e.type = "TargetCountry";
    }
    g.add_node(e);
  }
  entities_.clear();

  for (auto& [key, p] : edges_) {
    const auto& [source, target, type] = key;
    auto s = g.find(source), t = g.find(target);
    std::string why;
    if (!s || !t) {
      if (type == "MENTIONS") continue;  // a mention of an entity the document dropped
      why = "unknown endpoint";
    } else {
      const EdgeRule& rule = ontology_->rule(type);
      if (!g.endpoint_fits(g.node(*s), rule.from) || !g.endpoint_fits(g.node(*t), rule.to))
        why = "the ontology forbids " + g.node(*s).type + " -> " + g.node(*t).type;
    }
    if (!why.empty()) {
      for (auto d : p.documents)
        warnings_.insert(documents_[d].path + ": dropped " + type + " " + source + " -> " + target +
                         ": " + why);
      continue;
    }
    std::sort(p.evidence.begin(), p.evidence.end(), evidence_before);
    if (options_.max_evidence > 0 && p.evidence.size() > options_.max_evidence)
      p.evidence.resize(options_.max_evidence);
    if (p.evidence.size() < p.evidence_total)
      p.attributes["evidence_total"] = static_cast<std::int64_t>(p.evidence_total);
    g.add_weighted_edge(source, target, type, p.weight, std::move(p.evidence), p.attributes);
  }
  edges_.clear();
  g.documents = std::move(documents_);
  g.warnings.assign(warnings_.begin(), warnings_.end());
  return g;
}

Graph build_graph(const std::vector<DocumentExtraction>& extractions, const Ontology& ontology) {
  GraphBuilder b(ontology);
  for (const auto& x : extractions) b.add(x);
  return b.finish();
}

}  // namespace softgraph
