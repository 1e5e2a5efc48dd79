// libFuzzer target for the reference and citation parsers: any bytes as a bibliography entry, as a
// citation-bearing text, and as the reference list of a document (built by hand, and through
// ingest so that it has sections, paragraphs and sentences) must not crash, hang or leave ranges
// outside the text.
#include <spdlog/spdlog.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "citation_finder.hpp"
#include "reference_parser.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "softgraph/refs/references.hpp"

namespace {

void check(const softgraph::Document& doc) {
  auto x = softgraph::extract_references(doc, {}, {});
  for (const auto& m : x.mentions)
    if (m.range.end > doc.text.size() || m.range.begin > m.range.end) std::abort();
  for (const auto& r : x.relations)
    if (r.evidence.range.end > doc.raw.size()) std::abort();
  for (const auto& r : x.reference_sections)
    if (r.end > doc.text.size() || r.begin > r.end) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1 << 16) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  softgraph::refs::parse_reference(text);
  for (const auto& hit : softgraph::refs::find_citations(text, {}, true))
    if (hit.range.end > text.size() || hit.range.begin > hit.range.end) std::abort();

  const std::string body = "Body (Smith, 2015) and [1].\n\nReferences\n\n";
  softgraph::Document doc;
  doc.id = "document/fuzz";
  doc.path = "fuzz.txt";
  doc.raw = doc.text = body + text;
  check(doc);

  softgraph::IngestOptions lossy;
  lossy.lossy = true;
  lossy.input_format = "text";
  try {
    check(softgraph::make_document(body + text, "fuzz.txt", lossy));
  } catch (const softgraph::Error&) {  // only white space, or the like
  }
  return 0;
}
