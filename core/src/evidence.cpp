#include "softgraph/core/evidence.hpp"

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
  if (std::string_view repaired = doc.slice(text_range); repaired != ev.quote)
    ev.text = std::string(repaired);
  ev.rule = rule;
  ev.confidence = confidence;
  ev.sentence = sentence;
  for (const SourceLocation& loc : doc.locations)
    if (loc.range.begin <= text_range.begin && text_range.begin < loc.range.end) {
      ev.page = loc.page;
      ev.element = loc.element;
      break;
    }
  return ev;
}

}  // namespace softgraph
