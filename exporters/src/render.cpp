// graph.svg, graph.png, graph.pdf: the laid-out scene rendered by gvc (gvRenderData).
#include <spdlog/spdlog.h>

#include "graphviz_scene.hpp"
#include "pdf_normalise.hpp"
#include "writers.hpp"

namespace softgraph {

void write_rendered(ExportContext& ctx, Sink& sink, const std::string& format) {
  if (!ctx.scene().draws()) {
    spdlog::warn(
        "graph.{} not drawn: the graph has {} nodes, more than {} (--draw-large draws "
        "it, which can take minutes)",
        format, ctx.graph().node_count(), kDrawLimit);
    return;
  }
  std::string data = ctx.scene().render(format);
  if (format == "pdf") data = normalise_pdf(data);
  sink.open("graph." + format) << data;
}

}  // namespace softgraph
