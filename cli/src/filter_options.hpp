// The view and filter options shared by build, merge and render (--view, --focus, --depth,
// --channels, --edge-types, --node-types, --min-weight, --min-confidence).
#pragma once

#include <string>
#include <vector>

#include "softgraph/export/export.hpp"
#include "softgraph/graph/view.hpp"

namespace CLI {
class App;
}

namespace softgraph {

struct FilterArgs {
  std::string view;  // empty: data exports whole, diagrams split into influence and literature
  std::string focus, channels, edge_types, node_types;  // comma-separated
  int depth = 1;
  double min_weight = 0, min_confidence = 0;
};

void add_filter_options(CLI::App* cmd, FilterArgs& args);
// The filter the options describe; throws Error(kUsage) for an unknown view.
GraphFilter to_filter(const FilterArgs& args);
// Applies the options: the filtered graph (the graph itself when nothing is asked for), and the
// diagram views into `opt` (influence then literature, unless --view was given).
Graph apply_filter_options(Graph g, const FilterArgs& args, ExportOptions& opt);

}  // namespace softgraph
