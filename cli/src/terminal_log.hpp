// The program's logger: spdlog to stderr (coloured on a terminal) with every message passed
// through terminal_text, so that labels and file names inside messages cannot act on the terminal.
#pragma once

namespace softgraph {

// Makes the sanitising stderr logger spdlog's default (pattern "softgraph: LEVEL: message").
void install_terminal_logger();

}  // namespace softgraph
