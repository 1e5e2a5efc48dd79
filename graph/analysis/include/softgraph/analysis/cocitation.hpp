// Co-citation projection: two references are linked when one document cites both in the same
// sentence or paragraph (weight = number of such paragraphs, or sentences where paragraphs are
// unknown). The main ontology has no Reference-Reference edge, so the projection has its own.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct CoCitation {
  std::string a, b;    // reference ids, a < b
  double weight = 0;   // shared contexts: paragraphs when known, else sentences
  int sentences = 0;   // sentences citing both
  int paragraphs = 0;  // paragraphs citing both (from the CITES edges' "paragraphs" attribute)
};

// Pairs from the CITES edges of `g`, sorted by (a, b).
std::vector<CoCitation> cocitations(const Graph& g);
// The Reference nodes of `g` with one CO_CITED edge per pair (symmetric, weight as above).
Graph cocitation_projection(const Graph& g);
// "source,target,weight,sentences,paragraphs" with a header line; throws Error(kOutput) if the
// stream fails.
void write_cocitation_csv(const std::vector<CoCitation>& pairs, std::ostream& out);
// Node type Reference, edge type CO_CITED (Reference -> Reference, symmetric).
const Ontology& cocitation_ontology();

}  // namespace softgraph
