#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace softgraph {

namespace {

constexpr int kBarWidth = 20;
constexpr std::int64_t kRedrawNs = 100'000'000;  // 100 ms

std::string fixed1(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string clock_time(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--:--";
  auto s = static_cast<std::uint64_t>(std::llround(seconds));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
                static_cast<unsigned long long>(s / 60 % 60),
                static_cast<unsigned long long>(s % 60));
  return buf;
}

}  // namespace

std::string format_progress(std::size_t docs_done, std::size_t total_docs, std::uint64_t bytes_done,
                            std::uint64_t total_bytes, double elapsed_seconds) {
  // Progress by bytes when they are known (documents differ in size), else by documents.
  double fraction =
      total_bytes > 0  ? static_cast<double>(bytes_done) / static_cast<double>(total_bytes)
      : total_docs > 0 ? static_cast<double>(docs_done) / static_cast<double>(total_docs)
                       : 1.0;
  fraction = std::clamp(fraction, 0.0, 1.0);
  int filled = static_cast<int>(fraction * kBarWidth);
  // Appended, not "[" + std::string(...): GCC 12 warns falsely about the latter (-Wrestrict).
  std::string line = "[";
  line.append(filled, '#').append(kBarWidth - filled, '.').append("] ");
  line += std::to_string(docs_done) + "/" + std::to_string(total_docs) + " docs  ";
  constexpr double kMB = 1024.0 * 1024.0;
  line += fixed1(bytes_done / kMB) + "/" + fixed1(total_bytes / kMB) + " MB  ";
  double rate = elapsed_seconds > 0 ? bytes_done / kMB / elapsed_seconds : 0.0;
  line += fixed1(rate) + " MB/s";
  bool complete = docs_done >= total_docs && bytes_done >= total_bytes;
  if (!complete) {
    double eta = -1;
    if (elapsed_seconds > 0 && fraction > 0) eta = elapsed_seconds * (1.0 - fraction) / fraction;
    line += "  ETA " + clock_time(eta);
  }
  return line;
}

Progress::Progress(std::size_t total_docs, std::uint64_t total_bytes)
    : Progress(total_docs, total_bytes, ::isatty(2) == 1, stderr) {}

Progress::Progress(std::size_t total_docs, std::uint64_t total_bytes, bool enabled, std::FILE* out)
    : total_docs_(total_docs),
      total_bytes_(total_bytes),
      enabled_(enabled && out != nullptr),
      out_(out),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::done(std::uint64_t bytes) {
  docs_.fetch_add(1, std::memory_order_relaxed);
  bytes_.fetch_add(bytes, std::memory_order_relaxed);
  if (!enabled_ || finished_.load(std::memory_order_relaxed)) return;
  std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::steady_clock::now() - start_)
                         .count();
  std::int64_t last = last_draw_ns_.load(std::memory_order_relaxed);
  if (now - last < kRedrawNs) return;
  // Only the worker that moves last_draw_ns_ forward draws; a busy lock means someone is drawing.
  if (!last_draw_ns_.compare_exchange_strong(last, now, std::memory_order_relaxed)) return;
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  draw(false);
}

void Progress::finish() {
  if (finished_.exchange(true)) return;
  if (!enabled_) return;
  std::lock_guard lock(draw_mutex_);
  if (drawn_) draw(true);
}

void Progress::draw(bool final) {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line =
      format_progress(docs_.load(), total_docs_, bytes_.load(), total_bytes_, elapsed);
  // \r returns to the line start, \033[K clears what a longer previous line left.
  std::fprintf(out_, "\r%s\033[K%s", line.c_str(), final ? "\n" : "");
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace softgraph
