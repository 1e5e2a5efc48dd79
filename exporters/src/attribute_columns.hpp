// Typed attribute columns for the tabular and typed formats (GraphML keys, GEXF attributes, CSV
// and Neo4j headers): one type per attribute name over all nodes (or edges) that carry it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/attributes.hpp"

namespace softgraph {

enum class AttrKind { kBool, kLong, kDouble, kString, kList };

struct AttrColumn {
  std::string key;
  AttrKind kind;
};

// The columns of the given attribute maps, sorted by key. A key whose values disagree in type
// becomes kDouble (long and double mixed) or kString (anything else mixed). Non-finite doubles
// are ignored (never printed).
std::vector<AttrColumn> attribute_columns(const std::vector<const Attributes*>& maps);

// A value as text: booleans "true"/"false", numbers shortest round-trip, lists joined by `sep`.
// Returns false (and leaves `out` alone) for a non-finite double.
bool attr_text(const AttrValue& v, std::string& out, std::string_view sep = "|");

// The name a column gets in a format where `reserved` names are taken by our own fields:
// "attr_" + key when the key collides (e.g. an attribute called "label").
std::string column_name(const std::string& key, const std::set<std::string>& reserved);

}  // namespace softgraph

namespace softgraph {

class ExportContext;

// The XML Schema type name of a column: what GraphML's attr.type and GEXF's type both take.
const char* xsd_type(AttrKind k);

// What the typed formats declare columns for: the attribute maps of the context's nodes and
// edges, in export order, and the names of every node metric.
struct GraphAttributeMaps {
  std::vector<const Attributes*> nodes, edges;
  std::set<std::string> metric_names;
};
GraphAttributeMaps graph_attribute_maps(ExportContext& ctx);

// attr_text for a value in `column`: a long in a double column prints as a double ("3.0").
bool column_text(const AttrColumn& column, const AttrValue& v, std::string& out,
                 std::string_view sep = "|");
}  // namespace softgraph
