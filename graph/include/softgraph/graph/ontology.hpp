// The ontology of node and edge types, loaded from schemas/ontology.json: which edge types exist
// and which node types each may connect. The graph consults it on every edge it adds.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace softgraph {

struct EdgeRule {
  std::set<std::string> from;
  std::set<std::string> to;
  bool symmetric = false;
  std::string description;
};

class Ontology {
 public:
  // The ontology compiled into the program (schemas/ontology.json).
  static const Ontology& builtin();
  // Parses and validates an ontology document; `file` names it in errors.
  static Ontology parse(std::string_view json, const std::string& file);

  bool has_node_type(const std::string& t) const { return node_types_.count(t) != 0; }
  bool has_edge_type(const std::string& t) const { return edges_.count(t) != 0; }
  // True if an edge of `type` may go from a node of type `from` to one of type `to`.
  bool allows(const std::string& type, const std::string& from, const std::string& to) const;
  const EdgeRule& rule(const std::string& edge_type) const;
  // The ontology's own copy of an edge type's name (stable while the ontology lives), or nullptr.
  const std::string* edge_type_name(const std::string& edge_type) const;
  const std::vector<std::string>& node_types() const { return node_type_order_; }
  std::vector<std::string> edge_types() const;

 private:
  std::set<std::string> node_types_;
  std::vector<std::string> node_type_order_;
  std::map<std::string, EdgeRule> edges_;
};

}  // namespace softgraph
