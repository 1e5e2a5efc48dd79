#!/usr/bin/python3
"""Views, filters and the channel matrix as a user meets them, on the article: the build's
diagram draws the influence view and graph-literature.svg the literature; --focus, --channels,
--edge-types, --min-weight and --min-confidence cut every export and graph.json records how;
unknown names are usage errors naming the nearest one, with no output; the channel matrix's CSV
read with Python's csv, its SVG with an XML parser, its PNG by its header, all agreeing with
`softgraph channels --format json`; the summary ranks actors by dominance."""
import csv
import io
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
SVG = "{http://www.w3.org/2000/svg}"
POWERS = ["actor/china", "actor/eu", "actor/iran", "actor/japan", "actor/russia", "actor/turkey",
          "actor/united_states"]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def svg_node_ids(path):
    """The graph.json ids of the nodes drawn in a Graphviz SVG (each node's <title>)."""
    root = ET.parse(path).getroot()
    ids = set()
    for g in root.iter(SVG + "g"):
        if g.get("class") == "node":
            title = g.find(SVG + "title")
            if title is not None and "/" in (title.text or ""):
                ids.add(title.text)
    return ids


if not ARTICLE.exists():
    if os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        print(f"FAIL {ARTICLE} is required (SOFTGRAPH_REQUIRE_SHARED=1)")
        sys.exit(1)
    print(f"skipped: {ARTICLE} not found")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    out = tmp / "out"
    r = run("build", str(ARTICLE), "-o", str(out))
    check(r.returncode == 0, f"build the article ({r.stderr.strip()[-300:]})")
    full = json.loads((out / "graph.json").read_text())
    types = {n["id"]: n["type"] for n in full["nodes"]}
    check(not any(k.startswith("filter_") for k in full["attributes"]),
          "an unfiltered graph.json records no filter")
    check(any(t == "Document" for t in types.values()), "graph.json keeps the whole graph")

    # The default diagram: the influence view; the literature beside it.
    drawn = svg_node_ids(out / "graph.svg")
    check(drawn and {types[i] for i in drawn if i in types} <=
          {"Actor", "TargetCountry", "Region", "Institution", "Instrument"},
          f"graph.svg draws only influence nodes ({sorted({types.get(i) for i in drawn})})")
    check(set(POWERS) <= drawn, f"graph.svg draws the seven powers ({sorted(set(POWERS) - drawn)})")
    lit = svg_node_ids(out / "graph-literature.svg")
    check(any(types.get(i) == "Reference" for i in lit) and
          not any(types.get(i) == "Instrument" for i in lit),
          "graph-literature.svg draws references and no channel")

    # --focus with --depth: exactly the 1-hop neighbourhood of China, in every export.
    focus = tmp / "focus"
    r = run("build", str(ARTICLE), "-o", str(focus), "--focus", "China", "--depth", "1",
            "--format", "json,graphml")
    check(r.returncode == 0, f"build --focus China ({r.stderr.strip()[-300:]})")
    part = json.loads((focus / "graph.json").read_text())
    G = nx.Graph()
    G.add_edges_from((e["source"], e["target"]) for e in full["edges"])
    want = set(nx.ego_graph(G, "actor/china", radius=1).nodes)
    got = {n["id"] for n in part["nodes"]}
    check(got == want, f"--focus China --depth 1 keeps China's neighbours ({len(got)} of "
                       f"{len(want)}; {sorted(got ^ want)[:5]})")
    a = part["attributes"]
    check(a.get("filter_focus") == ["actor/china"] and a.get("filter_depth") == 1 and
          a.get("filter_view") == "all" and
          a.get("filter_chain") == ["--view all --focus actor/china --depth 1"] and
          a.get("filter_source_nodes") == len(full["nodes"]),
          f"graph.json records the filter ({ {k: v for k, v in a.items() if 'filter' in k} })")
    gm = nx.read_graphml(focus / "graph.graphml")
    check(gm.number_of_nodes() == len(part["nodes"]), "the GraphML holds the same part")

    # --view influence, then render a part of that with --edge-types: the chain grows.
    inf = tmp / "influence"
    r = run("build", str(ARTICLE), "-o", str(inf), "--view", "influence", "--format", "json")
    g = json.loads((inf / "graph.json").read_text())
    check(r.returncode == 0 and {e["type"] for e in g["edges"]} <=
          {"OPERATES", "USES_INSTRUMENT", "DELIVERS", "TARGETS", "MEMBER_OF", "PARTNERS_WITH"},
          "--view influence keeps the influence edges only")
    r = run("render", str(inf / "graph.json"), "--edge-types", "TARGETS,USES_INSTRUMENT",
            "--min-confidence", "0.5", "--format", "json,svg", "-o", str(tmp / "re"))
    g2 = json.loads((tmp / "re" / "graph.json").read_text())
    check(r.returncode == 0 and {e["type"] for e in g2["edges"]} <= {"TARGETS", "USES_INSTRUMENT"},
          f"render --edge-types cuts the edges ({r.stderr.strip()[-200:]})")
    check(g2["attributes"].get("filter_chain") ==
          ["--view influence",
           "--view all --edge-types TARGETS,USES_INSTRUMENT --min-confidence 0.5"],
          f"a filter of a filtered graph adds to the chain ({g2['attributes'].get('filter_chain')})")
    check(all(max(ev["confidence"] for ev in e["evidence"]) >= 0.5 for e in g2["edges"]),
          "--min-confidence keeps edges with evidence at or above it")

    # --channels and --min-weight.
    r = run("render", str(out / "graph.json"), "--channels", "religious_cooperation",
            "--format", "json", "-o", str(tmp / "rel"))
    g3 = json.loads((tmp / "rel" / "graph.json").read_text())
    instruments = {n["id"] for n in g3["nodes"] if n["type"] == "Instrument"}
    check(r.returncode == 0 and instruments == {"instrument/religious_cooperation"} and
          "actor/turkey" in {n["id"] for n in g3["nodes"]},
          f"--channels keeps the channel and its carriers ({sorted(instruments)})")
    r = run("render", str(out / "graph.json"), "--min-weight", "2", "--format", "json",
            "-o", str(tmp / "w2"))
    g4 = json.loads((tmp / "w2" / "graph.json").read_text())
    check(r.returncode == 0 and g4["edges"] and all(e["weight"] >= 2 for e in g4["edges"]),
          "--min-weight 2 keeps edges of weight 2 or more")

    # Unknown names: exit 2, the nearest name, nothing written.
    for args, near in [(["--focus", "Chna"], "did you mean 'actor/china' (China)?"),
                       (["--node-types", "Actr"], "did you mean 'Actor'?"),
                       (["--edge-types", "TARGET"], "did you mean 'TARGETS'?"),
                       (["--channels", "educaton"], "did you mean 'education'?"),
                       (["--view", "influense"], "did you mean 'influence'?")]:
        bad = tmp / ("bad" + args[0])
        r = run("build", str(ARTICLE), "-o", str(bad), *args)
        check(r.returncode == 2 and near in r.stderr and not bad.exists(),
              f"build {' '.join(args)}: exit 2, '{near}', no output ({r.stderr.strip()})")

    r = run("render", str(out / "graph.json"), "--depth", "2", "-o", str(tmp / "nofocus"))
    check(r.returncode == 2 and "--focus" in r.stderr + r.stdout and not (tmp / "nofocus").exists(),
          "--depth without --focus is a usage error")

    # The channel matrix.
    mx = tmp / "matrix"
    r = run("channels", str(ARTICLE), "--format", "json", "--matrix", str(mx))
    check(r.returncode == 0, f"channels --matrix ({r.stderr.strip()[-300:]})")
    report = {c["channel"]: c for c in json.loads(r.stdout)["channels"]}
    rows = list(csv.reader(io.StringIO((mx / "channel-matrix.csv").read_text())))
    header = rows[0]
    channels = header[2:-2]
    check(header[:2] == ["actor", "label"] and header[-2:] == ["channels_led", "dominance"],
          f"the CSV header ({header})")
    check(set(channels) == {c for c, e in report.items() if e["actors"]},
          "the CSV has a column per channel with actors")
    body = [r for r in rows[1:] if r[0].startswith("actor/")]
    extra = {r[0]: r for r in rows[1:] if not r[0].startswith("actor/")}
    check(set(extra) == {"hhi", "sentences", "leader"}, f"the CSV's last rows ({sorted(extra)})")
    for j, ch in enumerate(channels, start=2):
        shares = {r[0]: float(r[j]) for r in body if r[j]}
        want = {a["actor"]: a["share"] for a in report[ch]["actors"]}
        check(all(abs(shares.get(k, 0) - v) < 1e-4 for k, v in want.items()) and
              abs(sum(shares.values()) - 1) < 1e-3,
              f"{ch}: the CSV's shares are the report's and sum to 1")
        leaders = sorted(a["actor"] for a in report[ch]["actors"] if a["rank"] == 1)
        check(sorted(extra["leader"][j].split("|")) == leaders, f"{ch}: the leader row")
        check(abs(float(extra["hhi"][j]) - report[ch]["hhi"]) < 1e-4, f"{ch}: the HHI row")
    dominance = [float(r[-1]) for r in body]
    check(dominance == sorted(dominance, reverse=True), "rows by dominance")

    root = ET.parse(mx / "channel-matrix.svg").getroot()
    texts = ["".join(t.itertext()).strip() for t in root.iter(SVG + "text")]
    check(all(r[1] in texts for r in body), "the SVG names every actor")
    starred = [t for t in texts if re.fullmatch(r"★ \d+%", t)]
    n_leaders = sum(len(extra["leader"][j].split("|")) for j in range(2, 2 + len(channels)))
    check(len(starred) == n_leaders, f"the SVG stars each leader ({len(starred)} of {n_leaders})")
    check(sum(t.endswith("%") for t in texts) == sum(bool(c) for r in body for c in r[2:-2]),
          "the SVG has a cell for each share of the CSV")
    png = (mx / "channel-matrix.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    check(png[:8] == b"\x89PNG\r\n\x1a\n" and width > 800 and height > 200,
          f"channel-matrix.png is a PNG ({width} x {height})")

    # The summary ranks by dominance, in the matrix's order.
    lines = [l for l in (run("build", str(ARTICLE), "-o", str(tmp / "s"), "--format", "json")
                         .stdout.splitlines())]
    at = next(i for i, l in enumerate(lines) if l.startswith("top actors by dominance"))
    first = lines[at + 1].split(".", 1)[1].strip()
    check(first.startswith(body[0][1]), f"the summary's first actor is the matrix's ({first})")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
