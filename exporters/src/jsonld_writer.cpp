// graph.jsonld: JSON-LD 1.1 with the context of schemas/jsonld-context.json embedded inline (never
// fetched). Nodes get schema.org types where they fit (references by their CSL type) plus
// sg:<Type> from the project vocabulary https://softgraph.example/ns#; edges are direct triples
// (sg:OPERATES) and reified statements whose evidence is a prov:Entity and a W3C Web Annotation
// (the W3C context's term names: body, target, source, selector) with a TextQuoteSelector, and
// for plain-text documents a DataPositionSelector (byte offsets of the file) and, when the file
// can be read back unchanged (same SHA-256), a TextPositionSelector in Unicode code points, as
// the Web Annotation model defines it (section 4.2.4). byteStart/byteEnd keep graph.json's
// offsets on every evidence record.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <unordered_map>

#include "json_out.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/export/escape.hpp"
#include "writers.hpp"

namespace softgraph {
namespace {

std::string node_iri(const std::string& id) { return "node:" + escape::iri_component(id); }
std::string edge_iri(const std::string& id) { return "edge:" + escape::iri_component(id); }
std::string doc_iri(const std::string& id) { return "doc:" + escape::iri_component(id); }
// Attribute and metric names as properties of the project vocabulary.
std::string property(const std::string& key) { return "sg:" + escape::iri_component(key, ""); }

std::string string_attr(const Attributes& a, const std::string& key) {
  auto it = a.find(key);
  if (it == a.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}

// The schema.org class of a reference of the given CSL type. No type is what the CSL export
// writes for it, article-journal.
std::string reference_type(const std::string& csl) {
  static const std::map<std::string, std::string> kTypes = {
      {"", "ScholarlyArticle"},
      {"article-journal", "ScholarlyArticle"},
      {"paper-conference", "ScholarlyArticle"},
      {"article", "Article"},
      {"article-magazine", "Article"},
      {"article-newspaper", "NewsArticle"},
      {"book", "Book"},
      {"chapter", "Chapter"},
      {"thesis", "Thesis"},
      {"webpage", "WebPage"},
      {"report", "Report"},
      {"dataset", "Dataset"},
      {"legislation", "Legislation"},
      {"bill", "Legislation"},
      {"regulation", "Legislation"},
      {"treaty", "Legislation"},
      {"manuscript", "Manuscript"},
      {"map", "Map"},
      {"periodical", "Periodical"},
      {"post", "SocialMediaPosting"},
      {"post-weblog", "BlogPosting"},
      {"review", "Review"},
      {"review-book", "Review"},
      {"software", "SoftwareApplication"},
      {"speech", "CreativeWork"},
      {"interview", "CreativeWork"},
      {"entry", "CreativeWork"},
      {"entry-dictionary", "CreativeWork"},
      {"entry-encyclopedia", "CreativeWork"},
  };
  auto it = kTypes.find(csl);
  return "schema:" + (it == kTypes.end() ? std::string("CreativeWork") : it->second);
}

// Code-point offsets of evidence quotes, for the documents whose text can be read back: plain
// text files at their recorded path with the recorded SHA-256, each quote equal to the file's
// bytes at its offsets, the file valid UTF-8. Everything else has none (PDF and HTML offsets are
// into the extracted text, which is not the file; a moved or changed file cannot be trusted).
using CodePoints = std::unordered_map<const Evidence*, std::pair<std::uint64_t, std::uint64_t>>;

bool is_text_format(const std::string& format) { return format.empty() || format == "text"; }

std::uint64_t count_code_points(std::string_view bytes) {
  // Valid UTF-8 (checked first): every byte but a continuation byte starts a code point.
  return static_cast<std::uint64_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

CodePoints code_point_offsets(ExportContext& ctx) {
  const Graph& g = ctx.graph();
  std::map<std::string, const DocumentInfo*> docs;
  for (const auto& d : g.documents)
    if (is_text_format(d.format) && !d.path.empty() && !d.sha256.empty()) docs[d.id] = &d;
  std::map<std::string, std::vector<const Evidence*>> by_doc;
  for (EdgeDesc e : ctx.edges())
    for (const auto& ev : g.edge(e).evidence())
      if (docs.count(ev.document.str())) by_doc[ev.document.str()].push_back(&ev);
  CodePoints out;
  for (auto& [id, evidence] : by_doc) {
    std::ifstream in(docs[id]->path, std::ios::binary);
    if (!in) continue;
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.eof() && in.fail()) continue;
    if (sha256_hex(text) != docs[id]->sha256) continue;
    if (escape::valid_utf8(text) != text) continue;  // code points need valid UTF-8 (--lossy)
    // One sweep over the file in offset order.
    std::sort(evidence.begin(), evidence.end(),
              [](const Evidence* a, const Evidence* b) { return a->range.begin < b->range.begin; });
    std::uint64_t at = 0, code_points = 0;
    for (const Evidence* ev : evidence) {
      const auto& r = ev->range;
      if (r.end < r.begin || r.end > text.size()) continue;
      std::string_view quote(text.data() + r.begin, r.end - r.begin);
      if (quote != ev->quote) continue;
      code_points += count_code_points(std::string_view(text.data() + at, r.begin - at));
      at = r.begin;
      out[ev] = {code_points, code_points + count_code_points(quote)};
    }
  }
  return out;
}

// The schema.org class of a node, or "" where none fits (instruments).
std::string schema_type(const NodeProps& n) {
  std::string kind = string_attr(n.attributes, "kind");
  if (n.type == "Actor" || n.type == "TargetCountry") {
    if (kind.empty() || kind == "state" || kind == "country") return "schema:Country";
    if (kind == "government" || kind == "agency" || kind == "ministry")
      return "schema:GovernmentOrganization";
    return "schema:Organization";
  }
  if (n.type == "Institution") {
    if (kind == "school" || kind == "university") return "schema:EducationalOrganization";
    if (kind == "agency" || kind == "government" || kind == "ministry" || kind == "state_agency")
      return "schema:GovernmentOrganization";
    return "schema:Organization";
  }
  if (n.type == "Reference") return reference_type(string_attr(n.attributes, "csl_type"));
  if (n.type == "Person") return "schema:Person";
  if (n.type == "Region") return "schema:Place";
  if (n.type == "Document") return "schema:DigitalDocument";
  return "";
}

std::vector<std::string> wikidata_ids(const Attributes& a) {
  std::vector<std::string> out;
  auto it = a.find("wikidata");
  if (it == a.end()) return out;
  std::vector<std::string> raw;
  if (const auto* s = std::get_if<std::string>(&it->second)) raw.push_back(*s);
  if (const auto* l = std::get_if<std::vector<std::string>>(&it->second)) raw = *l;
  for (auto q : raw) {
    auto slash = q.rfind('/');
    if (slash != std::string::npos) q = q.substr(slash + 1);
    bool ok =
        q.size() > 1 && q[0] == 'Q' && q.find_first_not_of("0123456789", 1) == std::string::npos;
    if (ok) out.push_back("wd:" + q);
  }
  return out;
}

void write_attributes(JsonOut& j, const Attributes& attrs) {
  for (const auto& [k, v] : attrs) {
    if (!writable(v)) continue;
    j.key(property(k));
    j.value(v);
  }
}

void selector(JsonOut& j, const char* type, std::uint64_t start, std::uint64_t end) {
  j.begin_object();
  j.field("type", type);
  j.field("start", start);
  j.field("end", end);
  j.end_object();
}

// `code_points`: the quote's code-point offsets, or null; `text_file`: the document is a plain
// text file, so byte offsets are offsets into the resource itself.
void write_evidence(JsonOut& j, const std::string& edge, std::size_t index, const Evidence& e,
                    const std::pair<std::uint64_t, std::uint64_t>* code_points, bool text_file) {
  j.begin_object();
  j.field("id", edge + "/evidence/" + std::to_string(index));
  j.key("type");
  j.string_array({"Entity", "Annotation"});
  j.field("body", edge);
  j.key("target");
  j.begin_object();
  j.field("type", "SpecificResource");
  j.field("source", doc_iri(e.document));
  j.key("selector");
  j.begin_array();
  j.begin_object();
  j.field("type", "TextQuoteSelector");
  j.field("exact", e.quote);
  j.end_object();
  if (code_points) selector(j, "TextPositionSelector", code_points->first, code_points->second);
  if (text_file) selector(j, "DataPositionSelector", e.range.begin, e.range.end);
  j.end_array();
  j.end_object();
  j.field("byteStart", e.range.begin);
  j.field("byteEnd", e.range.end);
  evidence_details(j, e);
  j.end_object();
}

}  // namespace

void write_jsonld(ExportContext& ctx, Sink& sink) {
  const Graph& g = ctx.graph();
  const auto& bg = g.boost();
  rapidjson::Document context =
      parse_json(embedded_file("schemas/jsonld-context.json"), "schemas/jsonld-context.json");
  if (!context.IsObject() || !context.HasMember("@context"))
    throw internal_error("schemas/jsonld-context.json has no @context");

  // Direct relations per source vertex: edge type -> targets, in export order.
  std::map<Vertex, std::map<std::string, std::vector<std::string>>> relations;
  for (EdgeDesc e : ctx.edges())
    relations[boost::source(e, bg)][bg[e].type].push_back(bg[boost::target(e, bg)].id);
  const CodePoints code_points = code_point_offsets(ctx);
  std::map<std::string, bool> text_file;
  for (const auto& d : g.documents) text_file[d.id] = is_text_format(d.format);

  std::ostream& out = sink.open("graph.jsonld");
  JsonOut j(out);
  j.begin_object();
  j.key("@context");
  j.value(context["@context"]);
  j.key("@graph");
  j.begin_array();
  for (const auto& d : g.documents) {
    j.begin_object();
    j.field("id", doc_iri(d.id));
    j.key("type");
    j.string_array({"sg:Document", "schema:DigitalDocument"});
    j.field("softgraphId", d.id);
    document_source(j, d);
    j.end_object();
  }
  for (Vertex v : ctx.nodes()) {
    const NodeProps& n = g.node(v);
    j.begin_object();
    j.field("id", node_iri(n.id));
    j.key("type");
    std::vector<std::string> types;
    for (const auto& l : node_labels(n)) types.push_back("sg:" + escape::iri_component(l, ""));
    if (auto s = schema_type(n); !s.empty()) types.push_back(s);
    j.string_array(types);
    j.field("softgraphId", n.id);
    j.field("nodeType", n.type);
    j.field("name", n.label);
    j.field("label", n.label);
    j.field("alternateName", n.aliases);
    if (auto same = wikidata_ids(n.attributes); !same.empty()) j.field("sameAs", same);
    write_attributes(j, n.attributes);
    for (const auto& [k, m] : n.metrics) {
      if (!std::isfinite(m)) continue;
      j.field(property(k), m);
    }
    for (const auto& [type, targets] : relations[v]) {
      j.key("sg:" + escape::iri_component(type, ""));
      j.begin_array();
      for (const auto& t : targets) {
        j.begin_object();
        j.field("id", node_iri(t));
        j.end_object();
      }
      j.end_array();
    }
    j.end_object();
  }
  for (EdgeDesc e : ctx.edges()) {
    const EdgeProps& p = g.edge(e);
    const std::string id = g.edge_id(e);
    std::string iri = edge_iri(id);
    j.begin_object();
    j.field("id", iri);
    j.key("type");
    j.string_array({"sg:Relation", "rdf:Statement"});
    j.field("softgraphId", id);
    j.field("edgeType", p.type.str());
    j.field("subject", node_iri(bg[boost::source(e, bg)].id));
    j.field("predicate", "sg:" + escape::iri_component(p.type.str(), ""));
    j.field("object", node_iri(bg[boost::target(e, bg)].id));
    j.field("weight", std::isfinite(p.weight) ? p.weight : 0.0);
    write_attributes(j, p.attributes());
    j.key("evidence");
    j.begin_array();
    const auto& evidence = p.evidence();
    for (std::size_t i = 0; i < evidence.size(); ++i) {
      auto cp = code_points.find(&evidence[i]);
      auto tf = text_file.find(evidence[i].document.str());
      write_evidence(j, iri, i, evidence[i], cp == code_points.end() ? nullptr : &cp->second,
                     tf != text_file.end() && tf->second);
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  j.finish();
}

}  // namespace softgraph
