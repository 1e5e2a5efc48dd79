// `softgraph build --projection`: analysis projections of the graph written as CSV edge lists
// (actor-actor: shared channels and targets; actor-channel: shares; cocitation: references
// cited together), written into the build's output set.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

class Sink;

std::vector<std::string> known_projections();
// Writes `projection-<kind>.csv` for each kind into `sink`; throws Error(kUsage) for an unknown
// kind.
void write_projections(const Graph& g, const std::vector<std::string>& kinds, Sink& sink);

}  // namespace softgraph
