// --view and the filters on the command line (filter_options.hpp).
#include "filter_options.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <sstream>

namespace softgraph {
namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

}  // namespace

void add_filter_options(CLI::App* cmd, FilterArgs& a) {
  cmd->add_option("--view", a.view,
                  "influence, literature or all: what every export holds (default: all in the "
                  "data files; the diagram draws the influence view, graph-literature.* the "
                  "literature)");
  auto* focus =
      cmd->add_option("--focus", a.focus,
                      "Comma-separated node ids or names: keep their neighbourhood (see --depth)");
  cmd->add_option("--depth", a.depth, "Hops around the --focus nodes")
      ->capture_default_str()
      ->needs(focus);
  cmd->add_option("--channels", a.channels,
                  "Comma-separated channels (codebook ids): their instruments and carriers");
  cmd->add_option("--edge-types", a.edge_types, "Comma-separated edge types to keep");
  cmd->add_option("--node-types", a.node_types, "Comma-separated node types to keep");
  cmd->add_option("--min-weight", a.min_weight, "Keep edges with at least this weight");
  cmd->add_option("--min-confidence", a.min_confidence,
                  "Keep edges whose best evidence has at least this confidence (0-1)");
}

GraphFilter to_filter(const FilterArgs& a) {
  GraphFilter f;
  if (!a.view.empty()) f.view = parse_view(a.view);
  f.focus = split(a.focus);
  f.depth = a.depth;
  f.channels = split(a.channels);
  f.edge_types = split(a.edge_types);
  f.node_types = split(a.node_types);
  f.min_weight = a.min_weight;
  f.min_confidence = a.min_confidence;
  return f;
}

Graph apply_filter_options(Graph g, const FilterArgs& a, ExportOptions& opt) {
  const GraphFilter f = to_filter(a);
  if (a.view.empty()) opt.diagram_views = {View::kInfluence, View::kLiterature};
  if (f.keeps_all()) return g;
  Graph part = select_subgraph(g, f);
  spdlog::info("filter {}: {} of {} nodes, {} of {} edges", f.describe(), part.node_count(),
               g.node_count(), part.edge_count(), g.edge_count());
  return part;
}

}  // namespace softgraph
