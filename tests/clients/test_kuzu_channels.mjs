// Channel dominance through a real Cypher database. `softgraph build INPUT -o DIR --format
// json,neo4j` runs on the article (../shared/corpus/soft-power-central-asia.txt) and on the
// embedded default brief (`--example`); DIR/neo4j/ (the neo4j-admin import bundle) is loaded into
// Kuzu (npm kuzu, an embedded property-graph database that speaks Cypher); a Cypher query over
// the loaded tables computes every channel's dominant actor by the README's "Channel dominance"
// rules, and it must equal what `softgraph channels DIR/graph.json --format json` says: the actor
// ranked first (or the set tied at rank 1) and its share, within 1e-9. Every actor's share is
// compared as well, and the bundle's own Instrument.dominant_actor column.
//
// Kuzu has crashed with two databases in one process, so each database gets a child process:
//   node test_kuzu_channels.mjs                 builds both inputs, runs one child per build
//   node test_kuzu_channels.mjs NAME DIR        checks one build (DIR holds graph.json, neo4j/)
// Env: SOFTGRAPH_BIN (required), SOFTGRAPH_SHARED_DIR, SOFTGRAPH_REQUIRE_SHARED, SOFTGRAPH_TEST_TMP.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TOLERANCE = 1e-9;

let failures = 0;
function checkHere(cond, what) {
  console.log((cond ? "ok   " : "FAIL ") + what);
  if (!cond) failures++;
  return cond;
}
const check = checkHere;

// ---------------------------------------------------------------------------------------------
// Loading a neo4j-admin bundle into Kuzu (as test_export_kuzu.mjs does): node and relationship
// tables are created from the typed headers (id:ID, pagerank:double, :LABEL, :START_ID ...);
// Kuzu's CSV reader loads every file (COPY for nodes, LOAD FROM ... MATCH ... CREATE for
// relationships, whose endpoints may lie in several node tables).
const CSV = "(header=true, delim=',', quote='\"', escape='\"', parallel=false)";
const KUZU_TYPE = { ID: "STRING", double: "DOUBLE", long: "INT64", boolean: "BOOLEAN", "string[]": "STRING", string: "STRING" };
// "pagerank:double" -> {name: "pagerank", type: "DOUBLE"}; ":LABEL" -> {name: "neo4j_label"}.
export function columns(file) {
  const header = fs.readFileSync(file, "utf8").split("\n")[0];
  return header.split(",").map((h) => {
    const i = h.lastIndexOf(":");
    const name = i < 0 ? h : h.slice(0, i);
    const type = i < 0 ? "string" : h.slice(i + 1);
    return { name: name || "neo4j_" + type.toLowerCase().replace(/_id$/, "").replace(/^_/, ""), type: KUZU_TYPE[type] ?? "STRING" };
  });
}

// Loads DIR (a neo4j/ folder) through `q` (cypher -> rows); returns {nodes, rels, columns}.
export async function loadBundle(q, dir) {
  const files = fs.readdirSync(dir).sort();
  const table = {};
  const tableColumns = {};
  for (const f of files.filter((f) => f.startsWith("nodes_") && f.endsWith(".csv"))) {
    const label = f.slice(6, -4);
    const cols = columns(path.join(dir, f));
    tableColumns[label] = cols.map((c) => c.name);
    await q(`CREATE NODE TABLE ${label}(${cols.map((c) => `\`${c.name}\` ${c.type}`).join(", ")}, PRIMARY KEY(id))`);
    await q(`COPY ${label} FROM '${path.join(dir, f)}' ${CSV}`);
    for (const row of await q(`MATCH (n:${label}) RETURN n.id AS id`)) table[row.id] = label;
  }
  let rels = 0;
  for (const f of files.filter((f) => f.startsWith("rels_") && f.endsWith(".csv"))) {
    const type = f.slice(5, -4);
    const cols = columns(path.join(dir, f));
    const schema = cols.map((c) => `\`${c.name}\` ${c.type}`).join(", ");
    const rows = await q(`LOAD WITH HEADERS (${schema}) FROM '${path.join(dir, f)}' ${CSV} RETURN neo4j_start, neo4j_end`);
    rels += rows.length;
    const pairs = [...new Set(rows.map((r) => `${table[r.neo4j_start]}|${table[r.neo4j_end]}`))].map((p) => p.split("|"));
    const props = cols.slice(2, -1);
    await q(`CREATE REL TABLE ${type}(${pairs.map(([a, b]) => `FROM ${a} TO ${b}`).join(", ")}, ${props.map((c) => `\`${c.name}\` ${c.type}`).join(", ")})`);
    for (const [a, b] of pairs)
      await q(`LOAD WITH HEADERS (${schema}) FROM '${path.join(dir, f)}' ${CSV} ` +
        `MATCH (x:${a} {id: neo4j_start}), (y:${b} {id: neo4j_end}) ` +
        `CREATE (x)-[:${type} {${props.map((c) => `\`${c.name}\`: \`${c.name}\``).join(", ")}}]->(y)`);
  }
  return { nodes: Object.keys(table).length, rels, columns: tableColumns };
}

// ---------------------------------------------------------------------------------------------
// README "Channel dominance", in Cypher. A channel is an Instrument node, named by its `channel`
// property or else its id after "instrument/". An actor (any node, whatever its label) scores
// in a channel: each distinct evidence sentence once, 1 when on its USES_INSTRUMENT edge to the
// instrument, else 1 / (the nodes operating the institution) for a sentence of a DELIVERS edge of
// a node it OPERATES (the largest such part). share = raw / the channel's total.
function channelName(instrumentColumns) {
  return instrumentColumns.includes("channel")
    ? "CASE WHEN i.channel IS NOT NULL AND i.channel <> '' THEN i.channel " +
      "WHEN starts_with(i.id, 'instrument/') THEN substring(i.id, 12, size(i.id)) ELSE i.id END"
    : "CASE WHEN starts_with(i.id, 'instrument/') THEN substring(i.id, 12, size(i.id)) ELSE i.id END";
}

// The (document, sentence) keys of an evidence column (the bundle's JSON array): "document/x#12"
// for each record, as {k, c: credit} (sentenceCredits; one lambda only: a lambda over another
// lambda's list repeated its first element in Kuzu 0.11) or each once (sentenceKeys).
function keyParts(column) {
  return [`regexp_extract_all(${column}, '"document":"([^"]*)"', 1)`,
          `regexp_extract_all(${column}, '"sentence":(-?[0-9]+)', 1)`];
}
function sentenceKeys(column) {
  const [docs, sentences] = keyParts(column);
  return `list_distinct(list_transform(range(1, size(${docs})), j -> ${docs}[j] + '#' + ${sentences}[j]))`;
}
function sentenceCredits(column, credit) {
  const [docs, sentences] = keyParts(column);
  return `list_transform(range(1, size(${docs})), j -> {k: ${docs}[j] + '#' + ${sentences}[j], c: ${credit}})`;
}

// One row per (instrument, actor): i, a, raw. Each evidence sentence counts once, at the largest
// credit it has for the actor: 1 on its USES_INSTRUMENT edge, 1 / (operators) on a DELIVERS edge
// of an institution it operates; an edge's weight beyond the sentences its evidence lists counts
// as further sentences of that edge ('#extra' rows). raw is one sum over the credits collected and
// unwound again: Kuzu 0.11's binder rejects aggregating an expression built on another aggregate
// ("nested aggregation"), and likewise renaming an aggregate in RETURN (`best AS raw`).
export const SCORES = `
MATCH (i:Instrument), (a)
WHERE EXISTS { MATCH (a)-[:USES_INSTRUMENT]->(i) }
   OR EXISTS { MATCH (a)-[:OPERATES]->()-[:DELIVERS]->(i) }
OPTIONAL MATCH (a)-[u:USES_INSTRUMENT]->(i)
OPTIONAL MATCH (a)-[:OPERATES]->(n)-[d:DELIVERS]->(i)
OPTIONAL MATCH (operator)-[:OPERATES]->(n)
WITH i, a, u, n, d, count(DISTINCT operator) AS operators
UNWIND list_concat(
  CASE WHEN u IS NULL THEN [{k: '#none', c: 0.0}]
       ELSE list_concat(${sentenceCredits("u.evidence", "1.0")},
                        [{k: '#extra:' + u.id, c: u.weight - size(${sentenceKeys("u.evidence")})}]) END,
  CASE WHEN n IS NULL THEN [{k: '#none', c: 0.0}]
       ELSE list_concat(${sentenceCredits("d.evidence", "1.0 / operators")},
                        [{k: '#extra:' + d.id, c: (d.weight - size(${sentenceKeys("d.evidence")})) / operators}]) END) AS e
WITH i, a, e.k AS k, max(e.c) AS credit
WITH i, a, collect(credit) AS credits
UNWIND credits AS c
WITH i, a, sum(c) AS raw`;

// The dominant actor of every channel that has actors: the highest raw score, ties (within
// 1e-9 of it, against summation-order noise) all returned, by actor id; `dominant` is the first.
export function dominanceQuery(instrumentColumns) {
  return `${SCORES}
WITH i, collect({actor: a.id, raw: raw}) AS scores, sum(raw) AS total, max(raw) AS best
UNWIND scores AS s
WITH i, total, best, s
WHERE s.raw >= best - ${TOLERANCE}
WITH i, total, best, list_sort(collect(s.actor)) AS top
RETURN i.id AS instrument, ${channelName(instrumentColumns)} AS channel,
       top, top[1] AS dominant, best, total, best / total AS share
ORDER BY channel`;
}

// Every actor's raw score and share, for the full ranking comparison.
export function sharesQuery(instrumentColumns) {
  return `${SCORES}
WITH i, collect({actor: a.id, raw: raw}) AS scores, sum(raw) AS total
UNWIND scores AS s
RETURN ${channelName(instrumentColumns)} AS channel, s.actor AS actor, s.raw AS raw, s.raw / total AS share
ORDER BY channel, raw DESC, actor`;
}

// `softgraph channels GRAPH --format json` -> {channels: [{channel, instrument, total, actors:
// [{rank, actor, share, raw, ...}], ...}]}
export function softgraphChannels(bin, graphJson) {
  const out = execFileSync(bin, ["channels", graphJson, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

const close = (a, b) => typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= TOLERANCE;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Compares the Cypher answers with softgraph's report; `check(cond, what)` logs and counts.
// The bundle's Instrument.dominant_actor column is compared when present; `requireDominantColumn`
// (real builds, which always annotate channels) makes its absence a failure.
export async function checkChannels(q, instrumentColumns, report, name, check = checkHere, requireDominantColumn = false) {
  // A graph without one of the three relationship types has no rels_<TYPE>.csv; an empty table
  // stands in so that the query binds.
  const tables = new Set((await q("CALL show_tables() RETURN name")).map((r) => r.name));
  for (const type of ["USES_INSTRUMENT", "OPERATES", "DELIVERS"])
    if (!tables.has(type))
      await q(`CREATE REL TABLE ${type}(FROM Instrument TO Instrument, weight DOUBLE, id STRING, evidence STRING)`);
  const hasDominant = instrumentColumns.includes("dominant_actor");
  if (requireDominantColumn) check(hasDominant, `${name}: nodes_Instrument.csv has a dominant_actor column`);
  const ours = new Map(report.channels.map((c) => [c.channel, c]));
  const cypher = new Map((await q(dominanceQuery(instrumentColumns))).map((r) => [r.channel, r]));
  const shares = await q(sharesQuery(instrumentColumns));
  const instruments = await q(`MATCH (i:Instrument) RETURN i.id AS id, ${channelName(instrumentColumns)} AS channel` +
    (instrumentColumns.includes("dominant_actor") ? ", i.dominant_actor AS dominant_actor" : ", NULL AS dominant_actor"));
  check(same(instruments.map((r) => r.channel).sort(), [...ours.keys()].sort()),
    `${name}: Kuzu's ${instruments.length} Instrument nodes are softgraph's ${ours.size} channels`);
  check(report.channels.some((c) => c.actors.length > 0), `${name}: some channel has actors`);
  for (const { id, channel, dominant_actor } of instruments.sort((a, b) => a.channel.localeCompare(b.channel))) {
    const c = ours.get(channel);
    const r = cypher.get(channel);
    if (!c) continue;
    check(c.instrument === id, `${name} ${channel}: instrument ${id}`);
    const top = c.actors.filter((a) => a.rank === 1).map((a) => a.actor).sort();
    if (!r) {
      check(top.length === 0, `${name} ${channel}: no actor in Cypher, none in softgraph channels (${JSON.stringify(top)})`);
      continue;
    }
    const share = c.actors.length ? c.actors[0].share : undefined;
    check(same(r.top, top),
      `${name} ${channel}: dominant ${JSON.stringify(r.top)} (Cypher) == rank 1 ${JSON.stringify(top)} (softgraph channels)`);
    check(close(r.share, share) && c.actors.filter((a) => a.rank === 1).every((a) => close(a.share, r.share)),
      `${name} ${channel}: share ${r.share} (Cypher, ${r.best}/${r.total}) == ${share} (softgraph channels)`);
    check(close(r.total, c.total), `${name} ${channel}: total ${r.total} (Cypher) == ${c.total}`);
    check(c.actors.length > 0 && r.dominant === c.actors[0].actor,
      `${name} ${channel}: first of the tie by id ${r.dominant} (Cypher) == softgraph's first ${c.actors[0]?.actor}`);
    if (hasDominant)
      check(dominant_actor === r.dominant, `${name} ${channel}: the bundle's Instrument.dominant_actor ${dominant_actor} == ${r.dominant}`);
    const mine = shares.filter((s) => s.channel === channel);
    const theirs = new Map(c.actors.map((a) => [a.actor, a]));
    check(mine.length === c.actors.length && mine.every((s) => theirs.has(s.actor) && close(s.share, theirs.get(s.actor).share) &&
      close(s.raw, theirs.get(s.actor).raw)), `${name} ${channel}: all ${c.actors.length} actors' raw scores and shares agree`);
  }
}

// ---------------------------------------------------------------------------------------------
// Child: one build, one database.
async function child(name, folder) {
  let kuzu;
  try {
    kuzu = (await import("kuzu")).default;
  } catch (e) {
    console.log("FAIL client missing (npm install in tests/clients): " + e.message);
    process.exit(1);
  }
  const graph = JSON.parse(fs.readFileSync(path.join(folder, "graph.json"), "utf8"));
  console.log(`== ${name}: ${path.join(folder, "neo4j")}`);
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const q = async (cypher) => (await conn.query(cypher)).getAll();
  try {
    const loaded = await loadBundle(q, path.join(folder, "neo4j"));
    check(loaded.nodes === graph.nodes.length, `${name}: Kuzu holds ${loaded.nodes} nodes, graph.json ${graph.nodes.length}`);
    const [{ n }] = await q("MATCH ()-[r]->() RETURN count(r) AS n");
    check(Number(n) === graph.edges.length, `${name}: Kuzu holds ${n} relationships, graph.json ${graph.edges.length}`);
    if (check(!!loaded.columns.Instrument, `${name}: the bundle has nodes_Instrument.csv`)) {
      const report = softgraphChannels(process.env.SOFTGRAPH_BIN, path.join(folder, "graph.json"));
      await checkChannels(q, loaded.columns.Instrument, report, name, check, true);
    }
  } catch (e) {
    check(false, `${name}: ${e.stack || e}`);
  }
  // Close explicitly: a database left to the garbage collector can crash.
  await conn.close();
  await db.close();
  console.log(`kuzu channels ${name}: ${failures ? "FAILED: " + failures + " checks" : "all checks passed"}`);
  process.exit(failures ? 1 : 0);
}

// Parent: build each input, one child per build.
function main() {
  const bin = process.env.SOFTGRAPH_BIN;
  if (!bin || !fs.existsSync(bin)) {
    console.log(`FAIL set SOFTGRAPH_BIN=<build>/cli/softgraph (got ${JSON.stringify(bin)})`);
    process.exit(1);
  }
  const source = process.env.SOFTGRAPH_SOURCE_DIR || path.resolve(HERE, "..", "..");
  const shared = process.env.SOFTGRAPH_SHARED_DIR || path.resolve(source, "..", "shared");
  const article = path.join(shared, "corpus", "soft-power-central-asia.txt");
  const base = process.env.SOFTGRAPH_TEST_TMP || os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(base, "kuzu-channels-"));

  const inputs = [];
  if (fs.existsSync(article)) {
    inputs.push(["article", [article]]);
  } else if (process.env.SOFTGRAPH_REQUIRE_SHARED) {
    check(false, `article: ${article} is missing and SOFTGRAPH_REQUIRE_SHARED is set`);
  } else {
    console.log(`skipped article: ${article} not found (set SOFTGRAPH_SHARED_DIR)`);
  }
  inputs.push(["default", ["--example"]]);

  for (const [name, args] of inputs) {
    const out = path.join(tmp, name);
    const build = spawnSync(bin, ["build", ...args, "-o", out, "--format", "json,neo4j"], { encoding: "utf8" });
    if (!check(build.status === 0, `${name}: softgraph build ${args.join(" ")} -o ${out} --format json,neo4j` +
      (build.status === 0 ? "" : ` exited ${build.status ?? build.signal}: ${(build.stderr || "").trim().slice(-400)}`))) continue;
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name, out], { stdio: "inherit" });
    check(r.status === 0, `${name}: the Kuzu check (own process) exited ${r.status ?? r.signal}`);
  }
  if (!failures) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`outputs kept in ${tmp}`);
  console.log(`kuzu channels: ${failures ? "FAILED: " + failures + " checks" : "all checks passed"}`);
  process.exit(failures ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2]) await child(process.argv[2], process.argv[3]);
  else main();
}
