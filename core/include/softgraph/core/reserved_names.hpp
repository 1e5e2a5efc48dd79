// Attribute names a lexicon may not use: every export writes a node's attributes beside its
// metrics, its own fields and the attributes softgraph computes, in one namespace per node (CSV
// and Neo4j columns, GraphML keys, GEXF attributes, JSON-LD properties), so a lexicon attribute
// called `pagerank` would give two columns or keys of that name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace softgraph {

// The node metrics every graph carries (graph/metrics computes exactly these).
inline constexpr std::string_view kMetricNames[] = {
    "authority",   "betweenness",     "closeness",   "core",        "degree",
    "eigenvector", "harmonic",        "hub",         "in_degree",   "out_degree",
    "pagerank",    "weighted_degree", "weighted_in", "weighted_out"};

// Why `name` cannot be a lexicon attribute, or nullopt when it can: it must be a lower-case word
// ([a-z][a-z0-9_]*, the same name in every format) and not a metric, an export's own field
// (id, label, type, aliases, slug, labels, weight, evidence, size, x, y ...) or an attribute
// softgraph sets itself (roles, owner, kind, hhi, channel_share_* ...).
std::optional<std::string> reserved_attribute_reason(std::string_view name);

}  // namespace softgraph
