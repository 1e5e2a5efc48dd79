#include "text_command.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/error.hpp"

namespace softgraph {

void write_indexed_text(const Document& doc, std::ostream& out, int page) {
  std::string_view raw = doc.raw;
  if (doc.locations.empty()) {
    if (page > 0) throw Error(ErrorCode::kUsage, doc.path, "--page", "not a PDF: it has no pages");
    out << raw;
    return;
  }
  if (doc.format == "pdf") {
    // Locations come in page order; a page without text is an empty chunk between form feeds.
    int last = 0;
    for (const SourceLocation& loc : doc.locations) last = std::max(last, loc.page);
    if (page > last)
      throw Error(ErrorCode::kUsage, doc.path, "--page",
                  "page " + std::to_string(page) + " has no text (the last page with text is " +
                      std::to_string(last) + ")");
    // A page's text: its locations at their offsets, newlines between (the body, a blank line,
    // the page's notes).
    for (int p = page > 0 ? page : 1; p <= (page > 0 ? page : last); ++p) {
      if (p > 1 && page == 0) out << '\f';
      std::vector<const SourceLocation*> parts;
      for (const SourceLocation& loc : doc.locations)
        if (loc.page == p) parts.push_back(&loc);
      std::stable_sort(parts.begin(), parts.end(),
                       [](const auto* a, const auto* b) { return a->offset < b->offset; });
      std::uint64_t at = 0;
      for (const SourceLocation* loc : parts) {
        for (; at < loc->offset; ++at) out << '\n';
        out << loc->raw.slice(raw);
        at += loc->raw.size();
      }
    }
    if (page == 0) out << '\n';
    return;
  }
  if (page > 0) throw Error(ErrorCode::kUsage, doc.path, "--page", "not a PDF: it has no pages");
  bool first = true;
  for (const SourceLocation& loc : doc.locations) {
    if (!first) out << '\f';
    first = false;
    out << loc.raw.slice(raw);
  }
  out << '\n';
}

}  // namespace softgraph
