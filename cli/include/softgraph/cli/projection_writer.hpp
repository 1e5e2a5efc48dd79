// `softgraph build --projection`: analysis projections of the graph written as CSV edge lists
// (actor-actor: shared channels and targets; actor-channel: shares; cocitation: references
// cited together), each file written atomically.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

std::vector<std::string> known_projections();
// Throws Error(kUsage) for an unknown kind, Error(kOutput) when a file cannot be written.
std::vector<std::filesystem::path> write_projections(const Graph& g,
                                                     const std::vector<std::string>& kinds,
                                                     const std::filesystem::path& out_dir);

}  // namespace softgraph
