// softgraph: texts about influence between states -> a typed knowledge graph and its exports.
// Builds the command line (one file per subcommand, cli/commands/), runs the command named and
// turns every error into one message and an exit code (1 bad input, 2 usage, 3 output, 4 internal).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#ifdef __GLIBC__
#include <malloc.h>
#ifdef SOFTGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif
#endif
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "command_suggest.hpp"
#include "common.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "terminal_log.hpp"

using namespace softgraph;

namespace {

// A mistyped command, found before CLI11 parses (which would only say "A subcommand is
// required"): the first word that is not an option must name a command of the app, and of
// `lexicon` the word after it. Global options are flags, so no option value comes before the
// command; inside a command without subcommands the walk stops (its words are its own).
std::optional<std::string> mistyped_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* cur = &app;
  std::string parent;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") return std::nullopt;
    if (a.size() > 1 && a[0] == '-') continue;
    auto subs = cur->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) return std::nullopt;
    std::vector<std::string> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* s : subs) {
      names.push_back(s->get_name());
      if (s->get_name() == a) next = s;
    }
    if (!next) return unknown_command_message(a, names, parent);
    parent = parent.empty() ? next->get_name() : parent + " " + next->get_name();
    cur = next;
  }
  return std::nullopt;
}

}  // namespace

// The version line names the allocator: mimalloc when linked (cli/CMakeLists.txt), which this
// reference also keeps linked under --as-needed.
std::string version_line() {
  std::string v = std::string("softgraph ") + SOFTGRAPH_VERSION;
#ifdef SOFTGRAPH_WITH_MIMALLOC
  v += " (mimalloc " + std::to_string(mi_version()) + ")";
#endif
  return v;
}

int main(int argc, char** argv) {
#if defined(__GLIBC__) && !defined(SOFTGRAPH_WITH_MIMALLOC)
  // Every document's extraction and record take megabytes that are freed a moment later. By
  // default glibc hands such blocks back to the kernel (mmap, heap trimming) and faults them in
  // again for the next document: a third of `extract`'s time. Keep freed memory for reuse.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  // Before any thread starts: SIGINT, SIGTERM and SIGHUP remove the run's temporaries and
  // staging folder, then end it (core/temp_files.hpp).
  install_signal_cleanup();
  install_terminal_logger();
  spdlog::set_pattern("softgraph: %^%l%$: %v");
  spdlog::set_level(spdlog::level::warn);

  CLI::App app{"softgraph: texts about influence between states -> a typed knowledge graph"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  // Global flags are accepted anywhere: options a subcommand does not know fall through to the
  // app (`softgraph build x.txt -q`). Subcommands inherit the setting when they are added.
  app.fallthrough();
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "More messages on stderr (anywhere on the line)");
  app.add_flag("-q,--quiet", quiet, "Errors only (anywhere on the line)");
  // CLI11 quotes the arguments it rejects (file names from a glob among them) in its messages.
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    std::string msg = CLI::FailureMessage::simple(a, e);
    const std::string what = e.what();  // the rest of msg is CLI11's own hint
    return terminal_text(what) + msg.substr(std::min(what.size(), msg.size()));
  });

  // In this order in --help.
  const std::vector<cli::Command> commands = {
      cli::add_build_command(app),   cli::add_extract_command(app),  cli::add_merge_command(app),
      cli::add_render_command(app),  cli::add_channels_command(app), cli::add_eval_command(app),
      cli::add_lexicon_command(app), cli::add_text_command(app)};

  if (auto msg = mistyped_command(app, argc, argv)) {
    spdlog::error("{}", *msg);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (verbose) {
    spdlog::set_level(spdlog::level::info);
    spdlog::set_pattern("softgraph: %T.%e %^%l%$: %v");  // timings show where a run spends its time
  }
  if (quiet) spdlog::set_level(spdlog::level::err);
  cli::set_quiet(quiet);

  try {
    for (const auto& c : commands)
      if (*c.app) c.run();
  } catch (const Error& e) {
    spdlog::error("{}", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return 4;
  }
  return 0;
}
