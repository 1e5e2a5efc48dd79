// The nearest command to a mistyped one (`softgraph biuld` -> "did you mean 'build'?").
#include "command_suggest.hpp"

#include <doctest/doctest.h>

using namespace softgraph;

namespace {
const std::vector<std::string> kCommands = {"build",    "extract", "merge",  "render",
                                            "channels", "eval",    "lexicon"};
}

TEST_CASE("edit distance counts a swap of two neighbours as one edit") {
  CHECK(edit_distance("build", "build") == 0);
  CHECK(edit_distance("biuld", "build") == 1);
  CHECK(edit_distance("buld", "build") == 1);
  CHECK(edit_distance("builds", "build") == 1);
  CHECK(edit_distance("BUILD", "build") == 0);
  CHECK(edit_distance("", "eval") == 4);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("the nearest command: close edits, then a unique prefix, else none") {
  CHECK(nearest_command("biuld", kCommands) == "build");
  CHECK(nearest_command("chanels", kCommands) == "channels");
  CHECK(nearest_command("extarct", kCommands) == "extract");
  CHECK(nearest_command("lexicn", kCommands) == "lexicon");
  CHECK(nearest_command("evl", kCommands) == "eval");
  CHECK(nearest_command("chan", kCommands) == "channels");   // prefix
  CHECK_FALSE(nearest_command("e", kCommands).has_value());  // prefix of eval and extract
  CHECK_FALSE(nearest_command("frobnicate", kCommands).has_value());
  CHECK_FALSE(nearest_command("", kCommands).has_value());
  CHECK_FALSE(nearest_command("x", kCommands).has_value());
}

TEST_CASE("the message names the nearest command, or lists them all") {
  CHECK(unknown_command_message("biuld", kCommands) ==
        "unknown command 'biuld'; did you mean 'build'?");
  CHECK(unknown_command_message("chekc", {"check", "suggest"}, "lexicon") ==
        "unknown command 'lexicon chekc'; did you mean 'lexicon check'?");
  CHECK(unknown_command_message("zzz", {"check", "suggest"}) ==
        "unknown command 'zzz'; commands: check, suggest");
}
