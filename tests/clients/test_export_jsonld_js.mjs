// jsonld.js expands graph.jsonld and turns it into N-Quads offline (the context is inline; a
// document loader that refuses every URL proves nothing is fetched); the quads of a node, an edge
// and its evidence selectors are checked for the typed and the hostile graph.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let failures = 0;
function check(cond, what) {
  console.log((cond ? "ok   " : "FAIL ") + what);
  if (!cond) failures++;
}

export function fixtures(name) {
  let binary = process.env.SOFTGRAPH_TEST_EXPORTERS;
  if (!binary) {
    if (!process.env.SOFTGRAPH_BIN) throw new Error("set SOFTGRAPH_BIN=<build>/cli/softgraph");
    binary = path.join(path.dirname(path.dirname(process.env.SOFTGRAPH_BIN)), "tests", "test_exporters");
  }
  const out = path.join(process.env.SOFTGRAPH_TEST_TMP || os.tmpdir(), "clients", name);
  fs.mkdirSync(out, { recursive: true });
  execFileSync(binary, ["-tc=*SOFTGRAPH_EXPORT_DIR*"], { env: { ...process.env, SOFTGRAPH_EXPORT_DIR: out } });
  return { typed: path.join(out, "typed"), hostile: path.join(out, "hostile") };
}

let jsonld;
try {
  jsonld = (await import("jsonld")).default;
} catch (e) {
  console.log("FAIL: client missing (npm install in tests/clients): " + e.message);
  process.exit(1);
}
const documentLoader = async (url) => {
  throw new Error("graph.jsonld tried to fetch " + url);
};
const pct = (s) => encodeURIComponent(s).replace(/%2F/g, "/").replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const SG = "https://softgraph.example/ns#";
const NODE = "https://softgraph.example/id/node/";
const EDGE = "https://softgraph.example/id/edge/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const OA = "http://www.w3.org/ns/oa#";

for (const [name, folder] of Object.entries(fixtures("jsonld-js"))) {
  const graph = JSON.parse(fs.readFileSync(path.join(folder, "graph.json"), "utf8"));
  const file = path.join(folder, "graph.jsonld");
  console.log(`== ${name}: ${file}`);
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  const expanded = await jsonld.expand(doc, { documentLoader });
  check(expanded.length > graph.nodes.length, `expand gives ${expanded.length} top-level objects`);
  const quads = await jsonld.toRDF(doc, { documentLoader });
  check(quads.length > 0, `toRDF gives ${quads.length} quads`);
  const nquads = await jsonld.toRDF(doc, { documentLoader, format: "application/n-quads" });
  check(nquads.split("\n").length > quads.length - 1, "N-Quads text written");
  const has = (s, p, o) => quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
  const objects = (s, p) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
  for (const node of graph.nodes) {
    const s = NODE + pct(node.id);
    check(has(s, RDF_TYPE, SG + node.type), `node ${JSON.stringify(node.id)} rdf:type sg:${node.type}`);
    const labels = objects(s, "http://www.w3.org/2000/01/rdf-schema#label").map((o) => o.value);
    check(labels.length === 1 && labels[0] === node.label, `node ${JSON.stringify(node.id)} rdfs:label exact`);
  }
  for (const edge of graph.edges) {
    check(has(NODE + pct(edge.source), SG + edge.type, NODE + pct(edge.target)), `edge ${JSON.stringify(edge.id)} direct quad`);
    const e = EDGE + pct(edge.id);
    edge.evidence.forEach((ev, i) => {
      const a = e + "/evidence/" + i;
      check(has(e, "http://www.w3.org/ns/prov#wasDerivedFrom", a), `edge ${JSON.stringify(edge.id)} prov:wasDerivedFrom evidence ${i}`);
      const target = objects(a, OA + "hasTarget")[0];
      const selectors = target ? objects(target.value, OA + "hasSelector") : [];
      const exact = selectors.flatMap((sel) => objects(sel.value, OA + "exact")).map((o) => o.value);
      const typed = (type) => selectors.filter((sel) => has(sel.value, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", OA + type));
      // Byte offsets are a DataPositionSelector; code points (TextPositionSelector) need the
      // document's text, which these fixtures do not have on disk (test_export_schemas.py).
      const start = typed("DataPositionSelector").flatMap((sel) => objects(sel.value, OA + "start")).map((o) => Number(o.value));
      check(exact.length === 1 && exact[0] === ev.quote, `evidence ${i} of ${JSON.stringify(edge.id)}: TextQuoteSelector exact`);
      check(start.length === 1 && start[0] === ev.start, `evidence ${i} of ${JSON.stringify(edge.id)}: DataPositionSelector start ${ev.start}`);
      check(typed("TextPositionSelector").length === 0, `evidence ${i} of ${JSON.stringify(edge.id)}: no TextPositionSelector without the text`);
    });
  }
}
console.log(`jsonld.js client: ${failures ? "FAILED: " + failures + " checks" : "all checks passed"}`);
process.exit(failures ? 1 : 0);
