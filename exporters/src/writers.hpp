// The writers behind export_graph, one per format, and the context they share: the options,
// node styles and the Graphviz layout, computed at most once per export.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"
#include "style.hpp"

namespace softgraph {

class GraphvizScene;

// What every writer of one export shares. The Graphviz scene (cgraph graph, layout) is built on
// first use, so formats that need no layout never pay for it.
class ExportContext {
 public:
  ExportContext(const Graph& g, const ExportOptions& opt);
  ~ExportContext();

  const Graph& graph() const { return g_; }
  const ExportOptions& options() const { return opt_; }
  // Vertices in id order and edges in (source, target, type) order.
  const std::vector<Vertex>& nodes() const { return nodes_; }
  const std::vector<EdgeDesc>& edges() const { return edges_; }
  // Colour, shape and size of each vertex (indexed by Vertex).
  const std::vector<NodeStyle>& styles() const { return styles_; }
  // The cgraph graph, built on first use.
  GraphvizScene& scene();
  // Positions (points, y up) from the Graphviz layout, indexed by Vertex; laid out on first use.
  const std::vector<Point>& positions();

 private:
  const Graph& g_;
  const ExportOptions& opt_;
  std::vector<Vertex> nodes_;
  std::vector<EdgeDesc> edges_;
  std::vector<NodeStyle> styles_;
  std::unique_ptr<GraphvizScene> scene_;
  std::vector<Point> positions_;
};

// graph.json, the contract in schemas/graph.schema.json.
void write_graph_json(const Graph& g, std::ostream& out);
void write_json(ExportContext& ctx, Sink& sink);
void write_graphml(ExportContext& ctx, Sink& sink);
void write_gexf(ExportContext& ctx, Sink& sink);
void write_jsonld(ExportContext& ctx, Sink& sink);
void write_dot(ExportContext& ctx, Sink& sink);
// Diagrams rendered by gvc: format is "svg", "png" or "pdf".
void write_rendered(ExportContext& ctx, Sink& sink, const std::string& format);
void write_neo4j(ExportContext& ctx, Sink& sink);
void write_csv(ExportContext& ctx, Sink& sink);
void write_csl(ExportContext& ctx, Sink& sink);
// graph.html: the interactive explorer (sigma.js), one self-contained offline page.
void write_html(ExportContext& ctx, Sink& sink);

}  // namespace softgraph
