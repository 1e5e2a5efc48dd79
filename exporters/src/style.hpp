// How a node and an edge look in every visual format (DOT, SVG, GraphML for Gephi, GEXF): colour
// and shape by node type, instrument channels coloured by their place on Nye's spectrum, edge
// colour and line style by type, node size by a chosen measure. One table (schemas/style.json),
// so all formats agree.
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
  std::string shape;   // Graphviz shape
  std::string legend;  // the name the legend gives it
};

struct EdgeTypeStyle {
  std::string color;  // "#rrggbb", or "spectrum": the colour of the channel the edge leads to
  std::string style;  // Graphviz line style: solid, dashed, dotted
  std::string legend;
};

struct SpectrumStyle {
  std::string id;  // the codebook's spectrum value ("coercion" ... "attraction")
  std::string color;
  std::string legend;
};

struct NodeStyle {
  TypeStyle type;    // for an instrument, the colour of its place on the spectrum
  double scale = 0;  // size measure scaled to [0, 1] over the graph (0 when all equal)
  double size = 0;   // Gephi/GEXF size: 10 + 40 * scale
  double width = 0;  // Graphviz width/height in inches: 0.3 + 1.5 * scale
};

// The size measure sizing nodes unless --size-metric names a metric: see node_dominance.
inline constexpr const char* kDominanceSize = "dominance";

// The style of a node type (a neutral grey ellipse for types the table does not know).
TypeStyle type_style(const std::string& type);
// Node types in legend order.
const std::vector<std::string>& styled_types();
// The style of an edge type (grey, solid for types the table does not know).
EdgeTypeStyle edge_type_style(const std::string& type);
// Edge types in legend order.
const std::vector<std::string>& styled_edge_types();
// Nye's spectrum from hard to soft, with colours.
const std::vector<SpectrumStyle>& spectrum_styles();
// The colour of a spectrum value (a neutral green for a value the table does not know).
std::string spectrum_color(const std::string& spectrum);
// The spectrum value of an instrument node ("" for other nodes or without one).
std::string node_spectrum(const NodeProps& n);
// Each vertex's dominance (indexed by Vertex): for an actor, the sum of its shares over the
// instrument channels (compute_channels); 0 for every other node. The one place that says what
// node size means by default.
std::vector<double> node_dominance(const Graph& g);
// Styles of every vertex, indexed by Vertex, with sizes from `size_metric` (a node metric, or
// kDominanceSize).
std::vector<NodeStyle> node_styles(const Graph& g, const std::string& size_metric);
// The Neo4j labels of a node: its type, then the types its "roles" attribute adds, unique.
std::vector<std::string> node_labels(const NodeProps& n);

}  // namespace softgraph
