// The parts of the --format html explorer (html_writer.cpp): the view it draws, the data it
// embeds, and whether the graph-drawing library was embedded by the build.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "softgraph/export/export.hpp"
#include "style.hpp"

namespace softgraph {

// The influence view: actors, institutions, channels, targets and regions with OPERATES,
// USES_INSTRUMENT, DELIVERS, TARGETS, MEMBER_OF and PARTNERS_WITH, each node kept only with one
// of those edges. A local stand-in for graph/view.hpp (the "views" work); replace when it lands.
Graph explorer_influence_view(const Graph& g);

// Empty when the build embedded the library; otherwise why `--format html` is unavailable.
std::string explorer_unavailable_reason();

// The page's data as compact JSON (not yet made safe for a <script> element): the view's nodes
// with positions, sizes, attributes and metrics, its edges with evidence, and the filter lists.
void write_explorer_data(const Graph& view, const std::vector<Point>& positions,
                         const std::vector<NodeStyle>& styles, const ExportOptions& opt,
                         const std::string& title, std::string& out);

}  // namespace softgraph
