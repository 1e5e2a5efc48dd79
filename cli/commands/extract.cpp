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
#include "softgraph/cli/extraction_jsonl.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"
#include "softgraph/core/terminal_text.hpp"

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
  // A character device or a pipe (/dev/null, /dev/stdout) is written directly, never
  // replaced; a block device, a folder or a socket is refused, whatever symlink led there.
  std::error_code st_ec;
  const fs::file_status st = fs::status(jsonl_out, st_ec);
  const bool special = st.type() == fs::file_type::character || st.type() == fs::file_type::fifo;
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
  std::cout << "softgraph: " << records << " extraction record(s) in " << terminal_text(jsonl_out)
            << "\n";
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto a = std::make_shared<ExtractArgs>();
  auto* extract =
      app.add_subcommand("extract", "Write per-document extraction records (JSON lines)");
  add_common(extract, a->common, true);
  extract->add_option("--jsonl", a->jsonl_out, "Output .jsonl file")->required();
  return {extract, [a] { run_extract(*a); }};
}

}  // namespace softgraph::cli
