// `softgraph lexicon check` and `softgraph lexicon suggest`: validate a lexicon, and print the
// organisations found by pattern that the lexicon lacks, as lexicon JSON ready to add.
#pragma once

#include <string>
#include <vector>

#include "softgraph/cli/pipeline.hpp"

namespace softgraph {

// Compiles the lexicon as a run would; throws Error(kBadInput) on conflicting surface forms.
void check_lexicon(const Lexicon& lexicon);
// Lexicon JSON ({"lexicon":"suggested","entries":[...]}) of discovered entities in `files`.
std::string suggest_lexicon(const Pipeline& pipeline, const std::vector<std::string>& files);

}  // namespace softgraph
