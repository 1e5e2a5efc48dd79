// csv/nodes.csv and csv/edges.csv: plain RFC 4180 tables for spreadsheets and Cytoscape
// (source, target, type). Aliases and list attributes joined with "|".
#include <cmath>

#include "attribute_columns.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {

void write_csv(ExportContext& ctx, Sink& sink) {
  const Graph& g = ctx.graph();
  const auto& bg = g.boost();
  const auto [node_attrs, edge_attrs, metric_names] = graph_attribute_maps(ctx);
  auto ncols = attribute_columns(node_attrs);
  auto ecols = attribute_columns(edge_attrs);

  std::ostream& nodes = sink.open("csv/nodes.csv");
  std::set<std::string> reserved = {"id", "type", "label", "aliases"};
  nodes << "id,type,label,aliases";
  for (const auto& m : metric_names) {
    std::string name = column_name(m, reserved);
    reserved.insert(name);
    nodes << ',' << escape::csv_field(name);
  }
  for (const auto& c : ncols) nodes << ',' << escape::csv_field(column_name(c.key, reserved));
  nodes << "\r\n";
  for (Vertex v : ctx.nodes()) {
    const NodeProps& n = g.node(v);
    std::string aliases;
    attr_text(AttrValue(n.aliases), aliases);
    nodes << escape::csv_field(n.id) << ',' << escape::csv_field(n.type) << ','
          << escape::csv_field(n.label) << ',' << escape::csv_field(aliases);
    for (const auto& m : metric_names) {
      nodes << ',';
      auto it = n.metrics.find(m);
      if (it != n.metrics.end()) nodes << escape::number(it->second).value_or("");
    }
    for (const auto& c : ncols) {
      nodes << ',';
      auto it = n.attributes.find(c.key);
      std::string text;
      if (it != n.attributes.end() && column_text(c, it->second, text))
        nodes << escape::csv_field(text);
    }
    nodes << "\r\n";
  }

  std::ostream& edges = sink.open("csv/edges.csv");
  std::set<std::string> ereserved = {"source",         "target",      "type", "weight",
                                     "evidence_count", "first_quote", "id"};
  edges << "source,target,type,weight,evidence_count,first_quote,id";
  for (const auto& c : ecols) edges << ',' << escape::csv_field(column_name(c.key, ereserved));
  edges << "\r\n";
  for (EdgeDesc e : ctx.edges()) {
    const EdgeProps& p = g.edge(e);
    edges << escape::csv_field(bg[boost::source(e, bg)].id) << ','
          << escape::csv_field(bg[boost::target(e, bg)].id) << ','
          << escape::csv_field(p.type.str()) << ',' << escape::number(p.weight).value_or("") << ','
          << p.evidence().size() << ','
          << escape::csv_field(p.evidence().empty() ? "" : p.evidence().front().quote) << ','
          << escape::csv_field(g.edge_id(e));
    for (const auto& c : ecols) {
      edges << ',';
      auto it = p.attributes().find(c.key);
      std::string text;
      if (it != p.attributes().end() && column_text(c, it->second, text))
        edges << escape::csv_field(text);
    }
    edges << "\r\n";
  }
}

}  // namespace softgraph
