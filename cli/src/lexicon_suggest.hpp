// `softgraph lexicon check` and `softgraph lexicon suggest`: validate a lexicon, and print the
// organisations found by pattern that the lexicon lacks, as lexicon JSON ready to add.
#pragma once

#include <string>
#include <vector>

#include "softgraph/pipeline/pipeline.hpp"

namespace softgraph {

// Compiles the lexicon as a run would; throws Error(kBadInput) on conflicting surface forms.
void check_lexicon(const Lexicon& lexicon);
// Throws Error(kBadInput) with the JSON path when an owner, channel or member named in `file`
// (already added to `lexicon`) is no entry of `lexicon`.
void check_lexicon_references(const Lexicon& lexicon, const std::string& file);
// Lexicon JSON ({"lexicon":"suggested","entries":[...]}) of discovered entities in `files`.
std::string suggest_lexicon(const Pipeline& pipeline, const std::vector<std::string>& files);

}  // namespace softgraph
