// graph.json: the contract is written deterministically, validates against its schema, and reads
// back into an equal graph, hostile strings included; bad files get errors naming the JSON path.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <limits>
#include <sstream>

#include "data/hostile/hostile_graph.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/export.hpp"
#include "test_support.hpp"
#include "writers.hpp"

using namespace softgraph;

namespace {
std::string to_json(const Graph& g) {
  std::ostringstream s;
  write_graph_json(g, s);
  return s.str();
}
}  // namespace

TEST_CASE("graph.json of the typed graph reads back into an equal graph") {
  Graph g = test::typed_graph();
  std::string text = to_json(g);
  Graph back = parse_graph_json(text, "typed.json");
  CHECK(test::graph_difference(g, back) == "");
  CHECK(to_json(back) == text);
}

TEST_CASE("graph.json of the hostile graph reads back into an equal graph") {
  Graph g = test::hostile_graph();
  std::string text = to_json(g);
  Graph back = parse_graph_json(text, "hostile.json");
  CHECK(test::graph_difference(g, back) == "");
  CHECK(to_json(back) == text);
  // The control characters are escaped, never raw, and the document stays one JSON value per key.
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find("\\u0001") != std::string::npos);
}

TEST_CASE("graph.json keeps the contract's names and order") {
  std::string text = to_json(test::typed_graph());
  CHECK(text.find("\"softgraph\": \"" SOFTGRAPH_VERSION "\"") != std::string::npos);
  // nodes sorted by id, edges by (source, target, type)
  CHECK(text.find("\"id\": \"actor/turkey\"") < text.find("\"id\": \"document/doc1\""));
  CHECK(text.find("\"id\": \"OPERATES:actor/turkey->institution/manas_university\"") <
        text.find("\"id\": \"OPERATES:actor/turkey->institution/tika\""));
  CHECK(text.find("\"pagerank\": 0.3") != std::string::npos);
  CHECK(text.find("\"amount\": 1.5") != std::string::npos);
  CHECK(text.find("\"founded\": 1992") != std::string::npos);
}

TEST_CASE("non-finite numbers are never printed") {
  Graph g = test::typed_graph();
  g.node(*g.find("actor/turkey")).metrics["broken"] = std::numeric_limits<double>::quiet_NaN();
  g.node(*g.find("actor/turkey")).attributes["inf"] = std::numeric_limits<double>::infinity();
  std::string text = to_json(g);
  CHECK(text.find("nan") == std::string::npos);
  CHECK(text.find("inf") == std::string::npos);
  CHECK_NOTHROW(parse_graph_json(text, "x.json"));
}

TEST_CASE("two writes of the same graph are byte-identical") {
  CHECK(to_json(test::hostile_graph()) == to_json(test::hostile_graph()));
}

TEST_CASE("a graph.json that breaks the schema is refused with the file and JSON path") {
  std::string text = to_json(test::typed_graph());
  std::string bad = text;
  bad.replace(bad.find("\"type\": \"Actor\""), 15, "\"type\": \"Alien\"");
  try {
    parse_graph_json(bad, "bad.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadInput);
    CHECK(std::string(e.what()).find("bad.json") != std::string::npos);
    CHECK(std::string(e.what()).find("$.nodes[0].type") != std::string::npos);
  }
  std::string dangling = text;
  auto pos = dangling.find("\"source\": \"actor/turkey\"");
  dangling.replace(pos, 24, "\"source\": \"actor/nobody\"");
  try {
    parse_graph_json(dangling, "dangling.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("dangling.json") != std::string::npos);
    CHECK(std::string(e.what()).find("$.edges[") != std::string::npos);
    CHECK(std::string(e.what()).find("actor/nobody") != std::string::npos);
  }
  CHECK_THROWS_AS(parse_graph_json("{\"softgraph\": ", "trunc.json"), Error);
  CHECK_THROWS_AS(read_graph_json("/nonexistent/graph.json"), Error);
}

TEST_CASE("read_graph_json reads the file export_graph wrote") {
  auto dir = test::scratch("graph_json_file");
  Graph g = test::hostile_graph();
  ExportOptions opt;
  opt.formats = {"json"};
  export_graph(g, dir, opt);
  Graph back = read_graph_json((dir / "graph.json").string());
  CHECK(test::graph_difference(g, back) == "");
}

namespace {

// The graph.json of the typed graph with `edit` applied to its DOM.
template <typename Edit>
std::string edited_json(Edit edit) {
  rapidjson::Document d;
  d.Parse(to_json(test::typed_graph()).c_str());
  REQUIRE_FALSE(d.HasParseError());
  edit(d);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return buf.GetString();
}

std::string error_of(const std::string& text) {
  try {
    parse_graph_json(text, "edited.json");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadInput);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an edited graph.json with a wrong edge id or a doubled edge is refused where it is") {
  std::string wrong_id = error_of(edited_json([](rapidjson::Document& d) {
    d["edges"][1]["id"].SetString("OPERATES:actor/x->actor/y", d.GetAllocator());
  }));
  CHECK(wrong_id.find("edited.json") != std::string::npos);
  CHECK(wrong_id.find("$.edges[1].id") != std::string::npos);
  CHECK(wrong_id.find("OPERATES:actor/x->actor/y") != std::string::npos);

  std::string doubled = error_of(edited_json([](rapidjson::Document& d) {
    rapidjson::Value copy(d["edges"][0], d.GetAllocator());
    d["edges"].PushBack(copy, d.GetAllocator());
  }));
  CHECK(doubled.find("edited.json") != std::string::npos);
  CHECK(doubled.find("a second") != std::string::npos);
}
