#include "softgraph/export/escape.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace softgraph::escape {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point at s[i]; sets `len` to the bytes consumed (1 for an invalid byte).
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  len = 1;
  if (c < 0x80) return c;
  std::size_t n;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return kInvalid;
  }
  if (i + n > s.size()) return kInvalid;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  len = n;
  return cp;
}

// Calls f(code_point, bytes) for every code point; invalid bytes come as kInvalid.
template <typename F>
void for_each_cp(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t cp = decode(s, i, len);
    f(cp, s.substr(i, len));
    i += len;
  }
}

void append_hex4(std::string& out, unsigned v) {
  static const char* kHex = "0123456789abcdef";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F; }

// Code points XML 1.0 forbids even as character references beyond the C0 controls. Graphviz
// copies DOT labels into graph.svg, so the DOT escapers drop them too.
bool xml_forbidden(char32_t cp) { return cp == 0xFFFE || cp == 0xFFFF; }

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    out += cp == kInvalid ? kReplacement : bytes;
  });
  return out;
}

namespace {
// Whether `s` is valid UTF-8: ASCII skipped eight bytes at a time, the rest decoded.
bool is_valid_utf8(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(p[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    if (decode(s, i, len) == kInvalid) return false;
    i += len;
  }
  return true;
}
}  // namespace

std::string_view valid_utf8(std::string_view s, std::string& fixed) {
  if (is_valid_utf8(s)) return s;
  fixed = valid_utf8(s);
  return fixed;
}

std::optional<std::string> number(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  if (v == 0) return std::string(std::signbit(v) ? "-0.0" : "0.0");
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string out(buf, res.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

namespace {
// A backslash-escaped literal between `quote` characters (Cypher's; JSON strings are RapidJSON's,
// json_string.cpp), with the control characters `needs_u_escape` names as \uXXXX.
std::string backslash_literal(std::string_view s, char quote, bool (*needs_u_escape)(char32_t)) {
  std::string out(1, quote);
  out.reserve(s.size() + 2);
  const auto escape_one = [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '\\':
        out += "\\\\";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += "\\t";
        return;
      case '\b':
        out += "\\b";
        return;
      case '\f':
        out += "\\f";
        return;
      default:
        break;
    }
    if (cp == static_cast<char32_t>(quote)) {
      out += '\\';
      out += quote;
    } else if (cp == kInvalid) {
      out += kReplacement;
    } else if (needs_u_escape(cp)) {
      out += "\\u";
      append_hex4(out, static_cast<unsigned>(cp));
    } else {
      out += bytes;
    }
  };
  // Runs of printable ASCII other than the quote and the backslash (most of any text) are copied
  // as they are; anything else goes through escape_one a code point at a time.
  for (std::size_t i = 0; i < s.size();) {
    std::size_t plain = i;
    while (plain < s.size()) {
      const auto c = static_cast<unsigned char>(s[plain]);
      if (c < 0x20 || c >= 0x7F || c == static_cast<unsigned char>(quote) || c == '\\') break;
      ++plain;
    }
    out.append(s.data() + i, plain - i);
    i = plain;
    if (i == s.size()) break;
    std::size_t len;
    const char32_t cp = decode(s, i, len);
    escape_one(cp, s.substr(i, len));
    i += len;
  }
  out += quote;
  return out;
}

}  // namespace

namespace {
void xml_escape(std::string_view s, bool attribute, std::string& out) {
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '\r':
        out += "&#13;";
        return;
      default:
        break;
    }
    if (attribute) {
      switch (cp) {
        case '"':
          out += "&quot;";
          return;
        case '\'':
          out += "&apos;";
          return;
        case '\n':
          out += "&#10;";
          return;
        case '\t':
          out += "&#9;";
          return;
        default:
          break;
      }
    }
    bool forbidden = cp == kInvalid || (cp < 0x20 && cp != '\n' && cp != '\t') || xml_forbidden(cp);
    out += forbidden ? kReplacement : bytes;
  });
}
}  // namespace

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  xml_escape(s, false, out);
  return out;
}

std::string xml_attr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  xml_escape(s, true, out);
  return out;
}

std::string dot_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == kInvalid || is_control(cp) || xml_forbidden(cp)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string dot_value(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == kInvalid || is_control(cp) || xml_forbidden(cp)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string dot_quoted(std::string_view s) {
  std::string out = "\"";
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '"') {
      out += "\\\"";
    } else if (cp == kInvalid || is_control(cp) || xml_forbidden(cp)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  out += '"';
  return out;
}

namespace {
// A field a spreadsheet would read as a formula (OWASP "CSV Injection"): it begins with '=',
// '+', '-', '@', tab or CR. A plain decimal number ("-3", "+1.5e3") is data in every
// spreadsheet and is left alone, so negative values stay numbers.
bool formula_like(std::string_view v) {
  if (v.empty() || std::string_view("=+-@\t\r").find(v.front()) == std::string_view::npos)
    return false;
  std::size_t i = (v.front() == '+' || v.front() == '-') ? 1 : 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    return i > from;
  };
  if (!digits()) return true;
  if (i < v.size() && v[i] == '.' && (++i, !digits())) return true;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    if (!digits()) return true;
  }
  return i != v.size();
}
}  // namespace

std::string csv_field(std::string_view s) {
  std::string v;
  v.reserve(s.size() + 1);
  if (formula_like(s)) v += '\'';
  // Control characters other than tab, CR and LF (an escape sequence, a bell) never reach a
  // spreadsheet or a terminal showing the file.
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    const bool drop = cp == kInvalid || (cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n') ||
                      cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
    v += drop ? kReplacement : bytes;
  });
  bool quote = v.find_first_of(",;\"\r\n") != std::string::npos ||
               (!v.empty() &&
                (v.front() == ' ' || v.back() == ' ' || v.front() == '\t' || v.back() == '\t'));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string neo4j_field(std::string_view s) {
  std::string out = "\"";
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    if (cp == '"') {
      out += "\"\"";
    } else if (cp == kInvalid || (cp < 0x20 && cp != '\n' && cp != '\t')) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  out += '"';
  return out;
}

std::string neo4j_array(const std::vector<std::string>& items, char delimiter) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) joined += delimiter;
    for (char c : items[i]) {
      if (c == delimiter)
        joined += "\xEF\xBC\x9B";  // U+FF1B FULLWIDTH SEMICOLON: the tool cannot escape it
      else
        joined += c;
    }
  }
  return neo4j_field(joined);
}

std::string cypher_string(std::string_view s) { return backslash_literal(s, '\'', is_control); }

std::string cypher_identifier(std::string_view s) {
  std::string out = "`";
  for_each_cp(s, [&](char32_t cp, std::string_view bytes) {
    if (cp == '`') {
      out += "``";
    } else if (cp == kInvalid || is_control(cp)) {
      out += kReplacement;
    } else {
      out += bytes;
    }
  });
  out += '`';
  return out;
}

std::string iri_component(std::string_view s, std::string_view keep) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || (c < 0x80 && keep.find(ch) != std::string_view::npos)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string script_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line/paragraph separators
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace softgraph::escape
