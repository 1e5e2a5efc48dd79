#if __has_include("csl_writer.hpp")
#include "csl_writer.hpp"
#else  // compiled into tests/references/csl_writer_test.cpp, which links no exporters (yet)
#include "../include/softgraph/export/csl_writer.hpp"
#endif

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

const std::string* text_attr(const NodeProps& n, const char* key) {
  auto it = n.attributes.find(key);
  if (it == n.attributes.end()) return nullptr;
  const auto* s = std::get_if<std::string>(&it->second);
  return s && !s->empty() ? s : nullptr;
}

void field(Writer& w, const char* csl_name, const std::string* value) {
  if (!value) return;
  w.Key(csl_name);
  w.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
}

void field(Writer& w, const char* csl_name, const std::string& value) {
  field(w, csl_name, &value);
}

// "Lebedeva, M. M." -> {"family": "Lebedeva", "given": "M. M."}
void authors(Writer& w, const NodeProps& n) {
  auto it = n.attributes.find("authors");
  if (it == n.attributes.end()) return;
  const auto* list = std::get_if<std::vector<std::string>>(&it->second);
  if (!list || list->empty()) return;
  w.Key("author");
  w.StartArray();
  for (const std::string& a : *list) {
    w.StartObject();
    std::size_t comma = a.find(", ");
    if (comma == std::string::npos) {
      field(w, "family", a);
    } else {
      field(w, "family", a.substr(0, comma));
      field(w, "given", a.substr(comma + 2));
    }
    w.EndObject();
  }
  w.EndArray();
}

void issued(Writer& w, const NodeProps& n) {
  auto it = n.attributes.find("year");
  if (it == n.attributes.end()) return;
  const auto* year = std::get_if<std::int64_t>(&it->second);
  if (!year || *year == 0) return;
  w.Key("issued");
  w.StartObject();
  w.Key("date-parts");
  w.StartArray();
  w.StartArray();
  w.Int64(*year);
  w.EndArray();
  w.EndArray();
  w.EndObject();
}

void item(Writer& w, const NodeProps& n) {
  w.StartObject();
  std::string id = n.id.starts_with("reference/") ? n.id.substr(10) : n.id;
  field(w, "id", id);
  const std::string* type = text_attr(n, "csl_type");
  field(w, "type", type ? *type : std::string("article-journal"));
  // APA's way with a transliterated title: its translation follows in brackets.
  const std::string* title = text_attr(n, "title");
  const std::string* translation = text_attr(n, "title_translation");
  if (title) field(w, "title", translation ? *title + " [" + *translation + "]" : *title);
  field(w, "original-title", text_attr(n, "title_original"));
  authors(w, n);
  issued(w, n);
  field(w, "container-title", text_attr(n, "venue"));
  field(w, "publisher", text_attr(n, "publisher"));
  field(w, "publisher-place", text_attr(n, "place"));
  field(w, "volume", text_attr(n, "volume"));
  field(w, "issue", text_attr(n, "issue"));
  field(w, "page", text_attr(n, "pages"));
  field(w, "genre", text_attr(n, "genre"));
  field(w, "DOI", text_attr(n, "doi"));
  field(w, "URL", text_attr(n, "url"));
  field(w, "language", text_attr(n, "language"));
  w.EndObject();
}

}  // namespace

void write_csl_json(const Graph& graph, std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  Writer w(stream);
  w.SetIndent(' ', 2);
  w.StartArray();
  for (Vertex v : graph.sorted_nodes())
    if (graph.node(v).type == "Reference") item(w, graph.node(v));
  w.EndArray();
  out << '\n';
  if (!out) throw Error(ErrorCode::kOutput, "", "", "cannot write the CSL-JSON bibliography");
}

}  // namespace softgraph
