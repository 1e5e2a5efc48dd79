// The explorer's influence view: the graph-level view (graph/view.hpp) that the diagrams draw.
#include "html_explorer.hpp"
#include "softgraph/graph/view.hpp"

namespace softgraph {

Graph explorer_influence_view(const Graph& g) {
  GraphFilter filter;
  filter.view = View::kInfluence;
  return select_subgraph(g, filter);
}

}  // namespace softgraph
