#include "softgraph/extract/relation_extractor.hpp"

namespace softgraph {

Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence) {
  const ByteRange r = doc.sentences[static_cast<std::size_t>(sentence)].range;
  Evidence e;
  e.document = doc.id;
  e.range = doc.to_raw(r);
  e.quote = doc.raw.substr(e.range.begin, e.range.end - e.range.begin);
  if (std::string_view text = doc.slice(r); text != e.quote) e.text = std::string(text);
  e.rule = rule;
  e.confidence = confidence;
  e.sentence = sentence;
  for (const auto& loc : doc.locations)
    if (loc.range.begin <= r.begin && r.begin < loc.range.end) {
      e.page = loc.page;
      e.element = loc.element;
      break;
    }
  return e;
}

}  // namespace softgraph
