// The XML exports against their published schemas, with libxml2's validators: GraphML against the
// GraphML 1.0 XSD, GEXF 1.3 against its RelaxNG schema (its XSD is broken for viz:), GEXF 1.2draft
// against its RelaxNG schema (with the viz namespace fixed, see gexf12_rng), SVG parsed as XML. The
// schemas are read from
// ../shared/specs (never copied into the project); without them the tests skip with a message,
// or fail under SOFTGRAPH_REQUIRE_SHARED=1. Nothing is fetched: an entity loader refuses every
// URL that is not a local file. tests/clients/test_export_schemas.py runs the last test case on
// real builds (the article, our own texts) through SOFTGRAPH_VALIDATE_DIR.
#include <doctest/doctest.h>

#if __has_include(<libxml/xmlschemas.h>)
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "data/hostile/hostile_graph.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"
#include "test_support.hpp"

using namespace softgraph;
namespace fs = std::filesystem;

namespace {

fs::path specs_dir() { return test::shared_dir() / "specs"; }

// True when ../shared/specs is there; otherwise skipped with a message, or a failure under
// SOFTGRAPH_REQUIRE_SHARED=1.
bool have_specs() {
  if (fs::exists(specs_dir() / "graphml" / "graphml.xsd")) return true;
  if (std::getenv("SOFTGRAPH_REQUIRE_SHARED"))
    FAIL("../shared is required (SOFTGRAPH_REQUIRE_SHARED=1) but " << specs_dir() << " is missing");
  MESSAGE("skipped: " << specs_dir() << " not found");
  return false;
}

// Collects libxml2's messages for one validation. (A generic lambda: the error is `xmlError*`
// before libxml2 2.12 and `const xmlError*` after.)
struct Messages {
  std::string text;
  static constexpr auto collect = [](void* self, auto* e) {
    auto* m = static_cast<Messages*>(self);
    if (m->text.size() > 4000) return;
    m->text += (e->file ? std::string(e->file) : std::string("?")) + ":" + std::to_string(e->line) +
               ": " + (e->message ? e->message : "?");
  };
};

// No network: only local files (schemaLocation="viz.xsd", "xlink.xsd") may be loaded.
xmlExternalEntityLoader default_loader = nullptr;
xmlParserInputPtr local_only(const char* url, const char* id, xmlParserCtxtPtr ctxt) {
  if (url && (std::strstr(url, "://") != nullptr && std::strncmp(url, "file://", 7) != 0)) {
    FAIL_CHECK("a schema or document tried to load " << url);
    return nullptr;
  }
  return default_loader(url, id, ctxt);
}
void install_loader() {
  if (default_loader) return;
  default_loader = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(local_only);
}

struct Doc {
  xmlDocPtr doc = nullptr;
  Messages errors;
  Doc(const std::string& text, const std::string& name) {
    install_loader();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    doc = xmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()), name.c_str(), "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc && ctxt->lastError.message) errors.text = ctxt->lastError.message;
    xmlFreeParserCtxt(ctxt);
  }
  ~Doc() {
    if (doc) xmlFreeDoc(doc);
  }
  std::string root() const {
    xmlNodePtr r = doc ? xmlDocGetRootElement(doc) : nullptr;
    return r ? reinterpret_cast<const char*>(r->name) : "";
  }
  std::string root_namespace() const {
    xmlNodePtr r = doc ? xmlDocGetRootElement(doc) : nullptr;
    return r && r->ns ? reinterpret_cast<const char*>(r->ns->href) : "";
  }
};

// "" when `text` is valid against the XSD at `schema`, else libxml2's messages.
std::string xsd_errors(const fs::path& schema, const std::string& text, const std::string& name) {
  install_loader();
  Messages parse_errors, errors;
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(schema.c_str());
  xmlSchemaSetParserStructuredErrors(pc, Messages::collect, &parse_errors);
  xmlSchemaPtr s = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  if (!s) return "cannot read the schema " + schema.string() + ": " + parse_errors.text;
  Doc doc(text, name);
  std::string out;
  if (!doc.doc) {
    out = "not well-formed XML: " + doc.errors.text;
  } else {
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
    xmlSchemaSetValidStructuredErrors(vc, Messages::collect, &errors);
    int rc = xmlSchemaValidateDoc(vc, doc.doc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc != 0) out = "invalid (" + std::to_string(rc) + "): " + errors.text;
  }
  xmlSchemaFree(s);
  return out;
}

// "" when `text` is valid against the RelaxNG schema at `schema`, else libxml2's messages.
std::string rng_errors(const fs::path& schema, const std::string& text, const std::string& name) {
  install_loader();
  Messages parse_errors, errors;
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(schema.c_str());
  xmlRelaxNGSetParserStructuredErrors(pc, Messages::collect, &parse_errors);
  xmlRelaxNGPtr s = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!s) return "cannot read the schema " + schema.string() + ": " + parse_errors.text;
  Doc doc(text, name);
  std::string out;
  if (!doc.doc) {
    out = "not well-formed XML: " + doc.errors.text;
  } else {
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(s);
    xmlRelaxNGSetValidStructuredErrors(vc, Messages::collect, &errors);
    int rc = xmlRelaxNGValidateDoc(vc, doc.doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc != 0) out = "invalid (" + std::to_string(rc) + "): " + errors.text;
  }
  xmlRelaxNGFree(s);
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// GEXF 1.2draft's published RelaxNG schema includes viz.rng without a namespace, so it declares
// viz:color, viz:size and viz:position in the GEXF namespace, where no writer or reader puts
// them (NetworkX, Gephi: http://www.gexf.net/1.2draft/viz); its XSD, made from it, has the same
// fault. GEXF 1.3 fixed it with <include href="viz.rng" ns=".../viz"/>. The 1.2draft schema is
// used with that one fix, in a scratch copy (CC BY 4.0 permits adaptation; nothing is kept in the
// project): the include of viz.rng gets ns="http://www.gexf.net/1.2draft/viz", and the other
// includes point at ../shared/specs.
fs::path gexf12_rng() {
  static const fs::path fixed = [] {
    fs::path dir = specs_dir() / "gexf" / "1.2draft";
    std::string rng = read_file(dir / "gexf.rng");
    for (const char* part : {"data", "dynamics", "hierarchy", "phylogenics", "viz"}) {
      std::string from = "<include href=\"" + std::string(part) + ".rng\"";
      auto at = rng.find(from);
      REQUIRE_MESSAGE(at != std::string::npos, from);
      std::string to = "<include href=\"" + (dir / (std::string(part) + ".rng")).string() + "\"";
      if (std::string(part) == "viz") to += " ns=\"http://www.gexf.net/1.2draft/viz\"";
      rng.replace(at, from.size(), to);
    }
    fs::path out = test::scratch("gexf-1.2draft-rng") / "gexf.rng";
    std::ofstream(out, std::ios::binary) << rng;
    return out;
  }();
  return fixed;
}

// Every check one XML file gets, by what it is.
void check_graphml(const std::string& text, const std::string& name) {
  INFO(name);
  CHECK(xsd_errors(specs_dir() / "graphml" / "graphml.xsd", text, name) == "");
}

void check_gexf(const std::string& text, const std::string& name) {
  INFO(name);
  Doc doc(text, name);
  REQUIRE_MESSAGE(doc.doc != nullptr, doc.errors.text);
  std::string ns = doc.root_namespace();
  if (ns == "http://gexf.net/1.3") {
    CHECK(rng_errors(specs_dir() / "gexf" / "1.3" / "gexf.rng", text, name) == "");
  } else {
    CHECK(ns == "http://www.gexf.net/1.2draft");
    CHECK(rng_errors(gexf12_rng(), text, name) == "");
  }
}

void check_svg(const std::string& text, const std::string& name) {
  INFO(name);
  Doc doc(text, name);
  CHECK_MESSAGE(doc.doc != nullptr, doc.errors.text);
  CHECK(doc.root() == "svg");
  CHECK(doc.root_namespace() == "http://www.w3.org/2000/svg");
}

MemorySink export_xml(const Graph& g, const std::string& gexf_version) {
  ExportOptions opt;
  opt.formats = {"graphml", "gexf", "svg"};
  opt.gexf_version = gexf_version;
  MemorySink sink;
  export_to_sink(g, opt, sink);
  return sink;
}

}  // namespace

TEST_CASE(
    "GraphML, GEXF 1.3 and 1.2draft and SVG of the test graphs validate against their schemas") {
  if (!have_specs()) return;
  for (auto [name, graph] :
       {std::pair{"typed", test::typed_graph()}, std::pair{"hostile", test::hostile_graph()}}) {
    MemorySink s13 = export_xml(graph, "1.3"), s12 = export_xml(graph, "1.2");
    check_graphml(s13.contents("graph.graphml"), std::string(name) + "/graph.graphml");
    check_gexf(s13.contents("graph.gexf"), std::string(name) + "/graph.gexf (1.3)");
    check_gexf(s12.contents("graph.gexf"), std::string(name) + "/graph.gexf (1.2draft)");
    check_svg(s13.contents("graph.svg"), std::string(name) + "/graph.svg");
  }
}

TEST_CASE("the validators see invalid files: a slash in a GraphML id, a GEXF without nodes") {
  if (!have_specs()) return;
  std::string gml = export_xml(test::typed_graph(), "1.3").contents("graph.graphml");
  auto at = gml.find("<node id=\"n0\"");
  REQUIRE(at != std::string::npos);
  std::string bad = gml;
  bad.replace(at, std::strlen("<node id=\"n0\""), "<node id=\"actor/x\"");
  CHECK(xsd_errors(specs_dir() / "graphml" / "graphml.xsd", bad, "bad.graphml") != "");
  std::string gexf =
      "<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"
      "<graph><edges/></graph></gexf>";
  CHECK(rng_errors(specs_dir() / "gexf" / "1.3" / "gexf.rng", gexf, "bad.gexf") != "");
  CHECK(Doc("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", "bad.svg").doc == nullptr);
}

TEST_CASE("GraphML ids are NMTOKENs and the first datum of every edge is its type") {
  std::string gml = export_xml(test::hostile_graph(), "1.3").contents("graph.graphml");
  CHECK(gml.find("<key id=\"labels\" for=\"node\" attr.name=\"labels\"") != std::string::npos);
  CHECK(gml.find("<key id=\"label\" for=\"edge\" attr.name=\"label\"") != std::string::npos);
  std::size_t pos = 0, edges = 0;
  while ((pos = gml.find("<edge id=\"e", pos)) != std::string::npos) {
    const std::string label = "<data key=\"label\">";
    auto next = gml.find("<data ", pos);
    CHECK(gml.compare(next, label.size(), label) == 0);
    ++edges;
    ++pos;
  }
  CHECK(edges > 0);
}

// Validates the XML files softgraph wrote into SOFTGRAPH_VALIDATE_DIR (graph.graphml, graph.gexf
// of either version, graph.svg, and every *.graphml, *.gexf, *.svg below it), only when the
// variable is set: tests/clients/test_export_schemas.py runs it on real builds.
TEST_CASE("validates the XML files in SOFTGRAPH_VALIDATE_DIR against their schemas") {
  const char* dir = std::getenv("SOFTGRAPH_VALIDATE_DIR");
  if (!dir || !*dir) return;
  REQUIRE_MESSAGE(fs::exists(specs_dir()), specs_dir() << " is missing");
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (ext == ".graphml")
      check_graphml(read_file(e.path()), e.path().string());
    else if (ext == ".gexf")
      check_gexf(read_file(e.path()), e.path().string());
    else if (ext == ".svg")
      check_svg(read_file(e.path()), e.path().string());
    else
      continue;
    ++files;
    MESSAGE("validated " << e.path().string());
  }
  CHECK(files > 0);
}

#endif  // libxml2
