// Dominance from channel shares (dominance.hpp).
#include "softgraph/analysis/dominance.hpp"

#include <algorithm>
#include <map>

namespace softgraph {

std::vector<ActorDominance> rank_dominance(const ChannelReport& report) {
  std::map<std::string, ActorDominance> by_actor;
  for (const auto& c : report.channels) {
    if (c.total <= 0) continue;
    int leaders = 0;
    for (const auto& a : c.actors) leaders += a.rank == 1;
    for (const auto& a : c.actors) {
      ActorDominance& d = by_actor[a.actor];
      d.actor = a.actor;
      d.label = a.label;
      d.share_sum += a.share;
      ++d.channels;
      if (a.rank == 1 && leaders > 0) {
        d.channels_led += 1.0 / leaders;
        d.leads.push_back(c.channel);
        if (leaders > 1) d.shared.push_back(c.channel);
      }
    }
  }
  std::vector<ActorDominance> out;
  for (auto& [id, d] : by_actor) {
    d.score = d.share_sum + d.channels_led;
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const ActorDominance& a, const ActorDominance& b) {
    return a.score > b.score;  // ids already in order
  });
  return out;
}

void annotate_dominance(Graph& g, const std::vector<ActorDominance>& ranking) {
  for (const auto& d : ranking)
    if (auto v = g.find(d.actor)) {
      g.node(*v).attributes["dominance"] = d.score;
      g.node(*v).attributes["channels_led"] = d.leads;
    }
}

}  // namespace softgraph
