// What node size means by default: an actor's dominance, the sum of its shares over the
// instrument channels, from the graph's own channel computation (graph/metrics/channels.cpp).
#include <map>

#include "softgraph/export/style.hpp"
#include "softgraph/graph/channels.hpp"

namespace softgraph {

std::vector<double> node_dominance(const Graph& g) {
  std::map<std::string, double> by_id;
  for (const auto& channel : compute_channels(g).channels)
    for (const auto& a : channel.actors) by_id[a.actor] += a.share;
  std::vector<double> out(g.node_count(), 0.0);
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    auto it = by_id.find(g.node(v).id);
    if (it != by_id.end()) out[v] = it->second;
  }
  return out;
}

}  // namespace softgraph
