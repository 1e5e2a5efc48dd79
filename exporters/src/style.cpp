// The visual table, read once from schemas/style.json (validated against style.schema.json), and
// node styles: colour and shape by type, instruments by their place on Nye's spectrum, size by
// dominance or by a metric.
#include "style.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {

namespace {

void set_rgb(TypeStyle& s) {
  s.r = std::stoi(s.color.substr(1, 2), nullptr, 16);
  s.g = std::stoi(s.color.substr(3, 2), nullptr, 16);
  s.b = std::stoi(s.color.substr(5, 2), nullptr, 16);
}

struct StyleTable {
  std::vector<std::string> node_order, edge_order;
  std::map<std::string, TypeStyle> nodes;
  std::map<std::string, EdgeTypeStyle> edges;
  std::vector<SpectrumStyle> spectrum;
  std::string unknown_spectrum, unknown_type;
};

const StyleTable& table() {
  static const StyleTable t = [] {
    const std::string file = "schemas/style.json";
    rapidjson::Document doc = parse_json(embedded_file(file), file);
    validate_json(doc, embedded_file("schemas/style.schema.json"), file);
    StyleTable out;
    for (const auto& n : doc["node_types"].GetArray()) {
      TypeStyle s;
      s.color = n["color"].GetString();
      s.shape = n["shape"].GetString();
      s.legend = n["legend"].GetString();
      set_rgb(s);
      out.node_order.push_back(n["type"].GetString());
      out.nodes.emplace(out.node_order.back(), s);
    }
    for (const auto& e : doc["edge_types"].GetArray()) {
      out.edge_order.push_back(e["type"].GetString());
      out.edges.emplace(
          out.edge_order.back(),
          EdgeTypeStyle{e["color"].GetString(), e["style"].GetString(), e["legend"].GetString()});
    }
    for (const auto& s : doc["spectrum"].GetArray())
      out.spectrum.push_back(
          {s["id"].GetString(), s["color"].GetString(), s["legend"].GetString()});
    out.unknown_spectrum = doc["unknown_spectrum_color"].GetString();
    out.unknown_type = doc["unknown_type_color"].GetString();
    return out;
  }();
  return t;
}

}  // namespace

const std::vector<std::string>& styled_types() { return table().node_order; }
const std::vector<std::string>& styled_edge_types() { return table().edge_order; }
const std::vector<SpectrumStyle>& spectrum_styles() { return table().spectrum; }

TypeStyle type_style(const std::string& type) {
  auto it = table().nodes.find(type);
  if (it != table().nodes.end()) return it->second;
  TypeStyle s;
  s.color = table().unknown_type;
  s.shape = "ellipse";
  s.legend = type;
  set_rgb(s);
  return s;
}

EdgeTypeStyle edge_type_style(const std::string& type) {
  auto it = table().edges.find(type);
  if (it != table().edges.end()) return it->second;
  return {table().unknown_type, "solid", type};
}

std::string spectrum_color(const std::string& spectrum) {
  for (const auto& s : table().spectrum)
    if (s.id == spectrum) return s.color;
  return table().unknown_spectrum;
}

std::string node_spectrum(const NodeProps& n) {
  if (n.type != "Instrument") return "";
  auto it = n.attributes.find("spectrum");
  if (it == n.attributes.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

std::vector<NodeStyle> node_styles(const Graph& g, const std::string& size_metric) {
  std::vector<double> measure(g.node_count(), NAN);
  if (size_metric == kDominanceSize) {
    measure = node_dominance(g);
  } else {
    for (std::size_t v = 0; v < g.node_count(); ++v) {
      auto it = g.node(v).metrics.find(size_metric);
      if (it != g.node(v).metrics.end()) measure[v] = it->second;
    }
  }
  double lo = 0, hi = 0;
  bool any = false;
  for (double m : measure) {
    if (!std::isfinite(m)) continue;
    lo = any ? std::min(lo, m) : m;
    hi = any ? std::max(hi, m) : m;
    any = true;
  }
  std::vector<NodeStyle> out(g.node_count());
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    NodeStyle& s = out[v];
    const NodeProps& n = g.node(v);
    s.type = type_style(n.type);
    if (n.type == "Instrument") {
      s.type.color = spectrum_color(node_spectrum(n));
      set_rgb(s.type);
    }
    if (std::isfinite(measure[v]) && hi > lo) s.scale = (measure[v] - lo) / (hi - lo);
    s.size = 10 + 40 * s.scale;
    s.width = 0.3 + 1.5 * s.scale;
  }
  return out;
}

std::vector<std::string> node_labels(const NodeProps& n) {
  std::vector<std::string> out = {n.type};
  for (const auto& r : roles_of(n.attributes))
    if (std::string t = role_type(r);
        !t.empty() && std::find(out.begin(), out.end(), t) == out.end())
      out.push_back(std::move(t));
  return out;
}

}  // namespace softgraph
