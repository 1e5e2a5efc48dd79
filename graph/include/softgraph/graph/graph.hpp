// The typed knowledge graph: a Boost.Graph adjacency_list with bundled node and edge properties,
// wrapped with the id index and the ontology check. Built once, then frozen for metrics/exports.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "softgraph/core/attributes.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/graph/ontology.hpp"

namespace softgraph {

struct NodeProps {
  std::string id;
  std::string type;
  std::string label;
  std::vector<std::string> aliases;  // sorted, unique, without the label
  Attributes attributes;
  std::map<std::string, double> metrics;
};

struct EdgeProps {
  std::string id;
  std::string type;
  double weight = 0;               // number of distinct evidence sentences
  std::vector<Evidence> evidence;  // sorted by document, then byte offset
  Attributes attributes;
};

struct DocumentInfo {
  std::string id, path, sha256, format;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using EdgeDesc = boost::graph_traits<BoostGraph>::edge_descriptor;

class Graph {
 public:
  explicit Graph(const Ontology& ontology = Ontology::builtin()) : ontology_(&ontology) {}

  // Adds a node, or merges aliases and attributes into the node with the same id. A different
  // type for an existing id is an error unless `roles` explain it (see README).
  Vertex add_node(const Entity& entity);
  // Adds evidence to the edge (source, target, type), creating it if needed. Throws
  // Error(kInternal) if an endpoint is unknown or the ontology forbids the endpoint types.
  EdgeDesc add_edge(const std::string& source, const std::string& target, const std::string& type,
                    const Evidence& evidence, const Attributes& attributes = {});
  // Adds an edge whose weight is given rather than counted (projections, round trips).
  EdgeDesc add_weighted_edge(const std::string& source, const std::string& target,
                             const std::string& type, double weight,
                             std::vector<Evidence> evidence, const Attributes& attributes = {});

  std::optional<Vertex> find(const std::string& id) const;
  const NodeProps& node(Vertex v) const { return g_[v]; }
  NodeProps& node(Vertex v) { return g_[v]; }
  const EdgeProps& edge(EdgeDesc e) const { return g_[e]; }
  EdgeProps& edge(EdgeDesc e) { return g_[e]; }
  std::size_t node_count() const { return boost::num_vertices(g_); }
  std::size_t edge_count() const { return boost::num_edges(g_); }

  // Vertices ordered by id and edges ordered by (source id, target id, type): export order.
  std::vector<Vertex> sorted_nodes() const;
  std::vector<EdgeDesc> sorted_edges() const;

  const BoostGraph& boost() const { return g_; }
  BoostGraph& boost() { return g_; }
  const Ontology& ontology() const { return *ontology_; }

  std::vector<DocumentInfo> documents;
  std::vector<std::string> warnings;
  Attributes attributes;  // graph-level facts (e.g. unresolved citations)

  // Ontology check used by add_edge: does the node's type, or one of its "roles", fit?
  bool endpoint_fits(const NodeProps& n, const std::set<std::string>& allowed) const;

 private:
  BoostGraph g_;
  std::map<std::string, Vertex> index_;
  std::map<std::tuple<Vertex, Vertex, std::string>, EdgeDesc> edge_index_;
  const Ontology* ontology_;
};

// Merges `more` into `into` (sorted, unique, never equal to `label`).
void merge_aliases(std::vector<std::string>& into, const std::vector<std::string>& more,
                   const std::string& label);

}  // namespace softgraph
