// A small pretty-printing JSON writer for graph.json and graph.jsonld: two-space indent, strings
// through the escaping module, doubles shortest round-trip; the same input gives the same bytes.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/attributes.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph {

class JsonOut {
 public:
  explicit JsonOut(std::ostream& out) : out_(out) {}
  ~JsonOut() = default;

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
  // Ends the document with a newline.
  void finish();

 private:
  void before_value();
  void newline();

  std::ostream& out_;
  struct Level {
    bool object;
    int count;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// Evidence as a compact JSON array of {document, start, end, quote}: a single text column in
// GraphML and the Neo4j bundle that keeps every quote exactly (control characters included).
std::string evidence_json(const std::vector<Evidence>& evidence);

// True when the attribute value can be written (a finite number, or anything but a double).
bool writable(const AttrValue& v);

}  // namespace softgraph
