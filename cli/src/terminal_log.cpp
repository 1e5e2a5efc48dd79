#include "terminal_log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <string>

#include "softgraph/core/terminal_text.hpp"

namespace softgraph {
namespace {

// Forwards every message to the colour sink with its text made safe. Formatting stays with the
// inner sink (set_pattern reaches it through this one), so colours still mark the level.
class TerminalSink : public spdlog::sinks::sink {
 public:
  TerminalSink() : inner_(std::make_shared<spdlog::sinks::stderr_color_sink_mt>()) {}
  void log(const spdlog::details::log_msg& msg) override {
    const std::string safe =
        terminal_text(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(safe.data(), safe.size());
    inner_->log(copy);
  }
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> f) override {
    inner_->set_formatter(std::move(f));
  }

 private:
  std::shared_ptr<spdlog::sinks::stderr_color_sink_mt> inner_;
};

}  // namespace

void install_terminal_logger() {
  auto logger = std::make_shared<spdlog::logger>("softgraph", std::make_shared<TerminalSink>());
  spdlog::set_default_logger(logger);
}

}  // namespace softgraph
