#include "softgraph/core/symbol.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <ostream>
#include <unordered_map>

namespace softgraph {
namespace {

// The table of every interned text, in shards so that worker threads rarely wait for each
// other; strings are held by pointer, so their addresses never move. Never freed: symbols may be
// used by anything until the program ends, static destructors included.
class Table {
 public:
  const std::string* intern(std::string_view s, std::size_t hash) {
    Shard& shard = shards_[hash % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto it = shard.strings.find(s);
    if (it != shard.strings.end()) return it->second;
    auto* owned = new std::string(s);
    shard.strings.emplace(std::string_view(*owned), owned);
    return owned;
  }

 private:
  static constexpr std::size_t kShards = 64;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string_view, const std::string*> strings;
  };
  std::array<Shard, kShards> shards_;
};

Table& table() {
  static Table* t = new Table;  // never destroyed, see above
  return *t;
}

}  // namespace

const std::string* Symbol::empty_string() noexcept {
  static const std::string* empty = new std::string;
  return empty;
}

const std::string* Symbol::intern(std::string_view s) {
  // Texts are mostly interned from the same places again and again (a rule's literal, a lexicon
  // entry's id): a first cache per thread, by the text's address, answers those without hashing
  // it. The address may hold other bytes by now, so the text is compared.
  struct ByAddress {
    const char* data = nullptr;
    const std::string* text = nullptr;
  };
  thread_local std::array<ByAddress, 256> by_address;
  const auto address = reinterpret_cast<std::uintptr_t>(s.data());
  ByAddress& a = by_address[(address ^ (address >> 8) ^ s.size()) % by_address.size()];
  if (a.data == s.data() && a.text->size() == s.size() &&
      std::memcmp(a.text->data(), s.data(), s.size()) == 0)
    return a.text;
  const std::string* text = intern_hashed(s);
  a = {s.data(), text};
  return text;
}

const std::string* Symbol::intern_hashed(std::string_view s) {
  const std::size_t hash = std::hash<std::string_view>()(s);
  // Most texts interned are interned again soon (the same ids in every document): a small cache
  // per thread answers those without the shared table's lock.
  struct Cached {
    std::size_t hash = 0;
    const std::string* text = nullptr;
  };
  thread_local std::array<Cached, 1024> cache;
  Cached& c = cache[(hash ^ (hash >> 17)) % cache.size()];
  if (c.text && c.hash == hash && *c.text == s) return c.text;
  const std::string* text = table().intern(s, hash);
  c = {hash, text};
  return text;
}

std::ostream& operator<<(std::ostream& out, Symbol s) { return out << s.str(); }

}  // namespace softgraph
