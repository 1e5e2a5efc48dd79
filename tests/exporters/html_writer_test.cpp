// graph.html, the explorer: nothing embedded can end or escape its <script> element, the data
// parses back with every hostile string intact, the page holds the influence view only with
// Graphviz positions, and it is the same twice. The browser test is
// tests/clients/test_export_html.py.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "data/hostile/hostile_graph.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"

using namespace softgraph;

namespace {

const std::string kBreakout = "</script><script>window.pwned=1</script><!--<script>";
const std::string kSeparators = "line\u2028para\u2029end";

// The typed graph with labels and a quote that try to leave the page's <script> elements.
Graph breakout_graph() {
  Graph g = test::typed_graph();
  g.node(*g.find("actor/turkey")).label = "Turkey " + kBreakout;
  g.node(*g.find("institution/tika")).label = "TIKA " + kSeparators;
  g.add_edge("actor/turkey", "region/central_asia", "TARGETS",
             test::evidence_at(40, "quote " + kBreakout + " " + kSeparators, 2));
  return g;
}

std::string page_of(const Graph& g) {
  ExportOptions opt;
  opt.formats = {"html"};
  MemorySink sink;
  export_to_sink(g, opt, sink);
  return sink.contents("graph.html");
}

std::size_t count(const std::string& text, const std::string& what) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t n = 0;
  for (auto at = lower.find(what); at != std::string::npos; at = lower.find(what, at + 1)) ++n;
  return n;
}

rapidjson::Document page_data(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"softgraph-data\">";
  auto begin = page.find(open);
  REQUIRE(begin != std::string::npos);
  begin += open.size();
  auto end = page.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  rapidjson::Document doc;
  doc.Parse(page.data() + begin, end - begin);
  REQUIRE_MESSAGE(!doc.HasParseError(), "the page's data is JSON");
  return doc;
}

}  // namespace

TEST_CASE("html is unavailable with a reason exactly when the build has no library") {
  const std::string why = format_unavailable("html");
  ExportOptions opt;
  opt.formats = {"json", "html"};
  MemorySink sink;
  if (why.empty()) {
    export_to_sink(test::typed_graph(), opt, sink);
    CHECK(sink.has("graph.html"));
  } else {
    MESSAGE("this build has no explorer: " << why);
    try {
      export_to_sink(test::typed_graph(), opt, sink);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kUsage);
      CHECK(std::string(e.what()).find("not available") != std::string::npos);
    }
    CHECK(sink.names().empty());  // refused before anything is written
  }
}

TEST_CASE("nothing embedded in graph.html can end or escape its script elements") {
  if (!format_unavailable("html").empty()) return;  // checked by the test above
  const std::string page = page_of(breakout_graph());
  // Our four elements: the data, graphology, sigma.js, the explorer's script.
  CHECK(count(page, "<script") == 4);
  CHECK(count(page, "</script") == 4);
  CHECK(count(page, "<!--") == 0);
  CHECK(page.find("\u2028") == std::string::npos);
  CHECK(page.find("\u2029") == std::string::npos);
  CHECK(page.find("window.pwned") != std::string::npos);     // it is there, escaped
  CHECK(page.find("&lt;/script&gt;") == std::string::npos);  // in JSON, not as HTML entities

  auto doc = page_data(page);
  std::set<std::string> labels;
  for (const auto& n : doc["nodes"].GetArray()) labels.insert(n["label"].GetString());
  CHECK(labels.count("Turkey " + kBreakout) == 1);
  CHECK(labels.count("TIKA " + kSeparators) == 1);
  bool quote_found = false;
  for (const auto& e : doc["edges"].GetArray())
    for (const auto& ev : e["evidence"].GetArray())
      quote_found = quote_found || std::string(ev["quote"].GetString()) ==
                                       "quote " + kBreakout + " " + kSeparators;
  CHECK(quote_found);
}

TEST_CASE("graph.html holds the influence view with positions, evidence and channels") {
  if (!format_unavailable("html").empty()) return;
  Graph g = test::typed_graph();
  const std::string page = page_of(g);
  CHECK(page == page_of(g));  // deterministic
  auto doc = page_data(page);
  std::set<std::string> ids, types;
  std::set<std::pair<double, double>> places;
  for (const auto& n : doc["nodes"].GetArray()) {
    ids.insert(n["id"].GetString());
    types.insert(n["type"].GetString());
    REQUIRE(n["x"].IsNumber());
    CHECK(std::isfinite(n["x"].GetDouble()));
    places.insert({n["x"].GetDouble(), n["y"].GetDouble()});
    CHECK(n["metrics"].HasMember("pagerank"));
  }
  // The literature (document, reference, person) is left out; the influence nodes are all in.
  CHECK(ids == std::set<std::string>{"actor/turkey", "institution/manas_university",
                                     "institution/tika", "institution/turkic_council",
                                     "instrument/education", "region/central_asia",
                                     "target/kazakhstan"});
  CHECK(places.size() == ids.size());  // laid out: no two nodes on one spot
  std::set<std::string> edge_types;
  for (const auto& e : doc["edges"].GetArray()) {
    edge_types.insert(e["type"].GetString());
    CHECK(e["evidence"].Size() >= 1);
    if (std::string(e["type"].GetString()) == "USES_INSTRUMENT") {
      CHECK(std::string(e["channel"].GetString()) == "instrument/education");
      CHECK(e["evidence"].Size() == 2);
      CHECK(std::string(e["evidence"][0]["rule"].GetString()) == "test");
      CHECK(std::string(e["evidence"][0]["document"].GetString()) == "doc1");
    }
  }
  CHECK(edge_types ==
        std::set<std::string>{"DELIVERS", "MEMBER_OF", "OPERATES", "TARGETS", "USES_INSTRUMENT"});
  REQUIRE(doc["channels"].Size() == 1);
  CHECK(std::string(doc["channels"][0]["id"].GetString()) == "instrument/education");
  CHECK(std::string(doc["documents"][0]["path"].GetString()) == "corpus/brief.txt");
}

TEST_CASE("escape::script_json escapes what could end a script element, and stays the same JSON") {
  const std::string json =
      "{\"a\":\"</script><!-- & >\",\"b\":\"x\u2028y\u2029z\",\"c\":[1,2],\"d\":\"\xE2\x80\xA7\"}";
  const std::string safe = escape::script_json(json);
  CHECK(safe ==
        "{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e\",\"b\":\"x\\u2028y\\u2029z\","
        "\"c\":[1,2],\"d\":\"\xE2\x80\xA7\"}");  // U+2027 is not a separator: kept
  rapidjson::Document a, b;
  a.Parse(json.c_str());
  b.Parse(safe.c_str());
  REQUIRE(!a.HasParseError());
  REQUIRE(!b.HasParseError());
  CHECK(a == b);
}
