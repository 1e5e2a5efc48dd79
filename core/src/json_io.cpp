#include "softgraph/core/json_io.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>

#include "softgraph/core/error.hpp"
#include "softgraph/core/input_file.hpp"

namespace softgraph {
namespace {

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// JSON Pointer "/entries/3/aliases" -> JSON path "$.entries[3].aliases".
std::string pointer_to_path(const std::string& pointer) {
  std::string out = "$";
  std::size_t i = 0;
  while (i < pointer.size()) {
    if (pointer[i] != '/') break;
    std::size_t j = pointer.find('/', i + 1);
    std::string token =
        pointer.substr(i + 1, j == std::string::npos ? std::string::npos : j - i - 1);
    // unescape ~1 and ~0
    std::string unescaped;
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size()) {
        unescaped += token[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        unescaped += token[k];
      }
    }
    bool numeric =
        !unescaped.empty() && unescaped.find_first_not_of("0123456789") == std::string::npos;
    out += numeric ? "[" + unescaped + "]" : "." + unescaped;
    if (j == std::string::npos) break;
    i = j;
  }
  return out;
}

}  // namespace

std::size_t json_depth_exceeded(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

void check_json_depth(std::string_view text, const std::string& file) {
  const std::size_t at = json_depth_exceeded(text, kMaxJsonDepth);
  if (at == std::string_view::npos) return;
  throw input_error(file, line_column(text, at) + " (byte " + std::to_string(at) + ")",
                    "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                        " arrays and objects (the limit of every JSON softgraph reads)");
}

rapidjson::Document parse_json(std::string_view text, const std::string& file) {
  // Nesting is bounded before parsing: the schema validator and the readers walk the tree
  // recursively. The parser itself is iterative, so it never needs the stack either.
  check_json_depth(text, file);
  rapidjson::Document doc;
  // Invalid UTF-8 is a located parse error: let through, it reaches the graph, and rapidjson's own
  // JSON Pointer code (schema errors) reads past the end of a key with a cut-off sequence.
  doc.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag |
            rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    throw input_error(
        file, line_column(text, doc.GetErrorOffset()),
        std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  return doc;
}

struct CompiledSchema::Impl {
  explicit Impl(std::string_view text)
      : schema_doc(parse_json(text, "<embedded schema>")), schema(schema_doc) {}
  rapidjson::Document schema_doc;  // the compiled schema points into it
  rapidjson::SchemaDocument schema;
};

CompiledSchema::CompiledSchema(std::string_view schema_text)
    : impl_(std::make_unique<const Impl>(schema_text)) {}
CompiledSchema::~CompiledSchema() = default;

void validate_json(const rapidjson::Document& doc, std::string_view schema_text,
                   const std::string& file) {
  CompiledSchema(schema_text).validate(doc, file);
}

void CompiledSchema::validate(const rapidjson::Document& doc, const std::string& file) const {
  const rapidjson::Document& schema_doc = impl_->schema_doc;
  rapidjson::SchemaValidator validator(impl_->schema);
  if (doc.Accept(validator)) return;
  rapidjson::StringBuffer doc_ptr, schema_ptr;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(doc_ptr);
  validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_ptr);
  std::string pointer = doc_ptr.GetString();
  if (!pointer.empty() && pointer[0] == '#') pointer.erase(0, 1);
  std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string detail;
  // RapidJSON 1.1 reports only the keyword; look the details up in the schema and the document.
  std::string schema_pointer = schema_ptr.GetString();
  if (!schema_pointer.empty() && schema_pointer[0] == '#') schema_pointer.erase(0, 1);
  const rapidjson::Value* schema_node = rapidjson::Pointer(schema_pointer.c_str()).Get(schema_doc);
  const rapidjson::Value* doc_node = rapidjson::Pointer(pointer.c_str()).Get(doc);
  if (schema_node && doc_node && schema_node->IsObject()) {
    if (keyword == "required" && schema_node->HasMember("required") && doc_node->IsObject()) {
      for (const auto& name : (*schema_node)["required"].GetArray())
        if (!doc_node->HasMember(name.GetString())) {
          detail = ": missing property '" + std::string(name.GetString()) + "'";
          break;
        }
    } else if (keyword == "additionalProperties" && doc_node->IsObject() &&
               schema_node->HasMember("properties")) {
      for (const auto& m : doc_node->GetObject())
        if (!(*schema_node)["properties"].HasMember(m.name.GetString())) {
          detail = ": unknown property '" + std::string(m.name.GetString()) + "'";
          break;
        }
    } else if (keyword == "type" && schema_node->HasMember("type") &&
               (*schema_node)["type"].IsString()) {
      detail = ": expected " + std::string((*schema_node)["type"].GetString());
    }
  }
  throw input_error(file, "JSON path " + pointer_to_path(pointer),
                    "does not match the schema (keyword '" + keyword + "'" + detail + ")");
}

std::string read_file(const std::string& path) { return read_regular_file(path, "a JSON file"); }

}  // namespace softgraph
