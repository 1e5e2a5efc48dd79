// Internal test tool: prints, as one JSON object, the text a document's evidence offsets index
// (Document::raw: for HTML the extracted main text) and the page's title and byline.
// Used by tests/readability/measure_readability.py until `softgraph text` covers metadata.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/ingest/ingest.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  spdlog::set_default_logger(spdlog::stderr_logger_st("extracted_text"));
  try {
    softgraph::Document d = softgraph::load_document(argv[1]);
    using softgraph::escape::json_string;
    std::string out = "{\"format\":" + json_string(d.format) +
                      ",\"title\":" + json_string(d.title) +
                      ",\"byline\":" + json_string(d.byline) +
                      ",\"text\":" + json_string(d.raw.empty() ? d.text : d.raw) + "}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  } catch (const softgraph::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
