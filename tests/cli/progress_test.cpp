// The progress line's text, and that a disabled Progress never writes.
#include "progress.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <thread>
#include <vector>

using namespace softgraph;

TEST_CASE("format_progress: bar, documents, MB, rate and ETA") {
  constexpr std::uint64_t MB = 1024 * 1024;
  CHECK(format_progress(0, 400, 0, 100 * MB, 0.0) ==
        "[....................] 0/400 docs  0.0/100.0 MB  0.0 MB/s  ETA --:--");
  CHECK(format_progress(100, 400, 25 * MB, 100 * MB, 10.0) ==
        "[#####...............] 100/400 docs  25.0/100.0 MB  2.5 MB/s  ETA 0:00:30");
  // Hours, minutes, seconds.
  CHECK(format_progress(1, 1000, 1 * MB, 1000 * MB, 10.0) ==
        "[....................] 1/1000 docs  1.0/1000.0 MB  0.1 MB/s  ETA 2:46:30");
  // Complete: a full bar and no ETA.
  CHECK(format_progress(400, 400, 100 * MB, 100 * MB, 20.0) ==
        "[####################] 400/400 docs  100.0/100.0 MB  5.0 MB/s");
  // No byte total (e.g. stdin): progress by documents.
  CHECK(format_progress(5, 10, 0, 0, 1.0).rfind("[##########..........] 5/10 docs", 0) == 0);
  // Bytes beyond the announced total (a file grew) never overflow the bar.
  CHECK(format_progress(3, 4, 200 * MB, 100 * MB, 1.0).rfind("[####################]", 0) == 0);
}

TEST_CASE("Progress: disabled is silent, enabled draws and ends the line, done is thread-safe") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    Progress p(10, 1000, false, f);
    for (int i = 0; i < 10; ++i) p.done(100);
  }
  CHECK(std::ftell(f) == 0);

  std::FILE* g = std::tmpfile();
  REQUIRE(g);
  {
    Progress p(4001, 4000, true, g);
    std::vector<std::thread> pool;
    for (int t = 0; t < 4; ++t)
      pool.emplace_back([&] {
        for (int i = 0; i < 1000; ++i) p.done(1);
      });
    for (auto& t : pool) t.join();
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    p.done(0);  // forces a draw after the redraw interval
  }
  long size = std::ftell(g);
  CHECK(size > 0);
  std::string text(static_cast<std::size_t>(size), '\0');
  std::rewind(g);
  CHECK(std::fread(text.data(), 1, text.size(), g) == text.size());
  CHECK(text.back() == '\n');
  CHECK(text.find("4001/4001 docs") != std::string::npos);
  std::fclose(f);
  std::fclose(g);
}
