// terminal_text: what a terminal would act on is shown, never sent.
#include "softgraph/core/terminal_text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace softgraph;

TEST_CASE("terminal_text shows control characters and escape sequences as escapes") {
  CHECK(terminal_text("plain ASCII, Москва, 北京 😀") == "plain ASCII, Москва, 北京 😀");
  CHECK(terminal_text("\x1b]0;title\x07\x1b[31mred") == "\\x1b]0;title\\x07\\x1b[31mred");
  CHECK(terminal_text("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(terminal_text(std::string("nul\0del\x7f", 8)) == "nul\\x00del\\x7f");
  // C1 controls (CSI U+009B), bidi overrides (Trojan Source) and non-characters.
  CHECK(terminal_text("\xc2\x9b"
                      "31m") == "\\u009b31m");
  CHECK(terminal_text("abc\xe2\x80\xae"
                      "def") == "abc\\u202edef");
  CHECK(terminal_text("x\xe2\x81\xa6y") == "x\\u2066y");
  CHECK(terminal_text("\xef\xbf\xbf\xef\xbf\xbe") == "\\uffff\\ufffe");
  // Bytes that are not UTF-8, a truncated sequence, a surrogate, an overlong form.
  CHECK(terminal_text("a\xff"
                      "b") == "a\\xffb");
  CHECK(terminal_text("\xe2\x80") == "\\xe2\\x80");
  CHECK(terminal_text("\xed\xa0\x80") == "\\xed\\xa0\\x80");
  CHECK(terminal_text("\xc0\x9b") == "\\xc0\\x9b");
}

TEST_CASE("terminal_text never lets a byte below 0x20 or DEL through") {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (unsigned char c : terminal_text(all)) CHECK((c >= 0x20 && c != 0x7F));
}
