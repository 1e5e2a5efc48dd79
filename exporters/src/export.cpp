// The format registry and export_graph: every format registered here, in one table; the layout is
// computed at most once per export and every file is committed only when all writers succeeded.
#include "softgraph/export/export.hpp"

#include <algorithm>
#include <set>

#include "graphviz_scene.hpp"
#include "html_explorer.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/channel_matrix.hpp"
#include "writers.hpp"

#if __has_include("csl_writer.hpp")
#include "csl_writer.hpp"
#define SOFTGRAPH_HAVE_CSL 1
#endif

namespace softgraph {
namespace {

struct Format {
  const char* name;
  const char* output;
  void (*write)(ExportContext&, Sink&);
};

const std::vector<Format>& formats() {
  static const std::vector<Format> kFormats = {
      {"json", "graph.json", write_json},
      {"graphml", "graph.graphml", write_graphml},
      {"dot", "graph.dot", write_dot},
      {"jsonld", "graph.jsonld", write_jsonld},
      {"svg", "graph.svg", [](ExportContext& c, Sink& s) { write_rendered(c, s, "svg"); }},
      {"png", "graph.png", [](ExportContext& c, Sink& s) { write_rendered(c, s, "png"); }},
      {"pdf", "graph.pdf", [](ExportContext& c, Sink& s) { write_rendered(c, s, "pdf"); }},
      {"gexf", "graph.gexf", write_gexf},
      {"neo4j", "neo4j/", write_neo4j},
      {"csv", "csv/", write_csv},
      {"csl", "references.json", write_csl},
      {"html", "graph.html", write_html},
      {"matrix", "channel-matrix.svg",
       [](ExportContext& c, Sink& s) { write_channel_matrix_files(c.graph(), s); }},
  };
  return kFormats;
}

const Format& find_format(const std::string& name) {
  for (const auto& f : formats())
    if (name == f.name) return f;
  std::string known;
  for (const auto& f : formats()) known += (known.empty() ? "" : ", ") + std::string(f.name);
  throw Error(ErrorCode::kUsage, "", "", "unknown format '" + name + "' (known: " + known + ")");
}

}  // namespace

std::vector<std::string> known_formats() {
  std::vector<std::string> out;
  for (const auto& f : formats()) out.push_back(f.name);
  return out;
}

std::string format_unavailable(const std::string& format) {
  return format == "html" ? explorer_unavailable_reason() : "";
}

std::vector<std::string> known_layouts() { return {"sfdp", "neato", "dot", "circo", "fdp"}; }

std::string format_output_name(const std::string& format) { return find_format(format).output; }

void check_options(const Graph& g, const ExportOptions& opt) {
  if (opt.formats.empty()) {
    std::string known;
    for (const auto& f : formats()) known += (known.empty() ? "" : ", ") + std::string(f.name);
    throw Error(ErrorCode::kUsage, "", "--format", "no format given (known: " + known + ")");
  }
  for (const auto& f : opt.formats) find_format(f);
  for (const auto& f : opt.formats)
    if (std::string why = format_unavailable(f); !why.empty())
      throw Error(ErrorCode::kUsage, "", "--format " + f, "not available in this build: " + why);
  auto layouts = known_layouts();
  if (std::find(layouts.begin(), layouts.end(), opt.layout) == layouts.end())
    throw Error(ErrorCode::kUsage, "", "",
                "unknown layout '" + opt.layout + "' (known: sfdp, neato, dot, circo, fdp)");
  if (opt.gexf_version != "1.3" && opt.gexf_version != "1.2" && opt.gexf_version != "1.2draft")
    throw Error(ErrorCode::kUsage, "", "--gexf-version",
                "unknown GEXF version '" + opt.gexf_version + "' (known: 1.2, 1.3)");
  if (!opt.page.empty()) page_size(opt.page, opt.landscape);  // throws for an unknown page
  bool any_metrics = false, has_metric = opt.size_metric == kDominanceSize;
  std::set<std::string> names = {kDominanceSize};
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const auto& m = g.node(v).metrics;
    any_metrics = any_metrics || !m.empty();
    has_metric = has_metric || m.count(opt.size_metric);
    for (const auto& [k, x] : m) names.insert(k);
  }
  if (any_metrics && !has_metric) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::kUsage, "", "",
                "unknown size metric '" + opt.size_metric + "' (known: " + known + ")");
  }
}

ExportContext::ExportContext(const Graph& g, const ExportOptions& opt)
    : g_(g),
      opt_(opt),
      nodes_(g.sorted_nodes()),
      edges_(g.sorted_edges()),
      styles_(node_styles(g, opt.size_metric)) {}

ExportContext::~ExportContext() = default;

GraphvizScene& ExportContext::scene() {
  if (!scene_) scene_ = std::make_unique<GraphvizScene>(g_, opt_, styles_);
  return *scene_;
}

const std::vector<Point>& ExportContext::positions() {
  if (positions_.size() != g_.node_count()) positions_ = scene().positions();
  return positions_;
}

void write_csl(ExportContext& ctx, Sink& sink) {
#ifdef SOFTGRAPH_HAVE_CSL
  write_csl_json(ctx.graph(), sink.open("references.json"));
#else
  throw Error(ErrorCode::kUsage, "", "", "format 'csl' is not available in this build");
#endif
}

namespace {

bool is_diagram(const std::string& format) {
  return format == "dot" || format == "svg" || format == "png" || format == "pdf";
}

// Hands "graph.svg" out as "graph-<suffix>.svg": a second view's diagram beside the first.
class SuffixSink : public Sink {
 public:
  SuffixSink(Sink& inner, std::string suffix) : inner_(inner), suffix_(std::move(suffix)) {}
  std::ostream& open(const std::string& name) override { return inner_.open(rename(name)); }
  void set_executable(const std::string& name) override { inner_.set_executable(rename(name)); }

 private:
  std::string rename(const std::string& name) const {
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? name + suffix_
                                    : name.substr(0, dot) + suffix_ + name.substr(dot);
  }
  Sink& inner_;
  std::string suffix_;
};

}  // namespace

void export_to_sink(const Graph& g, const ExportOptions& opt, Sink& sink) {
  check_options(g, opt);
  ExportContext ctx(g, opt);
  std::set<std::string> done;
  const bool by_view = !opt.diagram_views.empty();
  for (const auto& f : formats()) {  // registry order, each requested format once
    if (std::find(opt.formats.begin(), opt.formats.end(), f.name) == opt.formats.end()) continue;
    if (!done.insert(f.name).second || (by_view && is_diagram(f.name))) continue;
    f.write(ctx, sink);
  }
  if (!by_view) return;
  // Diagrams of each view, laid out once per view.
  for (std::size_t i = 0; i < opt.diagram_views.size(); ++i) {
    GraphFilter view;
    view.view = opt.diagram_views[i];
    const Graph part = select_subgraph(g, view);
    if (i > 0 && part.node_count() == 0) continue;  // no literature in a brief, for example
    ExportContext view_ctx(part, opt);
    std::string suffix;  // (appended: GCC 12 warns falsely about "-" + name, -Wrestrict)
    if (i > 0) suffix.append("-").append(view_name(view.view));
    SuffixSink named(sink, suffix);
    for (const auto& f : formats())
      if (is_diagram(f.name) &&
          std::find(opt.formats.begin(), opt.formats.end(), f.name) != opt.formats.end())
        f.write(view_ctx, named);
  }
}

std::vector<std::filesystem::path> export_graph(const Graph& g,
                                                const std::filesystem::path& out_dir,
                                                const ExportOptions& opt,
                                                const std::function<void(Sink&)>& extra) {
  check_options(g, opt);
  std::error_code ec;
  const bool created = std::filesystem::create_directories(out_dir, ec);
  if (ec || !std::filesystem::is_directory(out_dir))
    throw Error(ErrorCode::kOutput, out_dir.string(), "",
                "cannot create the output folder" + (ec ? ": " + ec.message() : std::string()));
  try {
    AtomicDirSink sink(out_dir);
    export_to_sink(g, opt, sink);
    if (extra) extra(sink);
    return sink.commit();
  } catch (...) {
    // A folder this run made is removed again when the run leaves nothing in it.
    if (created) std::filesystem::remove(out_dir, ec);
    throw;
  }
}

}  // namespace softgraph
