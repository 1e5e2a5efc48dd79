// Helpers shared by the doctest suites: where the source tree, ../shared and scratch space are,
// and the skip-or-fail rule for tests that need ../shared.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace softgraph::test {

inline std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}
inline std::filesystem::path source_dir() { return env_or("SOFTGRAPH_SOURCE_DIR", "."); }
inline std::filesystem::path shared_dir() {
  return env_or("SOFTGRAPH_SHARED_DIR", (source_dir() / ".." / "shared").string());
}
inline std::filesystem::path article_path() {
  return shared_dir() / "corpus" / "soft-power-central-asia.txt";
}
// A fresh scratch folder for one test.
inline std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::path(env_or("SOFTGRAPH_TEST_TMP", "/tmp/softgraph-tests")) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}
// True when the article is there. When it is not, the test is skipped with a message, or fails
// under SOFTGRAPH_REQUIRE_SHARED=1 (as in CI).
inline bool have_article() {
  if (std::filesystem::exists(article_path())) return true;
  if (std::getenv("SOFTGRAPH_REQUIRE_SHARED")) {
    FAIL("../shared is required (SOFTGRAPH_REQUIRE_SHARED=1) but " << article_path()
                                                                   << " is missing");
  }
  MESSAGE("skipped: " << article_path() << " not found");
  return false;
}

}  // namespace softgraph::test
