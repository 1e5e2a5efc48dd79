// graph.json: the contract described in schemas/graph.schema.json.
#include <cmath>

#include "json_out.hpp"
#include "writers.hpp"

#ifndef SOFTGRAPH_VERSION
#define SOFTGRAPH_VERSION "0.0.0"
#endif

namespace softgraph {
namespace {

void write_attributes(JsonOut& j, const Attributes& attrs) {
  j.begin_object();
  for (const auto& [k, v] : attrs) {
    if (!writable(v)) continue;  // non-finite numbers are never printed
    j.key(k);
    j.value(v);
  }
  j.end_object();
}

void write_evidence(JsonOut& j, const Evidence& e) {
  j.begin_object();
  j.field("document", e.document);
  j.field("start", e.range.begin);
  j.field("end", e.range.end);
  j.field("quote", e.quote);
  evidence_details(j, e);
  j.end_object();
}

}  // namespace

void write_graph_json(const Graph& g, std::ostream& out) {
  JsonOut j(out);
  j.begin_object();
  j.field("softgraph", SOFTGRAPH_VERSION);
  j.key("documents");
  j.begin_array();
  for (const auto& d : g.documents) {
    j.begin_object();
    j.field("id", d.id);
    document_source(j, d);
    j.end_object();
  }
  j.end_array();
  j.key("nodes");
  j.begin_array();
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    j.begin_object();
    j.field("id", n.id);
    j.field("type", n.type);
    j.field("label", n.label);
    j.field("aliases", n.aliases);
    j.key("attributes");
    write_attributes(j, n.attributes);
    j.key("metrics");
    j.begin_object();
    for (const auto& [k, m] : n.metrics) {
      if (!std::isfinite(m)) continue;
      j.field(k, m);
    }
    j.end_object();
    j.end_object();
  }
  j.end_array();
  j.key("edges");
  j.begin_array();
  const auto& bg = g.boost();
  for (EdgeDesc e : g.sorted_edges()) {
    const EdgeProps& p = g.edge(e);
    j.begin_object();
    j.field("id", g.edge_id(e));
    j.field("source", bg[boost::source(e, bg)].id);
    j.field("target", bg[boost::target(e, bg)].id);
    j.field("type", p.type.str());
    j.field("weight", std::isfinite(p.weight) ? p.weight : 0.0);
    j.key("attributes");
    write_attributes(j, p.attributes());
    j.key("evidence");
    j.begin_array();
    for (const auto& ev : p.evidence()) write_evidence(j, ev);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.field("warnings", g.warnings);
  j.key("attributes");
  write_attributes(j, g.attributes);
  j.end_object();
  j.finish();
}

void write_json(ExportContext& ctx, Sink& sink) {
  write_graph_json(ctx.graph(), sink.open("graph.json"));
}

}  // namespace softgraph
