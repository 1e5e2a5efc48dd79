#include "softgraph/core/reserved_names.hpp"

#include <algorithm>
#include <iterator>

namespace softgraph {
namespace {

// The exporters' own columns and keys (csv_writer, neo4j_writer, graphml_writer, gexf_writer,
// jsonld_writer) and graph.json's node and edge fields.
constexpr std::string_view kExportFields[] = {
    "aliases", "b",      "documents", "evidence", "evidence_count", "first_quote", "g",
    "id",      "label",  "labels",    "metrics",  "name",           "r",           "size",
    "slug",    "source", "target",    "type",     "weight",         "x",           "y"};

// Attributes the extractors, the graph builder and the channel report set on nodes; the lexicon
// entry's own fields (owner, kind, region ...) are the way to give the lexicon's ones.
constexpr std::string_view kComputed[] = {"attribution",
                                          "attribution_confidence",
                                          "channels",
                                          "discovered",
                                          "dominant_actor",
                                          "evidence_total",
                                          "format",
                                          "hhi",
                                          "kind",
                                          "members",
                                          "metrics_skip_edge_types",
                                          "owner",
                                          "path",
                                          "region",
                                          "roles",
                                          "sha256",
                                          "spectrum",
                                          "wikidata"};

template <std::size_t N>
bool among(const std::string_view (&names)[N], std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

}  // namespace

std::optional<std::string> reserved_attribute_reason(std::string_view name) {
  // Appended, not "'" + std::string(name): GCC 12 warns falsely about the latter (-Wrestrict).
  std::string quoted = "'";
  quoted.append(name).append("'");
  const bool word = !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                    });
  if (!word)
    return "attribute name " + quoted +
           " is not a lower-case word (a-z, 0-9 and _, starting with a letter), which every "
           "export can carry unchanged";
  if (among(kMetricNames, name))
    return "attribute name " + quoted +
           " is reserved: it is a metric softgraph computes for every node; rename the attribute";
  if (name.rfind("channel_share_", 0) == 0)
    return "attribute name " + quoted +
           " is reserved: channel_share_* are the channel shares softgraph computes; rename the "
           "attribute";
  if (among(kExportFields, name))
    return "attribute name " + quoted +
           " is reserved: the exports write a field of that name for every node; rename the "
           "attribute";
  if (among(kComputed, name))
    return "attribute name " + quoted +
           " is reserved: softgraph sets it (use the entry's own field where there is one, e.g. "
           "owner, kind, region); rename the attribute";
  return std::nullopt;
}

}  // namespace softgraph
