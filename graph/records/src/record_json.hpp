// What the records' writer, reader and checks share inside softgraph_records.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <string>

#include "softgraph/core/extraction.hpp"

namespace softgraph::records {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// An entity in full, as an object; the entity catalog's digest covers these bytes.
void write_full_entity(JsonWriter& w, const Entity& e);

// Throws Error(kBadInput) at `where` (file:line) naming the JSON path of what is wrong.
[[noreturn]] void fail(const std::string& where, const std::string& path, const std::string& what);
std::string item_path(const char* list, std::size_t i);             // $.list[i]
std::string item_path(const char* list, std::size_t i, int field);  // $.list[i][field]

// The checks a record read passes before it reaches the graph (validation.cpp).
// An empty document or entity id, a node or relation type the ontology does not know.
void check_against_ontology(const DocumentExtraction& x, const std::string& where);
// A SHA-256 of 64 lower-case hex digits; ranges that end at or after they start; quotes that
// span their passage's offsets.
void check_ranges(const DocumentExtraction& x, const std::string& where);
// Offsets within the plain-text document, when it is at hand at its path with its SHA-256.
void check_against_file(const DocumentExtraction& x, const std::string& where);

}  // namespace softgraph::records
