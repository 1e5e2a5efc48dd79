// Loading JSON data files with errors that name the file, line and column, and validating them
// against a draft-04 JSON Schema with errors that name the JSON path.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <string_view>

namespace softgraph {

// How deeply arrays and objects may nest in any JSON softgraph reads (graph.json needs 6).
inline constexpr std::size_t kMaxJsonDepth = 512;
// The byte offset of the first '[' or '{' nested deeper than `limit`, or npos (strings skipped).
std::size_t json_depth_exceeded(std::string_view text, std::size_t limit);
// Throws Error(kBadInput) naming line, column and byte when `text` nests deeper than kMaxJsonDepth.
void check_json_depth(std::string_view text, const std::string& file);
// Parses `text` (read from `file`, for messages); throws Error(kBadInput) naming line:column,
// also for nesting deeper than kMaxJsonDepth.
rapidjson::Document parse_json(std::string_view text, const std::string& file);
// Validates `doc` against `schema_text`; throws Error(kBadInput) naming the JSON path.
void validate_json(const rapidjson::Document& doc, std::string_view schema_text,
                   const std::string& file);
// A schema parsed and compiled once, for validating many documents (merge's records): compiling
// costs about a millisecond, validating a record a fraction of that. Validating is const and may
// run on several threads at once (each call has its own validator).
class CompiledSchema {
 public:
  explicit CompiledSchema(std::string_view schema_text);
  ~CompiledSchema();
  // As validate_json.
  void validate(const rapidjson::Document& doc, const std::string& file) const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};
// Reads a whole regular file; throws Error(kBadInput) when it cannot or it is not one.
std::string read_file(const std::string& path);

}  // namespace softgraph
