// softgraph: texts about influence between states -> a typed knowledge graph and its exports.
// Parses the command line, runs the pipeline once, turns every error into one message and an
// exit code (1 bad input, 2 usage, 3 output, 4 internal).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#ifdef __GLIBC__
#include <malloc.h>
#ifdef SOFTGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif
#endif
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include "challenge.hpp"
#include "command_suggest.hpp"
#include "evaluation.hpp"
#include "softgraph/cli/extraction_jsonl.hpp"
#include "filter_options.hpp"
#include "lexicon_suggest.hpp"
#include "softgraph/pipeline/pipeline.hpp"
#include "projection_writer.hpp"
#include "terminal_log.hpp"
#include "text_command.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/export/export.hpp"
#if __has_include("softgraph/export/channels_writer.hpp")
#include "softgraph/export/channel_matrix.hpp"
#include "softgraph/export/channels_writer.hpp"
#include "softgraph/export/sink.hpp"
#include "softgraph/analysis/channels.hpp"
#include "softgraph/analysis/dominance.hpp"
#define SOFTGRAPH_HAVE_CHANNELS 1
#endif

namespace fs = std::filesystem;
using namespace softgraph;

namespace {

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

#ifdef SOFTGRAPH_HAVE_CHANNELS
// The ten most dominant actors (dominance.hpp; PageRank stays in the metrics) with the channels
// each leads, "=" marking a shared lead.
void print_dominance(const std::vector<ActorDominance>& ranking, std::ostream& out) {
  if (ranking.empty()) return;
  out << "top actors by dominance (sum of channel shares + channels led; influence edges):\n";
  for (std::size_t i = 0; i < ranking.size() && i < 10; ++i) {
    const auto& d = ranking[i];
    std::string leads;
    for (const auto& c : d.leads) {
      const bool shared = std::find(d.shared.begin(), d.shared.end(), c) != d.shared.end();
      leads += (leads.empty() ? "" : ", ") + c + (shared ? "=" : "");
    }
    out << "  " << std::setw(2) << i + 1 << ". " << std::left << std::setw(28) << d.label
        << std::right << std::fixed << std::setprecision(2) << std::setw(6) << d.score << "  "
        << (leads.empty() ? std::string("leads no channel") : "leads " + leads) << "\n";
  }
}
#endif

void print_summary(const Graph& g, const std::vector<fs::path>& written, std::ostream& out) {
  std::map<std::string, int> nodes, edges;
  for (Vertex v : g.sorted_nodes()) nodes[g.node(v).type]++;
  for (EdgeDesc e : g.sorted_edges()) edges[g.edge(e).type]++;
  out << "softgraph: " << g.node_count() << " nodes, " << g.edge_count() << " edges from "
      << g.documents.size() << " document(s)\n";
  out << "nodes:";
  for (const auto& [t, n] : nodes) out << " " << terminal_text(t) << "=" << n;
  out << "\nedges:";
  for (const auto& [t, n] : edges) out << " " << terminal_text(t) << "=" << n;
  out << "\n";
#ifdef SOFTGRAPH_HAVE_CHANNELS
  print_dominance(rank_dominance(compute_channels(g, /*details=*/false)), out);
#endif
  if (!g.warnings.empty()) out << g.warnings.size() << " warning(s) listed in graph.json\n";
  out << "outputs:\n";
  for (const auto& p : written) out << "  " << terminal_text(p.string()) << "\n";
}

struct Common {
  std::vector<std::string> inputs;
  bool example = false;  // --example: the embedded brief instead of inputs
  std::vector<std::string> lexicons;
  unsigned threads = 0;
  bool lossy = false;
  bool strict = false;
  std::string input_format = "auto";
  std::size_t max_evidence = 0;
  std::string metrics_skip;
  bool ocr = false;
  std::uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
};

// A count that must not be negative: CLI11 would wrap "-1" into a huge unsigned value.
const CLI::Validator kNotNegative(
    [](std::string& s) {
      return s.find('-') != std::string::npos ? "must not be negative (got " + s + ")"
                                              : std::string();
    },
    "NON-NEGATIVE");

void add_common(CLI::App* cmd, Common& c, bool inputs_required) {
  auto* in = cmd->add_option("inputs", c.inputs,
                             "Text, PDF or HTML files, folders, globs, or - for paths on stdin");
  if (inputs_required) in->required();
  cmd->add_option("--lexicon", c.lexicons,
                  "Extra lexicon JSON file(s), added to the built-in ones");
  cmd->add_option("--threads", c.threads, "Worker threads (default: all cores)")
      ->check(kNotNegative);
  cmd->add_flag("--lossy", c.lossy, "Replace invalid UTF-8 with U+FFFD instead of failing");
  cmd->add_flag("--strict", c.strict,
                "Fail the run on the first bad document instead of skipping it");
  cmd->add_option("--input-format", c.input_format, "auto, text, pdf or html")
      ->check(CLI::IsMember({"auto", "text", "pdf", "html"}));
  cmd->add_flag("--ocr", c.ocr,
                "Read PDF pages without a usable text layer with Tesseract (rendered by poppler)");
  cmd->add_option("--max-document-size", c.max_document_bytes,
                  "Refuse documents (files, or the text of a PDF or HTML file) larger than this, "
                  "e.g. 200MB (0: no limit; a build needs ~100 MB + 12x the document's size)")
      ->transform(CLI::AsSizeValue(true))
      ->capture_default_str();
}

bool g_quiet = false;

Pipeline make_pipeline(const Common& c) {
  PipelineOptions o;
  o.progress = !g_quiet;
  o.lexicon_files = c.lexicons;
  o.threads = c.threads;
  o.strict = c.strict;
  o.ingest.lossy = c.lossy;
  o.ingest.input_format = c.input_format;
  o.ingest.ocr = c.ocr;
  o.ingest.max_document_bytes = c.max_document_bytes;
  o.max_evidence = c.max_evidence;
  o.metrics_skip = split_list(c.metrics_skip);
  return Pipeline(o);
}

// --example for build and channels: the embedded brief (examples/) instead of inputs.
void add_example_flag(CLI::App* cmd, Common& c) {
  cmd->add_flag("--example", c.example,
                "Run on the embedded example brief (examples/central-asia-brief.txt) instead of "
                "inputs");
}

// No input is a usage error naming --example (it used to run the embedded brief silently); with
// --example the inputs are the embedded brief alone. Checked before anything is read or written.
std::vector<std::string> inputs_or_example(const Common& c, const std::string& command) {
  if (c.example) {
    if (!c.inputs.empty())
      throw Error(ErrorCode::kUsage, "", command,
                  "--example takes no inputs (give one or the other)");
    spdlog::info("--example: using the embedded brief examples/central-asia-brief.txt");
    return {default_input_path()};
  }
  if (c.inputs.empty())
    throw Error(ErrorCode::kUsage, "", command,
                "no input given: name files, folders, globs or - (paths on stdin), or give "
                "--example to run on the embedded example brief");
  return c.inputs;
}

// `output` (the run's output folder, if any) is never read back as input.
Graph build_from_inputs(const Pipeline& p, const std::vector<std::string>& inputs,
                        const std::string& output = "") {
  std::vector<std::string> files = expand_inputs(inputs, {output});
  spdlog::info("reading {} document(s)", files.size());
  GraphBuilder builder = p.make_builder();
  std::size_t n =
      p.extract_stream(files, [&](DocumentExtraction&& x) { builder.add(std::move(x)); });
  spdlog::info("extracted {} document(s)", n);
  return p.finish(builder);
}

bool is_graph_json(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
}

// A mistyped command, found before CLI11 parses (which would only say "A subcommand is
// required"): the first word that is not an option must name a command of the app, and of
// `lexicon` the word after it. Global options are flags, so no option value comes before the
// command; inside a command without subcommands the walk stops (its words are its own).
std::optional<std::string> mistyped_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* cur = &app;
  std::string parent;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") return std::nullopt;
    if (a.size() > 1 && a[0] == '-') continue;
    auto subs = cur->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) return std::nullopt;
    std::vector<std::string> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* s : subs) {
      names.push_back(s->get_name());
      if (s->get_name() == a) next = s;
    }
    if (!next) return unknown_command_message(a, names, parent);
    parent = parent.empty() ? next->get_name() : parent + " " + next->get_name();
    cur = next;
  }
  return std::nullopt;
}

// Diagram page options shared by build and render.
void add_page_options(CLI::App* cmd, ExportOptions& o) {
  cmd->add_option("--page", o.page,
                  "Fit diagrams to a page, labels at 7 pt or more: a4, letter, a3");
  cmd->add_flag("--landscape", o.landscape, "Turn the --page page");
  cmd->add_flag("--draw-large", o.draw_large,
                "Draw diagrams of graphs over 10,000 nodes too (slow)");
}

}  // namespace

// The version line names the allocator: mimalloc when linked (cli/CMakeLists.txt), which this
// reference also keeps linked under --as-needed.
std::string version_line() {
  std::string v = std::string("softgraph ") + SOFTGRAPH_VERSION;
#ifdef SOFTGRAPH_WITH_MIMALLOC
  v += " (mimalloc " + std::to_string(mi_version()) + ")";
#endif
  return v;
}

int main(int argc, char** argv) {
#if defined(__GLIBC__) && !defined(SOFTGRAPH_WITH_MIMALLOC)
  // Every document's extraction and record take megabytes that are freed a moment later. By
  // default glibc hands such blocks back to the kernel (mmap, heap trimming) and faults them in
  // again for the next document: a third of `extract`'s time. Keep freed memory for reuse.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  // Before any thread starts: SIGINT, SIGTERM and SIGHUP remove the run's temporaries and
  // staging folder, then end it (core/temp_files.hpp).
  install_signal_cleanup();
  install_terminal_logger();
  spdlog::set_pattern("softgraph: %^%l%$: %v");
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{"softgraph: texts about influence between states -> a typed knowledge graph"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  // Global flags are accepted anywhere: options a subcommand does not know fall through to the
  // app (`softgraph build x.txt -q`). Subcommands inherit the setting when they are added.
  app.fallthrough();
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "More messages on stderr (anywhere on the line)");
  app.add_flag("-q,--quiet", quiet, "Errors only (anywhere on the line)");
  // CLI11 quotes the arguments it rejects (file names from a glob among them) in its messages.
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    std::string msg = CLI::FailureMessage::simple(a, e);
    const std::string what = e.what();  // the rest of msg is CLI11's own hint
    return terminal_text(what) + msg.substr(std::min(what.size(), msg.size()));
  });

  // build
  Common build_c;
  std::string out_dir = "out";
  std::string formats = "json,graphml,dot,jsonld,svg";
  ExportOptions eo;
  auto* build =
      app.add_subcommand("build", "Extract, build the graph, compute metrics and export it");
  add_common(build, build_c, false);
  add_example_flag(build, build_c);
  build->add_option("-o,--output", out_dir, "Output folder")->capture_default_str();
  build
      ->add_option("--max-evidence", build_c.max_evidence,
                   "Evidence records kept per edge, the first by document and offset (0: all)")
      ->check(kNotNegative)
      ->capture_default_str();
  build
      ->add_option(
          "--format", formats,
          "Comma-separated formats: " +
              [] {
                std::string s;
                for (const auto& f : known_formats()) s += (s.empty() ? "" : ",") + f;
                return s;
              }())
      ->capture_default_str();
  build->add_option("--metrics-skip", build_c.metrics_skip,
                    "Comma-separated edge types left out of the metrics, e.g. MENTIONS,CITES");
  build->add_option("--layout", eo.layout, "Graphviz layout: sfdp, neato, dot, circo, fdp")
      ->capture_default_str();
  build->add_option("--size-metric", eo.size_metric, "Metric that sizes nodes in diagrams")
      ->capture_default_str();
  build->add_flag("--clusters", eo.clusters,
                  "Cluster each actor with its institutions in diagrams");
  add_page_options(build, eo);
  build
      ->add_option("--gexf-version", eo.gexf_version,
                   "graph.gexf: 1.3 (Gephi) or 1.2 (1.2draft, read by NetworkX)")
      ->capture_default_str();
  std::string projections;
  build->add_option("--projection", projections,
                    "Comma-separated analysis projections: actor-actor, actor-channel, cocitation");
  FilterArgs build_filter;
  add_filter_options(build, build_filter);

  // extract / merge
  Common extract_c;
  std::string jsonl_out;
  auto* extract =
      app.add_subcommand("extract", "Write per-document extraction records (JSON lines)");
  add_common(extract, extract_c, true);
  extract->add_option("--jsonl", jsonl_out, "Output .jsonl file")->required();
  std::vector<std::string> parts;
  std::string merge_out = "out";
  std::string merge_formats = "json,graphml,dot,jsonld,svg";
  unsigned merge_threads = 0;
  auto* merge = app.add_subcommand("merge", "Build the graph from extraction records");
  merge->add_option("parts", parts, "Extraction .jsonl files")->required();
  merge->add_option("-o,--output", merge_out, "Output folder")->capture_default_str();
  merge->add_option("--format", merge_formats, "Comma-separated formats")->capture_default_str();
  std::string merge_gexf_version = "1.3";
  merge->add_option("--gexf-version", merge_gexf_version, "graph.gexf: 1.3 or 1.2 (1.2draft)")
      ->capture_default_str();
  merge->add_option("--threads", merge_threads, "Worker threads for metrics")->check(kNotNegative);
  std::size_t merge_max_evidence = 0;
  merge
      ->add_option("--max-evidence", merge_max_evidence,
                   "Evidence records kept per edge, the first by document and offset (0: all)")
      ->check(kNotNegative)
      ->capture_default_str();
  std::string merge_metrics_skip;
  merge->add_option("--metrics-skip", merge_metrics_skip,
                    "Comma-separated edge types left out of the metrics, e.g. MENTIONS,CITES");
  std::vector<std::string> merge_lexicons;
  merge->add_option("--lexicon", merge_lexicons,
                    "The extra lexicon file(s) the records were extracted with: records name "
                    "lexicon entities by id");
  FilterArgs merge_filter;
  add_filter_options(merge, merge_filter);

  // render
  std::string render_in, render_out, render_formats = "svg";
  ExportOptions ro;
  auto* render = app.add_subcommand("render", "Re-render a graph.json with other diagram options");
  render->add_option("graph", render_in, "graph.json")->required();
  render->add_option("-o,--output", render_out,
                     "Output folder (default: diagrams/ beside the graph.json, so that the "
                     "build's own graph.svg and graph.dot are never replaced)");
  render->add_option("--format", render_formats, "dot, svg, png, pdf, html (comma-separated)")
      ->capture_default_str();
  render->add_option("--layout", ro.layout, "Graphviz layout")->capture_default_str();
  render->add_option("--size-metric", ro.size_metric, "Metric that sizes nodes")
      ->capture_default_str();
  render->add_flag("--clusters", ro.clusters, "Cluster each actor with its institutions");
  render->add_flag("!--no-legend", ro.legend, "Leave the legend out");
  FilterArgs render_filter;
  add_filter_options(render, render_filter);
  add_page_options(render, ro);

  // channels
  Common channels_c;
  std::string channels_format = "table";
  auto* channels =
      app.add_subcommand("channels", "Which actors dominate which instrument channels");
  add_common(channels, channels_c, false);
  add_example_flag(channels, channels_c);
  channels->add_option("--format", channels_format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  std::string channels_matrix;
  channels->add_option("--matrix", channels_matrix,
                       "Also write the channel matrix (channel-matrix.svg, .png, .csv) into this "
                       "folder");

  // eval
  Common eval_c;
  std::string gold, challenge, challenge_predictions;
  bool eval_details = false;
  auto* eval = app.add_subcommand(
      "eval", "Score a build against a hand annotation, or the extractor on a challenge set");
  add_common(eval, eval_c, false);
  auto* gold_opt =
      eval->add_option("--gold", gold, "Gold annotation JSON (schemas/gold.schema.json)");
  auto* challenge_opt = eval->add_option(
      "--challenge", challenge,
      "Roles challenge set (JSONL, ../shared/eval/challenge/README.md): each item's text is run "
      "as a document of its own and scored against its relations and traps");
  gold_opt->excludes(challenge_opt);
  eval->add_option("--predictions", challenge_predictions,
                   "With --challenge: score these predictions (JSONL: id, relations) instead of "
                   "running the pipeline")
      ->needs(challenge_opt);
  eval->add_flag("--details", eval_details,
                 "List missed and spurious items (with --challenge: per item)");

  // lexicon
  auto* lexicon = app.add_subcommand("lexicon", "Check lexicons and suggest entries");
  lexicon->require_subcommand(1);
  std::string lexicon_file;
  auto* check = lexicon->add_subcommand("check", "Validate a lexicon file");
  check->add_option("file", lexicon_file, "Lexicon JSON")->required();
  Common suggest_c;
  auto* suggest = lexicon->add_subcommand(
      "suggest", "Print discovered entities the lexicon lacks, as lexicon JSON");
  add_common(suggest, suggest_c, true);

  // text: what evidence offsets index (cli/src/text_command.hpp)
  std::string text_file, text_format = "auto";
  int text_page = 0;
  bool text_lossy = false, text_ocr = false, text_repaired = false;
  auto* text_cmd = app.add_subcommand(
      "text",
      "Print the text that evidence offsets index: a PDF's pages (form feed between "
      "pages), an HTML page's elements, a text file as it is");
  text_cmd->add_option("file", text_file, "Text, PDF or HTML file")->required();
  text_cmd->add_option("--page", text_page, "Only this PDF page (1-based)")
      ->check(CLI::PositiveNumber);
  text_cmd->add_option("--input-format", text_format, "auto, text, pdf or html")
      ->check(CLI::IsMember({"auto", "text", "pdf", "html"}));
  text_cmd->add_flag("--lossy", text_lossy, "Replace invalid UTF-8 with U+FFFD");
  text_cmd->add_flag("--repaired", text_repaired,
                     "Print the repaired text the extractors read instead (line-end hyphens "
                     "resolved, cut paragraphs joined); offsets do not index it");
  text_cmd->add_flag("--ocr", text_ocr,
                     "Read PDF pages without a usable text layer with Tesseract");

  if (auto msg = mistyped_command(app, argc, argv)) {
    spdlog::error("{}", *msg);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (verbose) {
    spdlog::set_level(spdlog::level::info);
    spdlog::set_pattern("softgraph: %T.%e %^%l%$: %v");  // timings show where a run spends its time
  }
  if (quiet) spdlog::set_level(spdlog::level::err);
  g_quiet = quiet;

  try {
    if (*build) {
      const auto inputs = inputs_or_example(build_c, "build");
      Pipeline p = make_pipeline(build_c);
      eo.formats = split_list(formats);
      if (out_dir.empty())
        throw Error(ErrorCode::kUsage, "", "--output", "the output folder is empty");
      to_filter(build_filter);  // a mistyped --view fails before the texts are read
      const auto known = known_projections();
      for (const auto& kind : split_list(projections))
        if (std::find(known.begin(), known.end(), kind) == known.end())
          throw Error(ErrorCode::kUsage, "", "--projection", "unknown projection '" + kind + "'");
      if (eo.formats.empty()) check_options(Graph{}, eo);  // --format '': before any reading
      Graph g = apply_filter_options(build_from_inputs(p, inputs, out_dir), build_filter, eo);
      check_options(g, eo);
      // The projections are part of the same output set, committed with it.
      auto written = export_graph(
          g, out_dir, eo, [&](Sink& sink) { write_projections(g, split_list(projections), sink); });
      spdlog::info("exported");
      print_summary(g, written, std::cout);
    } else if (*extract) {
      if (jsonl_out.empty())
        throw Error(ErrorCode::kUsage, "", "--jsonl", "the output file name is empty");
      Pipeline p = make_pipeline(extract_c);
      std::vector<std::string> files = expand_inputs(extract_c.inputs, {jsonl_out});
      // A character device or a pipe (/dev/null, /dev/stdout) is written directly, never
      // replaced; a block device, a folder or a socket is refused, whatever symlink led there.
      std::error_code st_ec;
      const fs::file_status st = fs::status(jsonl_out, st_ec);
      const bool special =
          st.type() == fs::file_type::character || st.type() == fs::file_type::fifo;
      if (!st_ec && !special && st.type() != fs::file_type::regular &&
          st.type() != fs::file_type::not_found)
        throw Error(ErrorCode::kOutput, jsonl_out, "",
                    "is not a regular file, a character device or a pipe: not written");
      std::size_t records = 0;
      // Otherwise a fresh temporary beside it (unpredictable name, O_EXCL), renamed over it at
      // the end: two runs on the same file each write their own, and the last rename wins whole.
      TempFile tmp;
      std::ofstream special_out;
      if (special) {
        special_out.open(jsonl_out, std::ios::binary);
        if (!special_out) throw Error(ErrorCode::kOutput, jsonl_out, "", "cannot write");
      } else {
        remove_stale_temp_files(fs::path(jsonl_out).parent_path());
        tmp = create_temp_beside(jsonl_out);
      }
      std::ostream& out = special ? static_cast<std::ostream&>(special_out) : *tmp.stream;
      try {
        // Records are written as they come, in input order: nothing is held for the end.
        // Records are serialised by the worker that extracted the document, in parallel.
        // Lexicon entities are named by id: the lexicon is written once, not in every record.
        const EntityCatalog& catalog = p.entity_catalog();
        records = p.extract_stream_as(
            files,
            [&catalog](DocumentExtraction&& x) {
              std::string line = extraction_to_json(x, &catalog);
              line.push_back('\n');
              return line;
            },
            [&](std::string&& line) {
              out.write(line.data(), static_cast<std::streamsize>(line.size()));
              if (!out) throw Error(ErrorCode::kOutput, jsonl_out, "", "write failed (disk full?)");
            });
        out.flush();
        if (!out) throw Error(ErrorCode::kOutput, jsonl_out, "", "write failed (disk full?)");
        if (!special) {
          if (!tmp.stream->sync_and_close())
            throw Error(ErrorCode::kOutput, jsonl_out, "",
                        std::string("write failed: ") + std::strerror(errno));
          if (std::rename(tmp.path.c_str(), jsonl_out.c_str()) != 0)
            throw Error(
                ErrorCode::kOutput, jsonl_out, "",
                std::string("cannot rename the temporary file over it: ") + std::strerror(errno));
          unregister_cleanup(tmp.path.string());
        }
      } catch (...) {
        if (!special) {
          tmp.stream.reset();
          std::error_code ec;
          fs::remove(tmp.path, ec);
          unregister_cleanup(tmp.path.string());
        }
        throw;
      }
      std::cout << "softgraph: " << records << " extraction record(s) in "
                << terminal_text(jsonl_out) << "\n";
    } else if (*merge) {
      Common mc;
      mc.threads = merge_threads;
      mc.max_evidence = merge_max_evidence;
      mc.metrics_skip = merge_metrics_skip;
      mc.lexicons = merge_lexicons;
      if (merge_out.empty())
        throw Error(ErrorCode::kUsage, "", "--output", "the output folder is empty");
      Pipeline p = make_pipeline(mc);
      GraphBuilder builder = p.make_builder();
      // The same order as a single run: documents sorted by path.
      for_each_extraction_by_path(
          parts, [&](DocumentExtraction&& x) { builder.add(std::move(x)); }, &p.entity_catalog());
      if (builder.document_count() == 0)
        throw input_error(parts.front(), "", "no extraction record");
      ExportOptions mo;
      Graph g = apply_filter_options(p.finish(builder), merge_filter, mo);
      mo.formats = split_list(merge_formats);
      mo.gexf_version = merge_gexf_version;
      check_options(g, mo);
      auto written =
          export_graph(g, merge_out, mo);  // merge reads only its parts: nothing to exclude
      print_summary(g, written, std::cout);
    } else if (*render) {
      Graph g = apply_filter_options(read_graph_json(render_in), render_filter, ro);
      ro.formats = split_list(render_formats);
      check_options(g, ro);
      if (render_out.empty())
        render_out = (fs::path(render_in).parent_path() / "diagrams").string();
      auto written = export_graph(g, render_out, ro);
      for (const auto& w : written) std::cout << terminal_text(w.string()) << "\n";
    } else if (*channels) {
#ifdef SOFTGRAPH_HAVE_CHANNELS
      const auto inputs = inputs_or_example(channels_c, "channels");
      Graph g = (inputs.size() == 1 && is_graph_json(inputs[0]))
                    ? read_graph_json(inputs[0])
                    : build_from_inputs(make_pipeline(channels_c), inputs);
      ChannelReport report = compute_channels(g);
      std::vector<fs::path> matrix_files;
      if (!channels_matrix.empty()) {
        std::error_code ec;
        fs::create_directories(channels_matrix, ec);
        if (ec || !fs::is_directory(channels_matrix))
          throw Error(ErrorCode::kOutput, channels_matrix, "", "cannot create the folder");
        AtomicDirSink sink(channels_matrix);
        write_channel_matrix_files(g, sink);
        matrix_files = sink.commit();
      }
      for (const auto& f : matrix_files) spdlog::info("wrote {}", f.string());
      if (channels_format == "csv")
        write_channels_csv(report, std::cout);
      else if (channels_format == "json")
        write_channels_json(report, std::cout);
      else
        write_channels_table(report, std::cout);
#else
      throw internal_error("channel dominance is not built in");
#endif
    } else if (*eval) {
      if (!challenge.empty()) {
        if (!eval_c.inputs.empty())
          throw Error(ErrorCode::kUsage, "", "eval", "--challenge takes no input files");
        std::vector<ChallengeItem> items = read_challenge(challenge);
        std::vector<ChallengeItemResult> results;
        if (challenge_predictions.empty()) {
          Pipeline p = make_pipeline(eval_c);
          for (const auto& item : items)
            results.push_back(score_challenge_item(item, predict_challenge_item(p, item)));
        } else {
          auto given = read_challenge_predictions(challenge_predictions);
          for (const auto& item : items)
            results.push_back(score_challenge_item(item, given[item.id]));
        }
        print_challenge_report(results, fs::path(challenge).filename().string(), std::cout,
                               eval_details);
      } else {
        if (gold.empty() || eval_c.inputs.empty())
          throw Error(ErrorCode::kUsage, "", "eval",
                      "give --gold GOLD.json and the input(s), or --challenge FILE.jsonl");
        Pipeline p = make_pipeline(eval_c);
        Graph g = build_from_inputs(p, eval_c.inputs);
        print_report(evaluate(g, gold), std::cout, eval_details);
      }
    } else if (*text_cmd) {
      IngestOptions io;
      io.input_format = text_format;
      io.lossy = text_lossy;
      io.ocr = text_ocr;
      Document doc = load_document(text_file, io);
      std::ostringstream text;  // all or nothing: an error prints no partial text
      if (text_repaired)
        text << doc.text;
      else
        write_indexed_text(doc, text, text_page);
      std::cout << text.str();
    } else if (*lexicon) {
      if (*check) {
        Lexicon lex = Lexicon::builtin();
        lex.add_file(lexicon_file);
        check_lexicon(lex);
        check_lexicon_references(lex, lexicon_file);
        std::cout << terminal_text(lexicon_file) << ": ok\n";
      } else if (*suggest) {
        Pipeline p = make_pipeline(suggest_c);
        std::cout << suggest_lexicon(p, expand_inputs(suggest_c.inputs)) << "\n";
      }
    }
  } catch (const Error& e) {
    spdlog::error("{}", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return 4;
  }
  return 0;
}
