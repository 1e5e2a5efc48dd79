#include "softgraph/core/evidence.hpp"

#include "softgraph/relations/relation_extractor.hpp"

namespace softgraph {

Evidence sentence_evidence(const Document& doc, int sentence, const std::string& rule,
                           double confidence) {
  return evidence_for(doc, doc.sentences[static_cast<std::size_t>(sentence)].range, sentence, rule,
                      confidence);
}

}  // namespace softgraph
