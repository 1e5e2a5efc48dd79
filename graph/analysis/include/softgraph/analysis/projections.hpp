// Projections for analysis: actor-actor (shared channels and targets) and actor-channel
// (bipartite, weighted by share), as plain edge lists the exporters write beside the graph.
#pragma once

#include <string>
#include <vector>

#include "softgraph/analysis/channels.hpp"
#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct ProjectionEdge {
  std::string source, target;  // node ids
  double weight = 0;
  std::string kind;              // "actor_actor" or "actor_channel"
  std::vector<std::string> via;  // what links them: shared channel and target node ids, sorted
};

// Actor-actor, undirected (source id < target id): two actors are linked when they share at
// least one channel (both have a share > 0 in the report) or one target; weight = number of
// shared channels + number of shared targets. An actor's targets are those of its own TARGETS
// edges and of the institutions it OPERATES. Sorted by (source, target).
std::vector<ProjectionEdge> actor_actor_projection(const Graph& g, const ChannelReport& report);

// Actor-channel, bipartite: actor id -> instrument node id, weight = the actor's share of the
// channel; `via` holds the channel name. Sorted by (source, target).
std::vector<ProjectionEdge> actor_channel_projection(const ChannelReport& report);

}  // namespace softgraph
