// Builds the typed graph from per-document extractions: one node per entity id across documents
// (aliases and attributes merged, state roles decided), a Document node per input, MENTIONS
// edges, and every relation as evidence on its typed edge.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "softgraph/core/extraction.hpp"
#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct GraphBuilderOptions {
  // Evidence kept per edge, the first in (document, offset) order; 0 keeps all. The weight still
  // counts every evidence sentence, and a truncated edge says how many there were.
  std::size_t max_evidence = 0;
};

// Takes documents one at a time, so a corpus is streamed through: what it keeps grows with the
// graph (entities, edges, their kept evidence), not with the documents' text.
class GraphBuilder {
 public:
  explicit GraphBuilder(const Ontology& ontology = Ontology::builtin(),
                        GraphBuilderOptions options = {});

  // Adds one document's extraction. A document id already taken gets "_2", "_3"... in the order
  // documents are added, so add them in a fixed order (the CLI uses path order).
  void add(DocumentExtraction x);
  std::size_t document_count() const { return documents_.size(); }
  // The graph; relations the ontology forbids or with unknown endpoints are dropped with a
  // warning in Graph::warnings (never silently). Call once.
  Graph finish();

 private:
  struct PendingEdge {
    std::vector<Evidence> evidence;
    Attributes attributes;
    double weight = 0;
    std::size_t evidence_total = 0;
    std::vector<std::uint32_t> documents;  // indices into documents_, for warnings
  };
  using EdgeKey = std::tuple<std::string, std::string, std::string>;  // source, target, type
  void add_pending(const EdgeKey& key, std::vector<Evidence> evidence, double weight,
                   const Attributes& attributes);

  const Ontology* ontology_;
  GraphBuilderOptions options_;
  std::map<std::string, Entity> entities_;
  std::map<std::string, std::set<std::string>> roles_;
  std::vector<DocumentInfo> documents_;
  std::set<std::string> document_ids_;
  std::set<std::string> warnings_;
  std::map<EdgeKey, PendingEdge> edges_;
};

// The whole list at once (tests, small inputs).
Graph build_graph(const std::vector<DocumentExtraction>& extractions,
                  const Ontology& ontology = Ontology::builtin());

}  // namespace softgraph
