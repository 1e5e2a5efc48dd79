// softgraph render: re-render a graph.json with other diagram options.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "filter_options.hpp"
#include "softgraph/core/terminal_text.hpp"

namespace fs = std::filesystem;

namespace softgraph::cli {

namespace {

struct RenderArgs {
  std::string in, out, formats = "svg";
  ExportOptions ro;
  FilterArgs filter;
};

void run_render(RenderArgs& a) {
  ExportOptions& ro = a.ro;
  Graph g = apply_filter_options(read_graph_json(a.in), a.filter, ro);
  ro.formats = split_list(a.formats);
  check_options(g, ro);
  std::string out = a.out;
  if (out.empty()) out = (fs::path(a.in).parent_path() / "diagrams").string();
  auto written = export_graph(g, out, ro);
  for (const auto& w : written) std::cout << terminal_text(w.string()) << "\n";
}

}  // namespace

Command add_render_command(CLI::App& app) {
  auto a = std::make_shared<RenderArgs>();
  auto* render = app.add_subcommand("render", "Re-render a graph.json with other diagram options");
  render->add_option("graph", a->in, "graph.json")->required();
  render->add_option("-o,--output", a->out,
                     "Output folder (default: diagrams/ beside the graph.json, so that the "
                     "build's own graph.svg and graph.dot are never replaced)");
  render->add_option("--format", a->formats, "dot, svg, png, pdf, html (comma-separated)")
      ->capture_default_str();
  render->add_option("--layout", a->ro.layout, "Graphviz layout")->capture_default_str();
  render->add_option("--size-metric", a->ro.size_metric, "Metric that sizes nodes")
      ->capture_default_str();
  render->add_flag("--clusters", a->ro.clusters, "Cluster each actor with its institutions");
  render->add_flag("!--no-legend", a->ro.legend, "Leave the legend out");
  add_filter_options(render, a->filter);
  add_page_options(render, a->ro);
  return {render, [a] { run_render(*a); }};
}

}  // namespace softgraph::cli
