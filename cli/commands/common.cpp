#include "common.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

#include "softgraph/analysis/channels.hpp"
#include "softgraph/analysis/dominance.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/graph/graph_builder.hpp"

namespace fs = std::filesystem;

namespace softgraph::cli {

namespace {

bool g_quiet = false;

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

}  // namespace

const CLI::Validator& not_negative() {
  static const CLI::Validator validator(
      [](std::string& s) {
        return s.find('-') != std::string::npos ? "must not be negative (got " + s + ")"
                                                : std::string();
      },
      "NON-NEGATIVE");
  return validator;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

namespace {

void add_common(CLI::App* cmd, Common& c, bool inputs_required) {
  auto* in = cmd->add_option("inputs", c.inputs,
                             "Text, PDF or HTML files, folders, globs, or - for paths on stdin");
  if (inputs_required) in->required();
  cmd->add_option("--lexicon", c.lexicons,
                  "Extra lexicon JSON file(s), added to the built-in ones");
  cmd->add_option("--threads", c.threads, "Worker threads (default: all cores)")
      ->check(not_negative());
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
  cmd->add_option("--relation-rules", c.relation_rules,
                  "Relation patterns and word lists to use instead of the built-in "
                  "schemas/relations.json (same format)");
  cmd->add_option("--disable-rule", c.disabled_rules,
                  "Leave out the relations of this rule (repeatable; e.g. pattern:act:lend, "
                  "lexicon:members): what a rule contributes")
      ->allow_extra_args(false);
}

void add_example_flag(CLI::App* cmd, Common& c) {
  cmd->add_flag("--example", c.example,
                "Run on the embedded example brief (examples/central-asia-brief.txt) instead of "
                "inputs");
}

}  // namespace

CLI::App* add_reading_command(CLI::App& parent, const std::string& name,
                              const std::string& description, Common& c, Inputs inputs) {
  CLI::App* cmd = parent.add_subcommand(name, description);
  add_common(cmd, c, inputs == Inputs::kRequired);
  if (inputs == Inputs::kOrExample) add_example_flag(cmd, c);
  return cmd;
}

void add_page_options(CLI::App* cmd, ExportOptions& o) {
  cmd->add_option("--page", o.page,
                  "Fit diagrams to a page, labels at 7 pt or more: a4, letter, a3");
  cmd->add_flag("--landscape", o.landscape, "Turn the --page page");
  cmd->add_flag("--draw-large", o.draw_large,
                "Draw diagrams of graphs over 10,000 nodes too (slow)");
}

void set_quiet(bool quiet) { g_quiet = quiet; }

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
  if (!c.relation_rules.empty()) o.relations.rules = load_relation_rules(c.relation_rules);
  o.relations.disabled_rules.insert(c.disabled_rules.begin(), c.disabled_rules.end());
  return Pipeline(o);
}

// It used to run the embedded brief silently when no input was given.
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

Graph build_from_inputs(const Pipeline& p, const std::vector<std::string>& inputs,
                        const std::string& output) {
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
  print_dominance(rank_dominance(compute_channels(g, /*details=*/false)), out);
  if (!g.warnings.empty()) out << g.warnings.size() << " warning(s) listed in graph.json\n";
  out << "outputs:\n";
  for (const auto& p : written) out << "  " << terminal_text(p.string()) << "\n";
}

}  // namespace softgraph::cli
