// The graph as Graphviz sees it: one cgraph graph built from the softgraph graph (shapes, colours,
// sizes, tooltips, clusters, legend), written as DOT, laid out once by gvc and rendered from there.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <vector>

#include "softgraph/export/export.hpp"
#include "softgraph/export/style.hpp"

namespace softgraph {

class GraphvizScene {
 public:
  GraphvizScene(const Graph& g, const ExportOptions& opt, const std::vector<NodeStyle>& styles);
  ~GraphvizScene();
  GraphvizScene(const GraphvizScene&) = delete;
  GraphvizScene& operator=(const GraphvizScene&) = delete;

  // The DOT text of the graph as built, before any layout (agwrite).
  const std::string& dot() const { return dot_; }
  // Lays the graph out with the options' engine; a no-op after the first call.
  void layout();
  // Node centres in points (y up), indexed by Vertex. Lays out first if needed.
  std::vector<Point> positions();
  // Renders the laid-out graph ("svg", "png", "pdf"); throws Error(kOutput) when gvc fails.
  std::string render(const std::string& format);

 private:
  GVC_t* gvc_ = nullptr;
  Agraph_t* g_ = nullptr;
  std::vector<Agnode_t*> nodes_;  // by Vertex
  std::string layout_engine_;
  std::string dot_;
  bool laid_out_ = false;
};

// Sets a string attribute on a cgraph object, declaring it with an empty default if needed.
void gv_set(void* obj, const char* name, const std::string& value);

}  // namespace softgraph
