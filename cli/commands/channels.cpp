// softgraph channels: which actors dominate which instrument channels.
#include "softgraph/analysis/channels.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/channel_matrix.hpp"
#include "softgraph/export/channels_writer.hpp"
#include "softgraph/export/sink.hpp"

namespace fs = std::filesystem;

namespace softgraph::cli {

namespace {

struct ChannelsArgs {
  Common common;
  std::string format = "table";
  std::string matrix;
};

void run_channels(const ChannelsArgs& a) {
  const auto inputs = inputs_or_example(a.common, "channels");
  Graph g = (inputs.size() == 1 && is_graph_json(inputs[0]))
                ? read_graph_json(inputs[0])
                : build_from_inputs(make_pipeline(a.common), inputs);
  ChannelReport report = compute_channels(g);
  std::vector<fs::path> matrix_files;
  if (!a.matrix.empty()) {
    std::error_code ec;
    fs::create_directories(a.matrix, ec);
    if (ec || !fs::is_directory(a.matrix))
      throw Error(ErrorCode::kOutput, a.matrix, "", "cannot create the folder");
    AtomicDirSink sink(a.matrix);
    write_channel_matrix_files(g, sink);
    matrix_files = sink.commit();
  }
  for (const auto& f : matrix_files) spdlog::info("wrote {}", f.string());
  if (a.format == "csv")
    write_channels_csv(report, std::cout);
  else if (a.format == "json")
    write_channels_json(report, std::cout);
  else
    write_channels_table(report, std::cout);
}

}  // namespace

Command add_channels_command(CLI::App& app) {
  auto a = std::make_shared<ChannelsArgs>();
  auto* channels =
      add_reading_command(app, "channels", "Which actors dominate which instrument channels",
                          a->common, Inputs::kOrExample);
  channels->add_option("--format", a->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  channels->add_option("--matrix", a->matrix,
                       "Also write the channel matrix (channel-matrix.svg, .png, .csv) into this "
                       "folder");
  return {channels, [a] { run_channels(*a); }};
}

}  // namespace softgraph::cli
