// The graph as Graphviz sees it: one cgraph graph built from the softgraph graph (shapes, colours,
// sizes, tooltips, clusters, legend), written as DOT, laid out once by gvc and rendered from there.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drawing_text.hpp"
#include "softgraph/export/export.hpp"
#include "style.hpp"

namespace softgraph {

// Above this many nodes, every layout is sfdp without overlap removal (prism takes minutes on 10k
// nodes); see the README's "Large graphs".
inline constexpr std::size_t kScalableLayoutAbove = 2000;
// Up to this many nodes, edges are curved around nodes (splines=true; spline routing grows too slow
// for thousands of nodes) and --page lays out again until labels reach kMinPrintedFont.
inline constexpr std::size_t kDetailedDrawingMax = 300;
// Above this many nodes, no diagram is drawn unless ExportOptions::draw_large.
inline constexpr std::size_t kDrawLimit = 10000;
// The smallest label size, in points, a page-fitted drawing prints.
inline constexpr double kMinPrintedFont = 7.0;
// The nominal label size (points) before any page fitting.
inline constexpr double kNominalFont = 10.0;

// A page in points, portrait unless turned.
struct PageSize {
  double width = 0, height = 0;
};
// The page of `name` (a4, letter, a3), landscape when asked; Error(kUsage) for another name.
PageSize page_size(const std::string& name, bool landscape);

class GraphvizScene {
 public:
  GraphvizScene(const Graph& g, const ExportOptions& opt, const std::vector<NodeStyle>& styles);
  ~GraphvizScene();
  GraphvizScene(const GraphvizScene&) = delete;
  GraphvizScene& operator=(const GraphvizScene&) = delete;

  // The DOT text of the graph as built, before any layout (agwrite).
  const std::string& dot() const { return dot_; }
  // Whether diagrams are drawn: false above kDrawLimit nodes unless draw_large (a message says).
  bool draws() const { return draws_; }
  // Lays the graph out with the options' engine (fitted to the page if one is asked); a no-op
  // after the first call. Without drawing, places nodes on a sunflower spiral instead.
  void layout();
  // Node centres in points (y up), indexed by Vertex. Lays out first if needed.
  std::vector<Point> positions();
  // Renders the laid-out graph ("svg", "png", "pdf"); throws Error(kOutput) when gvc fails.
  std::string render(const std::string& format);
  // The size in points the smallest label prints at after layout (page fitting scales).
  double printed_font() const { return printed_font_; }

 private:
  void run_engine();
  void fit_to_page();
  void set_font(double points);
  double fit_scale() const;

  const Graph& graph_;
  std::string size_metric_;
  bool legend_ = true;
  GVC_t* gvc_ = nullptr;
  Agraph_t* g_ = nullptr;
  std::vector<Agnode_t*> nodes_;  // by Vertex
  std::vector<Point> base_size_;  // width, height in inches at kNominalFont, by Vertex
  std::string layout_engine_;
  std::optional<PageSize> page_;
  std::string dot_;
  bool draws_ = true;
  bool laid_out_ = false;
  bool engine_ran_ = false;
  double font_ = kNominalFont;
  double printed_font_ = kNominalFont;
};

// Sets a string attribute on a cgraph object, declaring it with an empty default if needed.
void gv_set(void* obj, const char* name, const std::string& value);
// Sets the graph's label to the legend: node types, edge types and channel colours present in
// `graph`, and what node size and edge width mean; swatches `scale` times their nominal size.
void add_legend(Agraph_t* g, const Graph& graph, const std::string& size_metric, double scale);
// Graphviz engines that draw clusters.
bool layout_draws_clusters(const std::string& engine);

}  // namespace softgraph
