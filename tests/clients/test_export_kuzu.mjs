// The Neo4j bundle loads into Kuzu (npm kuzu: an embedded property-graph database that speaks
// Cypher). Kuzu has its own DDL, so node and relationship tables are created from our neo4j-admin
// headers (id:ID, name:double, :LABEL ...); Kuzu's own CSV reader loads every file (COPY for nodes,
// LOAD FROM ... MATCH ... CREATE for relationships). Then Cypher queries check the data: every
// node and label exact, and each channel's dominant actor, computed in Cypher, as `softgraph
// channels` gives it. test_kuzu_channels.mjs does the same on real builds (article, default).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkChannels, softgraphChannels } from "./test_kuzu_channels.mjs";

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

let kuzu;
try {
  kuzu = (await import("kuzu")).default;
} catch (e) {
  console.log("FAIL: client missing (npm install in tests/clients): " + e.message);
  process.exit(1);
}

const CSV = "(header=true, delim=',', quote='\"', escape='\"', parallel=false)";
const KUZU_TYPE = { ID: "STRING", double: "DOUBLE", long: "INT64", boolean: "BOOLEAN", "string[]": "STRING", string: "STRING" };
// "pagerank:double" -> {name: "pagerank", type: "DOUBLE"}; ":LABEL" -> {name: "neo4j_label"}.
function columns(file) {
  const header = fs.readFileSync(file, "utf8").split("\n")[0];
  return header.split(",").map((h) => {
    const i = h.lastIndexOf(":");
    const name = i < 0 ? h : h.slice(0, i);
    const type = i < 0 ? "string" : h.slice(i + 1);
    return { name: name || "neo4j_" + type.toLowerCase().replace(/_id$/, "").replace(/^_/, ""), type: KUZU_TYPE[type] ?? "STRING" };
  });
}
const controlSafe = (s) => [...s].map((c) => (c.codePointAt(0) < 0x20 && !"\t\n".includes(c)) ? "\ufffd" : c).join("");

// Each fixture is checked in a child process of its own, one database per process.
if (!process.argv[2]) {
  let failed = 0;
  for (const [name, folder] of Object.entries(fixtures("kuzu"))) {
    try {
      execFileSync(process.execPath, [process.argv[1], name, folder], { stdio: "inherit" });
    } catch (e) {
      console.log(`FAIL ${name}: the kuzu check exited with ${e.status ?? e.signal}`);
      failed++;
    }
  }
  console.log(`kuzu client: ${failed ? "FAILED: " + failed + " fixtures" : "all checks passed"}`);
  process.exit(failed ? 1 : 0);
}
for (const [name, folder] of [[process.argv[2], process.argv[3]]]) {
  const graph = JSON.parse(fs.readFileSync(path.join(folder, "graph.json"), "utf8"));
  const dir = path.join(folder, "neo4j");
  console.log(`== ${name}: ${dir}`);
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const q = async (cypher) => (await conn.query(cypher)).getAll();
  const files = fs.readdirSync(dir).sort();
  const table = {};
  for (const f of files.filter((f) => f.startsWith("nodes_"))) {
    const label = f.slice(6, -4);
    const cols = columns(path.join(dir, f));
    check(cols[0].name === "id" && cols.at(-1).name === "neo4j_label", `${f}: header id:ID ... :LABEL`);
    await q(`CREATE NODE TABLE ${label}(${cols.map((c) => `\`${c.name}\` ${c.type}`).join(", ")}, PRIMARY KEY(id))`);
    await q(`COPY ${label} FROM '${path.join(dir, f)}' ${CSV}`);
    for (const row of await q(`MATCH (n:${label}) RETURN n.id AS id`)) table[row.id] = label;
  }
  check(Object.keys(table).length === graph.nodes.length, `kuzu holds ${graph.nodes.length} nodes`);
  for (const f of files.filter((f) => f.startsWith("rels_"))) {
    const type = f.slice(5, -4);
    const cols = columns(path.join(dir, f));
    check(cols[0].name === "neo4j_start" && cols[1].name === "neo4j_end" && cols.at(-1).name === "neo4j_type", `${f}: header :START_ID,:END_ID ... :TYPE`);
    const rows = await q(`LOAD WITH HEADERS (${cols.map((c) => `\`${c.name}\` ${c.type}`).join(", ")}) FROM '${path.join(dir, f)}' ${CSV} RETURN neo4j_start, neo4j_end`);
    const pairs = [...new Set(rows.map((r) => `${table[r.neo4j_start]}|${table[r.neo4j_end]}`))].map((p) => p.split("|"));
    const props = cols.slice(2, -1);
    await q(`CREATE REL TABLE ${type}(${pairs.map(([a, b]) => `FROM ${a} TO ${b}`).join(", ")}, ${props.map((c) => `\`${c.name}\` ${c.type}`).join(", ")})`);
    for (const [a, b] of pairs)
      await q(`LOAD WITH HEADERS (${cols.map((c) => `\`${c.name}\` ${c.type}`).join(", ")}) FROM '${path.join(dir, f)}' ${CSV} ` +
        `MATCH (x:${a} {id: neo4j_start}), (y:${b} {id: neo4j_end}) ` +
        `CREATE (x)-[:${type} {${props.map((c) => `\`${c.name}\`: \`${c.name}\``).join(", ")}}]->(y)`);
  }
  const [{ n: edgeCount }] = await q("MATCH ()-[r]->() RETURN count(r) AS n");
  check(Number(edgeCount) === graph.edges.length, `kuzu holds ${graph.edges.length} relationships`);
  for (const node of graph.nodes) {
    const label = table[node.id];
    const rows = label ? await conn.prepare(`MATCH (n:${label}) WHERE n.id = $id RETURN n.label AS label, n.aliases AS aliases, n.neo4j_label AS labels`)
      .then((p) => conn.execute(p, { id: node.id })).then((r) => r.getAll()) : [];
    check(rows.length === 1 && rows[0].label === controlSafe(node.label), `node ${JSON.stringify(node.id)} label exact (controls as U+FFFD)`);
    const aliases = node.aliases.map((a) => controlSafe(a).replaceAll(";", "\uff1b")).join(";");
    check(rows.length === 1 && (rows[0].aliases ?? "") === aliases, `node ${JSON.stringify(node.id)} aliases (';'-separated)`);
    check(rows.length === 1 && rows[0].labels.split(";")[0] === node.type, `node ${JSON.stringify(node.id)} :LABEL starts with ${node.type}`);
  }
  for (const edge of graph.edges) {
    const rows = await conn.prepare(`MATCH (a)-[r:${edge.type}]->(b) WHERE a.id = $s AND b.id = $t RETURN r.weight AS w, r.evidence_count AS c, r.evidence AS ev`)
      .then((p) => conn.execute(p, { s: edge.source, t: edge.target })).then((r) => r.getAll());
    check(rows.length === 1 && rows[0].w === edge.weight && Number(rows[0].c) === edge.evidence.length,
      `edge ${JSON.stringify(edge.id)} weight and evidence_count`);
    check(rows.length === 1 && JSON.stringify(JSON.parse(rows[0].ev).map((e) => e.quote)) === JSON.stringify(edge.evidence.map((e) => e.quote)),
      `edge ${JSON.stringify(edge.id)} evidence quotes exact`);
  }
  // The dominant actor of each channel, computed in Cypher by the README's rules
  // (test_kuzu_channels.mjs), equals what `softgraph channels graph.json` says.
  if (files.includes("nodes_Instrument.csv")) {
    try {
      const report = softgraphChannels(process.env.SOFTGRAPH_BIN, path.join(folder, "graph.json"));
      await checkChannels(q, columns(path.join(dir, "nodes_Instrument.csv")).map((c) => c.name), report, name, check);
    } catch (e) {
      check(false, `${name}: channel dominance: ${e.stack || e}`);
    }
  }
  // Close explicitly: a database left to the garbage collector while the next one opens can crash.
  await conn.close();
  await db.close();
}
console.log(`kuzu ${process.argv[2]}: ${failures ? "FAILED: " + failures + " checks" : "all checks passed"}`);
process.exit(failures ? 1 : 0);
