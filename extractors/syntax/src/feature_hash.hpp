// Feature keys: every feature of the tagger and the parser is one 64-bit hash of its template
// number and its values (word hashes, tags, labels, small counts). Hashing instead of interning
// strings keeps the hot loop free of allocation, and the same functions run at training and at
// parse time, so the keys agree.
#pragma once

#include <cstdint>
#include <string_view>

namespace softgraph::syntax {

// MurmurHash3's finaliser: a cheap bijective mix with good avalanche.
inline std::uint64_t fmix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// FNV-1a over the bytes, then mixed; `lower` folds ASCII capitals.
inline std::uint64_t hash_text(std::string_view s, bool lower = false) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    unsigned char b = static_cast<unsigned char>(c);
    if (lower && b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b + 32);
    h = (h ^ b) * 0x100000001b3ULL;
  }
  return fmix64(h ^ s.size());
}

// Feature keys have 48 bits: the model stores six bytes a key, and a million features in 2^48
// collide with a chance of about 1 in 500.
inline constexpr std::uint64_t kFeatureKeyMask = (std::uint64_t{1} << 48) - 1;

// A feature key from a template number and up to three values. Never 0 (the empty slot).
inline std::uint64_t feature_key(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                 std::uint64_t c = 0) {
  std::uint64_t h = fmix64((std::uint64_t{tmpl} + 1) * 0x9E3779B97F4A7C15ULL ^ a);
  h = fmix64(h ^ (b + 0x632BE59BD9B4E019ULL));
  if (c) h = fmix64(h ^ (c * 0x85EBCA77C2B2AE63ULL));
  h &= kFeatureKeyMask;
  return h ? h : 1;
}

}  // namespace softgraph::syntax
