// Graphs for the exporter tests, built by hand: a small typed graph of every node type, and a
// hostile one whose ids, labels, aliases, attributes and quotes hold every character that breaks
// a careless writer (quotes, <, &, newlines, control characters, DOT keywords, HTML-like strings,
// commas, semicolons, backslashes, Cyrillic, emoji).
#pragma once

#include <string>

#include "softgraph/graph/graph.hpp"

namespace softgraph::test {

inline Evidence evidence_at(std::uint64_t begin, const std::string& quote, int sentence = 0,
                            const std::string& doc = "doc1") {
  Evidence e;
  e.document = doc;
  e.range = {begin, begin + quote.size()};
  e.quote = quote;
  e.rule = "test";
  e.confidence = 0.75;
  e.sentence = sentence;
  return e;
}

inline void set_metrics(Graph& g, const std::string& id, double degree, double betweenness,
                        double pagerank) {
  auto& m = g.node(*g.find(id)).metrics;
  m["degree"] = degree;
  m["betweenness"] = betweenness;
  m["pagerank"] = pagerank;
}

// turkey -OPERATES-> tika -DELIVERS-> education; turkey -USES_INSTRUMENT-> education;
// tika -TARGETS-> kazakhstan (also an actor); kazakhstan -MEMBER_OF-> turkic_council;
// doc -CITES-> ref; person -AUTHORED-> ref; ref -DISCUSSES-> turkey; turkey -TARGETS-> central_asia
inline Graph typed_graph() {
  Graph g;
  g.documents.push_back({"doc1", "corpus/brief.txt", std::string(64, 'a'), "text"});
  g.add_node({"actor/turkey",
              "Actor",
              "Turkey",
              {"Türkiye", "Republic of Turkey"},
              {{"kind", std::string("state")}, {"wikidata", std::string("Q43")}}});
  g.add_node({"institution/tika",
              "Institution",
              "TIKA",
              {"Turkish Cooperation and Coordination Agency"},
              {{"kind", std::string("agency")}, {"founded", std::int64_t{1992}}}});
  g.add_node({"institution/turkic_council",
              "Institution",
              "Organization of Turkic States",
              {},
              {{"kind", std::string("organization")}}});
  g.add_node({"institution/manas_university",
              "Institution",
              "Kyrgyz-Turkish Manas University",
              {},
              {{"kind", std::string("university")}}});
  g.add_node({"instrument/education",
              "Instrument",
              "education",
              {},
              {{"channel", std::string("education")}, {"nye", std::string("attraction")}}});
  g.add_node({"target/kazakhstan",
              "TargetCountry",
              "Kazakhstan",
              {"Qazaqstan"},
              {{"roles", std::vector<std::string>{"actor", "target"}},
               {"kind", std::string("state")},
               {"wikidata", std::string("Q232")}}});
  g.add_node({"region/central_asia", "Region", "Central Asia", {}, {}});
  g.add_node({"reference/smith2020",
              "Reference",
              "Soft power in Central Asia",
              {},
              {{"authors", std::vector<std::string>{"Smith, J.", "Ivanova, A."}},
               {"year", std::int64_t{2020}},
               {"title", std::string("Soft power in Central Asia")}}});
  g.add_node({"person/smith", "Person", "J. Smith", {}, {}});
  g.add_node({"document/doc1", "Document", "brief.txt", {}, {}});
  g.add_edge("actor/turkey", "institution/tika", "OPERATES",
             evidence_at(100, "Turkey operates TIKA in the region.", 3));
  g.add_edge("actor/turkey", "institution/manas_university", "OPERATES",
             evidence_at(160, "Turkey funds Manas University.", 4));
  g.add_edge("institution/tika", "instrument/education", "DELIVERS",
             evidence_at(200, "TIKA builds schools.", 5));
  g.add_edge("actor/turkey", "instrument/education", "USES_INSTRUMENT",
             evidence_at(200, "TIKA builds schools.", 5));
  g.add_edge("actor/turkey", "instrument/education", "USES_INSTRUMENT",
             evidence_at(400, "Turkey offers scholarships.", 9), {{"amount", 1.5}});
  g.add_edge("institution/tika", "target/kazakhstan", "TARGETS",
             evidence_at(240, "TIKA works in Kazakhstan.", 6));
  g.add_edge("target/kazakhstan", "institution/turkic_council", "MEMBER_OF",
             evidence_at(300, "Kazakhstan is a member of the OTS.", 7));
  g.add_edge("actor/turkey", "region/central_asia", "TARGETS",
             evidence_at(20, "Turkey looks to Central Asia.", 1));
  g.add_edge("document/doc1", "reference/smith2020", "CITES", evidence_at(500, "(Smith 2020)", 10));
  g.add_edge("person/smith", "reference/smith2020", "AUTHORED",
             evidence_at(900, "Smith, J. 2020.", 20));
  g.add_edge("reference/smith2020", "actor/turkey", "DISCUSSES",
             evidence_at(500, "(Smith 2020)", 10));
  const char* ids[] = {"actor/turkey",
                       "institution/tika",
                       "institution/turkic_council",
                       "institution/manas_university",
                       "instrument/education",
                       "target/kazakhstan",
                       "region/central_asia",
                       "reference/smith2020",
                       "person/smith",
                       "document/doc1"};
  double i = 1;
  for (const char* id : ids) {
    set_metrics(g, id, i, (10 - i) / 100, 0.05 + i / 100);
    i += 1;
  }
  g.node(*g.find("actor/turkey")).metrics["pagerank"] = 0.3;
  g.warnings.push_back("unresolved citation (Doe 2019)");
  g.attributes["title"] = std::string("typed test graph");
  return g;
}

// Every special character in one string.
inline std::string nasty(const std::string& tag) {
  return tag +
         " \"quoted\" 'single' <b>x</b> a<b & c&amp; &lt; ; semi, comma\nnew line\r\n"
         "tab\there ctrl\x01\x1f\x7f back\\slash \\N \\G trailing\\ node graph strict digraph "
         "subgraph edge Москва 🇷🇺😀 | pipe `tick` {brace} [br] #hash %pct";
}

inline Graph hostile_graph() {
  Graph g;
  g.documents.push_back({"doc \"1\" <&>", "dir with space/файл;1,2.txt", std::string(64, 'f'), ""});
  g.add_node({"node",
              "Actor",
              nasty("label"),
              {nasty("alias1"), "alias;2,x", "<i>alias3</i>"},
              {{"kind", std::string("state")},
               {"wikidata", std::string("Q159")},
               {"notes", nasty("notes")},
               {"label", std::string("attribute named label")},
               {"score", 0.1},
               {"big", 1e300},
               {"tiny", -2.5e-308},
               {"count", std::int64_t{-42}},
               {"flag", true},
               {"list", std::vector<std::string>{"a|b", "c;d", "e,f", "g\"h", "Москва"}},
               {"weird key \"<&>\"", std::string("value")}}});
  g.add_node({"graph",
              "Institution",
              "<b>x</b>",
              {"strict", "node"},
              {{"kind", std::string("school")}, {"notes", std::string("")}}});
  g.add_node({"institution/a \"b\" <c> & d;e,f",
              "Institution",
              "",
              {},
              {{"kind", std::string("university")}}});
  g.add_node({"strict",
              "TargetCountry",
              "Қазақстан 🇰🇿",
              {"Kazakhstan", "Казахстан"},
              {{"roles", std::vector<std::string>{"actor", "target"}}}});
  g.add_node({"instrument/edu", "Instrument", "education & <culture>", {}, {}});
  g.add_edge("node", "graph", "OPERATES", evidence_at(0, nasty("quote1"), 0, "doc \"1\" <&>"));
  g.add_edge("node", "institution/a \"b\" <c> & d;e,f", "OPERATES",
             evidence_at(300, "short \"q\"", 2, "doc \"1\" <&>"));
  g.add_edge("graph", "instrument/edu", "DELIVERS", evidence_at(500, "a\\", 3, "doc \"1\" <&>"),
             {{"note", nasty("edge-attr")}, {"amount", std::int64_t{7}}});
  Evidence second = evidence_at(700, "second <quote> & more", 4, "doc \"1\" <&>");
  second.text = "repaired\ttext";
  second.page = 2;
  second.element = "body/p[2]";
  g.add_edge("graph", "instrument/edu", "DELIVERS", second);
  g.add_edge("graph", "strict", "TARGETS", evidence_at(900, "Москва 😀", 5, "doc \"1\" <&>"));
  g.add_edge("strict", "graph", "PARTNERS_WITH", evidence_at(950, "x,y;z", 6, "doc \"1\" <&>"));
  set_metrics(g, "node", 3, 0.5, 0.4);
  set_metrics(g, "graph", 4, 0.25, 0.3);
  set_metrics(g, "institution/a \"b\" <c> & d;e,f", 1, 0, 0.1);
  set_metrics(g, "strict", 2, 0, 0.15);
  set_metrics(g, "instrument/edu", 1, 0, 0.05);
  g.warnings.push_back(nasty("warning"));
  g.attributes["nasty"] = nasty("graph-attr");
  return g;
}

}  // namespace softgraph::test

#include <sstream>

namespace softgraph::test {

// "" when the two graphs hold the same documents, nodes, edges, evidence, warnings and
// attributes (doubles compared exactly); otherwise the first difference.
inline std::string graph_difference(const Graph& a, const Graph& b) {
  std::ostringstream d;
  if (a.node_count() != b.node_count()) return "node count differs";
  if (a.edge_count() != b.edge_count()) return "edge count differs";
  if (a.warnings != b.warnings) return "warnings differ";
  if (a.attributes != b.attributes) return "graph attributes differ";
  if (a.documents.size() != b.documents.size()) return "document count differs";
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    const auto &x = a.documents[i], &y = b.documents[i];
    if (x.id != y.id || x.path != y.path || x.sha256 != y.sha256 || x.format != y.format)
      return "document " + x.id + " differs";
  }
  auto an = a.sorted_nodes(), bn = b.sorted_nodes();
  for (std::size_t i = 0; i < an.size(); ++i) {
    const NodeProps &x = a.node(an[i]), &y = b.node(bn[i]);
    if (x.id != y.id) return "node id " + x.id + " vs " + y.id;
    if (x.type != y.type || x.label != y.label || x.aliases != y.aliases)
      return "node " + x.id + " type/label/aliases differ";
    if (x.attributes != y.attributes) return "node " + x.id + " attributes differ";
    if (x.metrics != y.metrics) return "node " + x.id + " metrics differ";
  }
  auto ae = a.sorted_edges(), be = b.sorted_edges();
  for (std::size_t i = 0; i < ae.size(); ++i) {
    const EdgeProps &x = a.edge(ae[i]), &y = b.edge(be[i]);
    const std::string id = a.edge_id(ae[i]);
    if (id != b.edge_id(be[i]) || x.type != y.type || x.weight != y.weight)
      return "edge " + id + " differs";
    if (x.attributes() != y.attributes()) return "edge " + id + " attributes differ";
    const auto &xe = x.evidence(), &ye = y.evidence();
    if (xe.size() != ye.size()) return "edge " + id + " evidence count differs";
    for (std::size_t k = 0; k < xe.size(); ++k) {
      const Evidence &p = xe[k], &q = ye[k];
      if (p.document != q.document || p.range != q.range || p.quote != q.quote ||
          p.text != q.text || p.rule != q.rule || p.confidence != q.confidence ||
          p.sentence != q.sentence || p.page != q.page || p.element != q.element)
        return "edge " + id + " evidence " + std::to_string(k) + " differs";
    }
  }
  return "";
}

}  // namespace softgraph::test
