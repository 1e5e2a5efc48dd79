// The program's subcommands, one file each (cli/commands/<name>.cpp). Each adds itself to the app
// with its options and returns what to run when the command line names it.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace softgraph::cli {

struct Command {
  CLI::App* app = nullptr;    // parsed: *app is true when the command line named it
  std::function<void()> run;  // throws softgraph::Error on bad input
};

Command add_build_command(CLI::App& app);
Command add_extract_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_render_command(CLI::App& app);
Command add_channels_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_lexicon_command(CLI::App& app);
Command add_text_command(CLI::App& app);

}  // namespace softgraph::cli
