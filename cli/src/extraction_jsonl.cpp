#include "softgraph/cli/extraction_jsonl.hpp"

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Whether any of the eight bytes is a control character, '"' or '\\' (the classic "has a byte
// less than n" and "has a zero byte" tricks; bytes >= 0x80 are never flagged).
bool needs_escape(std::uint64_t w) {
  const std::uint64_t control = (w - kOnes * 0x20) & ~w & kHighs;
  const std::uint64_t q = w ^ (kOnes * '"'), b = w ^ (kOnes * '\\');
  const std::uint64_t quote = (q - kOnes) & ~q & kHighs, backslash = (b - kOnes) & ~b & kHighs;
  return (control | quote | backslash) != 0;
}

// Records are most of what `extract` writes (about 13 bytes per input byte), so they are written
// by hand: runs of plain bytes copied at once, keys as fixed text. The bytes are what RapidJSON's
// Writer would give (its escapes, its shortest round-trip doubles), so the reader reads them back
// exactly.
class RecordOut {
 public:
  explicit RecordOut(std::string& out) : out_(out) {}
  RecordOut& raw(std::string_view s) {
    out_.append(s);
    return *this;
  }
  RecordOut& str(std::string_view v) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out_.push_back('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      // Eight plain bytes at a time: most strings need no escape at all.
      while (i + 8 <= v.size() && !needs_escape(load8(v.data() + i))) i += 8;
      if (i >= v.size()) break;
      const auto c = static_cast<unsigned char>(v[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(v.data() + run, i - run);
      run = i + 1;
      out_.push_back('\\');
      switch (c) {
        case '"':
          out_.push_back('"');
          break;
        case '\\':
          out_.push_back('\\');
          break;
        case '\b':
          out_.push_back('b');
          break;
        case '\f':
          out_.push_back('f');
          break;
        case '\n':
          out_.push_back('n');
          break;
        case '\r':
          out_.push_back('r');
          break;
        case '\t':
          out_.push_back('t');
          break;
        default:
          out_.append("u00");
          out_.push_back(kHex[c >> 4]);
          out_.push_back(kHex[c & 15]);
      }
    }
    out_.append(v.data() + run, v.size() - run);
    out_.push_back('"');
    return *this;
  }
  template <typename Int>
  RecordOut& integer(Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
  }
  RecordOut& number(double d) {
    if (!std::isfinite(d)) throw internal_error("a non-finite number in an extraction record");
    char buf[32];
    char* end = rapidjson::internal::dtoa(d, buf);
    out_.append(buf, end);
    return *this;
  }
  RecordOut& strings(const std::vector<std::string>& list) {
    out_.push_back('[');
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out_.push_back(',');
      str(list[i]);
    }
    out_.push_back(']');
    return *this;
  }

 private:
  std::string& out_;
};

void put_attrs(RecordOut& w, const Attributes& attrs) {
  w.raw("{");
  bool first = true;
  for (const auto& [k, v] : attrs) {
    if (!first) w.raw(",");
    first = false;
    w.str(k).raw(":");
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, bool>)
            w.raw(x ? "true" : "false");
          else if constexpr (std::is_same_v<T, std::int64_t>)
            w.integer(x);
          else if constexpr (std::is_same_v<T, double>)
            w.number(x);
          else if constexpr (std::is_same_v<T, std::string>)
            w.str(x);
          else
            w.strings(x);
        },
        v);
  }
  w.raw("}");
}

// Several relations usually rest on one sentence: its place and quote go once into the record's
// "spans" table, and each relation's evidence names its row. Fields at their defaults (the
// record's own document, no repaired text, page 0, no element) are left out.
class SpanTable {
 public:
  explicit SpanTable(const std::string& document) : document_(document) {}
  std::size_t row_of(const Evidence& e) {
    auto [it, end] = rows_.equal_range({e.range.begin, e.range.end});
    for (; it != end; ++it) {
      const Evidence& row = *spans_[it->second];
      if (row.document == e.document && row.quote == e.quote && row.text == e.text &&
          row.sentence == e.sentence && row.page == e.page && row.element == e.element)
        return it->second;
    }
    rows_.emplace(std::pair{e.range.begin, e.range.end}, spans_.size());
    spans_.push_back(&e);
    return spans_.size() - 1;
  }
  void write(RecordOut& w) const {
    w.raw(",\"spans\":[");
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      const Evidence& e = *spans_[i];
      w.raw(i ? ",{\"start\":" : "{\"start\":").integer(e.range.begin);
      w.raw(",\"end\":").integer(e.range.end).raw(",\"sentence\":").integer(e.sentence);
      w.raw(",\"quote\":").str(e.quote);
      if (!e.text.empty()) w.raw(",\"text\":").str(e.text);
      if (e.document != document_) w.raw(",\"document\":").str(e.document);
      if (e.page != 0) w.raw(",\"page\":").integer(e.page);
      if (!e.element.empty()) w.raw(",\"element\":").str(e.element);
      w.raw("}");
    }
    w.raw("]");
  }

 private:
  struct PairHash {
    std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& p) const {
      return std::hash<std::uint64_t>()(p.first * 0x9E3779B97F4A7C15ULL ^ p.second);
    }
  };
  const std::string& document_;
  std::vector<const Evidence*> spans_;
  std::unordered_multimap<std::pair<std::uint64_t, std::uint64_t>, std::size_t, PairHash> rows_;
};

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
    if (x.IsBool())
      out[key] = x.GetBool();
    else if (x.IsInt64())
      out[key] = x.GetInt64();
    else if (x.IsNumber())
      out[key] = x.GetDouble();
    else if (x.IsString())
      out[key] = std::string(x.GetString(), x.GetStringLength());
    else if (x.IsArray()) {
      std::vector<std::string> list;
      for (const auto& s : x.GetArray())
        if (s.IsString()) list.emplace_back(s.GetString(), s.GetStringLength());
      out[key] = list;
    }
  }
  return out;
}

int int_or(const rapidjson::Value& v, const char* key, int fallback) {
  return v.HasMember(key) ? v[key].GetInt() : fallback;
}

// A relation's evidence: the row of the record's "spans" table it names, plus its own rule and
// confidence. (Records written before the table existed carry every field inline; they still
// read.)
Evidence get_evidence(const rapidjson::Value& v, const rapidjson::Value* spans,
                      const std::string& document, const std::string& where, std::size_t relation) {
  const rapidjson::Value& row = [&]() -> const rapidjson::Value& {
    if (!v.HasMember("span")) return v;
    std::uint64_t i = v["span"].GetUint64();
    if (!spans || i >= spans->Size())
      throw input_error(where, "/relations/" + std::to_string(relation) + "/evidence/span",
                        "no row " + std::to_string(i) + " in the record's spans");
    return (*spans)[static_cast<rapidjson::SizeType>(i)];
  }();
  if (!row.HasMember("start") || !row.HasMember("end") || !row.HasMember("quote"))
    throw input_error(where, "/relations/" + std::to_string(relation) + "/evidence",
                      "expected \"span\" or \"start\", \"end\" and \"quote\"");
  Evidence e;
  e.document = row.HasMember("document") ? str(row, "document") : document;
  e.range = {row["start"].GetUint64(), row["end"].GetUint64()};
  e.quote = str(row, "quote");
  e.text = str(row, "text");
  e.sentence = int_or(row, "sentence", -1);
  e.page = int_or(row, "page", 0);
  e.element = str(row, "element");
  e.rule = str(v, "rule");
  e.confidence = v["confidence"].GetDouble();
  return e;
}

}  // namespace

std::string extraction_to_json(const DocumentExtraction& x) {
  std::string out;
  out.reserve(1024 + 160 * x.mentions.size() + 400 * x.relations.size());
  RecordOut w(out);
  w.raw("{\"document\":").str(x.document_id).raw(",\"path\":").str(x.path);
  w.raw(",\"sha256\":").str(x.sha256).raw(",\"format\":").str(x.format);
  w.raw(",\"entities\":[");
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    w.raw(i ? ",{\"id\":" : "{\"id\":").str(e.id).raw(",\"type\":").str(e.type);
    w.raw(",\"label\":").str(e.label).raw(",\"aliases\":").strings(e.aliases);
    w.raw(",\"attributes\":");
    put_attrs(w, e.attributes);
    w.raw("}");
  }
  w.raw("],\"mentions\":[");
  for (std::size_t i = 0; i < x.mentions.size(); ++i) {
    const Mention& m = x.mentions[i];
    w.raw(i ? ",{\"start\":" : "{\"start\":").integer(m.range.begin);
    w.raw(",\"end\":").integer(m.range.end).raw(",\"entity\":").str(m.entity);
    w.raw(",\"surface\":").str(m.surface).raw(",\"source\":").str(m.source);
    w.raw(",\"confidence\":").number(m.confidence).raw(",\"sentence\":").integer(m.sentence);
    if (m.page != 0) w.raw(",\"page\":").integer(m.page);
    if (!m.element.empty()) w.raw(",\"element\":").str(m.element);
    w.raw("}");
  }
  w.raw("],\"relations\":[");
  SpanTable spans(x.document_id);
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Relation& r = x.relations[i];
    w.raw(i ? ",{\"source\":" : "{\"source\":").str(r.source).raw(",\"target\":").str(r.target);
    w.raw(",\"type\":").str(r.type);
    w.raw(",\"evidence\":{\"span\":").integer(spans.row_of(r.evidence));
    w.raw(",\"rule\":").str(r.evidence.rule).raw(",\"confidence\":").number(r.evidence.confidence);
    w.raw("}");
    if (!r.attributes.empty()) {
      w.raw(",\"attributes\":");
      put_attrs(w, r.attributes);
    }
    w.raw("}");
  }
  w.raw("]");
  spans.write(w);
  w.raw(",\"warnings\":").strings(x.warnings).raw("}");
  return out;
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
      for (const auto& a : e["aliases"].GetArray())
        en.aliases.emplace_back(a.GetString(), a.GetStringLength());
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
    const rapidjson::Value* spans = d.HasMember("spans") ? &d["spans"] : nullptr;
    std::size_t i = 0;
    for (const auto& r : d["relations"].GetArray()) {
      Relation rel;
      rel.source = str(r, "source");
      rel.target = str(r, "target");
      rel.type = str(r, "type");
      rel.evidence = get_evidence(r["evidence"], spans, x.document_id, where, i++);
      if (r.HasMember("attributes")) rel.attributes = get_attrs(r["attributes"]);
      x.relations.push_back(std::move(rel));
    }
    if (d.HasMember("warnings"))
      for (const auto& s : d["warnings"].GetArray())
        x.warnings.emplace_back(s.GetString(), s.GetStringLength());
  }
  return x;
}

namespace {

// Reads a record only as far as its top-level "path" and stops: the index pass stays cheap.
struct PathGrabber : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathGrabber> {
  int depth = 0;
  bool want = false, found = false;
  std::string path;
  bool Default() {
    want = false;
    return true;
  }
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
  bool StartObject() {
    ++depth;
    want = false;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    ++depth;
    want = false;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
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
    if (!std::getline(in, line))
      throw input_error(parts[r.part], "line " + std::to_string(r.line),
                        "cannot read the record again");
    fn(extraction_from_json(line, parts[r.part], r.line));
  }
  return index.size();
}

}  // namespace softgraph
