#!/usr/bin/python3
"""Relations softgraph draws from Readability's real test pages that rest only on text outside the
main text (issue 17): for each page from a real site, `softgraph build source.html`; a relation
(any edge but MENTIONS) whose every evidence sentence is missing, word for word, from
expected.html rests on boilerplate kept (related stories, captions, comment policies...).

    relations_outside_main_text.py [-v]      (SOFTGRAPH_BIN: the softgraph to run)
"""
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_readability import PAGES, block_texts, is_synthetic, tokens  # noqa: E402

BIN = os.environ.get("SOFTGRAPH_BIN", "build/cli/softgraph")


def main():
    verbose = "-v" in sys.argv
    if not PAGES.is_dir():
        print(f"SKIP: Readability test pages not found at {PAGES}")
        return 0
    total = outside = 0
    rows = []
    for page in sorted(p for p in PAGES.iterdir() if (p / "source.html").is_file()):
        if is_synthetic(page):
            continue
        expected = " " + " ".join(t for b in block_texts(page / "expected.html") for t in tokens(b)) + " "
        with tempfile.TemporaryDirectory() as d:
            r = subprocess.run([BIN, "build", str(page / "source.html"), "-o", d, "--format", "json",
                                "-q"], capture_output=True)
            if r.returncode != 0:
                print(f"{page.name}: softgraph failed: {r.stderr.decode(errors='replace').strip()}")
                continue
            graph = json.load(open(os.path.join(d, "graph.json"), encoding="utf-8"))
        n = b = 0
        for e in graph["edges"]:
            if e["type"] == "MENTIONS" or not e["evidence"]:
                continue
            n += 1

            def inside(ev):
                t = tokens(ev.get("text") or ev["quote"])
                return not t or (" " + " ".join(t) + " ") in expected

            if not any(inside(ev) for ev in e["evidence"]):
                b += 1
                if verbose:
                    ev = e["evidence"][0]
                    print(f"  {page.name}: {e['type']} {e['source']} -> {e['target']} "
                          f"({ev.get('element', '')})")
        total += n
        outside += b
        rows.append((page.name, n, b))
    for name, n, b in rows:
        if b:
            print(f"{name:40s} relations {n:3d}, outside the main text {b:3d}")
    print(f"real pages {len(rows)}: {total} relations, {outside} resting only on text not in "
          f"expected.html ({outside / max(1, total):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
