// softgraph's one JSON escaper is RapidJSON's Writer: a lone string literal for the writers that
// build JSON text around it (the explorer's data, tests).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "softgraph/export/escape.hpp"

namespace softgraph::escape {

std::string json_string(std::string_view s) {
  std::string fixed;
  const std::string_view v = valid_utf8(s, fixed);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace softgraph::escape
