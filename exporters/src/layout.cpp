// Laying the scene out once with gvc (sfdp, neato, dot, circo, fdp) and reading node positions,
// which GraphML and GEXF reuse for Gephi's x/y and viz:position.
#include <cmath>

#include "graphviz_scene.hpp"
#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {
// One gvc context for the whole process, never freed: Graphviz 2.42's pango plugin caches a font
// name across contexts, and a second context after gvFreeContext reads freed memory (found by
// AddressSanitizer). Graphviz is not thread-safe anyway: exports run one at a time.
GVC_t* shared_context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}
}  // namespace

GraphvizScene::~GraphvizScene() {
  if (laid_out_) gvFreeLayout(gvc_, g_);
  if (g_) agclose(g_);
}

void GraphvizScene::layout() {
  if (laid_out_) return;
  if (!gvc_) gvc_ = shared_context();
  if (!gvc_) throw internal_error("cannot create a Graphviz context");
  if (gvLayout(gvc_, g_, layout_engine_.c_str()) != 0)
    throw Error(ErrorCode::kOutput, "", "", "Graphviz layout '" + layout_engine_ + "' failed");
  laid_out_ = true;
}

std::vector<Point> GraphvizScene::positions() {
  layout();
  std::vector<Point> out(nodes_.size());
  for (std::size_t v = 0; v < nodes_.size(); ++v) {
    // Rounded to 1/100 point so that positions print the same on every machine.
    out[v].x = std::round(ND_coord(nodes_[v]).x * 100) / 100;
    out[v].y = std::round(ND_coord(nodes_[v]).y * 100) / 100;
  }
  return out;
}

std::string GraphvizScene::render(const std::string& format) {
  layout();
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc_, g_, format.c_str(), &data, &length) != 0 || !data)
    throw Error(ErrorCode::kOutput, "graph." + format, "", "Graphviz cannot render " + format);
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace softgraph
