#!/usr/bin/python3
"""Every export of real builds against its published schema, offline (schemas from
../shared/specs, never fetched, never copied into the project):

- graph.graphml against the GraphML 1.0 XSD, graph.gexf against GEXF 1.3's RelaxNG schema and,
  written with --gexf-version 1.2, against GEXF 1.2draft's RelaxNG schema (its viz elements put in
  the viz namespace, as GEXF 1.3 does: see schema_validation_test.cpp), graph.svg
  parsed as XML: by libxml2's validators, in the test_exporters binary
  (tests/exporters/schema_validation_test.cpp, run here with SOFTGRAPH_VALIDATE_DIR);
- references.json against the CSL-JSON schema (csl-data.json, JSON Schema draft-07) and
  graph.json against schemas/graph.schema.json (draft-04), with python3-jsonschema;
- graph.jsonld expanded by pyld (a document loader that refuses the network): every Web
  Annotation TextPositionSelector, read in Unicode code points as the Web Annotation model says
  (section 4.2.4), and every DataPositionSelector, read in bytes, selects exactly the quote of its
  TextQuoteSelector in the document's text; the annotations mean the same under the W3C context
  (anno.jsonld) as under ours; each Reference node's schema.org type follows its CSL type.

Builds: one of our own texts with a Russian and emoji preamble (so that code points and bytes
differ) and a reference list of several CSL types, and the article from ../shared/corpus (skipped
with a message when absent, a failure under SOFTGRAPH_REQUIRE_SHARED=1). Without
../shared/specs the test skips, or fails under SOFTGRAPH_REQUIRE_SHARED=1.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from export_fixtures import FAILURES, check  # noqa: E402

BIN = os.environ.get("SOFTGRAPH_BIN")
SRC = Path(os.environ.get("SOFTGRAPH_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
SPECS = SHARED / "specs"
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
REQUIRE = bool(os.environ.get("SOFTGRAPH_REQUIRE_SHARED"))

OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SG = "https://softgraph.example/ns#"
SCHEMA = "https://schema.org/"

# The schema.org class each CSL type maps to (README, "Exports").
CSL_SCHEMA = {"article-journal": "ScholarlyArticle", "paper-conference": "ScholarlyArticle",
              "article": "Article", "article-magazine": "Article", "article-newspaper": "NewsArticle",
              "book": "Book", "chapter": "Chapter", "thesis": "Thesis", "webpage": "WebPage",
              "report": "Report", "dataset": "Dataset"}

PREAMBLE = ("Обзор 🌍🇰🇿 — «мягкая сила» в регионе. Қазақстан және көршілер.\n\n")
OWN_REFERENCES = """

Sources. Nye (2004) set the terms; Cooley (2012) describes the great game; Sultanova (2019)
studies scholarships; the Carnegie Endowment (2021) surveys Turkish aid; Smith (2018) compares
Gulf donors.

References

Carnegie Endowment. (2021). Turkey's aid in the Caucasus. Retrieved from https://carnegieendowment.org/turkey-caucasus
Cooley, A. (2012). Great games, local rules: The new great power contest in Central Asia. Oxford University Press.
Nye, J. S. (2004). Soft power: The means to success in world politics. PublicAffairs.
Smith, J. (2018). Gulf donors in the Horn of Africa. Journal of Regional Studies, 12(3), 45-67.
Sultanova, D. (2019). Scholarships as soft power in the South Caucasus (Doctoral dissertation). University of Tartu.
"""


def no_network(url, options=None):
    raise RuntimeError("tried to fetch %s" % url)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def build(inputs, out, extra=()):
    r = run("build", *inputs, "-o", str(out), "--format", "json,graphml,gexf,jsonld,svg,csl,neo4j", *extra)
    check(r.returncode == 0, "softgraph build -> %s (%s)" % (out.name, r.stderr.strip()[:300]))
    r12 = run("build", *inputs, "-o", str(out / "gexf-1.2"), "--format", "gexf", "--gexf-version", "1.2")
    check(r12.returncode == 0, "softgraph build --gexf-version 1.2 -> %s (%s)" % (out.name, r12.stderr.strip()[:300]))
    return r.returncode == 0 and r12.returncode == 0


def validate_xml(root):
    """libxml2's validators over every .graphml, .gexf and .svg below `root`."""
    binary = os.environ.get("SOFTGRAPH_TEST_EXPORTERS") or \
        os.path.join(os.path.dirname(os.path.dirname(BIN)), "tests", "test_exporters")
    env = dict(os.environ, SOFTGRAPH_VALIDATE_DIR=str(root), SOFTGRAPH_SHARED_DIR=str(SHARED))
    r = subprocess.run([binary, "-tc=*SOFTGRAPH_VALIDATE_DIR*", "-s"], env=env, capture_output=True, text=True)
    validated = [line.split("validated ", 1)[1] for line in r.stdout.splitlines() if "validated " in line]
    for kind in ("graph.graphml", "graph.gexf", "gexf-1.2/graph.gexf", "graph.svg"):
        n = sum(1 for v in validated if v.endswith("/" + kind))
        check(n >= 1, "libxml2 validated %d %s file(s)" % (n, kind))
    check(r.returncode == 0, "GraphML (XSD), GEXF 1.3 (RelaxNG), GEXF 1.2draft (RelaxNG), SVG (XML) "
          "are valid%s" % ("" if r.returncode == 0 else ":\n" + (r.stdout + r.stderr)[-3000:]))


def validate_json(out, what):
    import jsonschema
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    schema = json.loads((SRC / "schemas" / "graph.schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(graph))
    check(not errors, "%s: graph.json validates against schemas/graph.schema.json%s"
          % (what, "" if not errors else ": " + errors[0].message[:200]))
    csl = json.loads((out / "references.json").read_text(encoding="utf-8"))
    csl_schema = json.loads((SPECS / "csl" / "csl-data.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(csl_schema).iter_errors(csl))
    check(not errors, "%s: references.json (%d items) validates against CSL-JSON csl-data.json%s"
          % (what, len(csl), "" if not errors else ": %s at %s" % (errors[0].message[:200], list(errors[0].path))))
    return graph, csl


def check_jsonld(out, graph, what, expect_code_points):
    from pyld import jsonld
    jsonld.set_document_loader(no_network)
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    flat = jsonld.flatten(doc)  # expanded, every node at the top (evidence is nested in edges)
    flat = flat.get("@graph", flat) if isinstance(flat, dict) else flat
    by_id = {n.get("@id"): n for n in flat}
    texts = {}
    for d in graph["documents"]:
        raw = Path(d["path"]).read_bytes()
        texts[d["id"]] = (raw, raw.decode("utf-8"))

    def values(node, prop):
        return node.get(prop, [])

    annotations = [n for n in flat if OA + "Annotation" in n.get("@type", [])]
    check(len(annotations) == sum(len(e["evidence"]) for e in graph["edges"]),
          "%s: one annotation per evidence record (%d)" % (what, len(annotations)))
    counts = {"text": 0, "data": 0, "bad_text": 0, "bad_data": 0, "no_text": 0, "differs": 0}
    for a in annotations:
        target = values(a, OA + "hasTarget")
        target = by_id.get(target[0].get("@id"), {}) if target else {}
        source = values(target, OA + "hasSource")
        doc_iri = source[0]["@id"] if source else ""
        doc_id = next((d["id"] for d in graph["documents"] if doc_iri.endswith("/" + _pct(d["id"]))), None)
        raw, text = texts.get(doc_id, (b"", ""))
        exact, tps, dps = None, None, None
        for ref in values(target, OA + "hasSelector"):
            sel = by_id.get(ref.get("@id"), {})
            kinds = sel.get("@type", [])
            if OA + "TextQuoteSelector" in kinds:
                exact = values(sel, OA + "exact")[0]["@value"]
            pos = (int(values(sel, OA + "start")[0]["@value"]) if values(sel, OA + "start") else None,
                   int(values(sel, OA + "end")[0]["@value"]) if values(sel, OA + "end") else None)
            if OA + "TextPositionSelector" in kinds:
                tps = pos
            if OA + "DataPositionSelector" in kinds:
                dps = pos
        if tps is None:
            counts["no_text"] += 1
        else:
            counts["text"] += 1
            if text[tps[0]:tps[1]] != exact:
                counts["bad_text"] += 1
                if counts["bad_text"] <= 3:
                    print("  TextPositionSelector %s selects %r, quote %r" % (tps, text[tps[0]:tps[1]][:60], exact[:60]))
        if dps is not None:
            counts["data"] += 1
            if raw[dps[0]:dps[1]] != exact.encode("utf-8"):
                counts["bad_data"] += 1
        if tps is not None and dps is not None and tps != dps:
            counts["differs"] += 1
    print("  %s: %r" % (what, counts))
    check(counts["bad_text"] == 0, "%s: all %d TextPositionSelectors, read in code points, select the quote"
          % (what, counts["text"]))
    check(counts["bad_data"] == 0, "%s: all %d DataPositionSelectors, read in bytes, select the quote"
          % (what, counts["data"]))
    if expect_code_points:
        check(counts["no_text"] == 0, "%s: every annotation has a TextPositionSelector (the text file is there)" % what)
        check(counts["differs"] > 0, "%s: code points and bytes differ for %d annotations (non-ASCII text before them)"
              % (what, counts["differs"]))

    # The same annotations read with the W3C Web Annotation context give the same oa: statements.
    anno = json.loads((SPECS / "web-annotation" / "anno.jsonld").read_text(encoding="utf-8"))["@context"]
    ours = doc["@context"]
    sample = [ev for n in doc["@graph"] for ev in n.get("evidence", [])][:50]
    check(len(sample) > 0, "%s: annotations to compare with the W3C context" % what)
    same = 0
    for a in sample:
        mine = _oa_statements(jsonld.to_rdf({"@context": ours, **a}, {"format": "application/n-quads"}))
        w3c = _oa_statements(jsonld.to_rdf({"@context": anno, **a}, {"format": "application/n-quads"}))
        if mine == w3c and mine:
            same += 1
        elif same == 0:
            print("  ours: %s\n  W3C:  %s" % (sorted(mine)[:8], sorted(w3c)[:8]))
    check(same == len(sample), "%s: %d of %d annotations give the same oa: statements under anno.jsonld"
          % (what, same, len(sample)))

    # Reference nodes: the schema.org type follows the CSL type.
    wrong, seen = 0, set()
    for node in graph["nodes"]:
        if node["type"] != "Reference":
            continue
        csl_type = node["attributes"].get("csl_type") or "article-journal"
        want = SCHEMA + CSL_SCHEMA.get(csl_type, "CreativeWork")
        types = by_id.get("https://softgraph.example/id/node/" + _pct(node["id"]), {}).get("@type", [])
        seen.add(csl_type)
        if want not in types:
            wrong += 1
            print("  %s (%s): types %s, want %s" % (node["id"], csl_type, types, want))
    check(wrong == 0, "%s: every Reference has the schema.org type of its CSL type (%s)" % (what, sorted(seen)))
    return seen


def _pct(s):
    from urllib.parse import quote
    return quote(s.encode("utf-8"), safe="/-._~")


def _oa_statements(nquads):
    """(predicate, object) of the Web Annotation statements, blank nodes and our IRIs blurred."""
    out = []
    for line in nquads.splitlines():
        parts = line.split(" ", 2)
        if len(parts) < 3:
            continue
        p, rest = parts[1].strip("<>"), parts[2].rsplit(" .", 1)[0]
        o = rest
        if o.startswith("_:"):
            o = "_:b"
        elif o.startswith("<") and not o.startswith("<" + OA):
            o = "<iri>"
        if p.startswith(OA) or (p == RDF_TYPE and o.startswith("<" + OA)):
            out.append((p, o))
    return sorted(out)


def main():
    if not BIN:
        print("FAIL: set SOFTGRAPH_BIN")
        return 1
    if not (SPECS / "graphml" / "graphml.xsd").exists():
        if REQUIRE:
            print("FAIL ../shared is required but %s is missing" % SPECS)
            return 1
        print("skipped: %s not found" % SPECS)
        return 0
    try:
        import jsonschema  # noqa: F401
        from pyld import jsonld  # noqa: F401
    except ImportError as e:
        print("FAIL: client missing (apt-get install python3-jsonschema python3-pyld): %s" % e)
        return 1
    base = os.environ.get("SOFTGRAPH_TEST_TMP") or tempfile.gettempdir()
    root = Path(base) / "clients" / "schemas"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)

    own = root / "own.txt"
    body = (SRC / "tests" / "data" / "texts" / "south-caucasus-soft-power.txt").read_text(encoding="utf-8")
    own.write_text(PREAMBLE + body + OWN_REFERENCES, encoding="utf-8")
    builds = []
    if build([str(own)], root / "own"):
        builds.append((root / "own", "own text", True))
    if ARTICLE.exists():
        if build([str(ARTICLE)], root / "article"):
            builds.append((root / "article", "article", True))
    elif REQUIRE:
        check(False, "the article %s is there (SOFTGRAPH_REQUIRE_SHARED)" % ARTICLE)
    else:
        print("skipped (article): %s not found" % ARTICLE)

    r = run("build", str(own), "-o", str(root / "bad-version"), "--format", "gexf", "--gexf-version", "2.0")
    check(r.returncode == 2 and "GEXF version" in r.stderr, "--gexf-version 2.0 is a usage error (exit %d)" % r.returncode)
    validate_xml(root)
    csl_types = set()
    for out, what, cp in builds:
        graph, csl = validate_json(out, what)
        check(len(graph["edges"]) > 0, "%s: %d edges" % (what, len(graph["edges"])))
        csl_types |= check_jsonld(out, graph, what, cp)
    check(len(csl_types) >= 2, "references of several CSL types were checked (%s)" % sorted(csl_types))
    print("export schemas: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
