// softgraph extract: per-document extraction records (JSON lines) for `merge`.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "output_file.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/records/records.hpp"

namespace fs = std::filesystem;

namespace softgraph::cli {

namespace {

struct ExtractArgs {
  Common common;
  std::string jsonl_out;
};

// Records are written as they come, in input order: nothing is held for the end. Records are
// serialised by the worker that extracted the document, in parallel. Lexicon entities are named
// by id: the lexicon is written once, not in every record.
std::size_t write_records(const Pipeline& p, const std::vector<std::string>& files,
                          std::ostream& out, const std::string& jsonl_out) {
  const EntityCatalog& catalog = p.entity_catalog();
  std::size_t records = p.extract_stream_as(
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
  return records;
}

void run_extract(const ExtractArgs& a) {
  const std::string& jsonl_out = a.jsonl_out;
  if (jsonl_out.empty())
    throw Error(ErrorCode::kUsage, "", "--jsonl", "the output file name is empty");
  Pipeline p = make_pipeline(a.common);
  std::vector<std::string> files = expand_inputs(a.common.inputs, {jsonl_out});
  // A character device or a pipe the user named (/dev/null, /dev/stdout) is written directly;
  // a symlink planted to one, a folder, a block device or a socket is refused (output_file.hpp).
  std::unique_ptr<std::ostream> special_out = open_device_output(jsonl_out);
  const bool special = special_out != nullptr;
  std::size_t records = 0;
  // Otherwise a fresh temporary beside it (unpredictable name, O_EXCL), renamed over it at
  // the end: two runs on the same file each write their own, and the last rename wins whole.
  TempFile tmp;
  if (!special) {
    remove_stale_temp_files(fs::path(jsonl_out).parent_path());
    tmp = create_temp_beside(jsonl_out);
  }
  std::ostream& out = special ? *special_out : *tmp.stream;
  try {
    records = write_records(p, files, out, jsonl_out);
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
  // Written to a device or pipe (--jsonl /dev/stdout | jq): the count must not join the records.
  (special ? std::cerr : std::cout) << "softgraph: " << records << " extraction record(s) in "
                                    << terminal_text(jsonl_out) << "\n";
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto a = std::make_shared<ExtractArgs>();
  auto* extract =
      add_reading_command(app, "extract", "Write per-document extraction records (JSON lines)",
                          a->common, Inputs::kRequired);
  extract->add_option("--jsonl", a->jsonl_out, "Output .jsonl file")->required();
  return {extract, [a] { run_extract(*a); }};
}

}  // namespace softgraph::cli
