#!/usr/bin/env python3
"""Relations on Readability's real pages that rest only on text not in expected.html."""
import json, os, re, subprocess, sys, tempfile, collections
sys.path.insert(0, "/work/wt/pages/tests/readability")
from measure_readability import PAGES, block_texts, tokens, is_synthetic
BIN = os.environ.get("SOFTGRAPH_BIN", "build/cli/softgraph")
verbose = "-v" in sys.argv
tot = boiler = 0
by_rule = collections.Counter()
rows = []
for page in sorted(p for p in PAGES.iterdir() if (p / "source.html").is_file()):
    if is_synthetic(page): continue
    exp = " " + " ".join(t for b in block_texts(page / "expected.html") for t in tokens(b)) + " "
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run([BIN, "build", str(page / "source.html"), "-o", d, "--format", "json", "-q"], capture_output=True)
        if r.returncode != 0: continue
        g = json.load(open(os.path.join(d, "graph.json")))
    n = b = 0
    for e in g["edges"]:
        if e["type"] in ("MENTIONS",) or not e["evidence"]: continue
        n += 1
        def inside(ev):
            t = tokens(ev.get("text") or ev["quote"])
            return not t or (" " + " ".join(t) + " ") in exp
        if not any(inside(ev) for ev in e["evidence"]):
            b += 1
            if verbose:
                ev = e["evidence"][0]
                print(f"  {page.name}: {e['type']} {e['source']}->{e['target']} | {ev.get('element','')[-50:]} | {(ev.get('text') or ev['quote'])[:90]!r}")
    tot += n; boiler += b
    rows.append((page.name, n, b))
for name, n, b in rows:
    if b: print(f"{name:40s} relations {n:3d} boilerplate-only {b:3d}")
print(f"real pages {len(rows)}: relations {tot}, resting only on text not in expected.html {boiler} ({boiler / max(1, tot):.3f})")
