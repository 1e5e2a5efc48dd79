// Links a found citation to its reference: first author (any script, fuzzy), year and suffix,
// then co-author or "et al." to tell apart works of one author in one year; numbered citations
// by their number.
#pragma once

#include <string>
#include <vector>

#include "softgraph/extract/citation_finder.hpp"
#include "softgraph/extract/reference_builder.hpp"
#include "softgraph/extract/reference_parser.hpp"

namespace softgraph::refs {

struct Resolution {
  int reference = -1;   // index into BuiltReferences::references, -1 if unresolved
  std::string problem;  // why not, or "ambiguous: ..." when a guess was made
};

Resolution resolve_citation(const CitationHit& hit, const std::vector<ParsedReference>& entries,
                            const BuiltReferences& built);

}  // namespace softgraph::refs
