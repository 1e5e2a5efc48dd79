// Labels as diagrams draw them: wrapped at spaces, clipped with an ellipsis at a UTF-8 boundary.
#include "drawing_text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace softgraph;

TEST_CASE("drawing labels wrap at spaces into short lines, shorter for circles") {
  CHECK(drawing_label("Russia", "doublecircle") == "Russia");
  CHECK(drawing_label("United Kingdom", "doublecircle") == "United\nKingdom");
  CHECK(drawing_label("United Kingdom", "box") == "United Kingdom");
  CHECK(drawing_label("Turkish Cooperation and Coordination Agency", "box") ==
        "Turkish\nCooperation and\nCoordination\nAgency");
  CHECK(drawing_label("a\tb\nc  d", "box") == "a b c d");  // white space collapses
  CHECK(drawing_label("Supercalifragilisticexpialidocious x", "circle") ==
        "Supercalifragilisticexpialidocious\nx");  // a long word stands alone
}

TEST_CASE("drawing labels are clipped to 80 characters, counting code points") {
  std::string cyrillic;
  for (int i = 0; i < 100; ++i) cyrillic += "\xd0\x96";  // Ж, two bytes
  std::string drawn = drawing_label(cyrillic, "box");
  CHECK(drawn.size() == 79 * 2 + 3);  // 79 letters and the ellipsis (three bytes)
  CHECK(drawn.substr(drawn.size() - 3) == "\u2026");
}

TEST_CASE("clip_text cuts at a UTF-8 boundary and marks the cut") {
  CHECK(clip_text("short", 10) == "short");
  std::string s = "ab\xd0\x96\xd0\x96";  // a b Ж Ж (6 bytes)
  CHECK(clip_text(s, 6) == s);
  std::string clipped = clip_text(s, 5);  // 2 bytes of text fit before the 3-byte ellipsis
  CHECK(clipped == "ab\u2026");
  CHECK(clip_text(std::string(20000, 'x'), 1000).size() <= 1000);
}
