// The explorer's influence view, selected by node and edge types.
// TODO(views): replace with the graph-level view of graph/include/softgraph/graph/view.hpp once
// it lands (`--view influence|literature|all` and its filters); this keeps the same selection.
#include <set>
#include <string>

#include "html_explorer.hpp"

namespace softgraph {

Graph explorer_influence_view(const Graph& g) {
  static const std::set<std::string> kNodeTypes = {"Actor", "TargetCountry", "Region",
                                                   "Institution", "Instrument"};
  static const std::set<std::string> kEdgeTypes = {"OPERATES", "USES_INSTRUMENT", "DELIVERS",
                                                   "TARGETS",  "MEMBER_OF",       "PARTNERS_WITH"};
  const auto& bg = g.boost();
  std::vector<EdgeDesc> kept;
  std::vector<bool> used(g.node_count(), false);
  for (EdgeDesc e : g.sorted_edges()) {
    Vertex s = boost::source(e, bg), t = boost::target(e, bg);
    if (!kEdgeTypes.count(g.edge(e).type) || !kNodeTypes.count(g.node(s).type) ||
        !kNodeTypes.count(g.node(t).type))
      continue;
    kept.push_back(e);
    used[s] = used[t] = true;
  }
  Graph view(g.ontology());
  view.documents = g.documents;
  view.attributes = g.attributes;
  for (Vertex v : g.sorted_nodes()) {
    if (!used[v]) continue;
    const NodeProps& n = g.node(v);
    Entity e;
    e.id = n.id;
    e.type = n.type;
    e.label = n.label;
    e.aliases = n.aliases;
    e.attributes = n.attributes;
    NodeProps& copy = view.node(view.add_node(e));
    copy.label = n.label;
    copy.aliases = n.aliases;
    copy.metrics = n.metrics;  // the whole graph's metrics, as every other export shows them
  }
  for (EdgeDesc e : kept) {
    const EdgeProps& p = g.edge(e);
    EdgeDesc d =
        view.add_weighted_edge(g.node(boost::source(e, bg)).id, g.node(boost::target(e, bg)).id,
                               p.type, 0, p.evidence(), p.attributes());
    view.edge(d).weight = p.weight;
  }
  return view;
}

}  // namespace softgraph
