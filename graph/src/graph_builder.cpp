#include "softgraph/graph/graph_builder.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace softgraph {
namespace {

bool state_like(const std::string& type) { return type == "Actor" || type == "TargetCountry"; }

// Roles a node plays across all documents, from the relations it takes part in.
std::map<std::string, std::set<std::string>> collect_roles(
    const std::vector<DocumentExtraction>& extractions) {
  std::map<std::string, std::set<std::string>> roles;
  for (const auto& x : extractions) {
    for (const auto& r : x.relations) {
      if (r.type == "OPERATES" || r.type == "USES_INSTRUMENT" || r.type == "TARGETS")
        roles[r.source].insert("actor");
      if (r.type == "TARGETS") roles[r.target].insert("target");
      if (r.type == "MEMBER_OF") roles[r.source].insert("member");
    }
  }
  return roles;
}

}  // namespace

Graph build_graph(const std::vector<DocumentExtraction>& extractions, const Ontology& ontology) {
  Graph g(ontology);
  auto roles = collect_roles(extractions);

  // Entities merged by id first, then added in id order so vertex order is deterministic.
  std::map<std::string, Entity> merged;
  for (const auto& x : extractions) {
    for (const auto& e : x.entities) {
      auto [it, fresh] = merged.emplace(e.id, e);
      if (fresh) continue;
      Entity& m = it->second;
      m.aliases.insert(m.aliases.end(), e.aliases.begin(), e.aliases.end());
      for (const auto& [k, v] : e.attributes) m.attributes.emplace(k, v);
    }
    Entity doc;
    doc.id = x.document_id;
    doc.type = "Document";
    auto slash = x.path.find_last_of('/');
    doc.label = slash == std::string::npos ? x.path : x.path.substr(slash + 1);
    doc.attributes["path"] = x.path;
    doc.attributes["sha256"] = x.sha256;
    doc.attributes["format"] = x.format;
    merged.emplace(doc.id, doc);
  }
  for (auto& [id, e] : merged) {
    auto r = roles.find(id);
    if (state_like(e.type) && r != roles.end()) {
      std::vector<std::string> list(r->second.begin(), r->second.end());
      e.attributes["roles"] = list;
      if (r->second.count("actor"))
        e.type = "Actor";
      else if (r->second.count("target"))
        e.type = "TargetCountry";
    }
    g.add_node(e);
  }

  for (const auto& x : extractions) {
    g.documents.push_back({x.document_id, x.path, x.sha256, x.format});
    for (const auto& w : x.warnings) g.warnings.push_back(x.path + ": " + w);

    // MENTIONS: one edge per mentioned entity, weight = number of mentions, evidence = first.
    std::map<std::string, std::pair<int, const Mention*>> mentioned;
    for (const auto& m : x.mentions) {
      auto& slot = mentioned[m.entity];
      if (slot.first++ == 0) slot.second = &m;
    }
    for (const auto& [entity, count] : mentioned) {
      if (!g.find(entity)) continue;
      Evidence ev;
      ev.document = x.document_id;
      ev.rule = count.second->source;
      ev.confidence = count.second->confidence;
      ev.sentence = count.second->sentence;
      ev.quote = count.second->surface;
      ev.range = count.second->range;  // raw offsets: the pipeline maps mentions back
      ev.page = count.second->page;
      ev.element = count.second->element;
      Attributes attrs{{"mentions", static_cast<std::int64_t>(count.first)}};
      g.add_weighted_edge(x.document_id, entity, "MENTIONS", count.first, {ev}, attrs);
    }

    // CITES carries the number of citations; other relations add evidence sentence by sentence.
    std::map<std::string, std::int64_t> citations;
    for (const auto& r : x.relations)
      if (r.type == "CITES") ++citations[r.target];
    for (const auto& r : x.relations) {
      auto s = g.find(r.source), t = g.find(r.target);
      if (!s || !t) {
        g.warnings.push_back(x.path + ": dropped " + r.type + " " + r.source + " -> " + r.target +
                             ": unknown endpoint");
        continue;
      }
      const EdgeRule& rule = ontology.rule(r.type);
      if (!g.endpoint_fits(g.node(*s), rule.from) || !g.endpoint_fits(g.node(*t), rule.to)) {
        g.warnings.push_back(x.path + ": dropped " + r.type + " " + r.source + " -> " + r.target +
                             ": the ontology forbids " + g.node(*s).type + " -> " + g.node(*t).type);
        continue;
      }
      Attributes attrs = r.attributes;
      if (r.type == "CITES") attrs["citations"] = citations[r.target];
      g.add_edge(r.source, r.target, r.type, r.evidence, attrs);
    }
  }
  std::sort(g.warnings.begin(), g.warnings.end());
  g.warnings.erase(std::unique(g.warnings.begin(), g.warnings.end()), g.warnings.end());
  return g;
}

}  // namespace softgraph
