// Code-point helpers on UTF-8 byte offsets shared by the ingest steps (ICU character classes).
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <string_view>

namespace softgraph::ingest {

// Code point starting at byte i (U+FFFD for malformed bytes); `len` receives its byte length.
inline UChar32 cp_at(std::string_view s, std::size_t i, int* len = nullptr) {
  if (i >= s.size()) {
    if (len) *len = 0;
    return -1;
  }
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (len) *len = 1;
    return c;
  }
  // Decode relative to i so that files past 2 GiB do not overflow ICU's int32 indices.
  int32_t j = 0;
  UChar32 cp;
  U8_NEXT(s.data() + i, j, static_cast<int32_t>(s.size() - i < 4 ? s.size() - i : 4), cp);
  if (len) *len = j;
  return cp < 0 ? 0xFFFD : cp;
}

// Code point ending just before byte i; `begin` receives its first byte.
inline UChar32 cp_before(std::string_view s, std::size_t i, std::size_t* begin = nullptr) {
  if (i == 0) {
    if (begin) *begin = 0;
    return -1;
  }
  std::size_t base = i < 4 ? 0 : i - 4;
  int32_t j = static_cast<int32_t>(i - base);
  UChar32 cp;
  U8_PREV(s.data() + base, 0, j, cp);
  if (begin) *begin = base + static_cast<std::size_t>(j);
  return cp < 0 ? 0xFFFD : cp;
}

// ASCII answered without ICU: its only lower-case letters are a-z, upper-case A-Z, and it has no
// title-case letters.
inline bool is_lower(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c);
}
inline bool is_upper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}
inline bool is_letter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(c);
}
inline bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v'; }

}  // namespace softgraph::ingest
