#include "softgraph/export/style.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace softgraph {

namespace {
TypeStyle make(const char* hex, const char* shape) {
  TypeStyle s;
  s.color = hex;
  s.r = std::stoi(s.color.substr(1, 2), nullptr, 16);
  s.g = std::stoi(s.color.substr(3, 2), nullptr, 16);
  s.b = std::stoi(s.color.substr(5, 2), nullptr, 16);
  s.shape = shape;
  return s;
}
}  // namespace

const std::vector<std::string>& styled_types() {
  static const std::vector<std::string> kTypes = {"Actor",       "TargetCountry", "Region",
                                                  "Institution", "Instrument",    "Person",
                                                  "Reference",   "Document"};
  return kTypes;
}

TypeStyle type_style(const std::string& type) {
  static const std::map<std::string, TypeStyle> kStyles = {
      {"Actor", make("#d62728", "doublecircle")}, {"TargetCountry", make("#1f77b4", "ellipse")},
      {"Region", make("#17becf", "hexagon")},     {"Institution", make("#ff7f0e", "box")},
      {"Instrument", make("#2ca02c", "diamond")}, {"Person", make("#9467bd", "oval")},
      {"Reference", make("#8c564b", "note")},     {"Document", make("#7f7f7f", "folder")}};
  auto it = kStyles.find(type);
  return it == kStyles.end() ? make("#bbbbbb", "ellipse") : it->second;
}

std::vector<NodeStyle> node_styles(const Graph& g, const std::string& size_metric) {
  std::vector<NodeStyle> out(g.node_count());
  double lo = 0, hi = 0;
  bool any = false;
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const auto& m = g.node(v).metrics;
    auto it = m.find(size_metric);
    if (it == m.end() || !std::isfinite(it->second)) continue;
    lo = any ? std::min(lo, it->second) : it->second;
    hi = any ? std::max(hi, it->second) : it->second;
    any = true;
  }
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    NodeStyle& s = out[v];
    s.type = type_style(g.node(v).type);
    const auto& m = g.node(v).metrics;
    auto it = m.find(size_metric);
    if (it != m.end() && std::isfinite(it->second) && hi > lo)
      s.scale = (it->second - lo) / (hi - lo);
    s.size = 10 + 40 * s.scale;
    s.width = 0.5 + 1.5 * s.scale;
  }
  return out;
}

std::vector<std::string> node_labels(const NodeProps& n) {
  std::vector<std::string> out = {n.type};
  auto it = n.attributes.find("roles");
  if (it != n.attributes.end()) {
    if (const auto* roles = std::get_if<std::vector<std::string>>(&it->second)) {
      static const std::map<std::string, std::string> kRoleType = {
          {"actor", "Actor"}, {"target", "TargetCountry"}, {"member", "Actor"}};
      for (const auto& r : *roles) {
        auto t = kRoleType.find(r);
        if (t != kRoleType.end() && std::find(out.begin(), out.end(), t->second) == out.end())
          out.push_back(t->second);
      }
    }
  }
  return out;
}

}  // namespace softgraph
