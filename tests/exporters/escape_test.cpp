// The escaping module: each format's rules, on the characters that break careless writers.
#include "softgraph/export/escape.hpp"

#include <doctest/doctest.h>

#include <iterator>
#include <limits>
#include <random>
#include <string>

using namespace softgraph;

TEST_CASE("json strings escape quotes, backslashes and control characters") {
  CHECK(escape::json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(escape::json_string("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
  // RapidJSON's escapes: upper-case hex.
  CHECK(escape::json_string(std::string("x\x01y\x1f", 4)) == "\"x\\u0001y\\u001F\"");
  CHECK(escape::json_string(std::string("nul\0z", 5)) == "\"nul\\u0000z\"");
  CHECK(escape::json_string("Москва 😀") == "\"Москва 😀\"");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD everywhere") {
  std::string bad = "a\xff\xc3(b\xed\xa0\x80";  // stray byte, truncated sequence, surrogate
  CHECK(escape::valid_utf8(bad) ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD(b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(escape::json_string("\xc0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong NUL
  CHECK(escape::xml_text("\xf4\x90\x80\x80").find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("numbers print shortest, round-trip, keep a decimal point and never print non-finite") {
  CHECK(escape::number(0.1) == "0.1");
  CHECK(escape::number(1.0) == "1.0");
  CHECK(escape::number(-3.0) == "-3.0");
  CHECK(escape::number(1e300) == "1e+300");
  CHECK(escape::number(0.0) == "0.0");
  CHECK(escape::number(1.0 / 3) == "0.3333333333333333");
  CHECK_FALSE(escape::number(std::numeric_limits<double>::infinity()).has_value());
  CHECK_FALSE(escape::number(std::numeric_limits<double>::quiet_NaN()).has_value());
  double v = 0.1 + 0.2;
  CHECK(std::stod(*escape::number(v)) == v);
}

TEST_CASE("XML text and attributes escape markup, keep newlines and drop forbidden characters") {
  CHECK(escape::xml_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y");
  CHECK(escape::xml_text("a\nb\rc\td") == "a\nb&#13;c\td");
  CHECK(escape::xml_text(std::string("c\x01\x7f", 3)) == "c\xEF\xBF\xBD\x7f");
  CHECK(escape::xml_text("\xEF\xBF\xBE") == "\xEF\xBF\xBD");  // U+FFFE is not an XML character
  CHECK(escape::xml_attr("\"a\" 'b'\n\t") == "&quot;a&quot; &apos;b&apos;&#10;&#9;");
}

TEST_CASE("DOT labels neutralise backslash escapes, entities and newlines") {
  CHECK(escape::dot_label("a\\N b") == "a\\\\N b");
  CHECK(escape::dot_label("x\\") == "x\\\\");
  CHECK(escape::dot_label("l1\nl2") == "l1\\nl2");
  CHECK(escape::dot_label("a &lt; b & c") == "a &amp;lt; b &amp; c");
  CHECK(escape::dot_label(std::string("c\x01", 2)) == "c\xEF\xBF\xBD");
  CHECK(escape::dot_value("trail\\") == "trail\\\\");
}

TEST_CASE("DOT quoted ids keep keywords and HTML-like strings inside quotes") {
  CHECK(escape::dot_quoted("node") == "\"node\"");
  CHECK(escape::dot_quoted("strict") == "\"strict\"");
  CHECK(escape::dot_quoted("<b>x</b>") == "\"<b>x</b>\"");
  CHECK(escape::dot_quoted("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
}

TEST_CASE("CSV fields are quoted when they hold commas, semicolons, quotes or newlines") {
  CHECK(escape::csv_field("plain") == "plain");
  CHECK(escape::csv_field("a,b") == "\"a,b\"");
  CHECK(escape::csv_field("a;b") == "\"a;b\"");
  CHECK(escape::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(escape::csv_field("l1\nl2") == "\"l1\nl2\"");
  CHECK(escape::csv_field(" padded") == "\" padded\"");
  CHECK(escape::csv_field("") == "");
}

TEST_CASE("neo4j-admin fields are always quoted; array elements cannot hold the delimiter") {
  CHECK(escape::neo4j_field("a\"b") == "\"a\"\"b\"");
  CHECK(escape::neo4j_field("back\\slash") == "\"back\\slash\"");
  CHECK(escape::neo4j_field(std::string("c\x01", 2)) == "\"c\xEF\xBF\xBD\"");
  CHECK(escape::neo4j_array({"a", "b;c", "d,e"}, ';') ==
        "\"a;b\xEF\xBC\x9B"
        "c;d,e\"");
  CHECK(escape::neo4j_array({}, ';') == "\"\"");
}

TEST_CASE("Cypher strings and identifiers") {
  CHECK(escape::cypher_string("it's \\ \"x\"\n") == "'it\\'s \\\\ \"x\"\\n'");
  CHECK(escape::cypher_string(std::string("\x01", 1)) == "'\\u0001'");
  CHECK(escape::cypher_identifier("we`ird key") == "`we``ird key`");
  CHECK(escape::cypher_identifier("Actor") == "`Actor`");
}

TEST_CASE("IRI components percent-encode all but unreserved characters") {
  CHECK(escape::iri_component("actor/china") == "actor/china");
  CHECK(escape::iri_component("a b\"<>") == "a%20b%22%3C%3E");
  CHECK(escape::iri_component("a/b", "") == "a%2Fb");
  CHECK(escape::iri_component("Москва") == "%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0");
}

namespace {

// Reads a backslash literal back: \\ \n \r \t \b \f \<quote> and \uXXXX (below U+0080 here).
std::string unescape(const std::string& literal, char quote) {
  REQUIRE(literal.size() >= 2);
  REQUIRE(literal.front() == quote);
  REQUIRE(literal.back() == quote);
  std::string out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    const char c = literal[i];
    CHECK(c != quote);  // an unescaped quote would close the literal early
    if (c != '\\') {
      out += c;
      continue;
    }
    const char e = literal[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u':
        out += static_cast<char>(std::stoi(literal.substr(i + 1, 4), nullptr, 16));
        i += 4;
        break;
      default:
        out += e;  // the backslash or the quote
    }
  }
  return out;
}

}  // namespace

TEST_CASE("JSON and Cypher literals read back as the repaired input, whatever the bytes") {
  // Plain runs are copied whole and everything else escaped a code point at a time: random texts
  // mixing both, with quotes, backslashes, controls, DEL, multi-byte and invalid bytes, must read
  // back exactly.
  std::mt19937 rng(11);
  static const char* const kPieces[] = {"a",
                                        "Zq",
                                        " ",
                                        "\"",
                                        "'",
                                        "\\",
                                        "\n",
                                        "\t",
                                        "\x01",
                                        "\x7f",
                                        "\x1f",
                                        "\xC3\xA9",
                                        "\xE2\x80\x94",
                                        "\xF0\x9F\x98\x80",
                                        "\xC0",
                                        "\xE2\x80",
                                        "\x80",
                                        "plain words, longer ones."};
  for (int n = 0; n < 3000; ++n) {
    std::string in;
    const int pieces = static_cast<int>(rng() % 24);
    for (int k = 0; k < pieces; ++k) in += kPieces[rng() % std::size(kPieces)];
    const std::string repaired = escape::valid_utf8(in);
    INFO(in);
    CHECK(unescape(escape::json_string(in), '"') == repaired);
    CHECK(unescape(escape::cypher_string(in), '\'') == repaired);
    // Control characters (and DEL in Cypher) never appear raw.
    for (unsigned char c : escape::json_string(in)) CHECK(c >= 0x20);
    for (unsigned char c : escape::cypher_string(in)) CHECK((c >= 0x20 && c != 0x7F));
  }
}
