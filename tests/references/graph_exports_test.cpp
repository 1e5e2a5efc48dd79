// What the graph layer and the CSL writer make of extracted references: the co-citation
// projection and CSL-JSON. test_references links no exporters yet, so the CSL writer's source
// is compiled in here; once softgraph_exporters is in area_libs_references, include its header
// instead.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "../../exporters/src/csl_writer.cpp"
#include "softgraph/analysis/cocitation.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/refs/references.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

Document paragraphs_only(const std::string& text) {
  Document d;
  d.id = "document/test";
  d.path = "test.txt";
  d.raw = d.text = text;
  return d;  // no structure: the extractor falls back to its own paragraphs and sentences
}

Graph graph_of(const Document& d, const ReferenceExtraction& x) {
  Graph g;
  g.add_node({d.id, "Document", d.path, {}, {}});
  for (const Entity& e : x.entities) g.add_node(e);
  for (const Relation& r : x.relations)
    g.add_edge(r.source, r.target, r.type, r.evidence, r.attributes);
  return g;
}

//   A --2-- B      A and B: one sentence, then another paragraph's sentence  -> weight 2
//    \             A and C: same paragraph, different sentences              -> weight 1
//     1-- C        B and C: same paragraph as above                          -> weight 1
const std::string kText =
    "One (Smith, 2015; Brown, 2016). Two Green (2017) said.\n\n"
    "Three (Smith, 2015; Brown, 2016).\n\n"
    "References\n\n"
    "Smith, J. (2015). Alpha title. *Journal*, 1(1), 1-2.\n\n"
    "Brown, K. (2016). Beta title. *Journal*, 2(1), 3-4.\n\n"
    "Green, L. (2017). Gamma title. Test Press.\n";

}  // namespace

TEST_CASE("co-citation pairs count shared paragraphs and sentences") {
  Document d = paragraphs_only(kText);
  Graph g = graph_of(d, extract_references(d, {}, {}));
  auto pairs = cocitations(g);
  REQUIRE(pairs.size() == 3);
  std::map<std::pair<std::string, std::string>, CoCitation> by;
  for (const auto& p : pairs) by[{p.a, p.b}] = p;
  const CoCitation& ab = by[{"reference/brown_2016", "reference/smith_2015"}];
  CHECK(ab.sentences == 2);
  CHECK(ab.paragraphs == 2);
  CHECK(ab.weight == 2);
  const CoCitation& bc = by[{"reference/brown_2016", "reference/green_2017"}];
  CHECK(bc.sentences == 0);
  CHECK(bc.paragraphs == 1);
  CHECK(bc.weight == 1);

  Graph p = cocitation_projection(g);
  CHECK(p.node_count() == 3);
  CHECK(p.edge_count() == 3);
  std::ostringstream csv;
  write_cocitation_csv(pairs, csv);
  CHECK(csv.str().rfind("source,target,weight,sentences,paragraphs\n", 0) == 0);
  CHECK(csv.str().find("reference/brown_2016,reference/smith_2015,2,2,2\n") != std::string::npos);
}

TEST_CASE("CSL-JSON lists each reference with author, issued, container and pages") {
  Document d = paragraphs_only(kText);
  Graph g = graph_of(d, extract_references(d, {}, {}));
  std::ostringstream out;
  write_csl_json(g, out);
  rapidjson::Document json = parse_json(out.str(), "references.json");
  REQUIRE(json.IsArray());
  REQUIRE(json.Size() == 3);
  const auto& brown = json[0];
  CHECK(std::string(brown["id"].GetString()) == "brown_2016");
  CHECK(std::string(brown["type"].GetString()) == "article-journal");
  CHECK(std::string(brown["author"][0]["family"].GetString()) == "Brown");
  CHECK(std::string(brown["author"][0]["given"].GetString()) == "K.");
  CHECK(brown["issued"]["date-parts"][0][0].GetInt() == 2016);
  CHECK(std::string(brown["container-title"].GetString()) == "Journal");
  CHECK(std::string(brown["page"].GetString()) == "3-4");
  CHECK(std::string(json[1]["type"].GetString()) == "book");
}

TEST_CASE("CSL-JSON of the article: 14 items, written for the pandoc client test") {
  if (!test::have_article()) return;
  std::ifstream in(test::article_path(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Document d = paragraphs_only(ss.str());
  d.id = "document/soft-power-central-asia";
  Graph g = graph_of(d, extract_references(d, {}, {}));
  std::ostringstream out;
  write_csl_json(g, out);
  rapidjson::Document json = parse_json(out.str(), "references.json");
  REQUIRE(json.Size() == 14);
  auto dir = test::scratch("references_csl");
  std::ofstream(dir / "references.json") << out.str();
  // Co-citation: the grouped citation of seven works makes every pair among them co-cited.
  auto pairs = cocitations(g);
  bool nye_pair = false;
  for (const auto& p : pairs)
    nye_pair = nye_pair ||
               (p.a == "reference/nye_2002" && p.b == "reference/nye_2004" && p.sentences == 3);
  CHECK(nye_pair);
}
