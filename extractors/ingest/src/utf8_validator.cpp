#include "utf8_validator.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstring>

#include "softgraph/core/ascii_scan.hpp"
#include "softgraph/core/error.hpp"

namespace softgraph::ingest {
namespace {

inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the longest prefix at s[i] that could start a valid sequence (the "maximal subpart"
// the Unicode standard recommends replacing by one U+FFFD); at least 1.
int maximal_subpart(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  int need = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 1;
  int n = 1;
  while (n < need && i + n < s.size()) {
    auto d = static_cast<unsigned char>(s[i + n]);
    unsigned char lo = 0x80, hi = 0xBF;  // second-byte limits exclude overlongs and surrogates
    if (n == 1) {
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (d < lo || d > hi) break;
    ++n;
  }
  return n;
}

std::string describe(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  char buf[160];
  const char* why = is_cont(c)                              ? "unexpected continuation byte"
                    : c == 0xC0 || c == 0xC1                ? "overlong encoding"
                    : c >= 0xF5                             ? "byte never valid in UTF-8"
                    : i + maximal_subpart(s, i) >= s.size() ? "truncated sequence at end of file"
                    : c == 0xED                             ? "surrogate or bad continuation"
                                : "overlong, out-of-range or bad continuation";
  std::snprintf(buf, sizeof buf, "invalid UTF-8 (0x%02X: %s); re-save as UTF-8 or use --lossy", c,
                why);
  return buf;
}

}  // namespace

int valid_sequence_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  int n = maximal_subpart(s, i);
  int need = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  return need != 0 && n == need ? n : 0;
}

std::size_t find_invalid_utf8(std::string_view s, std::size_t from) {
  const std::size_t n = s.size();
  std::size_t i = from;
  while (i < n) {
    i = ascii::find_non_ascii(s, i);
    if (i >= n) break;
    int len = valid_sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool clean_utf8(std::string_view raw, const std::string& path, bool lossy, std::string& out,
                OffsetMap& map) {
  out.clear();
  map = OffsetMap();
  if (raw.empty()) throw input_error(path, "", "empty file: there is no text to read");
  std::size_t start = raw.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (raw.size() >= 2 &&
      ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    throw input_error(path, "byte 0",
                      "UTF-16 text (byte order mark FF FE / FE FF); convert to UTF-8");
  }
  std::size_t controls = 0;
  bool needs_rewrite = start != 0;
  for (std::size_t i = start; i < raw.size(); ++i) {
    // Control bytes other than LF and tab are rare: the scan goes straight to the next one.
    i = ascii::find_control(raw, i);
    if (i >= raw.size()) break;
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0) {
      // Text followed only by NUL bytes is padding (a sysfs file, a file cut short or still
      // being written while read), not a binary file: say so.
      if (i > 0 && raw.find_first_not_of('\0', i) == std::string_view::npos)
        throw input_error(path, "byte " + std::to_string(i),
                          "the text ends here and " + std::to_string(raw.size() - i) +
                              " NUL bytes of padding follow (a file truncated or still being "
                              "written while read, or a system file padded to its size)");
      throw input_error(path, "byte " + std::to_string(i),
                        "NUL byte: this looks like a binary file, not UTF-8 text");
    }
    if (c == '\r' || c == '\f') needs_rewrite = true;
    if (c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v') ++controls;
  }
  if (controls * 20 > raw.size() + 20) {  // more than ~5% control bytes
    throw input_error(path, "", "binary content (many control bytes), not a text file");
  }
  std::size_t bad = find_invalid_utf8(raw, start);
  if (bad != std::string_view::npos) {
    if (!lossy) throw input_error(path, "byte " + std::to_string(bad), describe(raw, bad));
    needs_rewrite = true;
  }
  if (!needs_rewrite) return false;

  TextBuilder b(raw);
  b.reserve(raw.size());
  std::size_t run = start;  // start of the pending verbatim run
  std::size_t i = start;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '\r') {
      b.copy(run, i);
      if (i + 1 < raw.size() && raw[i + 1] == '\n') {
        run = i + 1;  // drop the CR, copy the LF
      } else {
        b.replace("\n", i, i + 1);
        run = i + 1;
      }
      ++i;
    } else if (c == '\f') {  // a form feed is a page break: keep it as a line break
      b.copy(run, i);
      b.replace("\n", i, i + 1);
      run = ++i;
    } else if (c >= 0x80) {
      int len = valid_sequence_length(raw, i);
      if (len > 0) {
        i += len;
        continue;
      }
      int sub = maximal_subpart(raw, i);
      spdlog::warn("{}: byte {}: invalid UTF-8 replaced by U+FFFD (--lossy)", path, i);
      b.copy(run, i);
      b.replace("\xEF\xBF\xBD", i, i + sub);
      i += sub;
      run = i;
    } else {
      ++i;
    }
  }
  b.copy(run, raw.size());
  out = std::move(b.text());
  map = std::move(b.map());
  return true;
}

}  // namespace softgraph::ingest
