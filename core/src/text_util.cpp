#include "softgraph/core/text_util.hpp"

#include <openssl/sha.h>

#include <cstdint>

namespace softgraph {

// OpenSSL's libcrypto: SHA-NI, AVX2 or ARMv8 crypto code chosen at run time for the CPU at hand.
std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * SHA256_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string ascii_slug(std::string_view s) {
  std::string out;
  bool pending_sep = false;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_sep && !out.empty()) out.push_back('_');
      out.push_back(static_cast<char>(c));
      pending_sep = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (pending_sep && !out.empty()) out.push_back('_');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
      pending_sep = false;
    } else {
      pending_sep = true;
    }
  }
  return out;
}

int utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xe) return 3;
  if ((c >> 3) == 0x1e) return 4;
  return 1;
}

}  // namespace softgraph
