// softgraph merge: the graph from extraction records, byte-identical to a single run.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "filter_options.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/graph/graph_builder.hpp"
#include "softgraph/records/records.hpp"

namespace softgraph::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string out = "out";
  std::string formats = "json,graphml,dot,jsonld,svg";
  unsigned threads = 0;
  std::string gexf_version = "1.3";
  std::size_t max_evidence = 0;
  std::string metrics_skip;
  std::vector<std::string> lexicons;
  FilterArgs filter;
};

void run_merge(const MergeArgs& a) {
  Common mc;
  mc.threads = a.threads;
  mc.max_evidence = a.max_evidence;
  mc.metrics_skip = a.metrics_skip;
  mc.lexicons = a.lexicons;
  if (a.out.empty()) throw Error(ErrorCode::kUsage, "", "--output", "the output folder is empty");
  Pipeline p = make_pipeline(mc);
  GraphBuilder builder = p.make_builder();
  // The same order as a single run: documents sorted by path.
  for_each_extraction_by_path(
      a.parts, [&](DocumentExtraction&& x) { builder.add(std::move(x)); }, &p.entity_catalog());
  if (builder.document_count() == 0) throw input_error(a.parts.front(), "", "no extraction record");
  ExportOptions mo;
  Graph g = apply_filter_options(p.finish(builder), a.filter, mo);
  mo.formats = split_list(a.formats);
  mo.gexf_version = a.gexf_version;
  check_options(g, mo);
  auto written = export_graph(g, a.out, mo);  // merge reads only its parts: nothing to exclude
  print_summary(g, written, std::cout);
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto a = std::make_shared<MergeArgs>();
  auto* merge = app.add_subcommand("merge", "Build the graph from extraction records");
  merge->add_option("parts", a->parts, "Extraction .jsonl files")->required();
  merge->add_option("-o,--output", a->out, "Output folder")->capture_default_str();
  merge->add_option("--format", a->formats, "Comma-separated formats")->capture_default_str();
  merge->add_option("--gexf-version", a->gexf_version, "graph.gexf: 1.3 or 1.2 (1.2draft)")
      ->capture_default_str();
  merge->add_option("--threads", a->threads, "Worker threads for metrics")->check(not_negative());
  merge
      ->add_option("--max-evidence", a->max_evidence,
                   "Evidence records kept per edge, the first by document and offset (0: all)")
      ->check(not_negative())
      ->capture_default_str();
  merge->add_option("--metrics-skip", a->metrics_skip,
                    "Comma-separated edge types left out of the metrics, e.g. MENTIONS,CITES");
  merge->add_option("--lexicon", a->lexicons,
                    "The extra lexicon file(s) the records were extracted with: records name "
                    "lexicon entities by id");
  add_filter_options(merge, a->filter);
  return {merge, [a] { run_merge(*a); }};
}

}  // namespace softgraph::cli
