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
  j.key("document");
  j.string(e.document);
  j.key("start");
  j.integer(static_cast<std::int64_t>(e.range.begin));
  j.key("end");
  j.integer(static_cast<std::int64_t>(e.range.end));
  j.key("quote");
  j.string(e.quote);
  if (!e.text.empty()) {
    j.key("text");
    j.string(e.text);
  }
  j.key("rule");
  j.string(e.rule);
  j.key("confidence");
  j.number(std::isfinite(e.confidence) ? e.confidence : 0.0);
  j.key("sentence");
  j.integer(e.sentence);
  if (e.page != 0) {
    j.key("page");
    j.integer(e.page);
  }
  if (!e.element.empty()) {
    j.key("element");
    j.string(e.element);
  }
  j.end_object();
}

}  // namespace

void write_graph_json(const Graph& g, std::ostream& out) {
  JsonOut j(out);
  j.begin_object();
  j.key("softgraph");
  j.string(SOFTGRAPH_VERSION);
  j.key("documents");
  j.begin_array();
  for (const auto& d : g.documents) {
    j.begin_object();
    j.key("id");
    j.string(d.id);
    j.key("path");
    j.string(d.path);
    j.key("sha256");
    j.string(d.sha256);
    if (!d.format.empty()) {
      j.key("format");
      j.string(d.format);
    }
    j.end_object();
  }
  j.end_array();
  j.key("nodes");
  j.begin_array();
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    j.begin_object();
    j.key("id");
    j.string(n.id);
    j.key("type");
    j.string(n.type);
    j.key("label");
    j.string(n.label);
    j.key("aliases");
    j.string_array(n.aliases);
    j.key("attributes");
    write_attributes(j, n.attributes);
    j.key("metrics");
    j.begin_object();
    for (const auto& [k, m] : n.metrics) {
      if (!std::isfinite(m)) continue;
      j.key(k);
      j.number(m);
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
    j.key("id");
    j.string(g.edge_id(e));
    j.key("source");
    j.string(bg[boost::source(e, bg)].id);
    j.key("target");
    j.string(bg[boost::target(e, bg)].id);
    j.key("type");
    j.string(p.type.str());
    j.key("weight");
    j.number(std::isfinite(p.weight) ? p.weight : 0.0);
    j.key("attributes");
    write_attributes(j, p.attributes());
    j.key("evidence");
    j.begin_array();
    for (const auto& ev : p.evidence()) write_evidence(j, ev);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("warnings");
  j.string_array(g.warnings);
  j.key("attributes");
  write_attributes(j, g.attributes);
  j.end_object();
  j.finish();
}

void write_json(ExportContext& ctx, Sink& sink) {
  write_graph_json(ctx.graph(), sink.open("graph.json"));
}

}  // namespace softgraph
