// Reading records: one line into a DocumentExtraction (versions 1 to 3), and the records of
// several parts in the order of a single run.
#include <rapidjson/reader.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "record_json.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/input_file.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/records/records.hpp"

namespace softgraph {
namespace records {
namespace {

std::string str(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

std::string str(const rapidjson::Value& v, const char* key) {
  if (!v.HasMember(key) || !v[key].IsString()) return {};
  return str(v[key]);
}

Attributes get_attrs(const rapidjson::Value& v) {
  Attributes out;
  if (!v.IsObject()) return out;
  for (const auto& m : v.GetObject()) {
    const auto& x = m.value;
    std::string key = m.name.GetString();
    if (x.IsBool())
      out[key] = x.GetBool();
    else if (x.IsInt64())
      out[key] = x.GetInt64();
    else if (x.IsNumber())
      out[key] = x.GetDouble();
    else if (x.IsString())
      out[key] = str(x);
    else if (x.IsArray()) {
      std::vector<std::string> list;
      for (const auto& s : x.GetArray())
        if (s.IsString()) list.push_back(str(s));
      out[key] = list;
    }
  }
  return out;
}

// An int field: the schema has already checked it is an integer; here it must also fit an int.
int get_int(const rapidjson::Value& v, const std::string& where, const std::string& path) {
  if (!v.IsInt()) fail(where, path, "expected an integer between -2^31 and 2^31-1");
  return v.GetInt();
}

int int_or(const rapidjson::Value& v, const char* key, int fallback, const std::string& where,
           const std::string& path) {
  return v.HasMember(key) ? get_int(v[key], where, path + "." + key) : fallback;
}

// A row of one of the record's tables, checked against the table's size.
std::size_t check_row(std::uint64_t row, std::size_t rows, const char* table,
                      const std::string& where, const std::string& path) {
  if (row >= rows)
    fail(where, path,
         "no row " + std::to_string(row) + " in \"" + table + "\" (" + std::to_string(rows) +
             " rows)");
  return static_cast<std::size_t>(row);
}
std::size_t get_row(const rapidjson::Value& v, std::size_t rows, const char* table,
                    const std::string& where, const std::string& path) {
  if (!v.IsUint64()) fail(where, path, std::string("expected a row of \"") + table + "\"");
  return check_row(v.GetUint64(), rows, table, where, path);
}

// --- Reading version 2 ---------------------------------------------------------------------------

struct V2Reader {
  const rapidjson::Value& d;
  const std::string& where;
  DocumentExtraction& x;

  // An entity named by its row (or, when the record does not list it, by its id): its index in
  // x.entities, or -1.
  long entity(const rapidjson::Value& v, Symbol& id, const std::string& path) const {
    if (v.IsString()) {
      id = str(v);
      return -1;
    }
    const std::size_t row = get_row(v, x.entities.size(), "entities", where, path);
    id = x.entities[row].id;
    return static_cast<long>(row);
  }
  const rapidjson::Value& list(const char* key, const std::string& what) const {
    static const rapidjson::Value empty(rapidjson::kArrayType);
    if (!d.HasMember(key)) return empty;
    const rapidjson::Value& v = d[key];
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
      if (!v[i].IsArray()) fail(where, item_path(key, i), "expected " + what + " as an array");
    return v;
  }

  void mentions() const {
    struct Source {
      std::string source;
      double confidence;
    };
    std::vector<Source> sources;
    if (d.HasMember("mention_sources"))
      for (const auto& s : d["mention_sources"].GetArray())
        sources.push_back({str(s["source"]), s["confidence"].GetDouble()});
    const auto& ms = list("mentions", "a mention");
    x.mentions.reserve(ms.Size());
    for (rapidjson::SizeType i = 0; i < ms.Size(); ++i) {
      const auto& a = ms[i];
      const rapidjson::SizeType n = a.Size();  // 4 to 8, by the schema
      Mention m;
      m.range = {a[0].GetUint64(), a[1].GetUint64()};
      const long row = entity(a[2], m.entity, item_path("mentions", i, 2));
      m.sentence = get_int(a[3], where, item_path("mentions", i, 3));
      // Row 0 when left out.
      const Source& s = sources[n > 4 ? get_row(a[4], sources.size(), "mention_sources", where,
                                                item_path("mentions", i, 4))
                                      : check_row(0, sources.size(), "mention_sources", where,
                                                  item_path("mentions", i))];
      m.source = s.source;
      m.confidence = s.confidence;
      if (n > 5 && !a[5].IsNull())
        m.surface = str(a[5]);
      else if (row >= 0)
        m.surface = x.entities[static_cast<std::size_t>(row)].label;
      else
        fail(where, item_path("mentions", i),
             "a mention naming its entity by id must give its surface");
      if (n > 6) m.page = get_int(a[6], where, item_path("mentions", i, 6));
      if (n > 7) m.element = str(a[7]);
      x.mentions.push_back(std::move(m));
    }
  }

  void relations() const {
    std::vector<Evidence> passages;
    const auto& spans = list("spans", "a span");
    passages.reserve(spans.Size());
    for (rapidjson::SizeType i = 0; i < spans.Size(); ++i) {
      const auto& a = spans[i];
      const rapidjson::SizeType n = a.Size();  // 4 to 8, by the schema
      Evidence e;
      e.range = {a[0].GetUint64(), a[1].GetUint64()};
      e.sentence = get_int(a[2], where, item_path("spans", i, 2));
      e.quote = str(a[3]);
      if (n > 4) e.text = str(a[4]);
      e.document = n > 5 && !a[5].IsNull() ? str(a[5]) : x.document_id;
      if (n > 6) e.page = get_int(a[6], where, item_path("spans", i, 6));
      if (n > 7) e.element = str(a[7]);
      passages.push_back(std::move(e));
    }
    const rapidjson::Value* rules = d.HasMember("relation_rules") ? &d["relation_rules"] : nullptr;
    const auto& rs = list("relations", "a relation");
    x.relations.reserve(rs.Size());
    for (rapidjson::SizeType i = 0; i < rs.Size(); ++i) {
      const auto& a = rs[i];
      Relation r;
      entity(a[0], r.source, item_path("relations", i, 0));
      entity(a[1], r.target, item_path("relations", i, 1));
      const std::size_t rule = get_row(a[2], rules ? rules->Size() : 0, "relation_rules", where,
                                       item_path("relations", i, 2));
      r.evidence =
          passages[get_row(a[3], passages.size(), "spans", where, item_path("relations", i, 3))];
      const auto& k = (*rules)[static_cast<rapidjson::SizeType>(rule)];
      r.type = str(k["type"]);
      r.evidence.rule = str(k["rule"]);
      r.evidence.confidence = k["confidence"].GetDouble();
      if (a.Size() > 4) r.attributes = get_attrs(a[4]);
      x.relations.push_back(std::move(r));
    }
  }
};

// --- Reading entities ---------------------------------------------------------------------------

// Entities in full (objects with "aliases"), or named from the catalog: by id alone (a string), or
// by id with what differs (an object without "aliases"). Naming needs the catalog the record was
// written with, which its "lexicon" digest names.
void read_entities(const rapidjson::Value& d, const std::string& where,
                   const EntityCatalog* catalog, DocumentExtraction& x) {
  const bool has_digest = d.HasMember("lexicon");
  if (has_digest) {
    const std::string digest = str(d["lexicon"]);
    if (!catalog)
      fail(where, "$.lexicon",
           "the record names the entities of lexicon " + digest +
               " by id, and this reader has no lexicon to look them up in");
    if (digest != catalog->digest())
      fail(where, "$.lexicon",
           "the record was extracted with lexicon " + digest + ", and this run's lexicon is " +
               catalog->digest() + ": give merge the same --lexicon files as extract");
  }
  const auto list = d["entities"].GetArray();
  x.entities.reserve(list.Size());
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const rapidjson::Value& e = list[i];
    if (e.IsObject() && e.HasMember("aliases")) {
      Entity& en = x.entities.emplace_back();
      en.id = str(e, "id");
      en.type = str(e, "type");
      en.label = str(e, "label");
      for (const auto& a : e["aliases"].GetArray()) en.aliases.push_back(str(a));
      en.attributes = get_attrs(e["attributes"]);
      continue;
    }
    const std::string id = e.IsString() ? str(e) : str(e, "id");
    if (!has_digest)
      fail(where, item_path("entities", i),
           "names entity '" + id + "' by id, and the record has no \"lexicon\" to name it from");
    const Entity* known = catalog->find(id);
    if (!known)
      fail(where, item_path("entities", i),
           "names entity '" + id + "', which lexicon " + catalog->digest() + " lacks");
    Entity& en = x.entities.emplace_back(*known);
    if (!e.IsObject()) continue;
    if (e.HasMember("type")) en.type = str(e["type"]);
    if (e.HasMember("label")) en.label = str(e["label"]);
    if (e.HasMember("attributes")) en.attributes = get_attrs(e["attributes"]);
    if (e.HasMember("extra_aliases")) {
      for (const auto& a : e["extra_aliases"].GetArray()) en.aliases.push_back(str(a));
      std::sort(en.aliases.begin(), en.aliases.end());
      en.aliases.erase(std::unique(en.aliases.begin(), en.aliases.end()), en.aliases.end());
    }
  }
}

// --- Reading version 1 (records without "version") ----------------------------------------------

// A relation's evidence: the row of the record's "spans" table it names, plus its own rule and
// confidence. (The first records carried every field inline; they still read.)
Evidence get_evidence_v1(const rapidjson::Value& v, const rapidjson::Value* spans,
                         const std::string& document, const std::string& where,
                         std::size_t relation) {
  const std::string path = item_path("relations", relation) + ".evidence";
  const rapidjson::Value& row = [&]() -> const rapidjson::Value& {
    if (!v.HasMember("span")) return v;
    const std::size_t i =
        get_row(v["span"], spans ? spans->Size() : 0, "spans", where, path + ".span");
    const rapidjson::Value& s = (*spans)[static_cast<rapidjson::SizeType>(i)];
    if (!s.IsObject()) fail(where, "$.spans[" + std::to_string(i) + "]", "expected an object");
    return s;
  }();
  if (!row.HasMember("start") || !row.HasMember("end") || !row.HasMember("quote"))
    fail(where, path, "expected \"span\" or \"start\", \"end\" and \"quote\"");
  Evidence e;
  e.document = row.HasMember("document") ? str(row, "document") : document;
  e.range = {row["start"].GetUint64(), row["end"].GetUint64()};
  e.quote = str(row, "quote");
  e.text = str(row, "text");
  e.sentence = int_or(row, "sentence", -1, where, path);
  e.page = int_or(row, "page", 0, where, path);
  e.element = str(row, "element");
  e.rule = str(v, "rule");
  e.confidence = v["confidence"].GetDouble();
  return e;
}

void read_v1(const rapidjson::Value& d, const std::string& where, DocumentExtraction& x) {
  std::size_t i = 0;
  for (const auto& m : d["mentions"].GetArray()) {
    const std::string path = item_path("mentions", i++);
    if (!m.IsObject()) fail(where, path, "expected a mention as an object (a record of version 1)");
    Mention mn;
    mn.range = {m["start"].GetUint64(), m["end"].GetUint64()};
    mn.entity = str(m, "entity");
    mn.surface = str(m, "surface");
    mn.source = str(m, "source");
    mn.confidence = m["confidence"].GetDouble();
    mn.sentence = get_int(m["sentence"], where, path + ".sentence");
    mn.page = int_or(m, "page", 0, where, path);
    mn.element = str(m, "element");
    x.mentions.push_back(std::move(mn));
  }
  const rapidjson::Value* spans = d.HasMember("spans") ? &d["spans"] : nullptr;
  i = 0;
  for (const auto& r : d["relations"].GetArray()) {
    if (!r.IsObject())
      fail(where, item_path("relations", i),
           "expected a relation as an object (a record of version 1)");
    Relation rel;
    rel.source = str(r, "source");
    rel.target = str(r, "target");
    rel.type = str(r, "type");
    rel.evidence = get_evidence_v1(r["evidence"], spans, x.document_id, where, i++);
    if (r.HasMember("attributes")) rel.attributes = get_attrs(r["attributes"]);
    x.relations.push_back(std::move(rel));
  }
}

// Reads a record only as far as its top-level "path" and "sha256" and stops: the index pass stays
// cheap.
struct PathGrabber : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathGrabber> {
  int depth = 0;
  std::string* want = nullptr;
  bool found = false, found_sha = false;
  std::string path, sha256;
  bool Default() {
    want = nullptr;
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (want) {
      want->assign(s, n);
      (want == &path ? found : found_sha) = true;
      want = nullptr;
      return !(found && found_sha);
    }
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view key(s, n);
    want = depth != 1 ? nullptr : key == "path" ? &path : key == "sha256" ? &sha256 : nullptr;
    return true;
  }
  // Past the nesting limit the grab stops; the full parse then names the place.
  bool StartObject() {
    want = nullptr;
    return ++depth <= static_cast<int>(kMaxJsonDepth);
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    want = nullptr;
    return ++depth <= static_cast<int>(kMaxJsonDepth);
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

struct RecordRef {
  std::string path, sha256;
  std::size_t part;
  int line;
  std::streamoff offset;
};

}  // namespace
}  // namespace records

using namespace records;

DocumentExtraction extraction_from_json(std::string_view json, const std::string& file, int line,
                                        const EntityCatalog* catalog) {
  std::string where = file + ":line " + std::to_string(line);
  rapidjson::Document d = parse_json(json, where);
  // Compiled once per run: compiling costs about a millisecond, as much as reading a record.
  static const CompiledSchema schema(embedded_file("schemas/extraction.schema.json"));
  schema.validate(d, where);
  DocumentExtraction x;
  x.document_id = str(d, "document");
  x.path = str(d, "path");
  x.sha256 = str(d, "sha256");
  x.format = str(d, "format");
  x.title = str(d, "title");
  x.byline = str(d, "byline");
  read_entities(d, where, catalog, x);
  // Version 2 says so; records without "version" are version 1 (objects throughout).
  if (!d.HasMember("version")) {
    read_v1(d, where, x);
  } else if (const int version = get_int(d["version"], where, "$.version");
             version == 2 || version == 3) {
    const V2Reader v2{d, where, x};
    v2.mentions();
    v2.relations();
  } else {
    fail(where, "$.version",
         "record version " + std::to_string(version) + " (this softgraph reads 1 to 3)");
  }
  for (const auto& s : d["warnings"].GetArray()) x.warnings.push_back(str(s));
  check_against_ontology(x, where);
  return x;
}
std::size_t for_each_extraction_by_path(const std::vector<std::string>& parts,
                                        const std::function<void(DocumentExtraction&&)>& fn,
                                        const EntityCatalog* catalog) {
  std::vector<std::ifstream> files;
  std::vector<InputFd> fds;
  std::vector<RecordRef> index;
  std::string line;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    // Opened and checked on the descriptor (a FIFO or a device is refused, never waited on); the
    // stream reopens that very file through /proc, so the path cannot change in between.
    fds.push_back(open_regular_file(parts[p], "a .jsonl file of extraction records"));
    files.emplace_back("/proc/self/fd/" + std::to_string(fds.back().get()), std::ios::binary);
    std::ifstream& in = files.back();
    if (!in) throw input_error(parts[p], "", "cannot open file");
    int n = 0;
    for (std::streamoff at = in.tellg(); std::getline(in, line); at = in.tellg()) {
      ++n;
      if (line.empty()) continue;
      PathGrabber grab;
      rapidjson::Reader reader;
      rapidjson::StringStream ss(line.c_str());
      reader.Parse<rapidjson::kParseIterativeFlag>(ss, grab);
      // Without a path the full parse names what is wrong, with its place.
      if (!grab.found) extraction_from_json(line, parts[p], n, catalog);
      index.push_back({std::move(grab.path), std::move(grab.sha256), p, n, at});
    }
    if (in.bad()) throw input_error(parts[p], "", "read error");
    in.clear();
  }
  // The order of a single run: documents by path; parts and lines break ties.
  std::stable_sort(index.begin(), index.end(),
                   [](const RecordRef& a, const RecordRef& b) { return a.path < b.path; });
  // The same document twice (a part given twice, shards that overlap): the same path with the
  // same SHA-256 is read once, with a warning; the same path with other contents is two versions
  // of one file, which no single run makes.
  const auto place = [&](const RecordRef& r) {
    return parts[r.part] + ":line " + std::to_string(r.line);
  };
  std::size_t handed = 0;
  for (std::size_t i = 0, first = 0; i < index.size(); ++i) {
    const RecordRef& r = index[i];
    if (i == 0 || index[i - 1].path != r.path) first = i;
    bool again = false;
    for (std::size_t k = first; k < i && !again; ++k) {
      if (index[k].sha256 == r.sha256) {
        spdlog::warn("{}: document {} already read from {} (same SHA-256): skipped", place(r),
                     r.path, place(index[k]));
        again = true;
      } else {
        throw input_error(parts[r.part], "line " + std::to_string(r.line),
                          "document " + r.path + " again with other contents (SHA-256 " +
                              r.sha256.substr(0, 12) + "..., " + place(index[k]) + " has " +
                              index[k].sha256.substr(0, 12) +
                              "...): extract each version of a file once");
      }
    }
    if (again) continue;
    ++handed;
    std::ifstream& in = files[r.part];
    in.seekg(r.offset);
    if (!std::getline(in, line))
      throw input_error(parts[r.part], "line " + std::to_string(r.line),
                        "cannot read the record again");
    DocumentExtraction x = extraction_from_json(line, parts[r.part], r.line, catalog);
    check_ranges(x, place(r));
    check_against_file(x, place(r));
    fn(std::move(x));
  }
  return handed;
}

}  // namespace softgraph
