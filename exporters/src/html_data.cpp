// The explorer's data: one compact JSON object the page's script reads (exporters/explorer/
// explorer.js). Strings go through escape::json_string; the caller makes the whole text safe for
// a <script> element with escape::script_json.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "html_explorer.hpp"
#include "softgraph/export/escape.hpp"

namespace softgraph {
namespace {

// Edge colours by type. The influence types first; the literature types in case a view has them.
const std::map<std::string, std::string>& edge_colors() {
  static const std::map<std::string, std::string> kColors = {
      {"OPERATES", "#8c564b"}, {"USES_INSTRUMENT", "#2ca02c"}, {"DELIVERS", "#bcbd22"},
      {"TARGETS", "#1f77b4"},  {"MEMBER_OF", "#9467bd"},       {"PARTNERS_WITH", "#e377c2"},
      {"CITES", "#7f7f7f"},    {"DISCUSSES", "#17becf"},       {"AUTHORED", "#c5b0d5"},
      {"MENTIONS", "#c7c7c7"}, {"CO_CITED", "#aec7e8"}};
  return kColors;
}

std::string edge_color(const std::string& type) {
  auto it = edge_colors().find(type);
  return it == edge_colors().end() ? "#999999" : it->second;
}

std::string str(std::string_view s) { return escape::json_string(s); }
std::string num(double v) { return escape::number(v).value_or("null"); }

std::string value(const AttrValue& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return num(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return str(*s);
  std::string out = "[";
  for (const auto& item : std::get<std::vector<std::string>>(v)) {
    if (out.size() > 1) out += ',';
    out += str(item);
  }
  return out + "]";
}

void attributes(const Attributes& attrs, std::string& out) {
  out += '{';
  bool first = true;
  for (const auto& [k, v] : attrs) {
    if (const auto* d = std::get_if<double>(&v); d && !std::isfinite(*d)) continue;
    if (!first) out += ',';
    out += str(k) + ":" + value(v);
    first = false;
  }
  out += '}';
}

void evidence(const Evidence& e, std::string& out) {
  out += "{\"document\":" + str(e.document) + ",\"start\":" + std::to_string(e.range.begin) +
         ",\"end\":" + std::to_string(e.range.end) + ",\"quote\":" + str(e.quote);
  if (!e.text.empty()) out += ",\"text\":" + str(e.text);
  out += ",\"rule\":" + str(e.rule) +
         ",\"confidence\":" + num(std::isfinite(e.confidence) ? e.confidence : 0.0) +
         ",\"sentence\":" + std::to_string(e.sentence);
  if (e.page != 0) out += ",\"page\":" + std::to_string(e.page);
  if (!e.element.empty()) out += ",\"element\":" + str(e.element);
  out += '}';
}

// A string attribute of a node, or "".
std::string attr_string(const NodeProps& n, const char* key) {
  auto it = n.attributes.find(key);
  if (it == n.attributes.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

}  // namespace

void write_explorer_data(const Graph& view, const std::vector<Point>& positions,
                         const std::vector<NodeStyle>& styles, const ExportOptions& opt,
                         const std::string& title, std::string& out) {
  const auto& bg = view.boost();
  const auto nodes = view.sorted_nodes();
  const auto edges = view.sorted_edges();
  std::map<std::string, int> node_types, edge_types;
  for (Vertex v : nodes) ++node_types[view.node(v).type];
  for (EdgeDesc e : edges) ++edge_types[view.edge(e).type];

  out += "{\"title\":" + str(title) + ",\"view\":\"influence\",\"layout\":" + str(opt.layout) +
         ",\"sizeMetric\":" + str(opt.size_metric) + ",\"documents\":[";
  for (std::size_t i = 0; i < view.documents.size(); ++i) {
    const auto& d = view.documents[i];
    if (i) out += ",";
    out +=
        "{\"id\":" + str(d.id) + ",\"path\":" + str(d.path) + ",\"format\":" + str(d.format) + "}";
  }
  // Node types in the legend's order, then any the style table does not know.
  out += "],\"nodeTypes\":[";
  std::vector<std::string> order;
  for (const auto& t : styled_types())
    if (node_types.count(t)) order.push_back(t);
  for (const auto& [t, count] : node_types)
    if (std::find(order.begin(), order.end(), t) == order.end()) order.push_back(t);
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i) out += ",";
    out += "{\"name\":" + str(order[i]) + ",\"color\":" + str(type_style(order[i]).color) +
           ",\"count\":" + std::to_string(node_types[order[i]]) + "}";
  }
  out += "],\"edgeTypes\":[";
  bool first = true;
  for (const auto& [t, count] : edge_types) {
    if (!first) out += ',';
    out += "{\"name\":" + str(t) + ",\"color\":" + str(edge_color(t)) +
           ",\"count\":" + std::to_string(count) + "}";
    first = false;
  }
  // Channels: the view's Instrument nodes, by label.
  out += "],\"channels\":[";
  std::vector<Vertex> channels;
  for (Vertex v : nodes)
    if (view.node(v).type == "Instrument") channels.push_back(v);
  std::sort(channels.begin(), channels.end(), [&](Vertex a, Vertex b) {
    return std::tie(view.node(a).label, view.node(a).id) <
           std::tie(view.node(b).label, view.node(b).id);
  });
  for (std::size_t i = 0; i < channels.size(); ++i) {
    const NodeProps& n = view.node(channels[i]);
    if (i) out += ",";
    out += "{\"id\":" + str(n.id) + ",\"label\":" + str(n.label) +
           ",\"spectrum\":" + str(attr_string(n, "spectrum")) + "}";
  }
  out += "],\"nodes\":[";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    Vertex v = nodes[i];
    const NodeProps& n = view.node(v);
    if (i) out += ",";
    out += "{\"id\":" + str(n.id) + ",\"label\":" + str(n.label) + ",\"type\":" + str(n.type) +
           ",\"x\":" + num(positions[v].x) + ",\"y\":" + num(positions[v].y) +
           ",\"size\":" + num(3 + 12 * styles[v].scale) +
           ",\"color\":" + str(styles[v].type.color) + ",\"aliases\":[";
    for (std::size_t k = 0; k < n.aliases.size(); ++k) {
      if (k) out += ',';
      out += str(n.aliases[k]);
    }
    out += "],\"attributes\":";
    attributes(n.attributes, out);
    out += ",\"metrics\":{";
    bool first_metric = true;
    for (const auto& [k, x] : n.metrics) {
      if (!std::isfinite(x)) continue;
      if (!first_metric) out += ',';
      out += str(k) + ":" + num(x);
      first_metric = false;
    }
    out += "}}";
  }
  out += "],\"edges\":[";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    EdgeDesc e = edges[i];
    const EdgeProps& p = view.edge(e);
    const NodeProps& target = view.node(boost::target(e, bg));
    if (i) out += ",";
    out += "{\"id\":" + str(view.edge_id(e)) +
           ",\"source\":" + str(view.node(boost::source(e, bg)).id) +
           ",\"target\":" + str(target.id) + ",\"type\":" + str(p.type.str()) +
           ",\"color\":" + str(edge_color(p.type)) + ",\"weight\":" + num(p.weight);
    // The channel an edge belongs to, for the channel filter: the Instrument it points at.
    if (target.type == "Instrument") out += ",\"channel\":" + str(target.id);
    out += ",\"attributes\":";
    attributes(p.attributes(), out);
    out += ",\"evidence\":[";
    for (std::size_t k = 0; k < p.evidence().size(); ++k) {
      if (k) out += ',';
      evidence(p.evidence()[k], out);
    }
    out += "]}";
  }
  out += "]}";
}

}  // namespace softgraph
