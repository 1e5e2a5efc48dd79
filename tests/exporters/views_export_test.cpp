// Diagrams by view (graph.dot of the influence view, graph-literature.dot beside it) and the
// channel matrix (its table, CSV and figure source), in memory.
#include <doctest/doctest.h>

#include <sstream>

#include "softgraph/analysis/channels.hpp"
#include "softgraph/export/channel_matrix.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"

using namespace softgraph;

namespace {

Evidence ev(int sentence) {
  Evidence e;
  e.document = "document/d";
  e.range = {std::uint64_t(sentence) * 10, std::uint64_t(sentence) * 10 + 5};
  e.sentence = sentence;
  e.confidence = 0.9;
  return e;
}

// china uses education (s1, s2) and culture (s3); turkey uses education (s4); confucius (china's)
// delivers culture in s3 and s5; plus a document citing a reference by nye.
Graph small_graph(bool literature) {
  Graph g;
  auto node = [&](const std::string& id, const std::string& type, const std::string& label,
                  Attributes a = {}) {
    g.add_node(Entity{id, type, label, {}, std::move(a)});
  };
  node("actor/china", "Actor", "China");
  node("actor/turkey", "Actor", "Turkey");
  node("institution/confucius", "Institution", "Confucius Institute");
  node("instrument/education", "Instrument", "Education",
       {{"channel", std::string("education")}, {"spectrum", std::string("attraction")}});
  node("instrument/financial_aid_loans", "Instrument", "Financial aid & loans",
       {{"channel", std::string("financial_aid_loans")}, {"spectrum", std::string("inducement")}});
  node("instrument/cultural_diplomacy", "Instrument", "Cultural diplomacy",
       {{"channel", std::string("cultural_diplomacy")}, {"spectrum", std::string("attraction")}});
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", ev(1));
  g.add_edge("actor/china", "instrument/education", "USES_INSTRUMENT", ev(2));
  g.add_edge("actor/china", "instrument/cultural_diplomacy", "USES_INSTRUMENT", ev(3));
  g.add_edge("actor/turkey", "instrument/education", "USES_INSTRUMENT", ev(4));
  g.add_edge("actor/turkey", "instrument/financial_aid_loans", "USES_INSTRUMENT", ev(6));
  g.add_edge("actor/china", "institution/confucius", "OPERATES", ev(3));
  g.add_edge("institution/confucius", "instrument/cultural_diplomacy", "DELIVERS", ev(3));
  g.add_edge("institution/confucius", "instrument/cultural_diplomacy", "DELIVERS", ev(5));
  if (literature) {
    node("document/d", "Document", "d");
    node("reference/nye_2004", "Reference", "Nye 2004");
    node("person/nye_j", "Person", "Nye, J.");
    g.add_edge("document/d", "reference/nye_2004", "CITES", ev(7));
    g.add_edge("person/nye_j", "reference/nye_2004", "AUTHORED", ev(7));
    g.add_edge("document/d", "actor/china", "MENTIONS", ev(1));
  }
  annotate_channels(g, compute_channels(g));
  return g;
}

}  // namespace

TEST_CASE("the diagram draws the influence view and a second one the literature") {
  const Graph g = small_graph(true);
  ExportOptions opt;
  opt.formats = {"json", "dot"};
  opt.diagram_views = {View::kInfluence, View::kLiterature};
  MemorySink sink;
  export_to_sink(g, opt, sink);
  CHECK(sink.names() ==
        std::vector<std::string>{"graph-literature.dot", "graph.dot", "graph.json"});
  const std::string influence = sink.contents("graph.dot");
  CHECK(influence.find("actor/china") != std::string::npos);
  CHECK(influence.find("reference/nye_2004") == std::string::npos);
  CHECK(influence.find("document/d") == std::string::npos);
  const std::string lit = sink.contents("graph-literature.dot");
  CHECK(lit.find("reference/nye_2004") != std::string::npos);
  CHECK(lit.find("instrument/education") == std::string::npos);
  // graph.json keeps the whole graph.
  CHECK(sink.contents("graph.json").find("\"document/d\"") != std::string::npos);

  // No literature: no second diagram. No views: one diagram of everything.
  MemorySink brief;
  export_to_sink(small_graph(false), opt, brief);
  CHECK_FALSE(brief.has("graph-literature.dot"));
  opt.diagram_views.clear();
  MemorySink whole;
  export_to_sink(g, opt, whole);
  CHECK(whole.contents("graph.dot").find("reference/nye_2004") != std::string::npos);
  CHECK_FALSE(whole.has("graph-literature.dot"));
}

TEST_CASE("the channel matrix: rows by dominance, columns soft to hard, leaders marked") {
  const ChannelMatrix m = channel_matrix(small_graph(true));
  REQUIRE(m.columns.size() == 3);
  // attraction (cultural diplomacy, education) before inducement (financial aid)
  CHECK(m.columns[0].channel == "cultural_diplomacy");
  CHECK(m.columns[1].channel == "education");
  CHECK(m.columns[2].channel == "financial_aid_loans");
  // culture: china's s3 (own use and confucius) and s5 (confucius) = 2 sentences, not 3
  CHECK(m.columns[0].sentences == 2);
  CHECK(m.columns[0].leaders == std::vector<std::string>{"actor/china"});
  REQUIRE(m.rows.size() == 2);
  // china: 1 + 2/3 shares + 2 led = 3.67; turkey: 1/3 + 1 + 1 led = 2.33
  CHECK(m.rows[0].actor == "actor/china");
  CHECK(m.rows[0].dominance == doctest::Approx(1 + 2.0 / 3 + 2));
  CHECK(m.rows[0].share[2] < 0);  // no share in financial aid
  CHECK(m.rows[1].leads == std::vector<bool>{false, false, true});

  std::ostringstream csv;
  write_channel_matrix_csv(m, csv);
  CHECK(csv.str() ==
        "actor,label,cultural_diplomacy,education,financial_aid_loans,channels_led,dominance\n"
        "actor/china,China,1.0000,0.6667,,2.0000,3.6667\n"
        "actor/turkey,Turkey,,0.3333,1.0000,1.0000,2.3333\n"
        "hhi,HHI,1.0000,0.5556,1.0000,,\n"
        "sentences,Evidence sentences,2.00,3.00,1.00,,\n"
        "leader,Leader,actor/china,actor/china,actor/turkey,,\n");

  const std::string dot = channel_matrix_dot(m);
  CHECK(dot.find("Financial<BR/>aid &amp; loans") != std::string::npos);  // escaped, wrapped
  std::size_t stars = 0;
  for (auto at = dot.find("★ "); at != std::string::npos; at = dot.find("★ ", at + 1)) ++stars;
  CHECK(stars == 3 + 1);  // one per channel, one in the key
}

TEST_CASE("the matrix format writes the figure and the table") {
  ExportOptions opt;
  opt.formats = {"matrix"};
  MemorySink sink;
  export_to_sink(small_graph(false), opt, sink);
  CHECK(sink.names() ==
        std::vector<std::string>{"channel-matrix.csv", "channel-matrix.png", "channel-matrix.svg"});
  CHECK(sink.contents("channel-matrix.png").substr(1, 3) == "PNG");
  CHECK(sink.contents("channel-matrix.svg").find("<svg") != std::string::npos);
}
