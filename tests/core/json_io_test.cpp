#include "softgraph/core/json_io.hpp"

#include <doctest/doctest.h>

#include <string>

#include "softgraph/core/error.hpp"

using namespace softgraph;

namespace {
constexpr std::string_view kSchema = R"({
  "type": "object", "required": ["id"], "additionalProperties": false,
  "properties": {"id": {"type": "string"}, "n": {"type": "integer"}}})";

std::string message(const CompiledSchema& schema, std::string_view json) {
  try {
    schema.validate(parse_json(json, "doc.json"), "doc.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a compiled schema validates document after document, as validate_json does") {
  const CompiledSchema schema(kSchema);
  for (int round = 0; round < 3; ++round) {  // the validator keeps no state between documents
    CHECK(message(schema, R"({"id": "a", "n": 3})").empty());
    const std::string missing = message(schema, R"({"n": 3})");
    CHECK(missing.find("missing property 'id'") != std::string::npos);
    const std::string wrong = message(schema, R"({"id": "a", "n": "x"})");
    CHECK(wrong.find("JSON path") != std::string::npos);
    CHECK(wrong.find("doc.json") != std::string::npos);
    // The same answer from the one-off function.
    std::string once;
    try {
      validate_json(parse_json(R"({"id": "a", "n": "x"})", "doc.json"), kSchema, "doc.json");
    } catch (const Error& e) {
      once = e.what();
    }
    CHECK(once == wrong);
  }
}

TEST_CASE("a schema that is not JSON is refused when compiled") {
  CHECK_THROWS_AS(CompiledSchema("{not json"), Error);
}
