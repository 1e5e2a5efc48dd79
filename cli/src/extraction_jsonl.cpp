#include "softgraph/cli/extraction_jsonl.hpp"

#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <fstream>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void put_attrs(Writer& w, const Attributes& attrs) {
  w.StartObject();
  for (const auto& [k, v] : attrs) {
    put(w, k);
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, bool>) w.Bool(x);
          else if constexpr (std::is_same_v<T, std::int64_t>) w.Int64(x);
          else if constexpr (std::is_same_v<T, double>) w.Double(x);
          else if constexpr (std::is_same_v<T, std::string>) put(w, x);
          else {
            w.StartArray();
            for (const auto& s : x) put(w, s);
            w.EndArray();
          }
        },
        v);
  }
  w.EndObject();
}

void put_evidence(Writer& w, const Evidence& e) {
  w.StartObject();
  w.Key("document"); put(w, e.document);
  w.Key("start"); w.Uint64(e.range.begin);
  w.Key("end"); w.Uint64(e.range.end);
  w.Key("quote"); put(w, e.quote);
  w.Key("text"); put(w, e.text);
  w.Key("rule"); put(w, e.rule);
  w.Key("confidence"); w.Double(e.confidence);
  w.Key("sentence"); w.Int(e.sentence);
  w.Key("page"); w.Int(e.page);
  w.Key("element"); put(w, e.element);
  w.EndObject();
}

std::string str(const rapidjson::Value& v, const char* key) {
  if (!v.HasMember(key) || !v[key].IsString()) return {};
  return std::string(v[key].GetString(), v[key].GetStringLength());
}

Attributes get_attrs(const rapidjson::Value& v) {
  Attributes out;
  if (!v.IsObject()) return out;
  for (const auto& m : v.GetObject()) {
    const auto& x = m.value;
    std::string key = m.name.GetString();
    if (x.IsBool()) out[key] = x.GetBool();
    else if (x.IsInt64()) out[key] = x.GetInt64();
    else if (x.IsNumber()) out[key] = x.GetDouble();
    else if (x.IsString()) out[key] = std::string(x.GetString(), x.GetStringLength());
    else if (x.IsArray()) {
      std::vector<std::string> list;
      for (const auto& s : x.GetArray())
        if (s.IsString()) list.emplace_back(s.GetString(), s.GetStringLength());
      out[key] = list;
    }
  }
  return out;
}

Evidence get_evidence(const rapidjson::Value& v) {
  Evidence e;
  e.document = str(v, "document");
  e.range = {v["start"].GetUint64(), v["end"].GetUint64()};
  e.quote = str(v, "quote");
  e.text = str(v, "text");
  e.rule = str(v, "rule");
  e.confidence = v["confidence"].GetDouble();
  e.sentence = v["sentence"].GetInt();
  e.page = v["page"].GetInt();
  e.element = str(v, "element");
  return e;
}

}  // namespace

std::string extraction_to_json(const DocumentExtraction& x) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("document"); put(w, x.document_id);
  w.Key("path"); put(w, x.path);
  w.Key("sha256"); put(w, x.sha256);
  w.Key("format"); put(w, x.format);
  w.Key("entities");
  w.StartArray();
  for (const auto& e : x.entities) {
    w.StartObject();
    w.Key("id"); put(w, e.id);
    w.Key("type"); put(w, e.type);
    w.Key("label"); put(w, e.label);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : e.aliases) put(w, a);
    w.EndArray();
    w.Key("attributes"); put_attrs(w, e.attributes);
    w.EndObject();
  }
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const auto& m : x.mentions) {
    w.StartObject();
    w.Key("start"); w.Uint64(m.range.begin);
    w.Key("end"); w.Uint64(m.range.end);
    w.Key("entity"); put(w, m.entity);
    w.Key("surface"); put(w, m.surface);
    w.Key("source"); put(w, m.source);
    w.Key("confidence"); w.Double(m.confidence);
    w.Key("sentence"); w.Int(m.sentence);
    w.Key("page"); w.Int(m.page);
    w.Key("element"); put(w, m.element);
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const auto& r : x.relations) {
    w.StartObject();
    w.Key("source"); put(w, r.source);
    w.Key("target"); put(w, r.target);
    w.Key("type"); put(w, r.type);
    w.Key("evidence"); put_evidence(w, r.evidence);
    w.Key("attributes"); put_attrs(w, r.attributes);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  w.StartArray();
  for (const auto& s : x.warnings) put(w, s);
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

DocumentExtraction extraction_from_json(std::string_view json, const std::string& file, int line) {
  std::string where = file + ":line " + std::to_string(line);
  rapidjson::Document d = parse_json(json, where);
  validate_json(d, embedded_file("schemas/extraction.schema.json"), where);
  DocumentExtraction x;
  x.document_id = str(d, "document");
  x.path = str(d, "path");
  x.sha256 = str(d, "sha256");
  x.format = str(d, "format");
  {
    for (const auto& e : d["entities"].GetArray()) {
      Entity en;
      en.id = str(e, "id");
      en.type = str(e, "type");
      en.label = str(e, "label");
      for (const auto& a : e["aliases"].GetArray()) en.aliases.emplace_back(a.GetString(), a.GetStringLength());
      en.attributes = get_attrs(e["attributes"]);
      x.entities.push_back(std::move(en));
    }
    for (const auto& m : d["mentions"].GetArray()) {
      Mention mn;
      mn.range = {m["start"].GetUint64(), m["end"].GetUint64()};
      mn.entity = str(m, "entity");
      mn.surface = str(m, "surface");
      mn.source = str(m, "source");
      mn.confidence = m["confidence"].GetDouble();
      mn.sentence = m["sentence"].GetInt();
      if (m.HasMember("page")) mn.page = m["page"].GetInt();
      mn.element = str(m, "element");
      x.mentions.push_back(std::move(mn));
    }
    for (const auto& r : d["relations"].GetArray()) {
      Relation rel;
      rel.source = str(r, "source");
      rel.target = str(r, "target");
      rel.type = str(r, "type");
      rel.evidence = get_evidence(r["evidence"]);
      rel.attributes = get_attrs(r["attributes"]);
      x.relations.push_back(std::move(rel));
    }
    if (d.HasMember("warnings"))
      for (const auto& s : d["warnings"].GetArray()) x.warnings.emplace_back(s.GetString(), s.GetStringLength());
  }
  return x;
}

std::vector<DocumentExtraction> read_extractions(const std::string& path) {
  std::vector<DocumentExtraction> out;
  for_each_extraction_by_path({path}, [&](DocumentExtraction&& x) { out.push_back(std::move(x)); });
  return out;
}

namespace {

// Reads a record only as far as its top-level "path" and stops: the index pass stays cheap.
struct PathGrabber : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathGrabber> {
  int depth = 0;
  bool want = false, found = false;
  std::string path;
  bool Default() { return !(want = false); }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (want) {
      path.assign(s, n);
      found = true;
      return false;
    }
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    want = depth == 1 && std::string_view(s, n) == "path";
    return true;
  }
  bool StartObject() { return ++depth, !(want = false); }
  bool EndObject(rapidjson::SizeType) { return --depth, true; }
  bool StartArray() { return ++depth, !(want = false); }
  bool EndArray(rapidjson::SizeType) { return --depth, true; }
};

struct RecordRef {
  std::string path;
  std::size_t part;
  int line;
  std::streamoff offset;
};

}  // namespace

std::size_t for_each_extraction_by_path(const std::vector<std::string>& parts,
                                        const std::function<void(DocumentExtraction&&)>& fn) {
  std::vector<std::ifstream> files;
  std::vector<RecordRef> index;
  std::string line;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    files.emplace_back(parts[p], std::ios::binary);
    std::ifstream& in = files.back();
    if (!in) throw input_error(parts[p], "", "cannot open file");
    int n = 0;
    for (std::streamoff at = in.tellg(); std::getline(in, line); at = in.tellg()) {
      ++n;
      if (line.empty()) continue;
      PathGrabber grab;
      rapidjson::Reader reader;
      rapidjson::StringStream ss(line.c_str());
      reader.Parse(ss, grab);
      // Without a path the full parse names what is wrong, with its place.
      if (!grab.found) extraction_from_json(line, parts[p], n);
      index.push_back({std::move(grab.path), p, n, at});
    }
    if (in.bad()) throw input_error(parts[p], "", "read error");
    in.clear();
  }
  // The order of a single run: documents by path; parts and lines break ties.
  std::stable_sort(index.begin(), index.end(),
                   [](const RecordRef& a, const RecordRef& b) { return a.path < b.path; });
  for (const auto& r : index) {
    std::ifstream& in = files[r.part];
    in.seekg(r.offset);
    if (!std::getline(in, line)) throw input_error(parts[r.part], "line " + std::to_string(r.line), "cannot read the record again");
    fn(extraction_from_json(line, parts[r.part], r.line));
  }
  return index.size();
}

}  // namespace softgraph
