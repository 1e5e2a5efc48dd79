// libFuzzer target: any bytes as a bibliography entry, as a citation-bearing text, and as a whole
// document with reference lists must not crash, hang or leave ranges outside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "softgraph/extract/citation_finder.hpp"
#include "softgraph/extract/reference_parser.hpp"
#include "softgraph/extract/references.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1 << 16) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  softgraph::refs::parse_reference(text);
  for (const auto& hit : softgraph::refs::find_citations(text, {}, true))
    if (hit.range.end > text.size() || hit.range.begin > hit.range.end) std::abort();

  softgraph::Document doc;
  doc.id = "document/fuzz";
  doc.path = "fuzz.txt";
  doc.raw = doc.text = "Body (Smith, 2015).\n\nReferences\n\n" + text;
  auto x = softgraph::extract_references(doc, {}, {});
  for (const auto& m : x.mentions)
    if (m.range.end > doc.text.size() || m.range.begin > m.range.end) std::abort();
  for (const auto& r : x.relations)
    if (r.evidence.range.end > doc.raw.size()) std::abort();
  return 0;
}
