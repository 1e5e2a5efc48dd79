#include "html_charset.hpp"

#include <libxml/encoding.h>

#include "html_dom.hpp"
#include "utf8_validator.hpp"

namespace softgraph::ingest::html {

std::string declared_charset(std::string_view bytes) {
  std::string head = lower(std::string(bytes.substr(0, 4096)));
  for (std::size_t at = 0; (at = head.find("charset", at)) != std::string::npos;) {
    std::size_t i = at + 7;
    at = i;
    while (i < head.size() && is_space(head[i])) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (is_space(head[i]) || head[i] == '"' || head[i] == '\'')) ++i;
    std::string name;
    for (; i < head.size(); ++i) {
      char c = head[i];
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
          c == '.')
        name += c;
      else
        break;
    }
    if (!name.empty()) return name;
  }
  if (std::size_t x = head.find("<?xml"); x < 16)  // npos is not < 16
    if (std::size_t e = head.find("encoding=", x); e != std::string::npos && e < head.find("?>")) {
      std::string name;
      for (std::size_t i = e + 10; i < head.size() && head[i] != '"' && head[i] != '\''; ++i)
        name += head[i];
      return name;
    }
  return "";
}

std::string choose_encoding(std::string_view bytes, std::string& note, std::string& repaired) {
  note.clear();
  repaired.clear();
  std::string declared = declared_charset(bytes);
  bool declared_utf8 = declared == "utf-8" || declared == "utf8";
  if (find_invalid_utf8(bytes) == std::string_view::npos) {
    bool ascii = true;
    for (char c : bytes) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (!declared.empty() && !declared_utf8 && !ascii)
      note = "declares charset " + declared + " but its bytes are valid UTF-8: read as UTF-8";
    return "UTF-8";
  }
  if (!declared.empty() && !declared_utf8) {
    if (xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(declared.c_str())) {
      xmlCharEncCloseFunc(h);
      return declared;
    }
    note = "declares charset " + declared + ", which is unknown: read as windows-1252";
    return "windows-1252";
  }
  // Mostly UTF-8 with a few stray bytes (a page pasted together): UTF-8, the strays replaced.
  std::size_t multi = 0, bad = 0;
  std::string fixed;
  fixed.reserve(bytes.size() + 64);
  for (std::size_t i = 0; i < bytes.size();) {
    int len = valid_sequence_length(bytes, i);
    if (len == 0) {
      ++bad;
      fixed += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    multi += len > 1;
    fixed.append(bytes.substr(i, static_cast<std::size_t>(len)));
    i += static_cast<std::size_t>(len);
  }
  std::string what = declared_utf8 ? "declares UTF-8" : "declares no charset";
  if (multi >= 4 * bad) {
    note =
        what + " and is mostly UTF-8: " + std::to_string(bad) + " invalid bytes replaced by U+FFFD";
    repaired = std::move(fixed);
    return "UTF-8";
  }
  note = what + " but its bytes are not UTF-8: read as windows-1252";
  return "windows-1252";
}

}  // namespace softgraph::ingest::html
