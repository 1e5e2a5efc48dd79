// Small text helpers without ICU: hashing, slugs, UTF-8 stepping.
#pragma once

#include <string>
#include <string_view>

namespace softgraph {

// SHA-256 of `data` as 64 lower-case hex digits (OpenSSL's libcrypto).
std::string sha256_hex(std::string_view data);
// `s` with its ASCII capitals lowered (other bytes as they are).
std::string ascii_lower(std::string_view s);
// Lower-case ASCII slug: letters and digits kept, runs of anything else become '_'.
std::string ascii_slug(std::string_view s);
// Byte length of the UTF-8 sequence starting with lead byte `c` (1 for invalid leads).
int utf8_length(unsigned char c);

}  // namespace softgraph
