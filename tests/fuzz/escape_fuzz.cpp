// libFuzzer target for the escaping module: whatever bytes come in, every escaper gives valid
// UTF-8, JSON strings parse back to the (UTF-8-repaired) input, XML never holds raw markup or
// forbidden characters, quoted DOT/CSV/Cypher fields cannot be closed early.
#include <rapidjson/document.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "softgraph/export/escape.hpp"

namespace esc = softgraph::escape;

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
bool valid(const std::string& s) { return esc::valid_utf8(s) == s; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  std::string repaired = esc::valid_utf8(in);
  require(valid(repaired));
  std::string fixed;  // the checked view: `in` itself when valid, else the same repair
  require(esc::valid_utf8(in, fixed) == repaired);

  std::string json = esc::json_string(in);
  require(valid(json));
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  require(!doc.HasParseError() && doc.IsString());
  require(std::string(doc.GetString(), doc.GetStringLength()) == repaired);
  // The same string made safe for a <script> element: nothing that ends or changes the element,
  // no raw line separator, and it parses to the same string.
  std::string script = esc::script_json(json);
  require(script.find('<') == std::string::npos && script.find('>') == std::string::npos);
  require(script.find("\xE2\x80\xA8") == std::string::npos);
  require(script.find("\xE2\x80\xA9") == std::string::npos);
  rapidjson::Document safe;
  safe.Parse(script.c_str(), script.size());
  require(!safe.HasParseError() && safe == doc);

  for (const std::string& xml : {esc::xml_text(in), esc::xml_attr(in)}) {
    require(valid(xml));
    require(xml.find('<') == std::string::npos);
    for (unsigned char c : xml) require(c >= 0x20 || c == '\n' || c == '\t');
  }
  require(esc::xml_attr(in).find('"') == std::string::npos);

  for (const std::string& dot : {esc::dot_label(in), esc::dot_value(in)}) {
    require(valid(dot));
    // Backslashes come in pairs, so the value never ends inside an escape.
    std::size_t run = 0;
    for (char c : dot) run = c == '\\' ? run + 1 : (require(run % 2 == 0 || c == 'n'), 0);
  }
  std::string quoted = esc::dot_quoted(in);
  require(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"');
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\') {
      ++i;
      continue;
    }
    require(quoted[i] != '"');
  }

  std::string csv = esc::csv_field(in);
  require(valid(csv));
  // What a CSV field holds: the text with control characters other than tab/CR/LF, DEL and C1
  // controls as U+FFFD, after an apostrophe when it would read as a spreadsheet formula.
  std::string expect;
  for (std::size_t i = 0; i < repaired.size(); ++i) {
    const auto c = static_cast<unsigned char>(repaired[i]);
    const bool c1 = c == 0xC2 && i + 1 < repaired.size() &&
                    static_cast<unsigned char>(repaired[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(repaired[i + 1]) <= 0x9F;
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F || c1) {
      expect += "\xEF\xBF\xBD";
      i += c1 ? 1 : 0;
    } else {
      expect += static_cast<char>(c);
    }
  }
  std::string back = csv;
  if (!csv.empty() && csv.front() == '"') {
    back.clear();
    for (std::size_t i = 1; i + 1 < csv.size(); ++i) {
      back += csv[i];
      if (csv[i] == '"') require(csv[++i] == '"');
    }
  }
  require(back == expect || (back == "'" + expect && !expect.empty() &&
                             std::string_view("=+-@\t\r").find(expect[0]) != std::string::npos));
  require(valid(esc::neo4j_field(in)));
  require(valid(esc::neo4j_array({in, in}, ';')));

  std::string cypher = esc::cypher_string(in);
  require(valid(cypher) && cypher.find('\n') == std::string::npos);
  for (std::size_t i = 1; i + 1 < cypher.size(); ++i) {
    if (cypher[i] == '\\') {
      ++i;
      continue;
    }
    require(cypher[i] != '\'');
  }
  std::string ident = esc::cypher_identifier(in);
  std::size_t ticks = 0;
  for (char c : ident) ticks += c == '`';
  require(ticks % 2 == 0);
  std::string iri = esc::iri_component(in);
  for (unsigned char c : iri) require(c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>');
  if (auto n = esc::number(static_cast<double>(size) / 7)) require(std::stod(*n) == size / 7.0);
  return 0;
}
