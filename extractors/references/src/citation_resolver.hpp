// Links a found citation to its reference: first author (any script, fuzzy), year and suffix,
// then co-author or "et al." to tell apart works of one author in one year; numbered citations
// by their number.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "citation_finder.hpp"
#include "reference_builder.hpp"
#include "reference_parser.hpp"

namespace softgraph::refs {

struct Resolution {
  int reference = -1;   // index into BuiltReferences::references, -1 if unresolved
  std::string problem;  // why not, or "ambiguous: ..." when a guess was made
};

// The authors' family names of `entries` as name_key() gives them, per entry and author: made
// once per reference list rather than for every citation and entry compared.
struct AuthorKeys : std::vector<std::vector<std::string>> {
  using std::vector<std::vector<std::string>>::vector;
  // Whether a cited name (keyed) is any entry's first author, as found so far: a citation that
  // resolves to nothing is compared with every entry, and the same names are cited again.
  mutable std::unordered_map<std::string, bool> listed;
};
AuthorKeys author_keys(const std::vector<ParsedReference>& entries);

Resolution resolve_citation(const CitationHit& hit, const std::vector<ParsedReference>& entries,
                            const BuiltReferences& built);
// The same with the keys of author_keys(entries).
Resolution resolve_citation(const CitationHit& hit, const std::vector<ParsedReference>& entries,
                            const BuiltReferences& built, const AuthorKeys& keys);

}  // namespace softgraph::refs
