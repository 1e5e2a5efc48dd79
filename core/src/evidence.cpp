#include "softgraph/core/evidence.hpp"

#include <algorithm>
#include <string>

namespace softgraph {

Evidence evidence_for(const Document& doc, ByteRange text_range, int sentence, Symbol rule,
                      double confidence) {
  Evidence ev;
  ev.document = doc.id;
  ev.range = doc.to_raw(text_range);
  std::string_view raw = doc.raw.empty() ? std::string_view(doc.text) : std::string_view(doc.raw);
  if (ev.range.end <= raw.size() && ev.range.begin <= ev.range.end)
    ev.quote = std::string(ev.range.slice(raw));
  ev.rule = rule;
  ev.confidence = confidence;
  ev.sentence = sentence;
  // A PDF page's or HTML element's evidence indexes that page's or element's text (as
  // `softgraph text` prints it), not the reader's whole output.
  for (const SourceLocation& loc : doc.locations)
    if (loc.range.begin <= text_range.begin && text_range.begin < loc.range.end) {
      ev.page = loc.page;
      ev.element = loc.element;
      if (!loc.raw.empty() && ev.range.begin >= loc.raw.begin) {
        const std::uint64_t end = std::min(ev.range.end, loc.raw.end);
        ev.quote = std::string(raw.substr(ev.range.begin, end - ev.range.begin));
        ev.range = {ev.range.begin - loc.raw.begin + loc.offset, end - loc.raw.begin + loc.offset};
      }
      break;
    }
  if (std::string_view repaired = doc.slice(text_range); repaired != ev.quote)
    ev.text = std::string(repaired);
  return ev;
}

}  // namespace softgraph
