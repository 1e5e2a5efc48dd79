// Symbols: one pointer per text, whatever thread interns it; ordered and compared as the text.
#include "softgraph/core/symbol.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace softgraph;

TEST_CASE("a symbol is its text: equal texts are one pointer, order is the text's") {
  const std::string id = "actor/kazakhstan";
  Symbol a = id, b = std::string_view("actor/kazakhstan"), c = "actor/kyrgyzstan";
  CHECK(a == b);
  CHECK(a.identity() == b.identity());
  CHECK(a != c);
  CHECK(a < c);
  CHECK(a == "actor/kazakhstan");
  CHECK(a == id);
  CHECK(a == std::string_view(id));
  CHECK_FALSE(a == "actor/kazakhsta");
  CHECK(a.str() == id);
  CHECK(a.size() == id.size());
  CHECK(a.rfind("actor/", 0) == 0);
  CHECK(a.substr(6) == "kazakhstan");
  CHECK("x:" + a == "x:actor/kazakhstan");
  const std::string& ref = a;
  CHECK(&ref == &a.str());
  Symbol empty;
  CHECK(empty.empty());
  CHECK(empty == Symbol(""));
  CHECK(empty == std::string());
  CHECK(std::hash<Symbol>()(a) == std::hash<std::string_view>()(id));

  // Sorting symbols sorts their texts, byte-wise, as std::string does.
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s.push_back(static_cast<char>("ab\xC3\xD0z/_"[rng() % 7]));
    texts.push_back(s);
  }
  std::vector<Symbol> symbols(texts.begin(), texts.end());
  std::sort(texts.begin(), texts.end());
  std::sort(symbols.begin(), symbols.end());
  REQUIRE(texts.size() == symbols.size());
  for (std::size_t i = 0; i < texts.size(); ++i) CHECK(symbols[i] == texts[i]);
  for (std::size_t i = 0; i + 1 < texts.size(); ++i)
    CHECK((symbols[i] <=> symbols[i + 1]) == (texts[i] <=> texts[i + 1]));
}

TEST_CASE("threads interning the same texts get the same pointers") {
  constexpr int kTexts = 5000;
  std::vector<std::vector<const void*>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < kTexts; ++i) {
        // Each thread its own order: the first to intern a text is any of them.
        const int k = static_cast<int>((static_cast<std::size_t>(i) * (2 * t + 1)) % kTexts);
        seen[t].push_back(nullptr);
        seen[t][static_cast<std::size_t>(i)] =
            Symbol("symbol-test/" + std::to_string(k)).identity();
      }
    });
  for (auto& th : threads) th.join();
  std::map<std::string, std::set<const void*>> by_text;
  for (std::size_t t = 0; t < seen.size(); ++t)
    for (int i = 0; i < kTexts; ++i) {
      const int k = static_cast<int>((static_cast<std::size_t>(i) * (2 * t + 1)) % kTexts);
      by_text["symbol-test/" + std::to_string(k)].insert(seen[t][static_cast<std::size_t>(i)]);
    }
  CHECK(by_text.size() == kTexts);
  for (const auto& [text, pointers] : by_text) {
    CHECK(pointers.size() == 1);
    CHECK(static_cast<const std::string*>(*pointers.begin())->compare(text) == 0);
  }
}
