// graph.dot: the cgraph graph built with agopen/agnode/agedge/agsafeset and written with agwrite.
// Every string value goes through escape::dot_label or escape::dot_value; cgraph quotes keywords
// ("node", "graph", "strict") and HTML-like strings itself.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "graphviz_scene.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {

void gv_set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

namespace {

std::string fmt(double v) { return escape::number(v).value_or("0.0"); }

std::string node_tooltip(const NodeProps& n) {
  std::string t = n.type + ": " + n.label + "\n" + n.id;
  if (!n.aliases.empty()) {
    t += "\naliases: ";
    for (std::size_t i = 0; i < n.aliases.size(); ++i) t += (i ? "; " : "") + n.aliases[i];
  }
  return t;
}

std::string edge_tooltip(const EdgeProps& e) {
  const auto& ev = e.evidence();
  std::string t = e.type.str() + " (weight " + fmt(e.weight) + ")";
  if (!ev.empty()) t += "\n\"" + ev.front().quote + "\"";
  if (ev.size() > 1) t += "\n(+" + std::to_string(ev.size() - 1) + " more)";
  return t;
}

std::string write_agraph(Agraph_t* g) {
  char* buf = nullptr;
  std::size_t size = 0;
  FILE* f = open_memstream(&buf, &size);
  if (!f) throw internal_error("open_memstream failed");
  int rc = agwrite(g, f);
  std::fclose(f);
  std::string out(buf ? buf : "", size);
  std::free(buf);
  if (rc != 0) throw internal_error("agwrite failed");
  return out;
}

// cgraph's default ids for named objects are the addresses of their interned names, and it
// orders subgraphs by id: cluster order in graph.dot followed the heap. This discipline numbers
// named objects in creation order (even ids; anonymous ones stay odd), so it follows our order.
// Names are interned with agstrdup, as cgraph expects of what print returns (it reads the
// intern header to tell HTML-like names from plain ones).
struct SequentialIds {
  Agraph_t* graph = nullptr;
  std::unordered_map<std::string, IDTYPE> by_name;
  std::vector<char*> names;
  IDTYPE next_anonymous = 1;
};
void* ids_open(Agraph_t* g, Agdisc_t*) { return new SequentialIds{g, {}, {}, 1}; }
long ids_map(void* state, int, char* str, IDTYPE* id, int create) {
  auto* s = static_cast<SequentialIds*>(state);
  if (!str) {
    *id = s->next_anonymous;
    s->next_anonymous += 2;
    return 1;
  }
  if (auto it = s->by_name.find(str); it != s->by_name.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  s->names.push_back(agstrdup(s->graph, str));
  *id = static_cast<IDTYPE>(2 * s->names.size());
  s->by_name.emplace(str, *id);
  return 1;
}
long ids_alloc(void*, int, IDTYPE) { return 0; }  // callers may not choose ids, as by default
void ids_free(void*, int, IDTYPE) {}  // interned names go with the graph's string dictionary
char* ids_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<SequentialIds*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}
void ids_close(void* state) { delete static_cast<SequentialIds*>(state); }
void ids_register(void*, int, void*) {}
Agiddisc_t kSequentialIdDisc = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                ids_print, ids_close, ids_register};
Agdisc_t kSequentialDisc = {&AgMemDisc, &kSequentialIdDisc, &AgIoDisc};

// Institutions each actor operates, each institution in at most one cluster (the first actor by
// id), since Graphviz clusters must not overlap.
std::map<Vertex, std::vector<Vertex>> actor_clusters(const Graph& g) {
  std::map<Vertex, std::vector<Vertex>> out;
  std::set<Vertex> taken;
  const auto& bg = g.boost();
  for (Vertex a : g.sorted_nodes()) {
    if (g.node(a).type != "Actor") continue;
    out[a];
    for (auto [it, end] = boost::out_edges(a, bg); it != end; ++it) {
      Vertex t = boost::target(*it, bg);
      if (bg[*it].type == "OPERATES" && g.node(t).type == "Institution" && taken.insert(t).second)
        out[a].push_back(t);
    }
    std::sort(out[a].begin(), out[a].end(),
              [&](Vertex x, Vertex y) { return g.node(x).id < g.node(y).id; });
  }
  return out;
}

// A DOT name for a node id: the id itself, or, past kMaxName bytes, its clipped start and a hash
// of the whole, so that names stay unique and within what Graphviz reads back (16 KB).
constexpr std::size_t kMaxName = 1000;
std::string node_name(const std::string& id) {
  if (id.size() <= kMaxName) return escape::dot_value(id);
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return escape::dot_value(clip_text(id, kMaxName)) + "#" + hex;
}

// Tooltips carry evidence quotes; clipped so that, escaped (at most 5 bytes per input byte),
// they stay under Graphviz's 16 KB string limit.
constexpr std::size_t kMaxTooltip = 3000;

// The colour of an edge: its type's, or for channel edges the colour of the channel's place on
// the spectrum; translucent so that crossings stay readable.
std::string edge_color(const Graph& g, EdgeDesc e) {
  const EdgeProps& p = g.edge(e);
  EdgeTypeStyle s = edge_type_style(p.type.str());
  std::string color = s.color;
  if (color == "spectrum")
    color = spectrum_color(node_spectrum(g.node(boost::target(e, g.boost()))));
  return color + "cc";
}

}  // namespace

GraphvizScene::GraphvizScene(const Graph& graph, const ExportOptions& opt,
                             const std::vector<NodeStyle>& styles)
    : graph_(graph),
      size_metric_(opt.size_metric),
      legend_(opt.legend),
      layout_engine_(opt.layout) {
  g_ = agopen(const_cast<char*>("softgraph"), Agdirected, &kSequentialDisc);
  gv_set(g_, "charset", "UTF-8");
  draws_ = graph.node_count() <= kDrawLimit || opt.draw_large;
  if (!opt.page.empty()) page_ = page_size(opt.page, opt.landscape);
  const bool large = graph.node_count() > kScalableLayoutAbove;
  if (large && layout_engine_ != "sfdp") {
    spdlog::warn(
        "{} nodes (more than {}): laid out with sfdp instead of {}, which would take "
        "minutes",
        graph.node_count(), kScalableLayoutAbove, layout_engine_);
    layout_engine_ = "sfdp";
  }
  // prism removes node overlaps well but takes minutes past a few thousand nodes (400 s on 20k);
  // overlap=scale is faster but needs gigabytes there. A drawing of thousands of nodes is read
  // as a shape, not label by label: large graphs keep sfdp's overlaps.
  gv_set(g_, "overlap", large ? "true" : "prism");
  if (!large) gv_set(g_, "overlap_scaling", "-1");  // compact: scale by one average label first
  // Curved edges route around nodes; straight ones past a few hundred nodes.
  gv_set(g_, "splines", graph.node_count() <= kDetailedDrawingMax ? "true" : "false");
  gv_set(g_, "pack", "true");  // components side by side, not far apart
  gv_set(g_, "fontsize", fmt(kNominalFont));
  if (page_) {
    // Scaled into the page; fit_to_page raises the label size until labels print at
    // kMinPrintedFont or more and pads the canvas to the page with margins.
    gv_set(g_, "size", fmt(page_->width / 72) + "," + fmt(page_->height / 72) + "!");
    gv_set(g_, "margin", "0");
    if (layout_engine_ == "fdp") gv_set(g_, "K", "0.1");  // fdp's springs: the most compact
  }
  gv_set(g_, "outputorder", "edgesfirst");
  gv_set(g_, "start", "1");  // fixed seed: neato, fdp and sfdp lay out deterministically
  gv_set(g_, "fontname", "Helvetica");
  // gvLayout declares label="\N" on cgraph's prototype graph, so declare it ourselves: otherwise
  // the first export in a process would write a different graph.dot than the next ones.
  agattr(g_, AGNODE, const_cast<char*>("label"), const_cast<char*>("\\N"));
  agattr(g_, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(g_, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(g_, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>(fmt(kNominalFont).c_str()));
  agattr(g_, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#00000066"));
  agattr(g_, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.6"));

  std::map<Vertex, Agraph_t*> home;  // the cluster a vertex goes into, if any
  if (opt.clusters && !layout_draws_clusters(layout_engine_))
    spdlog::warn(
        "--clusters: the {} layout does not draw clusters; use --layout fdp or dot to "
        "see each actor grouped with its institutions",
        layout_engine_);
  if (opt.clusters) {
    for (const auto& [actor, institutions] : actor_clusters(graph)) {
      std::string name = "cluster_" + node_name(graph.node(actor).id);
      Agraph_t* sub = agsubg(g_, const_cast<char*>(name.c_str()), 1);
      gv_set(sub, "label", escape::dot_label(drawing_label(graph.node(actor).label, "box")));
      gv_set(sub, "style", "rounded");
      gv_set(sub, "color", type_style("Actor").color);
      home[actor] = sub;
      for (Vertex i : institutions) home[i] = sub;
    }
  }

  nodes_.assign(graph.node_count(), nullptr);
  base_size_.assign(graph.node_count(), {});
  for (Vertex v : graph.sorted_nodes()) {
    const NodeProps& n = graph.node(v);
    const NodeStyle& s = styles[v];
    std::string name = node_name(n.id);
    Agraph_t* parent = home.count(v) ? home[v] : g_;
    Agnode_t* an = agnode(parent, const_cast<char*>(name.c_str()), 1);
    nodes_[v] = an;
    gv_set(an, "label", escape::dot_label(drawing_label(n.label, s.type.shape)));
    gv_set(an, "type", escape::dot_value(n.type));
    gv_set(an, "shape", s.type.shape);
    gv_set(an, "fillcolor", s.type.color + "cc");
    gv_set(an, "color", s.type.color);
    const bool flat = s.type.shape == "box" || s.type.shape == "note" || s.type.shape == "folder";
    base_size_[v] = {s.width, s.width * (flat ? 0.6 : 1.0)};
    gv_set(an, "width", fmt(base_size_[v].x));
    gv_set(an, "height", fmt(base_size_[v].y));
    gv_set(an, "tooltip", escape::dot_label(clip_text(node_tooltip(n), kMaxTooltip)));
  }
  const auto& bg = graph.boost();
  for (EdgeDesc e : graph.sorted_edges()) {
    const EdgeProps& p = graph.edge(e);
    Agedge_t* ae =
        agedge(g_, nodes_[boost::source(e, bg)], nodes_[boost::target(e, bg)], nullptr, 1);
    gv_set(ae, "type", escape::dot_value(p.type.str()));
    // Graphviz wants an integer layout weight; our weight stays in the tooltip and in "sgweight".
    gv_set(ae, "weight", std::to_string(std::clamp<long>(std::lround(p.weight), 1, 1000)));
    gv_set(ae, "sgweight", fmt(p.weight));
    gv_set(ae, "penwidth", fmt(0.8 + std::min(p.weight, 10.0) * 0.4));
    gv_set(ae, "color", edge_color(graph, e));
    const std::string style = edge_type_style(p.type.str()).style;
    if (style != "solid") gv_set(ae, "style", style);
    const std::string tip = escape::dot_label(clip_text(edge_tooltip(p), kMaxTooltip));
    gv_set(ae, "tooltip", tip);
    gv_set(ae, "edgetooltip", tip);
  }
  if (opt.legend) add_legend(g_, graph, opt.size_metric, 1.0);
  dot_ = write_agraph(g_);
}

void write_dot(ExportContext& ctx, Sink& sink) { sink.open("graph.dot") << ctx.scene().dot(); }

}  // namespace softgraph
