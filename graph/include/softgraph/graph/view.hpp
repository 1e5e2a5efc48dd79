// Views and filters: the part of a graph a user asks to see or export (the influence network, the
// literature, one actor's neighbourhood, one channel, the edges above a confidence). Any exporter
// reuses it: `Graph part = select_subgraph(g, filter);` then write `part` (e.g. the HTML explorer).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

// influence: Actor, TargetCountry, Region, Institution, Instrument nodes with OPERATES,
// USES_INSTRUMENT, DELIVERS, TARGETS, MEMBER_OF, PARTNERS_WITH edges. literature: CITES, AUTHORED,
// DISCUSSES edges with their ends (documents, references, people, the actors discussed). all: every
// node and edge.
enum class View { kAll, kInfluence, kLiterature };

std::string view_name(View v);
// "influence", "literature" or "all"; throws Error(kUsage) naming the nearest one otherwise.
View parse_view(const std::string& name);
// The edge types a view keeps (all of the ontology's for kAll).
std::vector<std::string> view_edge_types(View v, const Ontology& ontology);

// What to keep; the defaults keep everything. Applied in this order: view, node and edge types,
// weight, confidence, channels, then the neighbourhood of the focus nodes over what is left.
struct GraphFilter {
  View view = View::kAll;
  std::vector<std::string> focus;     // node ids, labels or aliases (case-insensitive)
  int depth = 1;                      // hops from the focus nodes, edges taken in either direction
  std::vector<std::string> channels;  // codebook ids ("education"); keeps their carriers
  std::vector<std::string> edge_types;  // ontology edge types; empty: all of the view's
  std::vector<std::string> node_types;  // ontology node types; empty: all
  double min_weight = 0;                // edges with weight >= this
  double min_confidence = 0;            // edges whose best evidence confidence >= this

  // True when the filter keeps every node and edge.
  bool keeps_all() const;
  // The filter as command-line options, e.g. "--view influence --focus actor/china --depth 1".
  std::string describe() const;
};

// The subgraph the filter keeps: nodes with their attributes and metrics (computed on the whole
// graph), edges with their evidence, the documents, warnings and graph attributes, and the filter
// recorded in the graph attributes (filter_* and filter_chain, see README). Isolated nodes are
// dropped unless the filter keeps everything. Throws Error(kUsage) for an unknown node, type or
// channel, with the nearest known name.
Graph select_subgraph(const Graph& g, const GraphFilter& filter);

// The node id a --focus entry names (id, then label or alias, case-insensitive), or nullopt.
std::optional<std::string> resolve_node(const Graph& g, const std::string& name);

}  // namespace softgraph
