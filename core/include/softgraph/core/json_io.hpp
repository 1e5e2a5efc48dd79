// Loading JSON data files with errors that name the file, line and column, and validating them
// against a draft-04 JSON Schema with errors that name the JSON path.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace softgraph {

// Parses `text` (read from `file`, for messages); throws Error(kBadInput) naming line:column.
rapidjson::Document parse_json(std::string_view text, const std::string& file);
// Validates `doc` against `schema_text`; throws Error(kBadInput) naming the JSON path.
void validate_json(const rapidjson::Document& doc, std::string_view schema_text,
                   const std::string& file);
// Reads a whole file; throws Error(kBadInput) when it cannot.
std::string read_file(const std::string& path);

}  // namespace softgraph
