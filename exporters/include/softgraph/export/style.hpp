// How a node looks in every visual format (DOT, SVG, GraphML for Gephi, GEXF): colour and shape
// by node type, size by a chosen metric. One table, so all formats agree.
#pragma once

#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct Point {
  double x = 0, y = 0;
};

struct TypeStyle {
  std::string color;  // "#rrggbb"
  int r = 0, g = 0, b = 0;
  std::string shape;  // Graphviz shape
};

struct NodeStyle {
  TypeStyle type;
  double scale = 0;  // size metric scaled to [0, 1] over the graph (0 when all equal)
  double size = 0;   // Gephi/GEXF size: 10 + 40 * scale
  double width = 0;  // Graphviz width/height in inches: 0.5 + 1.5 * scale
};

// The style of a node type (a neutral grey for types the table does not know).
TypeStyle type_style(const std::string& type);
// Node types in legend order.
const std::vector<std::string>& styled_types();
// Styles of every vertex, indexed by Vertex, with sizes from `size_metric`.
std::vector<NodeStyle> node_styles(const Graph& g, const std::string& size_metric);
// The Neo4j labels of a node: its type, then the types its "roles" attribute adds, unique.
std::vector<std::string> node_labels(const NodeProps& n);

}  // namespace softgraph
