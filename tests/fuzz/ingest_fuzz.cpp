// libFuzzer target for ingest: any bytes, as text, PDF or HTML, must give a Document or a
// softgraph::Error, never a crash, hang or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/extract/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the reader and lossy mode, so every path is reached.
  static const char* kFormats[] = {"auto", "text", "pdf", "html"};
  softgraph::IngestOptions options;
  options.input_format = kFormats[data[0] & 3];
  options.lossy = (data[0] & 4) != 0;
  std::string raw(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    softgraph::Document doc = softgraph::make_document(std::move(raw), "fuzz.txt", options);
    // Invariants every Document keeps.
    for (const auto& s : doc.sentences) {
      if (s.range.end > doc.text.size() || s.range.begin > s.range.end) __builtin_trap();
      auto r = doc.to_raw(s.range);
      if (r.end > doc.raw.size() || r.begin > r.end) __builtin_trap();
    }
  } catch (const softgraph::Error&) {
  }
  return 0;
}
