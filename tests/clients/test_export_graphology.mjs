// graphology-graphml and graphology-gexf (the JavaScript clients) parse graph.graphml and
// graph.gexf with every node, edge, attribute and value of graph.json, hostile graph included.
// Deps: tests/clients/package.json (npm install in tests/clients). A missing client is a failure.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
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

const xmlSafe = (s) => [...s].map((c) => (c.codePointAt(0) < 0x20 && !"\t\n\r".includes(c) ? "\ufffd" : c)).join("");
const expected = (v) => (Array.isArray(v) ? xmlSafe(v.join("|")) : typeof v === "string" ? xmlSafe(v) : v);
const same = (a, b) => (typeof b === "number" ? Number(a) === b : a === b);

let Graph, graphml, gexf;
try {
  Graph = require("graphology").MultiDirectedGraph;
  graphml = require("graphology-graphml");
  gexf = require("graphology-gexf");
} catch (e) {
  console.log("FAIL: client missing (npm install in tests/clients): " + e.message);
  process.exit(1);
}

const reserved = new Set(["slug", "label", "type", "labels", "aliases", "size", "r", "g", "b", "x", "y"]);
for (const [name, folder] of Object.entries(fixtures("graphology"))) {
  const graph = JSON.parse(fs.readFileSync(path.join(folder, "graph.json"), "utf8"));
  for (const [format, parser] of [["graphml", graphml], ["gexf", gexf]]) {
    const file = path.join(folder, "graph." + format);
    console.log(`== ${name}: ${file}`);
    const g = parser.parse(Graph, fs.readFileSync(file, "utf8"));
    // GraphML ids are NMTOKENs (n0 ...) with graph.json's id as the "slug" datum; GEXF keeps the ids.
    const key = new Map();
    g.forEachNode((n, a) => key.set(format === "graphml" ? a.slug : n, n));
    const id = (slug) => key.get(format === "graphml" ? xmlSafe(slug) : slug);
    check(g.order === graph.nodes.length, `${format}: ${graph.nodes.length} nodes`);
    check(g.size === graph.edges.length, `${format}: ${graph.edges.length} edges`);
    for (const node of graph.nodes) {
      if (id(node.id) === undefined || !g.hasNode(id(node.id))) {
        check(false, `${format}: node ${JSON.stringify(node.id)} present`);
        continue;
      }
      const a = g.getNodeAttributes(id(node.id));
      check(a.label === xmlSafe(node.label) || (node.label === "" && a.label === undefined),
        `${format}: node ${JSON.stringify(node.id)} label`);
      check(a.type === node.type, `${format}: node ${JSON.stringify(node.id)} type`);
      const aliases = xmlSafe(node.aliases.join("|"));
      check((a.aliases ?? "") === aliases, `${format}: node ${JSON.stringify(node.id)} aliases`);
      for (const [k, v] of Object.entries(node.metrics))
        check(same(a[k], v), `${format}: node ${JSON.stringify(node.id)} metric ${k}`);
      const taken = new Set([...reserved, ...Object.keys(node.metrics)]);
      for (const [k, v] of Object.entries(node.attributes)) {
        let key = k;
        while (taken.has(key)) key = "attr_" + key;
        // GraphML's attr.name is an NMTOKEN: other characters are written as "_".
        if (format === "graphml") key = [...key].map((c) => (/^[A-Za-z0-9._:-]$/.test(c) ? c : "_")).join("") || "_";
        const want = expected(v);
        check(same(a[key] ?? (want === "" ? "" : undefined), want),
          `${format}: node ${JSON.stringify(node.id)} attribute ${k} = ${JSON.stringify(want)}`);
      }
      check(typeof a.x === "number" && typeof a.y === "number" && typeof a.size === "number",
        `${format}: node ${JSON.stringify(node.id)} x/y/size`);
    }
    for (const edge of graph.edges) {
      const ids = g.edges(id(edge.source), id(edge.target));
      const match = ids.map((e) => g.getEdgeAttributes(e)).filter((a) => (a.type ?? a.label) === edge.type);
      check(match.length === 1, `${format}: edge ${JSON.stringify(edge.id)} present`);
      if (match.length !== 1) continue;
      const a = match[0];
      check(same(a.weight, edge.weight), `${format}: edge ${JSON.stringify(edge.id)} weight`);
      check(same(a.evidence_count, edge.evidence.length), `${format}: edge ${JSON.stringify(edge.id)} evidence_count`);
      check(a.first_quote === xmlSafe(edge.evidence[0].quote), `${format}: edge ${JSON.stringify(edge.id)} first_quote`);
      for (const [k, v] of Object.entries(edge.attributes ?? {}))
        check(same(a[k], expected(v)), `${format}: edge ${JSON.stringify(edge.id)} attribute ${k}`);
    }
  }
}
console.log(`graphology clients: ${failures ? "FAILED: " + failures + " checks" : "all checks passed"}`);
process.exit(failures ? 1 : 0);
