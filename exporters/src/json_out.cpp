#include "json_out.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

#include "softgraph/export/escape.hpp"

namespace softgraph {
namespace {

using SizeType = rapidjson::SizeType;

// escape::number without a string: shortest round-trip (std::to_chars), ".0" on integral values.
// RapidJSON's own doubles (Grisu2) differ in exponents ("1e-7" against "1e-07") and are not always
// the shortest, so the text of graph.json stays what it was.
std::size_t number_chars(double v, char (&buf)[40]) {
  if (v == 0) {
    const char* zero = std::signbit(v) ? "-0.0" : "0.0";
    const std::size_t n = std::strlen(zero);
    std::memcpy(buf, zero, n);
    return n;
  }
  char* end = std::to_chars(buf, buf + 32, v).ptr;
  if (!std::memchr(buf, '.', static_cast<std::size_t>(end - buf)) &&
      !std::memchr(buf, 'e', static_cast<std::size_t>(end - buf))) {
    std::memcpy(end, ".0", 2);
    end += 2;
  }
  return static_cast<std::size_t>(end - buf);
}

}  // namespace

void evidence_details(JsonOut& j, const Evidence& e) {
  if (!e.text.empty()) j.field("text", e.text);
  j.field("rule", e.rule);
  j.field("confidence", std::isfinite(e.confidence) ? e.confidence : 0.0);
  j.field("sentence", e.sentence);
  if (e.page != 0) j.field("page", e.page);
  if (!e.element.empty()) j.field("element", e.element);
}

void document_source(JsonOut& j, const DocumentInfo& d) {
  j.field("path", d.path);
  j.field("sha256", d.sha256);
  if (!d.format.empty()) j.field("format", d.format);
}

bool writable(const AttrValue& v) {
  const auto* d = std::get_if<double>(&v);
  return !d || std::isfinite(*d);
}

JsonOut::JsonOut(std::ostream& out) : out_(out), writer_(buffer_) { writer_.SetIndent(' ', 2); }

// Nothing is written here: a destructor run while a write error unwinds must not write (and throw)
// again. finish() hands the rest to the stream.
JsonOut::~JsonOut() = default;

void JsonOut::flush() {
  out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonOut::begin_object() { writer_.StartObject(); }
void JsonOut::end_object() {
  writer_.EndObject();
  flush_when_full();
}
void JsonOut::begin_array() { writer_.StartArray(); }
void JsonOut::end_array() {
  writer_.EndArray();
  flush_when_full();
}

void JsonOut::key(std::string_view k) {
  std::string fixed;
  const std::string_view v = escape::valid_utf8(k, fixed);
  writer_.Key(v.data(), static_cast<SizeType>(v.size()));
}

void JsonOut::string(std::string_view s) {
  std::string fixed;
  const std::string_view v = escape::valid_utf8(s, fixed);
  writer_.String(v.data(), static_cast<SizeType>(v.size()));
  flush_when_full();
}

void JsonOut::number(double v) {
  if (!std::isfinite(v)) return null();
  char buf[40];
  writer_.RawValue(buf, number_chars(v, buf), rapidjson::kNumberType);
}

void JsonOut::integer(std::int64_t v) { writer_.Int64(v); }
void JsonOut::boolean(bool v) { writer_.Bool(v); }
void JsonOut::null() { writer_.Null(); }

void JsonOut::string_array(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& s : items) string(s);
  end_array();
}

void JsonOut::value(const AttrValue& v) {
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) {
          boolean(x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          integer(x);
        } else if constexpr (std::is_same_v<T, double>) {
          number(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          string(x);
        } else {
          string_array(x);
        }
      },
      v);
}

void JsonOut::value(const rapidjson::Value& v) {
  if (v.IsObject()) {
    begin_object();
    for (const auto& m : v.GetObject()) {
      key(std::string_view(m.name.GetString(), m.name.GetStringLength()));
      value(m.value);
    }
    end_object();
  } else if (v.IsArray()) {
    begin_array();
    for (const auto& x : v.GetArray()) value(x);
    end_array();
  } else if (v.IsString()) {
    string(std::string_view(v.GetString(), v.GetStringLength()));
  } else if (v.IsBool()) {
    boolean(v.GetBool());
  } else if (v.IsInt64()) {
    integer(v.GetInt64());
  } else if (v.IsNumber()) {
    number(v.GetDouble());
  } else {
    null();
  }
}

void JsonOut::finish() {
  buffer_.Put('\n');
  flush();
}

std::string evidence_json(const std::vector<Evidence>& evidence) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  std::string fixed;
  const auto str = [&](std::string_view s) {
    const std::string_view v = escape::valid_utf8(s, fixed);
    w.String(v.data(), static_cast<SizeType>(v.size()));
  };
  w.StartArray();
  for (const Evidence& e : evidence) {
    w.StartObject();
    w.Key("document"), str(e.document);
    w.Key("start"), w.Uint64(e.range.begin);
    w.Key("end"), w.Uint64(e.range.end);
    w.Key("quote"), str(e.quote);
    w.Key("sentence"), w.Int(e.sentence);
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace softgraph
