// graph.graphml for Gephi, NetworkX, igraph, graphology and Neo4j's apoc.import.graphml: an XML
// declaration, every key declared with for= and attr.type=, Gephi's label/size/r/g/b/x/y keys,
// a "labels" key (":Actor") for readLabels, and aliases and list attributes joined by "|".
#include <map>
#include <sstream>

#include "attribute_columns.hpp"
#include "json_out.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/export/writers.hpp"

namespace softgraph {
namespace {

struct Key {
  std::string id, name, type;
};

class KeyTable {
 public:
  KeyTable(std::string domain, std::string prefix) : domain_(domain), prefix_(prefix) {}
  const std::string& add(const std::string& internal, const std::string& name,
                         const std::string& type) {
    keys_.push_back({prefix_ + std::to_string(keys_.size()), name, type});
    ids_[internal] = keys_.back().id;
    return keys_.back().id;
  }
  const std::string& id(const std::string& internal) const { return ids_.at(internal); }
  void declare(std::ostream& out) const {
    for (const auto& k : keys_)
      out << "  <key id=\"" << k.id << "\" for=\"" << domain_ << "\" attr.name=\""
          << escape::xml_attr(k.name) << "\" attr.type=\"" << k.type << "\"/>\n";
  }

 private:
  std::string domain_, prefix_;
  std::vector<Key> keys_;
  std::map<std::string, std::string> ids_;
};

void data(std::ostream& out, const std::string& key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << escape::xml_text(value) << "</data>\n";
}

std::string num(double v) { return escape::number(v).value_or("0.0"); }

}  // namespace

void write_graphml(ExportContext& ctx, Sink& sink) {
  const Graph& g = ctx.graph();
  const auto& bg = g.boost();
  const auto& pos = ctx.positions();
  const auto [node_attrs, edge_attrs, metric_names] = graph_attribute_maps(ctx);

  std::set<std::string> node_reserved = {"label", "type", "labels", "aliases", "size",
                                         "r",     "g",    "b",      "x",       "y"};
  KeyTable nk("node", "v"), ek("edge", "e");
  nk.add("label", "label", "string");
  nk.add("type", "type", "string");
  nk.add("labels", "labels", "string");
  nk.add("aliases", "aliases", "string");
  for (const auto& m : metric_names) nk.add("metric:" + m, column_name(m, node_reserved), "double");
  for (const auto& m : metric_names) node_reserved.insert(column_name(m, node_reserved));
  auto ncols = attribute_columns(node_attrs);
  for (const auto& c : ncols)
    nk.add("attr:" + c.key, column_name(c.key, node_reserved), xsd_type(c.kind));
  nk.add("size", "size", "double");
  nk.add("r", "r", "int");
  nk.add("g", "g", "int");
  nk.add("b", "b", "int");
  nk.add("x", "x", "double");
  nk.add("y", "y", "double");

  std::set<std::string> edge_reserved = {"weight",         "label",       "type",
                                         "evidence_count", "first_quote", "evidence"};
  ek.add("weight", "weight", "double");
  ek.add("label", "label", "string");
  ek.add("type", "type", "string");
  ek.add("evidence_count", "evidence_count", "long");
  ek.add("first_quote", "first_quote", "string");
  ek.add("evidence", "evidence", "string");
  auto ecols = attribute_columns(edge_attrs);
  for (const auto& c : ecols)
    ek.add("attr:" + c.key, column_name(c.key, edge_reserved), xsd_type(c.kind));

  std::ostream& out = sink.open("graph.graphml");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- softgraph: aliases and list attributes are joined with \"|\"; \"labels\" holds "
         "Neo4j labels; x/y come from the Graphviz layout. -->\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  nk.declare(out);
  ek.declare(out);
  out << "  <graph id=\"softgraph\" edgedefault=\"directed\">\n";
  for (Vertex v : ctx.nodes()) {
    const NodeProps& n = g.node(v);
    const NodeStyle& s = ctx.styles()[v];
    out << "    <node id=\"" << escape::xml_attr(n.id) << "\">\n";
    data(out, nk.id("label"), n.label);
    data(out, nk.id("type"), n.type);
    std::string labels;
    for (const auto& l : node_labels(n)) labels += ":" + l;
    data(out, nk.id("labels"), labels);
    std::string aliases;
    attr_text(AttrValue(n.aliases), aliases);
    data(out, nk.id("aliases"), aliases);
    for (const auto& [k, m] : n.metrics)
      if (auto t = escape::number(m)) data(out, nk.id("metric:" + k), *t);
    for (const auto& c : ncols) {
      auto it = n.attributes.find(c.key);
      std::string text;
      if (it != n.attributes.end() && column_text(c, it->second, text))
        data(out, nk.id("attr:" + c.key), text);
    }
    data(out, nk.id("size"), num(s.size));
    data(out, nk.id("r"), std::to_string(s.type.r));
    data(out, nk.id("g"), std::to_string(s.type.g));
    data(out, nk.id("b"), std::to_string(s.type.b));
    data(out, nk.id("x"), num(pos[v].x));
    data(out, nk.id("y"), num(pos[v].y));
    out << "    </node>\n";
  }
  for (EdgeDesc e : ctx.edges()) {
    const EdgeProps& p = g.edge(e);
    out << "    <edge id=\"" << escape::xml_attr(g.edge_id(e)) << "\" source=\""
        << escape::xml_attr(bg[boost::source(e, bg)].id) << "\" target=\""
        << escape::xml_attr(bg[boost::target(e, bg)].id) << "\">\n";
    data(out, ek.id("weight"), num(p.weight));
    data(out, ek.id("label"), p.type.str());
    data(out, ek.id("type"), p.type.str());
    data(out, ek.id("evidence_count"), std::to_string(p.evidence().size()));
    data(out, ek.id("first_quote"), p.evidence().empty() ? "" : p.evidence().front().quote);
    data(out, ek.id("evidence"), evidence_json(p.evidence()));
    for (const auto& c : ecols) {
      auto it = p.attributes().find(c.key);
      std::string text;
      if (it != p.attributes().end() && column_text(c, it->second, text))
        data(out, ek.id("attr:" + c.key), text);
    }
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace softgraph
