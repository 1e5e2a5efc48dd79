// neo4j/: a `neo4j-admin database import full` bundle (nodes_<Label>.csv per node type with typed
// headers, rels_<TYPE>.csv per edge type, import.sh with the command) and import.cypher for
// cypher-shell (constraints first, then batched UNWIND ... MERGE). Array delimiter ';'.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "attribute_columns.hpp"
#include "json_out.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {
namespace {

constexpr char kArrayDelimiter = ';';
constexpr std::size_t kBatch = 500;

const char* neo4j_type(AttrKind k) {
  switch (k) {
    case AttrKind::kBool:
      return ":boolean";
    case AttrKind::kLong:
      return ":long";
    case AttrKind::kDouble:
      return ":double";
    case AttrKind::kList:
      return ":string[]";
    default:
      return "";
  }
}

// Header property names may not hold ':' or ','; keep [A-Za-z0-9_] and make them unique.
std::string property_name(const std::string& key, std::set<std::string>& taken) {
  std::string name;
  for (char c : key) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    name += ok ? c : '_';
  }
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) name = "p_" + name;
  std::string unique = name;
  for (int i = 2; taken.count(unique); ++i) unique = name + "_" + std::to_string(i);
  taken.insert(unique);
  return unique;
}

std::string field(const AttrColumn& c, const AttrValue& v) {
  if (c.kind == AttrKind::kList) {
    if (const auto* l = std::get_if<std::vector<std::string>>(&v))
      return escape::neo4j_array(*l, kArrayDelimiter);
  }
  std::string text;
  if (!column_text(c, v, text)) return "";
  if (c.kind == AttrKind::kString) return escape::neo4j_field(text);
  return text;
}

std::string num(double v) { return escape::number(v).value_or(""); }

std::vector<std::string> documents_of(const EdgeProps& p) {
  std::set<std::string> docs;
  for (const auto& e : p.evidence()) docs.insert(e.document);
  return {docs.begin(), docs.end()};
}

// A Cypher literal for an attribute value.
std::string cypher_value(const AttrValue& v) {
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i)
      out += (i ? ", " : "") + escape::cypher_string((*l)[i]);
    return out + "]";
  }
  if (const auto* s = std::get_if<std::string>(&v)) return escape::cypher_string(*s);
  std::string text;
  attr_text(v, text);
  return text;
}

using Row = std::vector<std::pair<std::string, std::string>>;  // property -> Cypher literal

std::string cypher_map(const Row& row) {
  std::string out = "{";
  for (std::size_t i = 0; i < row.size(); ++i)
    out += (i ? ", " : "") + escape::cypher_identifier(row[i].first) + ": " + row[i].second;
  return out + "}";
}

void write_batches(std::ostream& out, const std::vector<std::string>& rows,
                   const std::string& tail) {
  for (std::size_t i = 0; i < rows.size(); i += kBatch) {
    out << "UNWIND [\n";
    for (std::size_t k = i; k < std::min(rows.size(), i + kBatch); ++k)
      out << "  " << rows[k] << (k + 1 < std::min(rows.size(), i + kBatch) ? ",\n" : "\n");
    out << "] AS row\n" << tail << ";\n\n";
  }
}

// nodes_<Type>.csv for one node type, and its rows for import.cypher (batched by label set);
// returns the file's name.
std::string write_node_type(const Graph& g, const std::string& type, const std::vector<Vertex>& vs,
                            Sink& sink, std::ostream& cypher_nodes,
                            std::set<std::string>& constrained) {
  std::string file = "nodes_" + escape::iri_component(type, "") + ".csv";
  std::vector<const Attributes*> maps;
  std::set<std::string> metric_names;
  for (Vertex v : vs) {
    maps.push_back(&g.node(v).attributes);
    for (const auto& [k, m] : g.node(v).metrics) metric_names.insert(k);
  }
  auto cols = attribute_columns(maps);
  std::set<std::string> taken = {"id", "label", "type", "aliases"};
  std::vector<std::string> col_names, metric_cols;
  for (const auto& c : cols) col_names.push_back(property_name(c.key, taken));
  for (const auto& m : metric_names) metric_cols.push_back(property_name(m, taken));

  std::ostream& out = sink.open("neo4j/" + file);
  out << "id:ID,label,type,aliases:string[]";
  for (std::size_t i = 0; i < cols.size(); ++i)
    out << ',' << col_names[i] << neo4j_type(cols[i].kind);
  for (const auto& m : metric_cols) out << ',' << m << ":double";
  out << ",:LABEL\n";
  std::map<std::vector<std::string>, std::vector<std::string>> rows_by_labels;
  for (Vertex v : vs) {
    const NodeProps& n = g.node(v);
    out << escape::neo4j_field(n.id) << ',' << escape::neo4j_field(n.label) << ','
        << escape::neo4j_field(n.type) << ',' << escape::neo4j_array(n.aliases, kArrayDelimiter);
    Row row = {{"id", escape::cypher_string(n.id)},
               {"label", escape::cypher_string(n.label)},
               {"type", escape::cypher_string(n.type)},
               {"aliases", cypher_value(AttrValue(n.aliases))}};
    for (std::size_t i = 0; i < cols.size(); ++i) {
      auto it = n.attributes.find(cols[i].key);
      out << ',';
      if (it == n.attributes.end()) continue;
      out << field(cols[i], it->second);
      if (writable(it->second)) row.emplace_back(col_names[i], cypher_value(it->second));
    }
    std::size_t mi = 0;
    for (const auto& m : metric_names) {
      auto it = n.metrics.find(m);
      out << ',';
      if (it != n.metrics.end() && std::isfinite(it->second)) {
        out << num(it->second);
        row.emplace_back(metric_cols[mi], num(it->second));
      }
      ++mi;
    }
    auto labels = node_labels(n);
    out << ',' << escape::neo4j_array(labels, kArrayDelimiter) << '\n';
    rows_by_labels[labels].push_back(cypher_map(row));
    for (const auto& l : labels) constrained.insert(l);
  }
  for (const auto& [labels, rows] : rows_by_labels) {
    std::string tail =
        "MERGE (n:" + escape::cypher_identifier(labels[0]) + " {id: row.id})\nSET n += row";
    for (std::size_t i = 1; i < labels.size(); ++i)
      tail += ", n:" + escape::cypher_identifier(labels[i]);
    write_batches(cypher_nodes, rows, tail);
  }
  return file;
}

// rels_<TYPE>.csv for one edge type, and its rows for import.cypher (batched by the ends'
// labels); returns the file's name.
std::string write_rel_type(const Graph& g, const std::string& type, const std::vector<EdgeDesc>& es,
                           Sink& sink, std::ostream& cypher_rels) {
  const auto& bg = g.boost();
  std::string file = "rels_" + escape::iri_component(type, "") + ".csv";
  std::vector<const Attributes*> maps;
  for (EdgeDesc e : es) maps.push_back(&g.edge(e).attributes());
  auto cols = attribute_columns(maps);
  std::set<std::string> taken = {"id",          "weight",    "evidence_count",
                                 "first_quote", "documents", "evidence"};
  std::vector<std::string> col_names;
  for (const auto& c : cols) col_names.push_back(property_name(c.key, taken));
  std::ostream& out = sink.open("neo4j/" + file);
  out << ":START_ID,:END_ID,id,weight:double,evidence_count:long,first_quote,documents:string[],"
         "evidence";
  for (std::size_t i = 0; i < cols.size(); ++i)
    out << ',' << col_names[i] << neo4j_type(cols[i].kind);
  out << ",:TYPE\n";
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> rows_by_ends;
  for (EdgeDesc e : es) {
    const EdgeProps& p = g.edge(e);
    const NodeProps& s = bg[boost::source(e, bg)];
    const NodeProps& t = bg[boost::target(e, bg)];
    const std::string id = g.edge_id(e);
    std::string quote = p.evidence().empty() ? "" : p.evidence().front().quote;
    std::string ev = evidence_json(p.evidence());
    out << escape::neo4j_field(s.id) << ',' << escape::neo4j_field(t.id) << ','
        << escape::neo4j_field(id) << ',' << num(p.weight) << ',' << p.evidence().size() << ','
        << escape::neo4j_field(quote) << ','
        << escape::neo4j_array(documents_of(p), kArrayDelimiter) << ',' << escape::neo4j_field(ev);
    Row props = {{"id", escape::cypher_string(id)},
                 {"weight", num(p.weight).empty() ? "0.0" : num(p.weight)},
                 {"evidence_count", std::to_string(p.evidence().size())},
                 {"first_quote", escape::cypher_string(quote)},
                 {"documents", cypher_value(AttrValue(documents_of(p)))},
                 {"evidence", escape::cypher_string(ev)}};
    for (std::size_t i = 0; i < cols.size(); ++i) {
      auto it = p.attributes().find(cols[i].key);
      out << ',';
      if (it == p.attributes().end()) continue;
      out << field(cols[i], it->second);
      if (writable(it->second)) props.emplace_back(col_names[i], cypher_value(it->second));
    }
    out << ',' << escape::neo4j_field(p.type.str()) << '\n';
    rows_by_ends[{s.type, t.type}].push_back("{start: " + escape::cypher_string(s.id) +
                                             ", end: " + escape::cypher_string(t.id) +
                                             ", props: " + cypher_map(props) + "}");
  }
  for (const auto& [ends, rows] : rows_by_ends) {
    std::string tail = "MATCH (a:" + escape::cypher_identifier(ends.first) +
                       " {id: row.start})\nMATCH (b:" + escape::cypher_identifier(ends.second) +
                       " {id: row.end})\nMERGE (a)-[r:" + escape::cypher_identifier(type) +
                       "]->(b)\nSET r += row.props";
    write_batches(cypher_rels, rows, tail);
  }
  return file;
}

// import.sh: neo4j-admin's import of the CSV files, in the form of Neo4j 5's manual: the
// database name right after `full` (required since 5.19), then the options. Overwriting an
// existing database is the user's explicit choice.
void write_import_script(Sink& sink, const std::vector<std::string>& node_files,
                         const std::vector<std::string>& rel_files) {
  std::ostream& script = sink.open("neo4j/import.sh");
  script << "#!/bin/sh\n"
            "# Imports this bundle into a Neo4j 5 database with neo4j-admin (stop the database\n"
            "# first; create it afterwards with CREATE DATABASE unless it is the default one).\n"
            "#   ./import.sh [--overwrite] [DATABASE]     (DATABASE: neo4j by default)\n"
            "# --overwrite replaces an existing database (--overwrite-destination=true); without\n"
            "# it neo4j-admin refuses a database that exists. NEO4J_ADMIN names the program\n"
            "# (default: neo4j-admin on the PATH). Arrays (aliases, :LABEL, documents) are\n"
            "# separated by ';'; quoted fields may span lines.\n"
            "set -eu\n"
            "overwrite=false\n"
            "database=neo4j\n"
            "for arg in \"$@\"; do\n"
            "  case \"$arg\" in\n"
            "    --overwrite) overwrite=true ;;\n"
            "    -h | --help) sed -n '2,8p' \"$0\"; exit 0 ;;\n"
            "    -*) echo \"import.sh: unknown option $arg (usage: import.sh [--overwrite] "
            "[DATABASE])\" >&2; exit 2 ;;\n"
            "    *) database=$arg ;;\n"
            "  esac\n"
            "done\n"
            "here=$(cd \"$(dirname \"$0\")\" && pwd)\n"
            "exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"$database\" \\\n"
            "  --overwrite-destination=\"$overwrite\" \\\n";
  for (const auto& f : node_files) script << "  --nodes=\"$here/" << f << "\" \\\n";
  for (const auto& f : rel_files) script << "  --relationships=\"$here/" << f << "\" \\\n";
  script << "  --delimiter=',' --array-delimiter=';' --quote='\"' --multiline-fields=true\n";
  sink.set_executable("neo4j/import.sh");
}

}  // namespace

void write_neo4j(ExportContext& ctx, Sink& sink) {
  const Graph& g = ctx.graph();
  std::map<std::string, std::vector<Vertex>> by_type;
  for (Vertex v : ctx.nodes()) by_type[g.node(v).type].push_back(v);
  std::map<std::string, std::vector<EdgeDesc>> by_rel;
  for (EdgeDesc e : ctx.edges()) by_rel[g.edge(e).type].push_back(e);

  std::vector<std::string> node_files, rel_files;
  std::ostringstream cypher_nodes, cypher_rels;
  std::set<std::string> constrained;
  for (const auto& [type, vs] : by_type)
    node_files.push_back(write_node_type(g, type, vs, sink, cypher_nodes, constrained));
  for (const auto& [type, es] : by_rel)
    rel_files.push_back(write_rel_type(g, type, es, sink, cypher_rels));
  write_import_script(sink, node_files, rel_files);

  std::ostream& cypher = sink.open("neo4j/import.cypher");
  cypher
      << "// softgraph graph for cypher-shell: cypher-shell -u neo4j -p PASSWORD -f import.cypher\n"
         "// Constraints first, then nodes and relationships in batches of "
      << kBatch << " (UNWIND ... MERGE), so running it twice changes nothing.\n\n";
  for (const auto& l : constrained)
    cypher << "CREATE CONSTRAINT " << escape::cypher_identifier("softgraph_" + l + "_id")
           << " IF NOT EXISTS FOR (n:" << escape::cypher_identifier(l)
           << ") REQUIRE n.id IS UNIQUE;\n";
  cypher << "\n" << cypher_nodes.str() << cypher_rels.str();
}

}  // namespace softgraph
