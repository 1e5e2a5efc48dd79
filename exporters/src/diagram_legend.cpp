// The diagram legend: the graph's label, an HTML-like table of three columns (node types, edge
// types, channel colours from hard to soft) and a line on node size and edge width. A graph label
// is placed the same way by every engine, which a legend node or cluster would not be (fdp moves
// disconnected components between runs, sfdp ignores clusters). Only what the graph holds is
// listed.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "graphviz_scene.hpp"
#include "softgraph/export/escape.hpp"

namespace softgraph {
namespace {

const char* kTable = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";

std::string heading(const std::string& text) {
  return "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + escape::xml_text(text) + "</B></TD></TR>";
}

std::string row(const std::string& swatch, const std::string& text) {
  return "<TR>" + swatch + "<TD ALIGN=\"LEFT\">" + escape::xml_text(text) + "</TD></TR>";
}

// A colour cell of w x h points at nominal size, times the legend's scale.
std::string swatch(const std::string& color, double w, double h, double scale) {
  return "<TD BGCOLOR=\"" + color + "\" WIDTH=\"" + std::to_string(std::lround(w * scale)) +
         "\" HEIGHT=\"" + std::to_string(std::lround(h * scale)) + "\" FIXEDSIZE=\"TRUE\"></TD>";
}

bool listed(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

std::string size_text(const std::string& size_metric) {
  if (size_metric == kDominanceSize)
    return "node size: an actor's dominance (channel shares + channels led)";
  return "node size: " + size_metric;
}

}  // namespace

void add_legend(Agraph_t* g, const Graph& graph, const std::string& size_metric, double scale) {
  auto box = [&](const std::string& color) { return swatch(color, 14, 10, scale); };
  auto line = [&](const std::string& color) { return swatch(color, 22, 3, scale); };
  // The spectrum's colours side by side in one swatch (a gradient fill would number its SVG id
  // from a counter that runs across renders in one process).
  auto stripes = [&] {
    std::string cells;
    const double w = 14.0 / static_cast<double>(spectrum_styles().size());
    for (const auto& s : spectrum_styles()) cells += swatch(s.color, w, 10, scale);
    return "<TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" +
           cells + "</TR></TABLE></TD>";
  };
  std::set<std::string> node_types, edge_types, spectra;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    node_types.insert(graph.node(v).type);
    std::string s = node_spectrum(graph.node(v));
    if (graph.node(v).type == "Instrument") spectra.insert(s);
  }
  for (EdgeDesc e : graph.sorted_edges()) edge_types.insert(graph.edge(e).type.str());

  std::string nodes = kTable + heading("Nodes");
  for (const auto& type : styled_types()) {
    if (!node_types.count(type)) continue;
    if (type == "Instrument" && !spectrum_styles().empty())  // filled by spectrum: its colours
      nodes += row(stripes(), type_style(type).legend + ", by spectrum");
    else
      nodes += row(box(type_style(type).color), type_style(type).legend);
  }
  for (const auto& type : node_types)  // types the style table does not know, in grey
    if (!listed(styled_types(), type)) nodes += row(box(type_style(type).color), type);
  nodes += "</TABLE>";

  std::string edges = kTable + heading("Edges");
  bool channel_edges = false;
  for (const auto& type : styled_edge_types()) {
    if (!edge_types.count(type)) continue;
    EdgeTypeStyle s = edge_type_style(type);
    channel_edges = channel_edges || s.color == "spectrum";
    std::string text = s.legend + (s.style == "solid" ? "" : " (" + s.style + ")");
    if (s.color == "spectrum") text += ", channel colour";
    edges += row(line(s.color == "spectrum" ? "#555555" : s.color), text);
  }
  for (const auto& type : edge_types)
    if (!listed(styled_edge_types(), type)) edges += row(line(edge_type_style(type).color), type);
  edges += "</TABLE>";

  std::string channels;
  if (!spectra.empty() || channel_edges) {
    channels = kTable + heading("Channels, hard to soft");
    for (const auto& s : spectrum_styles())
      if (spectra.count(s.id)) channels += row(box(s.color), s.legend);
    std::vector<std::string> known;
    for (const auto& s : spectrum_styles()) known.push_back(s.id);
    for (const auto& s : spectra)
      if (!listed(known, s)) channels += row(box(spectrum_color(s)), s.empty() ? "no spectrum" : s);
    channels += "</TABLE>";
  }

  std::string html = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\">";
  html += "<TR><TD VALIGN=\"TOP\">" + nodes + "</TD><TD VALIGN=\"TOP\">" + edges + "</TD>";
  if (!channels.empty()) html += "<TD VALIGN=\"TOP\">" + channels + "</TD>";
  html += "</TR><TR><TD COLSPAN=\"" + std::string(channels.empty() ? "2" : "3") +
          "\" ALIGN=\"LEFT\">" + escape::xml_text(size_text(size_metric)) +
          "; edge width: weight (evidence)</TD></TR></TABLE>";
  char* label = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agsafeset(g, const_cast<char*>("label"), label, const_cast<char*>(""));
  agstrfree(g, label);
  gv_set(g, "labelloc", "b");
  gv_set(g, "labeljust", "r");
}

}  // namespace softgraph
