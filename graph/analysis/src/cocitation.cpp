#include "softgraph/analysis/cocitation.hpp"

#include <map>
#include <set>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

using Context = std::pair<std::string, std::string>;  // document id, sentence or paragraph key

struct Contexts {
  std::map<std::string, std::set<Context>> sentences, paragraphs;  // by reference id
  std::map<Context, std::vector<Evidence>> evidence;               // by sentence
};

Contexts collect(const Graph& g) {
  Contexts c;
  const BoostGraph& bg = g.boost();
  for (EdgeDesc e : g.sorted_edges()) {
    const EdgeProps& ep = bg[e];
    if (ep.type != "CITES") continue;
    const std::string& doc = bg[boost::source(e, bg)].id;
    const std::string& ref = bg[boost::target(e, bg)].id;
    for (const Evidence& ev : ep.evidence()) {
      // (Appended, not "s" + to_string(): GCC 12 warns falsely about the latter, -Wrestrict.)
      std::string key = ev.sentence >= 0 ? "s" : "b";
      key += ev.sentence >= 0 ? std::to_string(ev.sentence) : std::to_string(ev.range.begin);
      Context ctx{ev.document.empty() ? doc : ev.document.str(), key};
      c.sentences[ref].insert(ctx);
      c.evidence[ctx].push_back(ev);
    }
    auto it = ep.attributes().find("paragraphs");
    if (it == ep.attributes().end()) continue;
    if (const auto* list = std::get_if<std::vector<std::string>>(&it->second))
      for (const std::string& p : *list) c.paragraphs[ref].insert({doc, p});
  }
  return c;
}

int shared(const std::set<Context>& a, const std::set<Context>& b) {
  int n = 0;
  for (const Context& x : a) n += static_cast<int>(b.count(x));
  return n;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::vector<CoCitation> cocitations(const Graph& g) {
  Contexts c = collect(g);
  std::vector<std::string> refs;
  for (const auto& [ref, _] : c.sentences) refs.push_back(ref);
  std::vector<CoCitation> out;
  for (std::size_t i = 0; i < refs.size(); ++i)
    for (std::size_t j = i + 1; j < refs.size(); ++j) {
      CoCitation cc{refs[i], refs[j], 0, shared(c.sentences[refs[i]], c.sentences[refs[j]]), 0};
      cc.paragraphs = shared(c.paragraphs[refs[i]], c.paragraphs[refs[j]]);
      bool have_paragraphs = !c.paragraphs[refs[i]].empty() && !c.paragraphs[refs[j]].empty();
      cc.weight = have_paragraphs ? cc.paragraphs : cc.sentences;
      if (cc.weight > 0) out.push_back(std::move(cc));
    }
  return out;
}

const Ontology& cocitation_ontology() {
  static const Ontology o = Ontology::parse(
      R"json({"version": 1,
          "node_types": {"Reference": {"description": "A bibliographic reference"}},
          "edge_types": {"CO_CITED": {"from": ["Reference"], "to": ["Reference"], "symmetric": true,
            "description": "cited together in one sentence or paragraph (weight = contexts)"}}})json",
      "cocitation ontology");
  return o;
}

Graph cocitation_projection(const Graph& g) {
  Graph out(cocitation_ontology());
  out.documents = g.documents;
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    if (n.type != "Reference") continue;
    Vertex nv = out.add_node({n.id, n.type, n.label, n.aliases, n.attributes});
    out.node(nv).metrics = n.metrics;
  }
  Contexts c = collect(g);
  for (const CoCitation& cc : cocitations(g)) {
    // Evidence: the sentences that cite both.
    std::vector<Evidence> ev;
    for (const Context& ctx : c.sentences[cc.a])
      if (c.sentences[cc.b].count(ctx)) {
        Evidence e = c.evidence[ctx].front();
        e.rule = "projection:cocitation";
        ev.push_back(std::move(e));
      }
    out.add_weighted_edge(
        cc.a, cc.b, "CO_CITED", cc.weight, std::move(ev),
        {{"sentences", std::int64_t{cc.sentences}}, {"paragraphs", std::int64_t{cc.paragraphs}}});
  }
  return out;
}

void write_cocitation_csv(const std::vector<CoCitation>& pairs, std::ostream& out) {
  out << "source,target,weight,sentences,paragraphs\n";
  for (const CoCitation& c : pairs)
    out << csv_field(c.a) << ',' << csv_field(c.b) << ',' << c.weight << ',' << c.sentences << ','
        << c.paragraphs << '\n';
  if (!out) throw Error(ErrorCode::kOutput, "", "", "cannot write the co-citation CSV");
}

}  // namespace softgraph
