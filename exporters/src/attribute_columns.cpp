#include "attribute_columns.hpp"

#include <cmath>
#include <map>

#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {

namespace {
AttrKind kind_of(const AttrValue& v) {
  switch (v.index()) {
    case 0:
      return AttrKind::kBool;
    case 1:
      return AttrKind::kLong;
    case 2:
      return AttrKind::kDouble;
    case 3:
      return AttrKind::kString;
    default:
      return AttrKind::kList;
  }
}
}  // namespace

std::vector<AttrColumn> attribute_columns(const std::vector<const Attributes*>& maps) {
  std::map<std::string, AttrKind> kinds;
  for (const Attributes* m : maps) {
    for (const auto& [k, v] : *m) {
      if (const auto* d = std::get_if<double>(&v); d && !std::isfinite(*d)) continue;
      AttrKind kind = kind_of(v);
      auto [it, fresh] = kinds.emplace(k, kind);
      if (fresh || it->second == kind) continue;
      bool numeric = (it->second == AttrKind::kLong || it->second == AttrKind::kDouble) &&
                     (kind == AttrKind::kLong || kind == AttrKind::kDouble);
      it->second = numeric ? AttrKind::kDouble : AttrKind::kString;
    }
  }
  std::vector<AttrColumn> out;
  for (const auto& [k, kind] : kinds) out.push_back({k, kind});
  return out;
}

bool attr_text(const AttrValue& v, std::string& out, std::string_view sep) {
  switch (v.index()) {
    case 0:
      out = std::get<bool>(v) ? "true" : "false";
      return true;
    case 1:
      out = std::to_string(std::get<std::int64_t>(v));
      return true;
    case 2: {
      auto s = escape::number(std::get<double>(v));
      if (!s) return false;
      out = *s;
      return true;
    }
    case 3:
      out = std::get<std::string>(v);
      return true;
    default: {
      out.clear();
      const auto& items = std::get<std::vector<std::string>>(v);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
      }
      return true;
    }
  }
}

std::string column_name(const std::string& key, const std::set<std::string>& reserved) {
  std::string name = key;
  while (reserved.count(name)) name = "attr_" + name;
  return name;
}

}  // namespace softgraph

namespace softgraph {
bool column_text(const AttrColumn& column, const AttrValue& v, std::string& out,
                 std::string_view sep) {
  if (column.kind == AttrKind::kDouble && v.index() == 1)
    return attr_text(AttrValue(static_cast<double>(std::get<std::int64_t>(v))), out, sep);
  return attr_text(v, out, sep);
}
const char* xsd_type(AttrKind k) {
  switch (k) {
    case AttrKind::kBool:
      return "boolean";
    case AttrKind::kLong:
      return "long";
    case AttrKind::kDouble:
      return "double";
    default:
      return "string";
  }
}

GraphAttributeMaps graph_attribute_maps(ExportContext& ctx) {
  const Graph& g = ctx.graph();
  GraphAttributeMaps out;
  for (Vertex v : ctx.nodes()) {
    out.nodes.push_back(&g.node(v).attributes);
    for (const auto& [k, m] : g.node(v).metrics) out.metric_names.insert(std::string(k));
  }
  for (EdgeDesc e : ctx.edges()) out.edges.push_back(&g.edge(e).attributes());
  return out;
}

}  // namespace softgraph
