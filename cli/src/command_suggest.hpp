// The answer to a mistyped subcommand: the nearest known one by edit distance ("biuld" ->
// "build"), so that `softgraph biuld` says "did you mean 'build'?" instead of CLI11's
// "A subcommand is required".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace softgraph {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// two adjacent characters each cost 1 ("biuld" -> "build" is 1). Compared case-insensitively
// (ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name nearest to `typed`: within distance 2 (1 for names of up to 4 characters), or
// the only name that `typed` is a prefix of ("chan" -> "channels"). Ties go to the first name in
// `known`. None when nothing is that near.
std::optional<std::string> nearest_command(std::string_view typed,
                                           const std::vector<std::string>& known);

// The message for an unknown subcommand: "unknown command 'biuld'; did you mean 'build'?", or,
// with nothing near, "unknown command 'x'; commands: build, extract, ...". `parent` prefixes
// nested commands ("lexicon").
std::string unknown_command_message(std::string_view typed, const std::vector<std::string>& known,
                                    std::string_view parent = {});

}  // namespace softgraph
