#include "json_out.hpp"

#include <cmath>
#include <sstream>

#include "softgraph/export/escape.hpp"

namespace softgraph {

bool writable(const AttrValue& v) {
  const auto* d = std::get_if<double>(&v);
  return !d || std::isfinite(*d);
}

void JsonOut::newline() {
  out_ << '\n';
  for (std::size_t i = 0; i < stack_.size(); ++i) out_ << "  ";
}

void JsonOut::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) out_ << ',';
  newline();
}

void JsonOut::begin_object() {
  before_value();
  out_ << '{';
  stack_.push_back({true, 0});
}

void JsonOut::end_object() {
  bool empty = stack_.back().count == 0;
  char close = stack_.back().object ? '}' : ']';
  stack_.pop_back();
  if (!empty) newline();
  out_ << close;
}

void JsonOut::begin_array() {
  before_value();
  out_ << '[';
  stack_.push_back({false, 0});
}

void JsonOut::end_array() { end_object(); }

void JsonOut::key(std::string_view k) {
  before_value();
  out_ << escape::json_string(k) << ": ";
  after_key_ = true;
}

void JsonOut::string(std::string_view s) {
  before_value();
  out_ << escape::json_string(s);
}

void JsonOut::number(double v) {
  before_value();
  auto s = escape::number(v);
  out_ << (s ? *s : "null");
}

void JsonOut::integer(std::int64_t v) {
  before_value();
  out_ << v;
}

void JsonOut::boolean(bool v) {
  before_value();
  out_ << (v ? "true" : "false");
}

void JsonOut::null() {
  before_value();
  out_ << "null";
}

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

void JsonOut::finish() { out_ << '\n'; }

}  // namespace softgraph

namespace softgraph {
std::string evidence_json(const std::vector<Evidence>& evidence) {
  std::ostringstream s;
  s << '[';
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& e = evidence[i];
    s << (i ? "," : "") << "{\"document\":" << escape::json_string(e.document)
      << ",\"start\":" << e.range.begin << ",\"end\":" << e.range.end
      << ",\"quote\":" << escape::json_string(e.quote) << ",\"sentence\":" << e.sentence << '}';
  }
  s << ']';
  return s.str();
}
}  // namespace softgraph
