// export_graph and the writers: every format is written, parses back where we can parse it here
// (DOT with cgraph, CSV, JSON-LD with RapidJSON), is byte-identical across runs, and a failed
// export leaves nothing behind. The real clients are in tests/clients/test_export_*.
#include "softgraph/export/export.hpp"

#include <doctest/doctest.h>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "data/hostile/hostile_graph.hpp"
#include "drawing_text.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/export/sink.hpp"
#include "style.hpp"
#include "test_support.hpp"

using namespace softgraph;
namespace fs = std::filesystem;

// LeakSanitizer: Graphviz 2.42 leaks in its HTML-label parser and keeps fontconfig/pango caches
// for the life of the process; those stacks all run through libgvc's layout and text sizing.
// Our own cgraph graphs (libcgraph) stay checked.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libpango\nleak:libglib\n"
         "leak:libgvplugin_\nleak:libcairo\n";
}

namespace {

std::vector<std::string> all_formats() {
  std::vector<std::string> out;
  for (const auto& f : known_formats())
    if (f != "csl" && format_unavailable(f).empty()) out.push_back(f);  // html needs npm's library
  return out;
}

MemorySink export_all(const Graph& g, ExportOptions opt = {}) {
  opt.formats = all_formats();
  MemorySink sink;
  export_to_sink(g, opt, sink);
  return sink;
}

// RFC 4180 rows (quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!rows.back().empty() || !field.empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

struct AgGraph {
  Agraph_t* g;
  explicit AgGraph(const std::string& dot) : g(agmemread(dot.c_str())) {}
  ~AgGraph() {
    if (g) agclose(g);
  }
};

std::string agget_str(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v ? v : "";
}

}  // namespace

TEST_CASE("every known format is registered, csl included") {
  auto f = known_formats();
  for (const char* name :
       {"json", "graphml", "dot", "jsonld", "svg", "png", "pdf", "gexf", "neo4j", "csv", "csl"})
    CHECK(std::find(f.begin(), f.end(), name) != f.end());
}

TEST_CASE("unknown formats, layouts and size metrics are usage errors") {
  Graph g = test::typed_graph();
  ExportOptions opt;
  opt.formats = {"json", "xls"};
  CHECK_THROWS_WITH_AS(check_options(g, opt), doctest::Contains("xls"), Error);
  opt = {};
  opt.layout = "magic";
  CHECK_THROWS_AS(check_options(g, opt), Error);
  opt = {};
  opt.size_metric = "charisma";
  try {
    check_options(g, opt);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kUsage);
    CHECK(std::string(e.what()).find("pagerank") != std::string::npos);  // lists known metrics
  }
}

TEST_CASE("the hostile graph is written in every format and the same twice") {
  Graph g = test::hostile_graph();
  MemorySink a = export_all(g), b = export_all(g);
  CHECK(a.names() == b.names());
  for (const auto& name : a.names()) {
    INFO(name);
    CHECK(!a.contents(name).empty());
    CHECK(a.contents(name) == b.contents(name));
  }
  for (const char* name :
       {"graph.json", "graph.graphml", "graph.dot", "graph.jsonld", "graph.svg", "graph.png",
        "graph.pdf", "graph.gexf", "neo4j/import.sh", "neo4j/import.cypher",
        "neo4j/nodes_Actor.csv", "neo4j/rels_OPERATES.csv", "csv/nodes.csv", "csv/edges.csv"})
    CHECK_MESSAGE(a.has(name), name);
}

TEST_CASE("graph.dot parses back with cgraph with every node, label and keyword id") {
  Graph g = test::hostile_graph();
  MemorySink s;
  ExportOptions opt;
  opt.formats = {"dot"};
  opt.legend = false;
  export_to_sink(g, opt, s);
  std::string dot = s.contents("graph.dot");
  CHECK(dot.find("\"node\"") != std::string::npos);  // keyword ids quoted
  CHECK(dot.find("\"strict\"") != std::string::npos);
  AgGraph parsed(dot);
  REQUIRE(parsed.g != nullptr);
  CHECK(agnnodes(parsed.g) == static_cast<int>(g.node_count()));
  CHECK(agnedges(parsed.g) == static_cast<int>(g.edge_count()));
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    Agnode_t* an = agnode(parsed.g, const_cast<char*>(n.id.c_str()), 0);
    REQUIRE_MESSAGE(an != nullptr, n.id);
    // Drawn labels are wrapped and clipped (drawing_text.hpp); the escaping is what is checked.
    CHECK(agget_str(an, "label") ==
          escape::dot_label(drawing_label(n.label, type_style(n.type).shape)));
    CHECK(agget_str(an, "type") == n.type);
  }
}

TEST_CASE("graph.dot has clusters per actor and a legend when asked") {
  Graph g = test::typed_graph();
  MemorySink s;
  ExportOptions opt;
  opt.formats = {"dot", "svg"};
  opt.clusters = true;
  opt.layout = "dot";
  export_to_sink(g, opt, s);
  std::string dot = s.contents("graph.dot");
  CHECK(dot.find("subgraph \"cluster_actor/turkey\"") != std::string::npos);
  CHECK(dot.find("label=<<TABLE") != std::string::npos);
  AgGraph parsed(dot);
  REQUIRE(parsed.g != nullptr);
  Agraph_t* cluster = agsubg(parsed.g, const_cast<char*>("cluster_actor/turkey"), 0);
  REQUIRE(cluster != nullptr);
  CHECK(agnode(cluster, const_cast<char*>("institution/tika"), 0) != nullptr);
  CHECK(s.contents("graph.svg").find("<svg") != std::string::npos);
}

TEST_CASE("diagrams render in every layout, byte-identical across runs") {
  Graph g = test::hostile_graph();
  for (const auto& layout : known_layouts()) {
    INFO(layout);
    ExportOptions opt;
    opt.formats = {"svg", "png"};
    opt.layout = layout;
    MemorySink a, b;
    export_to_sink(g, opt, a);
    export_to_sink(g, opt, b);
    CHECK(a.contents("graph.svg") == b.contents("graph.svg"));
    CHECK(a.contents("graph.png") == b.contents("graph.png"));
    CHECK(a.contents("graph.png").substr(1, 3) == "PNG");
  }
}

TEST_CASE("GraphML and GEXF declare every key and carry the layout and the hostile text escaped") {
  Graph g = test::hostile_graph();
  MemorySink s = export_all(g);
  std::string gml = s.contents("graph.graphml");
  CHECK(gml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  for (const char* key : {"label", "type", "labels", "aliases", "pagerank", "size", "r", "g", "b",
                          "x", "y", "weight", "evidence_count", "first_quote", "attr_label"})
    CHECK_MESSAGE(gml.find("attr.name=\"" + std::string(key) + "\"") != std::string::npos, key);
  CHECK(gml.find("<key id=") != std::string::npos);
  // every key has for= and attr.type=
  std::size_t keys = 0, pos = 0;
  while ((pos = gml.find("<key ", pos)) != std::string::npos) {
    auto end = gml.find("/>", pos);
    std::string key = gml.substr(pos, end - pos);
    CHECK(key.find(" for=\"") != std::string::npos);
    CHECK(key.find(" attr.type=\"") != std::string::npos);
    ++keys;
    pos = end;
  }
  CHECK(keys > 20);
  CHECK(gml.find(":TargetCountry:Actor") != std::string::npos);
  CHECK(gml.find('\x01') == std::string::npos);
  CHECK(gml.find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
  std::string gexf = s.contents("graph.gexf");
  CHECK(gexf.find("xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(gexf.find("<viz:position") != std::string::npos);
  CHECK(gexf.find("<attributes class=\"edge\"") != std::string::npos);
  CHECK(gexf.find(" kind=\"DELIVERS\"") != std::string::npos);  // parallel edges kept apart
  CHECK(gexf.find('\x01') == std::string::npos);
}

TEST_CASE("GEXF 1.2draft on request, and an unknown GEXF version is a usage error") {
  Graph g = test::typed_graph();
  ExportOptions opt;
  opt.formats = {"gexf"};
  opt.gexf_version = "1.2";
  MemorySink s;
  export_to_sink(g, opt, s);
  std::string gexf = s.contents("graph.gexf");
  CHECK(gexf.find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  CHECK(gexf.find("xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"") != std::string::npos);
  CHECK(gexf.find("version=\"1.2\"") != std::string::npos);
  CHECK(gexf.find(" kind=") == std::string::npos);  // 1.2draft has no edge kind
  opt.gexf_version = "1.4";
  CHECK_THROWS_WITH_AS(check_options(g, opt), doctest::Contains("GEXF version"), Error);
}

TEST_CASE("JSON-LD text positions count code points in the file, data positions bytes") {
  auto dir = test::scratch("jsonld_code_points");
  const std::string before = "Обзор 🌍 — «мягкая сила».\n";  // 2-, 4- and 3-byte characters
  const std::string quote = "Turkey operates TIKA in Kazakhstan.";
  const std::string text = before + quote + "\n";
  std::ofstream(dir / "doc.txt", std::ios::binary) << text;
  std::size_t code_points = 0;
  for (unsigned char c : before) code_points += (c & 0xC0) != 0x80;
  CHECK(code_points == 25);

  auto graph_with = [&](const std::string& sha, const std::string& format) {
    Graph g;
    g.documents.push_back({"doc", (dir / "doc.txt").string(), sha, format});
    g.add_node({"actor/turkey", "Actor", "Turkey", {}, {}});
    g.add_node({"institution/tika", "Institution", "TIKA", {}, {}});
    g.add_edge("actor/turkey", "institution/tika", "OPERATES",
               test::evidence_at(before.size(), quote, 1, "doc"));
    return g;
  };
  auto selectors = [](const Graph& g) {
    MemorySink s;
    ExportOptions opt;
    opt.formats = {"jsonld"};
    export_to_sink(g, opt, s);
    rapidjson::Document doc;
    doc.Parse(s.contents("graph.jsonld").c_str());
    std::map<std::string, std::pair<int, int>> out;
    for (const auto& item : doc["@graph"].GetArray())
      if (item.HasMember("evidence"))
        for (const auto& sel : item["evidence"][0]["target"]["selector"].GetArray())
          if (sel.HasMember("start"))
            out[sel["type"].GetString()] = {sel["start"].GetInt(), sel["end"].GetInt()};
    return out;
  };
  const int b = static_cast<int>(before.size()), cp = static_cast<int>(code_points);
  const int n = static_cast<int>(quote.size());
  auto ok = selectors(graph_with(sha256_hex(text), "text"));
  CHECK(ok["TextPositionSelector"] == std::pair{cp, cp + n});
  CHECK(ok["DataPositionSelector"] == std::pair{b, b + n});
  // A changed file (another SHA-256): no code points, the bytes still stand.
  auto changed = selectors(graph_with(std::string(64, '0'), "text"));
  CHECK(changed.count("TextPositionSelector") == 0);
  CHECK(changed["DataPositionSelector"] == std::pair{b, b + n});
  // PDF offsets are into the extracted text, not the file: neither selector.
  CHECK(selectors(graph_with(sha256_hex(text), "pdf")).empty());
  // A file that is not valid UTF-8 (read with --lossy) has no code points to count.
  std::ofstream(dir / "doc.txt", std::ios::binary) << text << "\xff";
  auto lossy = selectors(graph_with(sha256_hex(text + "\xff"), "text"));
  CHECK(lossy.count("TextPositionSelector") == 0);
  CHECK(lossy["DataPositionSelector"] == std::pair{b, b + n});
}

TEST_CASE("JSON-LD embeds its context and reifies edges with quote and position selectors") {
  Graph g = test::typed_graph();
  MemorySink s = export_all(g);
  std::string text = s.contents("graph.jsonld");
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc["@context"].IsObject());
  CHECK(std::string(doc["@context"]["sg"].GetString()) == "https://softgraph.example/ns#");
  CHECK(text.find("http://") != std::string::npos);
  bool found_turkey = false, found_selector = false;
  for (const auto& item : doc["@graph"].GetArray()) {
    std::string id = item["id"].GetString();
    if (id == "node:actor/turkey") {
      found_turkey = true;
      std::set<std::string> types;
      for (const auto& t : item["type"].GetArray()) types.insert(t.GetString());
      CHECK(types.count("schema:Country"));
      CHECK(types.count("sg:Actor"));
      CHECK(std::string(item["sameAs"][0].GetString()) == "wd:Q43");
      CHECK(item["sg:OPERATES"].Size() == 2);
    }
    if (id == "edge:OPERATES%3Aactor/turkey-%3Einstitution/tika") {
      const auto& ev = item["evidence"][0];
      const auto& sel = ev["target"]["selector"];
      CHECK(std::string(ev["target"]["source"].GetString()) == "doc:doc1");
      CHECK(std::string(sel[0]["type"].GetString()) == "TextQuoteSelector");
      CHECK(std::string(sel[0]["exact"].GetString()) == "Turkey operates TIKA in the region.");
      // corpus/brief.txt is not there to count code points in: bytes only.
      REQUIRE(sel.Size() == 2);
      CHECK(std::string(sel[1]["type"].GetString()) == "DataPositionSelector");
      CHECK(sel[1]["start"].GetInt() == 100);
      CHECK(ev["byteStart"].GetInt() == 100);
      found_selector = true;
    }
    if (id == "node:reference/smith2020") {  // no CSL type: article-journal, as in the CSL export
      std::set<std::string> types;
      for (const auto& t : item["type"].GetArray()) types.insert(t.GetString());
      CHECK(types.count("schema:ScholarlyArticle"));
    }
    if (id == "node:institution/manas_university")
      CHECK(std::string(item["type"][1].GetString()) == "schema:EducationalOrganization");
  }
  CHECK(found_turkey);
  CHECK(found_selector);
}

TEST_CASE("Neo4j bundle: typed headers, one file per label and type, fields parse back") {
  Graph g = test::hostile_graph();
  MemorySink s = export_all(g);
  auto actors = parse_csv(s.contents("neo4j/nodes_Actor.csv"));
  REQUIRE(actors.size() == 2);
  const auto& header = actors[0];
  CHECK(header.front() == "id:ID");
  CHECK(header.back() == ":LABEL");
  CHECK(std::find(header.begin(), header.end(), "aliases:string[]") != header.end());
  CHECK(std::find(header.begin(), header.end(), "pagerank:double") != header.end());
  CHECK(std::find(header.begin(), header.end(), "count:long") != header.end());
  CHECK(std::find(header.begin(), header.end(), "flag:boolean") != header.end());
  CHECK(std::find(header.begin(), header.end(), "weird_key_____:string") == header.end());
  const auto& row = actors[1];
  REQUIRE(row.size() == header.size());
  CHECK(row[0] == "node");
  CHECK(row[1].find("\"quoted\" 'single' <b>x</b>") != std::string::npos);
  CHECK(row[1].find("Москва 🇷🇺😀") != std::string::npos);
  CHECK(row[1].find("back\\slash") != std::string::npos);
  CHECK(row[1].find('\x01') == std::string::npos);
  auto targets = parse_csv(s.contents("neo4j/nodes_TargetCountry.csv"));
  CHECK(targets[1].back() == "TargetCountry;Actor");
  auto rels = parse_csv(s.contents("neo4j/rels_DELIVERS.csv"));
  REQUIRE(rels.size() == 2);
  CHECK(rels[0][0] == ":START_ID");
  CHECK(rels[0].back() == ":TYPE");
  CHECK(rels[1][0] == "graph");
  CHECK(rels[1][4] == "2");  // evidence_count
  std::string cypher = s.contents("neo4j/import.cypher");
  CHECK(cypher.find("\nCREATE CONSTRAINT") < cypher.find("\nUNWIND"));
  CHECK(cypher.find("MERGE (n:`Actor` {id: row.id})") != std::string::npos);
  std::string sh = s.contents("neo4j/import.sh");
  // Neo4j 5's form: the database right after `full`; overwriting only when asked (--overwrite).
  CHECK(
      sh.find("database import full \"$database\" \\\n  --overwrite-destination=\"$overwrite\"") !=
      std::string::npos);
  CHECK(sh.find("overwrite=false\n") != std::string::npos);
  CHECK(sh.find("--overwrite) overwrite=true") != std::string::npos);
  CHECK(sh.find("--nodes=\"$here/nodes_Actor.csv\"") != std::string::npos);
  CHECK(sh.find("--relationships=\"$here/rels_DELIVERS.csv\"") != std::string::npos);
}

TEST_CASE("CSV tables parse back with the hostile labels intact") {
  Graph g = test::hostile_graph();
  MemorySink s = export_all(g);
  auto nodes = parse_csv(s.contents("csv/nodes.csv"));
  REQUIRE(nodes.size() == g.node_count() + 1);
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    REQUIRE(nodes[i].size() == nodes[0].size());
    auto v = g.find(nodes[i][0]);
    REQUIRE_MESSAGE(v.has_value(), nodes[i][0]);
    // Intact but for what spreadsheets and terminals would act on: control characters other
    // than tab and newlines become U+FFFD, a formula-like start an apostrophe (escape.hpp).
    std::string expected;
    for (char c : g.node(*v).label) {
      const bool control =
          (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          c == 0x7F;
      expected += control ? std::string("\xEF\xBF\xBD") : std::string(1, c);
    }
    if (!expected.empty() && std::string_view("=+-@\t\r").find(expected[0]) != std::string::npos)
      expected.insert(0, 1, '\'');
    CHECK(nodes[i][2] == expected);
  }
  auto edges = parse_csv(s.contents("csv/edges.csv"));
  CHECK(edges.size() == g.edge_count() + 1);
  CHECK(edges[0][0] == "source");
}

TEST_CASE("export_graph writes files atomically and a failure leaves no partial output") {
  auto dir = test::scratch("export_atomic");
  Graph g = test::hostile_graph();
  ExportOptions opt;
  opt.formats = all_formats();
  auto written = export_graph(g, dir, opt);
  CHECK(written.size() >= 14);
  for (const auto& p : written) CHECK(fs::exists(p));
  for (const auto& e : fs::recursive_directory_iterator(dir))
    CHECK_MESSAGE(e.path().filename().string().find(".tmp-") == std::string::npos, e.path());
  CHECK(fs::perms::none !=
        (fs::status(dir / "neo4j" / "import.sh").permissions() & fs::perms::owner_exec));

  // graph.json cannot be renamed into place (a folder is in the way): nothing is left behind.
  auto bad = test::scratch("export_fails");
  fs::create_directories(bad / "graph.json" / "blocker");
  try {
    export_graph(g, bad, opt);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kOutput);
    CHECK(std::string(e.what()).find("graph.json") != std::string::npos);
  }
  std::vector<std::string> left;
  for (const auto& e : fs::recursive_directory_iterator(bad)) left.push_back(e.path().string());
  CHECK(left.size() == 2);  // graph.json/ and its blocker, nothing else
}

TEST_CASE("an output folder that cannot be created is an output error") {
  auto dir = test::scratch("export_not_dir");
  std::ofstream(dir / "file") << "x";
  ExportOptions opt;
  opt.formats = {"json"};
  try {
    export_graph(test::typed_graph(), dir / "file" / "out", opt);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kOutput);
  }
}

// Writes the fixtures in every format for the client tests (tests/clients/test_export_*), only
// when SOFTGRAPH_EXPORT_DIR is set: <dir>/typed and <dir>/hostile.
TEST_CASE("writes the client-test fixtures when SOFTGRAPH_EXPORT_DIR is set") {
  const char* dir = std::getenv("SOFTGRAPH_EXPORT_DIR");
  if (!dir || !*dir) return;
  ExportOptions opt;
  opt.formats = all_formats();
  for (auto [name, graph] :
       {std::pair{"typed", test::typed_graph()}, std::pair{"hostile", test::hostile_graph()}}) {
    fs::path out = fs::path(dir) / name;
    fs::remove_all(out);
    auto written = export_graph(graph, out, opt);
    MESSAGE("wrote " << written.size() << " files to " << out);
    ExportOptions gexf12;  // <dir>/<name>/gexf-1.2/graph.gexf: GEXF 1.2draft for NetworkX
    gexf12.formats = {"gexf"};
    gexf12.gexf_version = "1.2";
    export_graph(graph, out / "gexf-1.2", gexf12);
  }
}
