// The pretty-printing JSON writer of graph.json, graph.jsonld and the channels JSON: RapidJSON's
// PrettyWriter with a two-space indent, strings as json_string writes them (invalid UTF-8
// replaced), doubles as escape::number prints them; the same input gives the same bytes.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/attributes.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/graph/graph.hpp"

namespace softgraph {

class JsonOut {
 public:
  explicit JsonOut(std::ostream& out);
  ~JsonOut();  // writes nothing: finish() does
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  void string(std::string_view s);
  // A double; non-finite values are written as null (callers skip them where null is not allowed).
  void number(double v);
  void integer(std::int64_t v);
  void boolean(bool v);
  void null();
  void value(const AttrValue& v);
  void value(const rapidjson::Value& v);  // copies a parsed document (the JSON-LD context)
  void string_array(const std::vector<std::string>& items);
  // A member: key(k), then the value as string(), number(), integer() or string_array() writes it,
  // chosen by its type (a whole number is an integer, a double a number).
  void field(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }
  void field(std::string_view k, double v) {
    key(k);
    number(v);
  }
  template <std::integral I>
  requires(!std::same_as<I, bool>) void field(std::string_view k, I v) {
    key(k);
    integer(static_cast<std::int64_t>(v));
  }
  void field(std::string_view k, const std::vector<std::string>& items) {
    key(k);
    string_array(items);
  }
  // Ends the document with a newline.
  void finish();

 private:
  void flush();
  void flush_when_full() {
    if (buffer_.GetSize() >= kFlushAt) flush();
  }

  static constexpr std::size_t kFlushAt = 1 << 16;
  std::ostream& out_;
  rapidjson::StringBuffer buffer_;  // handed to out_ every kFlushAt bytes
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

// Evidence as a compact JSON array of {document, start, end, quote}: a single text column in
// GraphML and the Neo4j bundle that keeps every quote exactly (control characters included).
std::string evidence_json(const std::vector<Evidence>& evidence);

// What graph.json and graph.jsonld both write of an evidence record after where it points: text
// (when set), rule, confidence (0 when not finite), sentence, page and element (when set).
void evidence_details(JsonOut& j, const Evidence& e);

// What graph.json and graph.jsonld both write of a document: path, sha256, format (when known).
void document_source(JsonOut& j, const DocumentInfo& d);

// True when the attribute value can be written (a finite number, or anything but a double).
bool writable(const AttrValue& v);

}  // namespace softgraph
