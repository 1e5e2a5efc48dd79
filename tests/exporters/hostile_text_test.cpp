// Hostile text through the escaping module: spreadsheet formulas in CSV fields, characters XML
// forbids in what Graphviz copies into graph.svg (issue 20, items 3 and 14).
#include <doctest/doctest.h>

#include <string>

#include "softgraph/export/escape.hpp"

using namespace softgraph;

TEST_CASE("CSV fields that a spreadsheet would read as a formula get a leading apostrophe") {
  CHECK(escape::csv_field("=1+1") == "'=1+1");
  CHECK(escape::csv_field("+SUM(A1)") == "'+SUM(A1)");
  CHECK(escape::csv_field("-2+3") == "'-2+3");
  CHECK(escape::csv_field("@cmd") == "'@cmd");
  CHECK(escape::csv_field("\tx") == "'\tx");
  CHECK(escape::csv_field("\r=x") == "\"'\r=x\"");
  CHECK(escape::csv_field("=HYPERLINK(\"http://x\",\"y\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(escape::csv_field("- a bullet") == "'- a bullet");
  // Plain numbers are data in every spreadsheet: left alone.
  CHECK(escape::csv_field("-3") == "-3");
  CHECK(escape::csv_field("+1.5e3") == "+1.5e3");
  CHECK(escape::csv_field("-0.25") == "-0.25");
  CHECK(escape::csv_field("-") == "'-");
  CHECK(escape::csv_field("-1e") == "'-1e");
  CHECK(escape::csv_field("-1.") == "'-1.");
  // Only the first character counts; ordinary text is unchanged.
  CHECK(escape::csv_field("a=b") == "a=b");
  CHECK(escape::csv_field("Turkey") == "Turkey");
}

TEST_CASE("CSV fields carry no escape sequence") {
  CHECK(escape::csv_field("a\x1b[31mb") == "a\xEF\xBF\xBD[31mb");
  CHECK(escape::csv_field("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(escape::csv_field("csi\xc2\x9b"
                          "1m") ==
        "csi\xEF\xBF\xBD"
        "1m");
  CHECK(escape::csv_field("del\x7f") == "del\xEF\xBF\xBD");
  CHECK(escape::csv_field("two\nlines") == "\"two\nlines\"");  // quoted, kept
}

TEST_CASE("Neo4j import fields are not prefixed: neo4j-admin would store the apostrophe") {
  CHECK(escape::neo4j_field("=1+1") == "\"=1+1\"");
}

TEST_CASE("DOT labels and values drop U+FFFE/U+FFFF, which Graphviz would copy into SVG") {
  const std::string bad =
      "a\xEF\xBF\xBE"
      "b\xEF\xBF\xBF";
  const std::string fixed =
      "a\xEF\xBF\xBD"
      "b\xEF\xBF\xBD";
  CHECK(escape::dot_label(bad) == fixed);
  CHECK(escape::dot_value(bad) == fixed);
  CHECK(escape::dot_quoted(bad) == "\"" + fixed + "\"");
  CHECK(escape::xml_text(bad) == fixed);
  CHECK(escape::xml_attr(bad) == fixed);
  // U+FFFD and the other BMP characters next to them stay.
  CHECK(escape::dot_label("\xEF\xBF\xBD\xEF\xBF\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBC");
}
