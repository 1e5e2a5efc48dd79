// What several subcommands share: the input and run options, the pipeline they make, inputs or
// --example, diagram page options and the summary printed after a build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "softgraph/export/export.hpp"
#include "softgraph/graph/graph.hpp"
#include "softgraph/pipeline/pipeline.hpp"

namespace CLI {
class App;
class Validator;
}  // namespace CLI

namespace softgraph::cli {

// The options of the commands that read documents (build, extract, channels, eval, suggest).
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
  std::string relation_rules;               // --relation-rules: instead of schemas/relations.json
  std::vector<std::string> disabled_rules;  // --disable-rule: relation rules left out
};

// A count that must not be negative: CLI11 would wrap "-1" into a huge unsigned value.
const CLI::Validator& not_negative();

std::vector<std::string> split_list(const std::string& s);
// What a command that reads documents takes as its inputs.
enum class Inputs {
  kRequired,   // files, folders, globs or - (extract, lexicon suggest)
  kOptional,   // may be absent (eval reads a build's graph.json instead)
  kOrExample,  // or --example: the embedded brief (examples/) instead (build, channels)
};
// The subcommand `name` of `parent` that reads documents, with the options every such command
// shares into `c` (inputs, --lexicon, --threads, --lossy, --strict, --input-format, --ocr, ...).
CLI::App* add_reading_command(CLI::App& parent, const std::string& name,
                              const std::string& description, Common& c, Inputs inputs);
// Diagram page options shared by build and render.
void add_page_options(CLI::App* cmd, ExportOptions& o);

// -q: no progress line (set by main before any command runs).
void set_quiet(bool quiet);
Pipeline make_pipeline(const Common& c);
// No input is a usage error naming --example; with --example the inputs are the embedded brief
// alone. Checked before anything is read or written.
std::vector<std::string> inputs_or_example(const Common& c, const std::string& command);
// `output` (the run's output folder, if any) is never read back as input.
Graph build_from_inputs(const Pipeline& p, const std::vector<std::string>& inputs,
                        const std::string& output = "");
bool is_graph_json(const std::string& path);

// Nodes and edges per type, the top actors by dominance, the warnings and the files written.
void print_summary(const Graph& g, const std::vector<std::filesystem::path>& written,
                   std::ostream& out);

}  // namespace softgraph::cli
