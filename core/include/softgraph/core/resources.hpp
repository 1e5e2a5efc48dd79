// Files compiled into the program (schemas/, examples/), so `softgraph` runs from anywhere.
#pragma once

#include <string_view>
#include <vector>

namespace softgraph {

// Contents of an embedded file by its path relative to the source tree ("schemas/ontology.json");
// throws Error(kInternal) if it is not embedded.
std::string_view embedded_file(std::string_view path);
// Embedded paths that start with `prefix`, sorted.
std::vector<std::string_view> embedded_files_under(std::string_view prefix);

}  // namespace softgraph
