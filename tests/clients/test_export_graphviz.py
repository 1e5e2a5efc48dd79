#!/usr/bin/python3
"""Graphviz renders graph.dot in every layout (dot -K<layout> -Tsvg), and the SVG holds every node.

Fixtures as in test_export_graphml.py (the test_exporters binary with SOFTGRAPH_EXPORT_DIR).
"""
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from export_fixtures import FAILURES, check, fixtures, xml_safe  # noqa: E402


def main():
    dot = "/usr/bin/dot"
    if not os.path.exists(dot):
        print("FAIL: Graphviz missing (apt-get install graphviz)")
        return 1
    dirs = fixtures("graphviz")
    again = fixtures("graphviz-again")
    for name, folder in dirs.items():
        graph = json.load(open(os.path.join(folder, "graph.json"), encoding="utf-8"))
        path = os.path.join(folder, "graph.dot")
        print("== %s: %s" % (name, path))
        for layout in ("sfdp", "neato", "dot", "circo", "fdp", "twopi"):
            run = subprocess.run([dot, "-K" + layout, "-Tsvg", path], capture_output=True)
            ok = run.returncode == 0
            check(ok, "dot -K%s -Tsvg exits 0 %s" % (layout, run.stderr.decode("utf-8", "replace")[:200]))
            if not ok:
                continue
            svg = ET.fromstring(run.stdout)
            ns = "{http://www.w3.org/2000/svg}"
            titles = [g.find(ns + "title").text for g in svg.iter(ns + "g") if g.get("class") == "node"]
            check(sorted(titles) == sorted(n["id"] for n in graph["nodes"]),
                  "%s: the SVG has one node per graph node, named by id" % layout)
            edges = [g for g in svg.iter(ns + "g") if g.get("class") == "edge"]
            check(len(edges) == len(graph["edges"]), "%s: the SVG has %d edges" % (layout, len(graph["edges"])))
        ours = os.path.join(folder, "graph.svg")
        ET.parse(ours)
        check(True, "our graph.svg is well-formed XML")
        for f in ("graph.svg", "graph.png", "graph.pdf", "graph.dot"):
            check(filecmp.cmp(os.path.join(folder, f), os.path.join(again[name], f), shallow=False),
                  "%s is byte-identical across two runs" % f)
    # Clusters: cgraph orders subgraphs by object id, by default the heap address of their
    # name; ours are numbered in creation order, so graph.dot cannot depend on the allocator.
    binary = os.environ.get("SOFTGRAPH_BIN")
    if binary:
        with tempfile.TemporaryDirectory() as tmp:
            dots = []
            for i, tunables in enumerate(("", "glibc.malloc.tcache_count=0", "glibc.malloc.perturb=85")):
                env = dict(os.environ, GLIBC_TUNABLES=tunables)
                out = os.path.join(tmp, str(i))
                run = subprocess.run([binary, "-q", "build", "--example", "-o", out, "--format", "dot", "--clusters"],
                                     capture_output=True, env=env)
                check(run.returncode == 0, "build --clusters (%s)" % (tunables or "default allocator"))
                dots.append(open(os.path.join(out, "graph.dot"), encoding="utf-8").read()
                            if run.returncode == 0 else "")
            clusters = [line.split('"')[1] for line in dots[0].splitlines() if line.strip().startswith("subgraph")]
            check(len(clusters) >= 2 and clusters == sorted(clusters),
                  "clusters are written in actor order (%s)" % ", ".join(clusters))
            check(dots[0] == dots[1] == dots[2], "graph.dot with clusters is byte-identical under other allocator settings")
    print("graphviz client: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
