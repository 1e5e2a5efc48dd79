#include "softgraph/core/probe_table.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <unordered_map>

using namespace softgraph;

namespace {

struct Entry {
  std::string key;
  int value = 0;
  bool used = false;
};
// A weak hash on purpose (many keys share one), so that probes run past each other.
std::uint64_t weak_hash(const std::string& k) { return k.size() * 0x9E3779B97F4A7C15ull; }
struct Traits {
  static bool empty(const Entry& e) { return !e.used; }
  static std::uint64_t hash(const Entry& e) { return weak_hash(e.key); }
};

}  // namespace

TEST_CASE("probe table: finds what was inserted, and nothing else, across growth") {
  for (unsigned quarters : {1u, 2u, 3u}) {
    ProbeTable<Entry, Traits> table(0, quarters);
    std::unordered_map<std::string, int> model;
    std::mt19937 rng(quarters);
    for (int step = 0; step < 3000; ++step) {
      const std::string key = std::to_string(rng() % 1500);
      auto same = [&](const Entry& e) { return e.key == key; };
      if (rng() % 3 != 0) {
        auto [e, added] = table.insert(weak_hash(key), same);
        CHECK(added == !model.count(key));
        if (added) *e = {key, step, true};
        model.emplace(key, step);  // the first value stays, as in the table
      }
      const Entry* found = table.get(weak_hash(key), same);
      REQUIRE((found != nullptr) == (model.count(key) == 1));
      if (found) CHECK(found->value == model[key]);
    }
    CHECK(table.size() == model.size());
    for (const auto& [key, value] : model) {
      const Entry* e = table.get(weak_hash(key), [&](const Entry& e) { return e.key == key; });
      REQUIRE(e != nullptr);
      CHECK(e->value == value);
    }
    table.clear();
    CHECK(table.size() == 0);
    CHECK(table.get(weak_hash("1"), [](const Entry& e) { return e.key == "1"; }) == nullptr);
  }
}
