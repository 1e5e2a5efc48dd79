// graph.html: the interactive explorer, one self-contained offline page. The influence view laid
// out by Graphviz (the export's engine), drawn by sigma.js on graphology, with search, filters and
// a side panel (exporters/explorer/explorer.js). The library is embedded at build time; without
// it the format is refused before anything is written, never a page that cannot draw.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "explorer_assets.hpp"
#include "html_explorer.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Text inlined into a <script> or <style> element must not hold what would end or escape it.
void check_inlinable(std::string_view text, const char* what) {
  const std::string l = lower(text);
  if (l.find("</script") != std::string::npos || l.find("</style") != std::string::npos ||
      l.find("<!--") != std::string::npos)
    throw internal_error(std::string("the explorer's ") + what + " cannot be inlined in a page");
}

std::string page_title(const Graph& g) {
  if (g.documents.size() == 1)
    return "softgraph explorer: " +
           std::filesystem::path(g.documents.front().path).filename().string();
  return "softgraph explorer: " + std::to_string(g.documents.size()) + " documents";
}

}  // namespace

std::string explorer_unavailable_reason() {
  const ExplorerAssets& a = explorer_assets();
  if (!a.unavailable.empty()) return std::string(a.unavailable);
  if (a.sigma.empty() || a.graphology.empty()) return "the graph-drawing library was not embedded";
  return "";
}

void write_html(ExportContext& ctx, Sink& sink) {
  if (std::string why = explorer_unavailable_reason(); !why.empty())
    throw Error(ErrorCode::kUsage, "", "--format html", "the explorer is not available: " + why);
  const ExplorerAssets& a = explorer_assets();
  check_inlinable(a.graphology, "graphology bundle");
  check_inlinable(a.sigma, "sigma.js bundle");
  check_inlinable(a.script, "script");
  check_inlinable(a.style, "style");

  // Positions come from laying out the view itself: the whole graph's layout would leave the
  // holes of the documents, references and people the view drops.
  Graph view = explorer_influence_view(ctx.graph());
  ExportOptions layout_options = ctx.options();
  layout_options.legend = false;
  std::vector<Point> positions;
  std::vector<NodeStyle> styles;
  if (view.node_count() > 0) {
    ExportContext view_ctx(view, layout_options);
    positions = view_ctx.positions();
    styles = view_ctx.styles();
  }
  const std::string title = page_title(ctx.graph());
  std::string data;
  write_explorer_data(view, positions, styles, ctx.options(), title, data);

  std::string page;
  page.reserve(a.page.size() + a.graphology.size() + a.sigma.size() + a.script.size() +
               data.size() * 9 / 8);
  std::string_view tpl = a.page;
  for (std::size_t at = 0;;) {
    std::size_t open = tpl.find("{{", at);
    if (open == std::string_view::npos) {
      page.append(tpl.substr(at));
      break;
    }
    std::size_t close = tpl.find("}}", open);
    if (close == std::string_view::npos) throw internal_error("explorer.html: unclosed {{");
    page.append(tpl.substr(at, open - at));
    std::string_view slot = tpl.substr(open + 2, close - open - 2);
    if (slot == "TITLE")
      page += escape::xml_text(title);
    else if (slot == "STYLE")
      page.append(a.style);
    else if (slot == "DATA")
      page += escape::script_json(data);
    else if (slot == "GRAPHOLOGY")
      page.append(a.graphology);
    else if (slot == "SIGMA")
      page.append(a.sigma);
    else if (slot == "SCRIPT")
      page.append(a.script);
    else if (slot == "NOTICE")
      page += escape::xml_text(a.notice);
    else
      throw internal_error("explorer.html: unknown slot {{" + std::string(slot) + "}}");
    at = close + 2;
  }
  sink.open("graph.html") << page;
}

}  // namespace softgraph
