// Laying the scene out once with gvc (sfdp, neato, dot, circo, fdp), fitting it to a page, and
// reading node positions, which GraphML and GEXF reuse for Gephi's x/y and viz:position.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "graphviz_scene.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"

namespace softgraph {
namespace {
// One gvc context for the whole process, never freed: Graphviz 2.42's pango plugin caches a font
// name across contexts, and a second context after gvFreeContext reads freed memory (found by
// AddressSanitizer). Graphviz is not thread-safe anyway: exports run one at a time.
GVC_t* shared_context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

std::string fmt(double v) { return escape::number(v).value_or("0.0"); }

constexpr double kMargin = 18;  // points on each side of a page
}  // namespace

PageSize page_size(const std::string& name, bool landscape) {
  PageSize p;
  if (name == "a4") {
    p = {595, 842};
  } else if (name == "letter") {
    p = {612, 792};
  } else if (name == "a3") {
    p = {842, 1191};
  } else {
    throw Error(ErrorCode::kUsage, "", "--page",
                "unknown page '" + name + "' (known: a4, letter, a3)");
  }
  if (landscape) std::swap(p.width, p.height);
  return p;
}

// neato draws cluster boxes but lets them overlap each other and other nodes (2.43).
bool layout_draws_clusters(const std::string& engine) { return engine == "dot" || engine == "fdp"; }

GraphvizScene::~GraphvizScene() {
  if (engine_ran_) gvFreeLayout(gvc_, g_);
  if (g_) agclose(g_);
}

void GraphvizScene::run_engine() {
  if (!gvc_) gvc_ = shared_context();
  if (!gvc_) throw internal_error("cannot create a Graphviz context");
  if (engine_ran_) gvFreeLayout(gvc_, g_);
  engine_ran_ = false;
  if (gvLayout(gvc_, g_, layout_engine_.c_str()) != 0)
    throw Error(ErrorCode::kOutput, "", "", "Graphviz layout '" + layout_engine_ + "' failed");
  engine_ran_ = true;
}

// The factor the renderer scales the laid-out drawing by to fit the page's printable area.
double GraphvizScene::fit_scale() const {
  const boxf bb = GD_bb(g_);
  const double w = std::max(1.0, bb.UR.x - bb.LL.x), h = std::max(1.0, bb.UR.y - bb.LL.y);
  return std::min((page_->width - 2 * kMargin) / w, (page_->height - 2 * kMargin) / h);
}

// Labels shrink with the drawing: raise the label size and lay out again until the smallest
// label prints at kMinPrintedFont (node sizes and spacing do not grow with the labels, so each
// round gains), then pad the canvas to the page size. A few rounds at most; if the drawing
// still cannot fit, say so and print as large as it goes.
void GraphvizScene::fit_to_page() {
  const std::size_t n = nodes_.size();
  double best_font = font_, best_printed = font_ * fit_scale();
  for (int round = 0; round < 8 && n <= kDetailedDrawingMax; ++round) {
    printed_font_ = font_ * fit_scale();
    if (printed_font_ > best_printed) best_font = font_, best_printed = printed_font_;
    if (printed_font_ >= kMinPrintedFont) break;
    font_ = std::min(font_ * kMinPrintedFont / printed_font_ * 1.06, 60.0);
    set_font(font_);
    run_engine();
  }
  // Some engines spread out as labels grow (fdp): go back to the round that printed largest.
  if (font_ * fit_scale() + 1e-9 < best_printed) {
    font_ = best_font;
    set_font(font_);
    run_engine();
  }
  printed_font_ = font_ * fit_scale();
  if (printed_font_ < kMinPrintedFont - 1e-6)
    spdlog::warn(
        "the drawing does not fit the page with labels of {} pt: they print at {:.1f} "
        "pt; draw a part of the graph or choose a larger --page",
        kMinPrintedFont, printed_font_);
  // The renderer scales drawing and padding together into the size box (the page): padding of
  // (page / scale - drawing) / 2 on each axis makes the canvas the page, with the drawing at the
  // fitted scale and at least kMargin around it.
  const boxf bb = GD_bb(g_);
  const double s = fit_scale();
  const double pad_x = (page_->width / s - (bb.UR.x - bb.LL.x)) / 2;
  const double pad_y = (page_->height / s - (bb.UR.y - bb.LL.y)) / 2;
  gv_set(g_, "pad", fmt(std::max(0.0, pad_x) / 72) + "," + fmt(std::max(0.0, pad_y) / 72));
}

// Every label's size: nodes (each holds its own copy, so the default alone would not reach
// them), cluster labels and the legend (the graph's). Node sizes grow with the labels, so that
// the size measure still shows beside them.
void GraphvizScene::set_font(double points) {
  const std::string value = fmt(points);
  Agsym_t* sym = agattr(g_, AGNODE, const_cast<char*>("fontsize"), nullptr);
  for (std::size_t v = 0; v < nodes_.size(); ++v) {
    agxset(nodes_[v], sym, const_cast<char*>(value.c_str()));
    gv_set(nodes_[v], "width", fmt(base_size_[v].x * points / kNominalFont));
    gv_set(nodes_[v], "height", fmt(base_size_[v].y * points / kNominalFont));
  }
  gv_set(g_, "fontsize", value);
  for (Agraph_t* sub = agfstsubg(g_); sub; sub = agnxtsubg(sub)) gv_set(sub, "fontsize", value);
  if (legend_) add_legend(g_, graph_, size_metric_, points / kNominalFont);
}

void GraphvizScene::layout() {
  if (laid_out_) return;
  laid_out_ = true;
  if (!draws_) return;
  run_engine();
  if (page_) fit_to_page();
}

std::vector<Point> GraphvizScene::positions() {
  layout();
  std::vector<Point> out(nodes_.size());
  if (!draws_) {
    // No layout: a sunflower spiral by export order, so that Gephi opens the nodes spread out
    // (and its own layout starts from there) rather than stacked on one point.
    const double golden = 2.399963229728653;
    for (std::size_t v = 0; v < nodes_.size(); ++v) {
      const double r = 20 * std::sqrt(static_cast<double>(v)), a = golden * v;
      out[v].x = std::round(r * std::cos(a) * 100) / 100;
      out[v].y = std::round(r * std::sin(a) * 100) / 100;
    }
    return out;
  }
  for (std::size_t v = 0; v < nodes_.size(); ++v) {
    // Rounded to 1/100 point so that positions print the same on every machine.
    out[v].x = std::round(ND_coord(nodes_[v]).x * 100) / 100;
    out[v].y = std::round(ND_coord(nodes_[v]).y * 100) / 100;
  }
  return out;
}

std::string GraphvizScene::render(const std::string& format) {
  layout();
  // A page-fitted PNG is for print: 150 dpi instead of 96, so that 7 pt labels stay legible.
  // The dpi is read at render time from the layout's drawing record, so set it for this render.
  const double dpi = GD_drawing(g_)->dpi;
  if (page_ && format == "png") GD_drawing(g_)->dpi = 150;
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc_, g_, format.c_str(), &data, &length);
  GD_drawing(g_)->dpi = dpi;
  if (rc != 0 || !data)
    throw Error(ErrorCode::kOutput, "graph." + format, "", "Graphviz cannot render " + format);
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace softgraph
