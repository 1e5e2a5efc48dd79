// graph.graphml for Gephi, NetworkX, igraph, graphology and Neo4j's apoc.import.graphml: an XML
// declaration, every key declared with for= and attr.type=, Gephi's label/size/r/g/b/x/y keys,
// and aliases and list attributes joined by "|". Valid against the GraphML 1.0 XSD: node and
// edge ids are NMTOKENs (n0, n1 ... and e0, e1 ... in export order: nodes by id, edges by
// source, target, type), the readable ids kept as the `slug` datum. For APOC's readLabels the
// node key with id "labels" holds ":Actor" and every edge starts with the datum of the key with
// id "label" (its type): APOC takes the relationship type from the first datum only when it is
// that key's, and would otherwise swallow the first datum (the weight).
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "attribute_columns.hpp"
#include "json_out.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {
namespace {

struct Key {
  std::string id, name, type;
};

class KeyTable {
 public:
  KeyTable(std::string domain, std::string prefix) : domain_(domain), prefix_(prefix) {}
  // `id` names the key in the file; empty: the prefix and a number.
  const std::string& add(const std::string& internal, const std::string& name,
                         const std::string& type, const std::string& id = "") {
    // attr.name is an NMTOKEN too: anything but ASCII letters, digits and . _ - : becomes '_'
    // (a whole UTF-8 sequence one '_'), and a name taken already gets _2, _3 ...
    std::string token;
    for (unsigned char c : name) {
      bool keep = std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == ':';
      if (keep && c < 0x80)
        token += static_cast<char>(c);
      else if ((c & 0xC0) != 0x80)
        token += '_';
    }
    // (One char, not = "_": GCC 12 warns falsely about that assignment here, -Wrestrict.)
    if (token.empty()) token.push_back('_');
    std::string unique = token;
    for (int i = 2; names_.count(unique); ++i) unique = token + "_" + std::to_string(i);
    names_.insert(unique);
    keys_.push_back({id.empty() ? prefix_ + std::to_string(keys_.size()) : id, unique, type});
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
  std::set<std::string> names_;
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

  std::set<std::string> node_reserved = {"slug", "label", "type", "labels", "aliases", "size",
                                         "r",    "g",     "b",    "x",      "y"};
  KeyTable nk("node", "v"), ek("edge", "e");
  nk.add("slug", "slug", "string");
  nk.add("label", "label", "string");
  nk.add("type", "type", "string");
  nk.add("labels", "labels", "string", "labels");  // APOC's readLabels looks for this key id
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

  std::set<std::string> edge_reserved = {"slug",           "weight",      "label",   "type",
                                         "evidence_count", "first_quote", "evidence"};
  ek.add("label", "label", "string", "label");  // APOC's readLabels: the relationship type
  ek.add("slug", "slug", "string");
  ek.add("weight", "weight", "double");
  ek.add("type", "type", "string");
  ek.add("evidence_count", "evidence_count", "long");
  ek.add("first_quote", "first_quote", "string");
  ek.add("evidence", "evidence", "string");
  auto ecols = attribute_columns(edge_attrs);
  for (const auto& c : ecols)
    ek.add("attr:" + c.key, column_name(c.key, edge_reserved), xsd_type(c.kind));

  std::ostream& out = sink.open("graph.graphml");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- softgraph: node and edge ids are positions (n0, e0 ...), the readable ids are "
         "\"slug\"; aliases and list attributes are joined with \"|\"; \"labels\" holds "
         "Neo4j labels, an edge's first datum (\"label\") its type; x/y come from the Graphviz "
         "layout. -->\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  nk.declare(out);
  ek.declare(out);
  out << "  <graph id=\"softgraph\" edgedefault=\"directed\">\n";
  // GraphML ids are NMTOKENs, which "actor/china" is not: nodes are numbered in export order.
  std::vector<std::size_t> number(g.node_count());
  for (std::size_t i = 0; i < ctx.nodes().size(); ++i) number[ctx.nodes()[i]] = i;
  for (Vertex v : ctx.nodes()) {
    const NodeProps& n = g.node(v);
    const NodeStyle& s = ctx.styles()[v];
    out << "    <node id=\"n" << number[v] << "\">\n";
    data(out, nk.id("slug"), n.id);
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
  std::size_t edge_number = 0;
  for (EdgeDesc e : ctx.edges()) {
    const EdgeProps& p = g.edge(e);
    out << "    <edge id=\"e" << edge_number++ << "\" source=\"n" << number[boost::source(e, bg)]
        << "\" target=\"n" << number[boost::target(e, bg)] << "\">\n";
    data(out, ek.id("label"), p.type.str());  // first: APOC reads the type from it
    data(out, ek.id("slug"), g.edge_id(e));
    data(out, ek.id("weight"), num(p.weight));
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
