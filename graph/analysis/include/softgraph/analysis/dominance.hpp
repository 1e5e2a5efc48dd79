// Dominance: which powers dominate the influence network, from the channel shares alone (the
// influence edges USES_INSTRUMENT, OPERATES, DELIVERS), not from PageRank, which rewards being
// pointed at (by references, by the document).
#pragma once

#include <string>
#include <vector>

#include "softgraph/analysis/channels.hpp"

namespace softgraph {

// dominance(a) = sum over channels c of share(a, c) + sum over channels c of lead(a, c), where
// lead(a, c) = 1/k when a is one of the k actors ranked first in c, else 0. Between 0 and twice
// the number of channels; a monopoly of one channel is worth 2, half of a shared lead 1.
struct ActorDominance {
  std::string actor;  // node id
  std::string label;
  double score = 0;
  double share_sum = 0;             // sum of its channel shares
  double channels_led = 0;          // sum of lead(a, c)
  int channels = 0;                 // channels it has a share in
  std::vector<std::string> leads;   // channels it is ranked first in, by name
  std::vector<std::string> shared;  // of those, the ones it ties for first
};

// Every actor with a share, by score (descending), then id.
std::vector<ActorDominance> rank_dominance(const ChannelReport& report);

// Writes "dominance" (double) and "channels_led" (the channels it leads) into each ranked actor's
// attributes.
void annotate_dominance(Graph& g, const std::vector<ActorDominance>& ranking);

}  // namespace softgraph
