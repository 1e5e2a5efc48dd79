// A progress line on stderr for corpus runs: documents done, MB/s and ETA. It draws only when
// stderr is a terminal (isatty(2)); otherwise it is silent, so logs and pipes never see it.
// `done` is thread-safe and cheap (two atomic adds; a redraw at most every 100 ms, by whichever
// worker gets the lock first, the others never wait).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace softgraph {

class Progress {
 public:
  // Enabled when stderr is a terminal.
  Progress(std::size_t total_docs, std::uint64_t total_bytes);
  // Explicit: `enabled` false draws nothing; `out` receives the line (tests, --quiet).
  Progress(std::size_t total_docs, std::uint64_t total_bytes, bool enabled, std::FILE* out);
  // Draws the final line and a newline if anything was drawn.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One document finished (read or skipped), `bytes` of input consumed.
  void done(std::uint64_t bytes);
  // Draws the final state and ends the line; later calls do nothing.
  void finish();
  bool enabled() const { return enabled_; }

 private:
  void draw(bool final);
  std::size_t total_docs_;
  std::uint64_t total_bytes_;
  bool enabled_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> docs_{0};
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic<std::int64_t> last_draw_ns_{0};
  std::atomic<bool> finished_{false};
  std::mutex draw_mutex_;
  bool drawn_ = false;
};

// The line itself (no carriage return, no newline), e.g.
//   "[#######.............] 120/400 docs  30.5/100.0 MB  45.6 MB/s  ETA 0:01:32"
// MB are 2^20 bytes. The rate is bytes over `elapsed_seconds`; ETA is "--:--" while it cannot be
// estimated (no time passed or nothing done) and is omitted once everything is done.
std::string format_progress(std::size_t docs_done, std::size_t total_docs, std::uint64_t bytes_done,
                            std::uint64_t total_bytes, double elapsed_seconds);

}  // namespace softgraph
