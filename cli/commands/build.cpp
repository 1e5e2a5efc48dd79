// softgraph build: extract, build the graph, compute metrics and export it.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "filter_options.hpp"
#include "projection_writer.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/sink.hpp"

namespace softgraph::cli {

namespace {

struct BuildArgs {
  Common common;
  std::string out_dir = "out";
  std::string formats = "json,graphml,dot,jsonld,svg";
  ExportOptions eo;
  std::string projections;
  FilterArgs filter;
};

void run_build(BuildArgs& a) {
  ExportOptions& eo = a.eo;
  const auto inputs = inputs_or_example(a.common, "build");
  Pipeline p = make_pipeline(a.common);
  eo.formats = split_list(a.formats);
  if (a.out_dir.empty())
    throw Error(ErrorCode::kUsage, "", "--output", "the output folder is empty");
  to_filter(a.filter);  // a mistyped --view fails before the texts are read
  const auto known = known_projections();
  for (const auto& kind : split_list(a.projections))
    if (std::find(known.begin(), known.end(), kind) == known.end())
      throw Error(ErrorCode::kUsage, "", "--projection", "unknown projection '" + kind + "'");
  if (eo.formats.empty()) check_options(Graph{}, eo);  // --format '': before any reading
  Graph g = apply_filter_options(build_from_inputs(p, inputs, a.out_dir), a.filter, eo);
  check_options(g, eo);
  // The projections are part of the same output set, committed with it.
  auto written = export_graph(
      g, a.out_dir, eo, [&](Sink& sink) { write_projections(g, split_list(a.projections), sink); });
  spdlog::info("exported");
  print_summary(g, written, std::cout);
}

}  // namespace

Command add_build_command(CLI::App& app) {
  auto a = std::make_shared<BuildArgs>();
  auto* build =
      add_reading_command(app, "build", "Extract, build the graph, compute metrics and export it",
                          a->common, Inputs::kOrExample);
  build->add_option("-o,--output", a->out_dir, "Output folder")->capture_default_str();
  build
      ->add_option("--max-evidence", a->common.max_evidence,
                   "Evidence records kept per edge, the first by document and offset (0: all)")
      ->check(not_negative())
      ->capture_default_str();
  build
      ->add_option(
          "--format", a->formats,
          "Comma-separated formats: " +
              [] {
                std::string s;
                for (const auto& f : known_formats()) s += (s.empty() ? "" : ",") + f;
                return s;
              }())
      ->capture_default_str();
  build->add_option("--metrics-skip", a->common.metrics_skip,
                    "Comma-separated edge types left out of the metrics, e.g. MENTIONS,CITES");
  build->add_option("--layout", a->eo.layout, "Graphviz layout: sfdp, neato, dot, circo, fdp")
      ->capture_default_str();
  build->add_option("--size-metric", a->eo.size_metric, "Metric that sizes nodes in diagrams")
      ->capture_default_str();
  build->add_flag("--clusters", a->eo.clusters,
                  "Cluster each actor with its institutions in diagrams");
  add_page_options(build, a->eo);
  build
      ->add_option("--gexf-version", a->eo.gexf_version,
                   "graph.gexf: 1.3 (Gephi) or 1.2 (1.2draft, read by NetworkX)")
      ->capture_default_str();
  build->add_option("--projection", a->projections,
                    "Comma-separated analysis projections: actor-actor, actor-channel, cocitation");
  add_filter_options(build, a->filter);
  return {build, [a] { run_build(*a); }};
}

}  // namespace softgraph::cli
