// What node size means by default: an actor's dominance (graph/dominance.hpp: the sum of its
// channel shares plus the channels it leads), the measure the build summary ranks actors by.
#include "softgraph/analysis/dominance.hpp"

#include <map>

#include "softgraph/analysis/channels.hpp"
#include "style.hpp"

namespace softgraph {

std::vector<double> node_dominance(const Graph& g) {
  std::map<std::string, double> by_id;
  for (const ActorDominance& a : rank_dominance(compute_channels(g, /*details=*/false)))
    by_id[a.actor] = a.score;
  std::vector<double> out(g.node_count(), 0.0);
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    auto it = by_id.find(g.node(v).id);
    if (it != by_id.end()) out[v] = it->second;
  }
  return out;
}

}  // namespace softgraph
