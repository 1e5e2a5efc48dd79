// libFuzzer target for the graph.json reader (`softgraph render`, `channels`): any bytes as a
// graph.json. A softgraph::Error naming the file is the expected answer to bad bytes (exit 1);
// an internal error, another exception, a crash or a sanitizer report is a bug. What reads is
// written back, read again and written again: the two writes must be the same bytes.
#include <spdlog/spdlog.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"

namespace {

std::string written(const softgraph::Graph& g) {
  softgraph::ExportOptions opt;
  opt.formats = {"json"};
  softgraph::MemorySink sink;
  softgraph::export_to_sink(g, opt, sink);
  return sink.contents("graph.json");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1 << 18) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  softgraph::Graph g;
  try {
    g = softgraph::parse_graph_json(text, "fuzz.json");
  } catch (const softgraph::Error& e) {
    if (e.code() == softgraph::ErrorCode::kInternal) std::abort();
    return 0;
  }
  std::string first;
  try {
    first = written(g);
  } catch (const softgraph::Error& e) {
    // A graph that reads but has, say, no "pagerank" is refused as usage, never as a bug.
    if (e.code() == softgraph::ErrorCode::kInternal) std::abort();
    return 0;
  }
  const softgraph::Graph again = softgraph::parse_graph_json(first, "written.json");
  if (written(again) != first) std::abort();
  return 0;
}
