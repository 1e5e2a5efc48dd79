// Builds the typed graph from per-document extractions: one node per entity id across documents
// (aliases and attributes merged, state roles decided), a Document node per input, MENTIONS
// edges, and every relation as evidence on its typed edge.
#pragma once

#include <vector>

#include "softgraph/core/extraction.hpp"
#include "softgraph/graph/graph.hpp"

namespace softgraph {

// Relations the ontology forbids are dropped with a warning in Graph::warnings (never silently).
Graph build_graph(const std::vector<DocumentExtraction>& extractions,
                  const Ontology& ontology = Ontology::builtin());

}  // namespace softgraph
