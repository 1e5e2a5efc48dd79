// libFuzzer target for the extraction-record reader (`softgraph merge`): any bytes as a .jsonl
// part, read as merge reads it (the index pass that grabs each record's path, then each record in
// full) with the built-in lexicon's catalog. A softgraph::Error naming the file and line is the
// expected answer to bad bytes; an internal error, another exception, a crash or a sanitizer
// report is a bug. Every record that reads is written, read and written again: the same bytes.
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/pipeline/pipeline.hpp"
#include "softgraph/records/records.hpp"

namespace {

const softgraph::EntityCatalog& catalog() {
  static const softgraph::Pipeline pipeline{softgraph::PipelineOptions{}};
  return pipeline.entity_catalog();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  catalog();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1 << 18) return 0;
  // The part as a file, as merge opens it (a memfd is a regular file with no name on disk).
  const int fd = ::memfd_create("records_fuzz", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  try {
    softgraph::for_each_extraction_by_path(
        {path},
        [](softgraph::DocumentExtraction&& x) {
          const std::string first = softgraph::extraction_to_json(x, &catalog());
          try {
            const auto again =
                softgraph::extraction_from_json(first, "written.jsonl", 1, &catalog());
            if (softgraph::extraction_to_json(again, &catalog()) != first) std::abort();
          } catch (const softgraph::Error&) {
            std::abort();  // what we wrote must read back
          }
        },
        &catalog());
  } catch (const softgraph::Error& e) {
    if (e.code() == softgraph::ErrorCode::kInternal) std::abort();
  }
  ::close(fd);
  return 0;
}
