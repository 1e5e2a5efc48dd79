// CSL-JSON of the graph's Reference nodes (the bibliography format Zotero, pandoc --citeproc and
// citeproc-js read): one item per reference, id = the node id without "reference/".
#pragma once

#include <ostream>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

// Writes a JSON array of CSL items, in node-id order. Throws Error(kOutput) if the stream fails.
void write_csl_json(const Graph& graph, std::ostream& out);

}  // namespace softgraph
