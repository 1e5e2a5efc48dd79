#include "softgraph/cli/extraction_jsonl.hpp"

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <unordered_map>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {
namespace {

// Records are most of what `extract` writes (about 13 bytes per input byte), so they are written
// by hand into a buffer grown ahead of each write (no per-call capacity checks in std::string):
// runs of plain bytes copied 16 at a time, keys as fixed text. The bytes are what RapidJSON's
// Writer would give (its escapes, its shortest round-trip doubles), so the reader reads them back
// exactly.
template <typename Word>
Word load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Whether any byte of the word is a control character, '"' or '\\' (the classic "has a byte
// less than n" and "has a zero byte" tricks; bytes >= 0x80 are never flagged).
template <typename Word>
bool needs_escape(Word w) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ULL);
  constexpr Word kHighs = static_cast<Word>(0x8080808080808080ULL);
  const Word control = (w - kOnes * 0x20) & ~w & kHighs;
  const Word q = w ^ (kOnes * '"'), b = w ^ (kOnes * '\\');
  const Word quote = (q - kOnes) & ~q & kHighs, backslash = (b - kOnes) & ~b & kHighs;
  return (control | quote | backslash) != 0;
}

class RecordOut {
 public:
  // Writes into a buffer of this thread's, kept from record to record: a record is a few
  // megabytes, and neither zero-filling nor regrowing that much for each one is free.
  explicit RecordOut(std::size_t guess) : buf_(scratch()) {
    if (buf_.size < guess) reallocate(guess, 0);
    p_ = buf_.data.get();
    end_ = p_ + buf_.size;
  }
  std::string text() const {
    const auto size = static_cast<std::size_t>(p_ - buf_.data.get());
    std::string out;
    out.reserve(size + 1);  // room for the newline a JSON-lines writer adds, without a copy
    out.append(buf_.data.get(), size);
    return out;
  }

  template <std::size_t N>
  RecordOut& raw(const char (&s)[N]) {
    room(N);
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
    return *this;
  }
  RecordOut& sep(bool comma) { return comma ? raw(",") : *this; }
  RecordOut& str(std::string_view v) {
    // Escapes take at most 6 bytes per input byte; 16 more for the vector store's overshoot.
    room(6 * v.size() + 2 + 16);
    char* p = p_;
    *p++ = '"';
    const char* s = v.data();
    const char* const e = s + v.size();
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i max_control = _mm_set1_epi8(0x1F);
    while (e - s >= 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x);
      const __m128i flagged = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
          _mm_cmpeq_epi8(_mm_max_epu8(x, max_control), max_control));  // unsigned x <= 0x1F
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(flagged));
      if (mask == 0) {
        s += 16, p += 16;
        continue;
      }
      const int k = __builtin_ctz(mask);
      s += k, p += k;
      p = escape(p, static_cast<unsigned char>(*s++));
    }
#endif
    // The rest, under 16 bytes: when it needs no escape, two overlapping words copy it.
    if (const auto rest = static_cast<std::size_t>(e - s); rest >= 8) {
      const std::uint64_t a = load<std::uint64_t>(s), b = load<std::uint64_t>(e - 8);
      if (!needs_escape(a) && !needs_escape(b)) {
        std::memcpy(p, &a, 8);
        std::memcpy(p + rest - 8, &b, 8);
        p += rest, s = e;
      }
    } else if (rest >= 4) {
      const std::uint32_t a = load<std::uint32_t>(s), b = load<std::uint32_t>(e - 4);
      if (!needs_escape(a) && !needs_escape(b)) {
        std::memcpy(p, &a, 4);
        std::memcpy(p + rest - 4, &b, 4);
        p += rest, s = e;
      }
    }
    for (; s < e; ++s) {
      const auto c = static_cast<unsigned char>(*s);
      if (c >= 0x20 && c != '"' && c != '\\')
        *p++ = static_cast<char>(c);
      else
        p = escape(p, c);
    }
    *p++ = '"';
    p_ = p;
    return *this;
  }
  template <typename Int>
  RecordOut& integer(Int v) {
    room(24);
    p_ = std::to_chars(p_, p_ + 24, v).ptr;
    return *this;
  }
  RecordOut& number(double d) {
    if (!std::isfinite(d)) throw internal_error("a non-finite number in an extraction record");
    // Records hold few distinct numbers (confidences): their text is remembered per thread.
    struct Cached {
      std::uint64_t bits = ~std::uint64_t{0};  // a NaN: never a key
      std::uint8_t size = 0;
      char text[31] = {};  // copied whole: no indeterminate bytes
    };
    thread_local std::array<Cached, 64> cache;
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    Cached& c = cache[(bits * 0x9E3779B97F4A7C15ULL) >> 58];
    if (c.bits != bits) {
      char* end = rapidjson::internal::dtoa(d, c.text);
      c.size = static_cast<std::uint8_t>(end - c.text);
      c.bits = bits;
    }
    room(sizeof c.text);
    std::memcpy(p_, c.text, sizeof c.text);
    p_ += c.size;
    return *this;
  }
  RecordOut& strings(const std::vector<std::string>& list) {
    raw("[");
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) raw(",");
      str(list[i]);
    }
    return raw("]");
  }

 private:
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  struct Buffer {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };
  static Buffer& scratch() {
    thread_local Buffer buffer;
    return buffer;
  }
  void reallocate(std::size_t size, std::size_t used) {
    std::unique_ptr<char[]> data(new char[size]);  // left uninitialised: only written bytes count
    if (used) std::memcpy(data.get(), buf_.data.get(), used);
    buf_.data = std::move(data);
    buf_.size = size;
  }
  void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(p_ - buf_.data.get());
    reallocate(std::max(2 * buf_.size, used + n), used);
    p_ = buf_.data.get() + used;
    end_ = p_ - used + buf_.size;
  }
  static char* escape(char* p, unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default:
        std::memcpy(p, "u00", 3);
        p[3] = kHex[c >> 4];
        p[4] = kHex[c & 15];
        p += 5;
    }
    return p;
  }
  Buffer& buf_;
  char* p_;
  char* end_;
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
            x ? w.raw("true") : w.raw("false");
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
      w.sep(i != 0).raw("{\"start\":").integer(e.range.begin);
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
  RecordOut w(1024 + 300 * x.entities.size() + 160 * x.mentions.size() + 400 * x.relations.size());
  w.raw("{\"document\":").str(x.document_id).raw(",\"path\":").str(x.path);
  w.raw(",\"sha256\":").str(x.sha256).raw(",\"format\":").str(x.format);
  w.raw(",\"entities\":[");
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    w.sep(i != 0).raw("{\"id\":").str(e.id).raw(",\"type\":").str(e.type);
    w.raw(",\"label\":").str(e.label).raw(",\"aliases\":").strings(e.aliases);
    w.raw(",\"attributes\":");
    put_attrs(w, e.attributes);
    w.raw("}");
  }
  w.raw("],\"mentions\":[");
  for (std::size_t i = 0; i < x.mentions.size(); ++i) {
    const Mention& m = x.mentions[i];
    w.sep(i != 0).raw("{\"start\":").integer(m.range.begin);
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
    w.sep(i != 0).raw("{\"source\":").str(r.source).raw(",\"target\":").str(r.target);
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
  return w.text();
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
