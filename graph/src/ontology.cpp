#include "softgraph/graph/ontology.hpp"

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {

const Ontology& Ontology::builtin() {
  static const Ontology ontology =
      parse(embedded_file("schemas/ontology.json"), "schemas/ontology.json");
  return ontology;
}

Ontology Ontology::parse(std::string_view json, const std::string& file) {
  rapidjson::Document doc = parse_json(json, file);
  validate_json(doc, embedded_file("schemas/ontology.schema.json"), file);
  Ontology o;
  for (const auto& m : doc["node_types"].GetObject()) {
    o.node_types_.insert(m.name.GetString());
    o.node_type_order_.push_back(m.name.GetString());
  }
  for (const auto& m : doc["edge_types"].GetObject()) {
    EdgeRule rule;
    const std::string name = m.name.GetString();
    for (const auto& t : m.value["from"].GetArray()) rule.from.insert(t.GetString());
    for (const auto& t : m.value["to"].GetArray()) rule.to.insert(t.GetString());
    for (const auto* side : {&rule.from, &rule.to})
      for (const auto& t : *side)
        if (!o.node_types_.count(t))
          throw input_error(file, "JSON path $.edge_types." + name,
                            "unknown node type '" + t + "'");
    if (m.value.HasMember("symmetric")) rule.symmetric = m.value["symmetric"].GetBool();
    if (m.value.HasMember("description")) rule.description = m.value["description"].GetString();
    o.edges_.emplace(name, std::move(rule));
  }
  return o;
}

bool Ontology::allows(const std::string& type, const std::string& from,
                      const std::string& to) const {
  auto it = edges_.find(type);
  if (it == edges_.end()) return false;
  return it->second.from.count(from) && it->second.to.count(to);
}

const EdgeRule& Ontology::rule(const std::string& edge_type) const {
  auto it = edges_.find(edge_type);
  if (it == edges_.end()) throw internal_error("unknown edge type " + edge_type);
  return it->second;
}

const std::string* Ontology::edge_type_name(const std::string& edge_type) const {
  auto it = edges_.find(edge_type);
  return it == edges_.end() ? nullptr : &it->first;
}

std::vector<std::string> Ontology::edge_types() const {
  std::vector<std::string> out;
  for (const auto& [name, rule] : edges_) out.push_back(name);
  return out;
}

}  // namespace softgraph
