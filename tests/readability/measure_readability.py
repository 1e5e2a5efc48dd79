#!/usr/bin/python3
"""Main-content extraction on Mozilla Readability's test pages (issue 17, item 4).

For each page in ../shared/eval/docs/html/readability/NAME/ the text softgraph extracts from
source.html is compared with the main text Readability extracts (expected.html):

  kept   share of expected.html's sentences found, word for word, in the extracted text
  noise  share of the extracted words that are not in expected.html (bag of words: a word counts
         as expected as many times as expected.html has it)

A page is lost when softgraph refuses it or keeps less than half of its sentences. The aims are
stated on the pages from real sites; the synthetic test pages (Readability's unit cases: lorem
ipsum filler or a page under 4 KB) are printed but kept apart.

    measure_readability.py [--tool BIN] [--check] [--only NAME ...]

--tool is a program that prints {"text": ..., "title": ..., "byline": ...} for a file (the build's
tests/readability/softgraph_extracted_text). --check fails when a mean passes its floor.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html

# Floors for --check: the measured means (README) with a margin of 0.02.
FLOOR_KEPT = 0.969
CEILING_NOISE = 0.025
# A page keeping less than this share of its sentences is lost.
LOST_BELOW = 0.5

SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR",
                             Path(__file__).resolve().parents[2] / ".." / "shared"))
PAGES = SHARED / "eval" / "docs" / "html" / "readability"

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(f"[{CJK}]|[^\\W_{CJK}]+")
SENTENCE_END = re.compile(f"(?<=[.!?。！？])\\s+|(?<=[。！？])")
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
          "tr", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "figure",
          "figcaption", "br", "hr", "header", "footer", "main", "aside", "caption", "address"}


def tokens(text):
    return TOKEN.findall(text.lower())


def block_texts(path):
    """The text of an HTML file, one string per block element."""
    # Readability writes its output in UTF-8 without a charset declaration.
    root = lxml.html.fromstring(path.read_bytes().decode("utf-8", "replace"))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    out, cur = [], []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in BLOCKS
        if block and cur:
            out.append("".join(cur))
            cur.clear()
        if el.text and tag:
            cur.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                cur.append(child.tail)
        if block and cur:
            out.append("".join(cur))
            cur.clear()

    walk(root)
    if cur:
        out.append("".join(cur))
    return [" ".join(b.split()) for b in out if b.strip()]


def sentences(blocks):
    out = []
    for b in blocks:
        for s in SENTENCE_END.split(b):
            t = tokens(s)
            if t:
                out.append(t)
    return out


def is_synthetic(page):
    src = (page / "source.html").read_bytes()
    return len(src) < 4096 or b"lorem ipsum" in src.lower()


def score(page, tool):
    expected = sentences(block_texts(page / "expected.html"))
    r = subprocess.run([tool, str(page / "source.html")], capture_output=True)
    if r.returncode != 0:
        return {"page": page.name, "error": r.stderr.decode("utf-8", "replace").strip()}
    got = json.loads(r.stdout)
    meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    kept_tokens = tokens(got["text"])
    hay = " " + " ".join(kept_tokens) + " "
    found = sum(1 for s in expected if " " + " ".join(s) + " " in hay)
    want = collections.Counter(t for s in expected for t in s)
    have = collections.Counter(kept_tokens)
    matched = sum(min(n, want[t]) for t, n in have.items())
    return {
        "page": page.name,
        "kept": found / len(expected) if expected else 1.0,
        "noise": 1 - matched / len(kept_tokens) if kept_tokens else 0.0,
        "words": len(kept_tokens),
        "expected_words": sum(want.values()),
        "title": got.get("title", ""),
        "byline": got.get("byline", ""),
        # Readability's metadata: the same title; a byline that contains or is contained in its.
        "title_ok": same_words(got.get("title", ""), meta.get("title") or ""),
        "byline_ok": byline_agrees(got.get("byline", ""), meta.get("byline") or ""),
    }


def same_words(a, b):
    return tokens(a) == tokens(b)


def byline_agrees(a, b):
    ta, tb = " ".join(tokens(a)), " ".join(tokens(b))
    return ta == tb or (bool(ta) and bool(tb) and (ta in tb or tb in ta))


def default_tool():
    build = Path(os.environ.get("SOFTGRAPH_BIN", "build/cli/softgraph")).resolve().parents[1]
    return str(build / "tests" / "readability" / "softgraph_extracted_text")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default=default_tool())
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--json", help="write the per-page scores here")
    a = ap.parse_args()
    if not PAGES.is_dir():
        msg = f"Readability test pages not found at {PAGES}"
        if os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
            sys.exit("FAIL: " + msg)
        print("SKIP: " + msg)
        return 0
    pages = sorted(p for p in PAGES.iterdir() if (p / "source.html").is_file())
    if a.only:
        pages = [p for p in pages if p.name in a.only]
    with ThreadPoolExecutor(max_workers=2) as ex:
        rows = list(ex.map(lambda p: score(p, a.tool), pages))
    real, synthetic = [], []
    print(f"{'page':40s} {'kept':>6s} {'noise':>6s} {'words':>7s} {'expect':>7s}  title | byline")
    for p, row in zip(pages, rows):
        row["real"] = not is_synthetic(p)
        (real if row["real"] else synthetic).append(row)
        mark = "" if row["real"] else "  (synthetic)"
        if "error" in row:
            print(f"{row['page']:40s} LOST: {row['error']}{mark}")
            continue
        lost = "  LOST" if row["kept"] < LOST_BELOW else ""
        print(f"{row['page']:40s} {row['kept']:6.3f} {row['noise']:6.3f} {row['words']:7d} "
              f"{row['expected_words']:7d}  {row['title'][:40]} | {row['byline'][:30]}{lost}{mark}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False))

    ok = True
    for label, group in (("real sites", real), ("synthetic", synthetic), ("all", rows)):
        if not group:
            continue
        scored = [r for r in group if "error" not in r]
        lost = [r["page"] for r in group if "error" in r or r["kept"] < LOST_BELOW]
        kept = sum(r.get("kept", 0.0) for r in group) / len(group)
        noise = sum(r["noise"] for r in scored) / max(1, len(scored))
        print(f"{label}: {len(group)} pages, mean kept {kept:.3f}, mean noise {noise:.3f}, "
              f"lost {len(lost)} {' '.join(lost)}; title as Readability's on "
              f"{sum(r['title_ok'] for r in scored)}, byline on {sum(r['byline_ok'] for r in scored)}")
        if label == "real sites" and a.check and not a.only:
            if kept < FLOOR_KEPT:
                print(f"FAIL: mean kept {kept:.3f} < floor {FLOOR_KEPT}")
                ok = False
            if noise > CEILING_NOISE:
                print(f"FAIL: mean noise {noise:.3f} > ceiling {CEILING_NOISE}")
                ok = False
            if lost:
                print(f"FAIL: pages lost: {' '.join(lost)}")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
