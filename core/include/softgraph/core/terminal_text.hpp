// Text bound for a terminal (log lines, error messages, tables, summaries) with everything a
// terminal would act on made visible: labels and file names come from the input and must never
// move the cursor, change the title or colour, or forge a line.
#pragma once

#include <string>
#include <string_view>

namespace softgraph {

// `s` with C0 controls, DEL and C1 controls shown as escapes ("\x1b", "\n", "\t", "\r",
// "\x7f", "\u009b"), bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, which
// reorder what is shown) and the non-characters U+FFFE/U+FFFF as "\u202e", and bytes that are
// not UTF-8 as "\xNN". Everything else, including printable Unicode, is kept as it is.
std::string terminal_text(std::string_view s);

}  // namespace softgraph
