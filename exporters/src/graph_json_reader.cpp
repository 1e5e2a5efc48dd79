// Reads graph.json back into a Graph (for `softgraph render` and `softgraph channels`), after
// validating it against the embedded schemas/graph.schema.json.
#include <cstdint>
#include <set>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/export/export.hpp"

namespace softgraph {
namespace {

using Value = rapidjson::Value;

std::string str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

std::string get_string(const Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsString() ? str(it->value) : std::string();
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  Error error(const std::string& path, const std::string& what) const {
    return input_error(file_, "JSON path " + path, what);
  }

  // Typed reads that never trust the schema alone: RapidJSON's validator does not apply
  // additionalProperties to names that are only required (a string "pagerank" got through).
  double number(const Value& v, const std::string& path) const {
    if (!v.IsNumber()) throw error(path, "expected a number");
    return v.GetDouble();
  }
  std::uint64_t offset(const Value& v, const std::string& path) const {
    if (!v.IsUint64()) throw error(path, "expected a non-negative integer");
    return v.GetUint64();
  }
  int integer(const Value& v, const std::string& path) const {
    if (!v.IsInt()) throw error(path, "expected an integer");
    return v.GetInt();
  }
  std::string string(const Value& obj, const char* key, const std::string& path) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || !it->value.IsString())
      throw error(path + "." + key, "expected a string");
    return str(it->value);
  }

  AttrValue attr_value(const Value& v, const std::string& path) const {
    if (v.IsBool()) return v.GetBool();
    if (v.IsInt64()) return v.GetInt64();
    if (v.IsNumber()) return v.GetDouble();
    if (v.IsString()) return str(v);
    if (v.IsArray()) {
      std::vector<std::string> items;
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
        if (!v[i].IsString())
          throw error(path + "[" + std::to_string(i) + "]", "list attributes hold strings only");
        items.push_back(str(v[i]));
      }
      return items;
    }
    throw error(path, "attribute values are booleans, numbers, strings or lists of strings");
  }

  Attributes attributes(const Value& obj, const std::string& path) const {
    Attributes out;
    auto it = obj.FindMember("attributes");
    if (it == obj.MemberEnd()) return out;
    if (!it->value.IsObject()) throw error(path + ".attributes", "expected an object");
    for (const auto& m : it->value.GetObject()) {
      std::string k = str(m.name);
      out.emplace(k, attr_value(m.value, path + ".attributes." + k));
    }
    return out;
  }

  Evidence evidence(const Value& v, const std::string& path) const {
    Evidence e;
    e.document = get_string(v, "document");
    e.range.begin = offset(v["start"], path + ".start");
    e.range.end = offset(v["end"], path + ".end");
    if (e.range.end < e.range.begin) throw error(path + ".end", "end is before start");
    e.quote = get_string(v, "quote");
    e.text = get_string(v, "text");
    e.rule = get_string(v, "rule");
    if (v.HasMember("confidence")) e.confidence = number(v["confidence"], path + ".confidence");
    if (v.HasMember("sentence")) e.sentence = integer(v["sentence"], path + ".sentence");
    if (v.HasMember("page")) e.page = integer(v["page"], path + ".page");
    e.element = get_string(v, "element");
    return e;
  }

  Graph read(const rapidjson::Document& doc) const {
    Graph g;
    for (const auto& d : doc["documents"].GetArray())
      g.documents.push_back({get_string(d, "id"), get_string(d, "path"), get_string(d, "sha256"),
                             get_string(d, "format")});
    const auto& nodes = doc["nodes"];
    std::set<std::string> seen;
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
      const Value& n = nodes[i];
      std::string path = "$.nodes[" + std::to_string(i) + "]";
      Entity e;
      e.id = string(n, "id", path);
      if (!seen.insert(e.id).second) throw error(path + ".id", "duplicate node id '" + e.id + "'");
      e.type = string(n, "type", path);
      e.label = string(n, "label", path);
      for (const auto& a : n["aliases"].GetArray()) {
        if (!a.IsString()) throw error(path + ".aliases", "aliases are strings");
        e.aliases.push_back(str(a));
      }
      e.attributes = attributes(n, path);
      Vertex v = g.add_node(e);
      NodeProps& props = g.node(v);
      props.label = e.label;  // kept verbatim, even when empty
      props.aliases = e.aliases;
      for (const auto& m : n["metrics"].GetObject())
        props.metrics[str(m.name)] = number(m.value, path + ".metrics." + str(m.name));
    }
    const auto& edges = doc["edges"];
    for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
      const Value& e = edges[i];
      std::string path = "$.edges[" + std::to_string(i) + "]";
      std::vector<Evidence> ev;
      const auto& list = e["evidence"];
      for (rapidjson::SizeType k = 0; k < list.Size(); ++k)
        ev.push_back(evidence(list[k], path + ".evidence[" + std::to_string(k) + "]"));
      std::string source = string(e, "source", path), target = string(e, "target", path),
                  type = string(e, "type", path);
      if (!g.find(source)) throw error(path + ".source", "unknown node '" + source + "'");
      if (!g.find(target)) throw error(path + ".target", "unknown node '" + target + "'");
      EdgeDesc d;
      const std::size_t edges_before = g.edge_count();
      try {
        d = g.add_weighted_edge(source, target, type, 0, std::move(ev), attributes(e, path));
      } catch (const Error& err) {
        throw error(path, err.what());
      }
      // An edited file must not merge two edges silently or keep an id that names another edge:
      // ids are derived from (type, source, target) on every export.
      if (g.edge_count() == edges_before)
        throw error(path, "a second " + type + " edge from '" + source + "' to '" + target + "'");
      if (std::string id = string(e, "id", path); id != g.edge_id(d))
        throw error(path + ".id", "edge id '" + id +
                                      "' does not match its type, source and target (expected '" +
                                      g.edge_id(d) + "')");
      g.edge(d).weight = number(e["weight"], path + ".weight");
    }
    if (doc.HasMember("warnings"))
      for (const auto& w : doc["warnings"].GetArray()) g.warnings.push_back(str(w));
    g.attributes = attributes(doc, "$");
    return g;
  }

 private:
  std::string file_;
};

}  // namespace

Graph parse_graph_json(std::string_view text, const std::string& file) {
  rapidjson::Document doc = parse_json(text, file);
  validate_json(doc, embedded_file("schemas/graph.schema.json"), file);
  return Reader(file).read(doc);
}

Graph read_graph_json(const std::string& path) { return parse_graph_json(read_file(path), path); }

}  // namespace softgraph
