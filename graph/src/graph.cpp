#include "softgraph/graph/graph.hpp"

#include <algorithm>
#include <set>

#include "softgraph/core/error.hpp"

namespace softgraph {

void merge_aliases(std::vector<std::string>& into, const std::vector<std::string>& more,
                   const std::string& label) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
  into.erase(std::remove_if(into.begin(), into.end(),
                            [&](const std::string& a) { return a.empty() || a == label; }),
             into.end());
}

namespace {

std::vector<std::string> roles_of(const Attributes& attrs) {
  auto it = attrs.find("roles");
  if (it == attrs.end()) return {};
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return {};
}

void merge_attributes(Attributes& into, const Attributes& more) {
  for (const auto& [key, value] : more) {
    auto it = into.find(key);
    if (it == into.end()) {
      into.emplace(key, value);
      continue;
    }
    // Lists merge as sorted sets (roles, channels, owners); scalars keep the first value.
    auto* a = std::get_if<std::vector<std::string>>(&it->second);
    const auto* b = std::get_if<std::vector<std::string>>(&value);
    if (a && b) {
      a->insert(a->end(), b->begin(), b->end());
      std::sort(a->begin(), a->end());
      a->erase(std::unique(a->begin(), a->end()), a->end());
    }
  }
}

// Role names are the lower-case node types they stand for ("actor" -> Actor).
std::string role_type(const std::string& role) {
  static const std::map<std::string, std::string> kRoles = {
      {"actor", "Actor"}, {"target", "TargetCountry"}, {"member", "Actor"}};
  auto it = kRoles.find(role);
  return it == kRoles.end() ? std::string() : it->second;
}

}  // namespace

Vertex Graph::add_node(const Entity& entity) {
  if (entity.id.empty()) throw internal_error("node with an empty id");
  if (!ontology_->has_node_type(entity.type))
    throw internal_error("node " + entity.id + " has unknown type '" + entity.type + "'");
  auto it = index_.find(entity.id);
  if (it != index_.end()) {
    NodeProps& n = g_[it->second];
    merge_attributes(n.attributes, entity.attributes);
    std::vector<std::string> more = entity.aliases;
    if (entity.label != n.label) more.push_back(entity.label);
    merge_aliases(n.aliases, more, n.label);
    return it->second;
  }
  Vertex v = boost::add_vertex(g_);
  NodeProps& n = g_[v];
  n.id = entity.id;
  n.type = entity.type;
  n.label = entity.label.empty() ? entity.id : entity.label;
  n.attributes = entity.attributes;
  merge_aliases(n.aliases, entity.aliases, n.label);
  index_.emplace(entity.id, v);
  return v;
}

bool Graph::endpoint_fits(const NodeProps& n, const std::set<std::string>& allowed) const {
  if (allowed.count(n.type)) return true;
  for (const auto& role : roles_of(n.attributes))
    if (allowed.count(role_type(role))) return true;
  return false;
}

namespace {
bool same_evidence(const Evidence& a, const Evidence& b) {
  return a.document == b.document && a.range == b.range;
}
double count_sentences(const std::vector<Evidence>& ev) {
  std::set<std::pair<std::string, std::uint64_t>> seen;
  for (const auto& e : ev) seen.emplace(e.document, e.sentence >= 0 ? e.sentence : e.range.begin);
  return static_cast<double>(seen.size());
}
}  // namespace

EdgeDesc Graph::add_weighted_edge(const std::string& source, const std::string& target,
                                  const std::string& type, double weight,
                                  std::vector<Evidence> evidence, const Attributes& attributes) {
  auto s = find(source), t = find(target);
  if (!s) throw internal_error("edge " + type + " from unknown node " + source);
  if (!t) throw internal_error("edge " + type + " to unknown node " + target);
  if (!ontology_->has_edge_type(type)) throw internal_error("unknown edge type " + type);
  const EdgeRule& rule = ontology_->rule(type);
  if (!endpoint_fits(g_[*s], rule.from) || !endpoint_fits(g_[*t], rule.to))
    throw internal_error("the ontology forbids " + type + " from " + g_[*s].type + " " + source +
                         " to " + g_[*t].type + " " + target);
  auto key = std::make_tuple(*s, *t, type);
  auto it = edge_index_.find(key);
  EdgeDesc e;
  if (it == edge_index_.end()) {
    e = boost::add_edge(*s, *t, g_).first;
    g_[e].id = type + ":" + source + "->" + target;
    g_[e].type = type;
    edge_index_.emplace(key, e);
  } else {
    e = it->second;
  }
  EdgeProps& p = g_[e];
  for (auto& ev : evidence) {
    bool dup = std::any_of(p.evidence.begin(), p.evidence.end(),
                           [&](const Evidence& x) { return same_evidence(x, ev); });
    if (!dup) p.evidence.push_back(std::move(ev));
  }
  std::sort(p.evidence.begin(), p.evidence.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.range.begin, a.range.end, a.rule) <
           std::tie(b.document, b.range.begin, b.range.end, b.rule);
  });
  merge_attributes(p.attributes, attributes);
  p.weight = weight > 0 ? p.weight + weight : count_sentences(p.evidence);
  return e;
}

EdgeDesc Graph::add_edge(const std::string& source, const std::string& target,
                         const std::string& type, const Evidence& evidence,
                         const Attributes& attributes) {
  return add_weighted_edge(source, target, type, 0, {evidence}, attributes);
}

std::optional<Vertex> Graph::find(const std::string& id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> Graph::sorted_nodes() const {
  std::vector<Vertex> out;
  for (const auto& [id, v] : index_) out.push_back(v);
  return out;
}

std::vector<EdgeDesc> Graph::sorted_edges() const {
  std::vector<EdgeDesc> out;
  for (auto [it, end] = boost::edges(g_); it != end; ++it) out.push_back(*it);
  std::sort(out.begin(), out.end(), [this](EdgeDesc a, EdgeDesc b) {
    return std::tie(g_[boost::source(a, g_)].id, g_[boost::target(a, g_)].id, g_[a].type) <
           std::tie(g_[boost::source(b, g_)].id, g_[boost::target(b, g_)].id, g_[b].type);
  });
  return out;
}

}  // namespace softgraph
