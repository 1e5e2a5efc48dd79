// libFuzzer target for ingest and segmentation: any bytes, as text, PDF or HTML, must give a
// Document or a softgraph::Error, never a crash, hang or sanitizer report; and every Document keeps
// the invariants the extractors rely on: sections, paragraphs and sentences inside the text, in
// order, on character boundaries, each sentence inside its paragraph, and a map back to the raw
// bytes that stays inside them.
#include <spdlog/spdlog.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/ingest/ingest.hpp"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// A range of `text` that starts and ends on UTF-8 character boundaries.
void require_range(const softgraph::ByteRange& r, const std::string& text) {
  require(r.begin <= r.end && r.end <= text.size());
  auto boundary = [&](std::uint64_t i) {
    return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  };
  require(boundary(r.begin) && boundary(r.end));
}

void check(const softgraph::Document& doc) {
  const int sections = static_cast<int>(doc.sections.size());
  const int paragraphs = static_cast<int>(doc.paragraphs.size());
  for (const auto& s : doc.sections) {
    require_range(s.range, doc.text);
    require_range(s.title_range, doc.text);
  }
  std::uint64_t last_end = 0;
  for (const auto& p : doc.paragraphs) {
    require_range(p.range, doc.text);
    require(p.range.begin >= last_end);
    last_end = p.range.end;
    require(p.section >= -1 && p.section < sections);
  }
  last_end = 0;
  for (const auto& s : doc.sentences) {
    require_range(s.range, doc.text);
    require(s.range.begin >= last_end);
    last_end = s.range.end;
    require(s.paragraph >= -1 && s.paragraph < paragraphs);
    if (s.paragraph >= 0) {
      const auto& p = doc.paragraphs[s.paragraph].range;
      require(p.begin <= s.range.begin && s.range.end <= p.end);
    }
    auto r = doc.to_raw(s.range);
    require(r.begin <= r.end && r.end <= doc.raw.size());
  }
  for (const auto& loc : doc.locations)
    require(loc.range.begin <= loc.range.end && loc.range.end <= doc.text.size());
}

}  // namespace

// poppler sets up fonts through fontconfig, which keeps process-wide caches that LeakSanitizer
// reports at exit: not ours, and not per input.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);  // --lossy warnings on every input slow the fuzzer down
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the reader and lossy mode, so every path is reached.
  static const char* kFormats[] = {"auto", "text", "pdf", "html"};
  softgraph::IngestOptions options;
  options.input_format = kFormats[data[0] & 3];
  options.lossy = (data[0] & 4) != 0;
  std::string raw(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    check(softgraph::make_document(std::move(raw), "fuzz.txt", options));
  } catch (const softgraph::Error&) {
  }
  return 0;
}
