// The one place where text becomes syntax: every writer escapes strings for its format here, so
// a quote, '<', '&', a newline or a DOT keyword in a label can never break a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace softgraph::escape {

// Valid UTF-8 with every invalid byte sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s);
// `s` itself when it is valid UTF-8 (checked a word at a time over ASCII), else valid_utf8(s),
// kept in `fixed`.
std::string_view valid_utf8(std::string_view s, std::string& fixed);

// Doubles printed shortest and round-trip exact (std::to_chars); integral values keep a ".0" so
// readers keep the number a double. Non-finite values give nullopt: never printed.
std::optional<std::string> number(double v);

// A JSON string literal with its quotes, as RapidJSON's Writer escapes it ('"', '\\' and control
// characters, \u00XX in upper-case hex), invalid UTF-8 replaced by U+FFFD first. Defined with the
// JSON writer (json_string.cpp): RapidJSON's is softgraph's one JSON escaper.
std::string json_string(std::string_view s);

// XML 1.0 character data: & < > escaped, '\r' as &#13; (parsers would fold it), characters XML
// 1.0 forbids even as references (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, invalid UTF-8)
// replaced by U+FFFD.
std::string xml_text(std::string_view s);
// An XML attribute value (without its quotes): xml_text plus '"', '\'' and tab/newline/CR as
// character references, so attribute-value normalisation keeps them.
std::string xml_attr(std::string_view s);

// The content of a Graphviz escString (label, tooltip) as given to agsafeset: a backslash is
// doubled (so \N, \G, \l and a trailing backslash stay literal), a newline becomes \n, tab a
// space, other control characters and U+FFFE/U+FFFF U+FFFD (Graphviz copies labels into SVG,
// where XML forbids them), and '&' becomes &amp; (Graphviz decodes entities in labels, so
// "&lt;" must stay literal). dot_value and dot_quoted replace the same characters.
std::string dot_label(std::string_view s);
// A plain Graphviz value (node name, colour, URL-like text) as given to agsafeset/agnode: cgraph
// quotes keywords and HTML-like strings itself, but writes backslashes verbatim, so a backslash
// is doubled and control characters replaced; the value never ends inside an escape.
std::string dot_value(std::string_view s);
// A complete DOT double-quoted ID for text written without cgraph: "..." with '"' and '\\'
// escaped and dot_value's replacements; keywords and HTML-like strings are safe inside quotes.
std::string dot_quoted(std::string_view s);

// A CSV field for spreadsheets (RFC 4180): a field that begins with '=', '+', '-', '@', tab or
// CR and is not a plain number gets a leading apostrophe (OWASP's advice against formula
// injection); control characters other than tab/CR/LF, DEL, C1 controls and invalid UTF-8
// become U+FFFD; quoted when it holds a comma, semicolon, quote, CR/LF, or leading or trailing
// space; quotes doubled.
std::string csv_field(std::string_view s);
// A neo4j-admin import field: always quoted with quotes doubled (the tool's default, not
// legacy backslash quoting), C0 control characters other than newline/tab replaced by U+FFFD.
// No apostrophe before a formula-like value: neo4j-admin would store it as part of the value.
std::string neo4j_field(std::string_view s);
// A neo4j-admin array field: elements joined with `delimiter`, then quoted as neo4j_field. The
// tool has no escape for the delimiter, so inside an element it becomes U+FF1B (FULLWIDTH
// SEMICOLON, which looks like ';').
std::string neo4j_array(const std::vector<std::string>& items, char delimiter);

// A Cypher string literal in single quotes: quote, backslash and control characters escaped.
std::string cypher_string(std::string_view s);
// A Cypher identifier (label, relationship type, property key) in backticks, backticks doubled.
std::string cypher_identifier(std::string_view s);

// Percent-encodes everything but RFC 3986 unreserved characters and those in `keep`, for IRIs
// built from ids ("actor/china" -> "actor/china", "a b" -> "a%20b").
std::string iri_component(std::string_view s, std::string_view keep = "/");

// JSON text made safe to inline in an HTML <script> element: '<', '>', '&', U+2028 and U+2029
// become \u escapes, so no "</script" or "<!--" can end or change the element and the text is
// also a valid JavaScript literal. Correct because JSON has these only inside strings.
std::string script_json(std::string_view json);

}  // namespace softgraph::escape
