// graph.gexf: GEXF 1.3 (Gephi's native format; the default) or 1.2draft (ExportOptions::
// gexf_version "1.2", what NetworkX's read_gexf reads), with typed attributes declared per class
// and viz:color, viz:size and viz:position from the shared Graphviz layout. Lists are joined by
// "|" as in GraphML (liststring readers disagree on the syntax). In 1.3 every edge has
// kind="<TYPE>": Gephi keeps parallel edges of different kinds apart (1.2draft has no kind;
// the edge ids, which hold the type, still differ). No xsi:schemaLocation: the GEXF RelaxNG
// schemas allow no attribute but version and variant on <gexf>.
#include <map>

#include "attribute_columns.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {
namespace {

std::string num(double v) { return escape::number(v).value_or("0.0"); }

struct Column {
  std::string id, title, type;
};

void declare(std::ostream& out, const char* cls, const std::vector<Column>& cols) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (const auto& c : cols)
    out << "      <attribute id=\"" << escape::xml_attr(c.id) << "\" title=\""
        << escape::xml_attr(c.title) << "\" type=\"" << c.type << "\"/>\n";
  out << "    </attributes>\n";
}

void attvalue(std::ostream& out, const std::string& id, const std::string& value) {
  out << "          <attvalue for=\"" << escape::xml_attr(id) << "\" value=\""
      << escape::xml_attr(value) << "\"/>\n";
}

}  // namespace

void write_gexf(ExportContext& ctx, Sink& sink) {
  const Graph& g = ctx.graph();
  const auto& bg = g.boost();
  const auto& pos = ctx.positions();
  const auto [node_attrs, edge_attrs, metric_names] = graph_attribute_maps(ctx);

  std::vector<Column> ncols = {
      {"type", "type", "string"}, {"labels", "labels", "string"}, {"aliases", "aliases", "string"}};
  std::set<std::string> reserved = {"type", "labels", "aliases", "label"};
  std::map<std::string, std::string> metric_id, attr_id;
  for (const auto& m : metric_names) {
    std::string title = column_name(m, reserved);
    reserved.insert(title);
    metric_id[m] = title;  // ids are the titles: graphology and others key attributes by id
    ncols.push_back({metric_id[m], title, "double"});
  }
  auto nattr = attribute_columns(node_attrs);
  for (const auto& c : nattr) {
    attr_id[c.key] = column_name(c.key, reserved);
    ncols.push_back({attr_id[c.key], attr_id[c.key], xsd_type(c.kind)});
  }
  std::vector<Column> ecols = {{"type", "type", "string"},
                               {"evidence_count", "evidence_count", "long"},
                               {"first_quote", "first_quote", "string"}};
  std::set<std::string> ereserved = {"type", "evidence_count", "first_quote", "weight", "label"};
  auto eattr = attribute_columns(edge_attrs);
  std::map<std::string, std::string> eattr_id;
  for (const auto& c : eattr) {
    eattr_id[c.key] = column_name(c.key, ereserved);
    ecols.push_back({eattr_id[c.key], eattr_id[c.key], xsd_type(c.kind)});
  }

  const bool v13 = !ctx.options().gexf_version.starts_with("1.2");
  std::ostream& out = sink.open("graph.gexf");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (v13)
    out << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "version=\"1.3\">\n";
  else
    out << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
           "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n";
  out << "  <meta>\n    <creator>softgraph</creator>\n"
         "    <description>Influence graph; aliases and list attributes joined with "
         "\"|\"</description>\n  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  declare(out, "node", ncols);
  declare(out, "edge", ecols);
  out << "    <nodes>\n";
  for (Vertex v : ctx.nodes()) {
    const NodeProps& n = g.node(v);
    const NodeStyle& s = ctx.styles()[v];
    out << "      <node id=\"" << escape::xml_attr(n.id) << "\" label=\""
        << escape::xml_attr(n.label) << "\">\n        <attvalues>\n";
    attvalue(out, "type", n.type);
    std::string labels, aliases;
    for (const auto& l : node_labels(n)) labels += ":" + l;
    attvalue(out, "labels", labels);
    attr_text(AttrValue(n.aliases), aliases);
    attvalue(out, "aliases", aliases);
    for (const auto& [k, m] : n.metrics)
      if (auto t = escape::number(m)) attvalue(out, metric_id[k], *t);
    for (const auto& c : nattr) {
      auto it = n.attributes.find(c.key);
      std::string text;
      if (it != n.attributes.end() && column_text(c, it->second, text))
        attvalue(out, attr_id[c.key], text);
    }
    out << "        </attvalues>\n"
        << "        <viz:color r=\"" << s.type.r << "\" g=\"" << s.type.g << "\" b=\"" << s.type.b
        << "\" a=\"1.0\"/>\n"
        << "        <viz:size value=\"" << num(s.size) << "\"/>\n"
        << "        <viz:position x=\"" << num(pos[v].x) << "\" y=\"" << num(pos[v].y)
        << "\" z=\"0.0\"/>\n"
        << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (EdgeDesc e : ctx.edges()) {
    const EdgeProps& p = g.edge(e);
    out << "      <edge id=\"" << escape::xml_attr(g.edge_id(e)) << "\" source=\""
        << escape::xml_attr(bg[boost::source(e, bg)].id) << "\" target=\""
        << escape::xml_attr(bg[boost::target(e, bg)].id) << "\" label=\""
        << escape::xml_attr(p.type.str()) << "\" weight=\"" << num(p.weight) << "\"";
    if (v13) out << " kind=\"" << escape::xml_attr(p.type.str()) << "\"";
    out << ">\n        <attvalues>\n";
    attvalue(out, "type", p.type.str());
    attvalue(out, "evidence_count", std::to_string(p.evidence().size()));
    attvalue(out, "first_quote", p.evidence().empty() ? "" : p.evidence().front().quote);
    for (const auto& c : eattr) {
      auto it = p.attributes().find(c.key);
      std::string text;
      if (it != p.attributes().end() && column_text(c, it->second, text))
        attvalue(out, eattr_id[c.key], text);
    }
    out << "        </attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace softgraph
