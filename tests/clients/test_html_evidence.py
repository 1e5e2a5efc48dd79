#!/usr/bin/python3
"""HTML evidence can be found where it says it is (issue 17, item 5; README "Input").

The contract for an HTML document: `start`/`end` of every evidence span and mention are byte
offsets into the page's extracted text (the article's blocks, one paragraph each, separated by a
blank line: what `softgraph text FILE` prints, here read through the build's
tests/readability/softgraph_extracted_text), `quote` is those bytes, and `element` is the path of
the block element (as libxml2 and lxml write it) whose text holds the quote. This test checks
both for real news pages (Readability's test pages in ../shared/eval/docs) and a page of ours:
the quote is at [start, end) of the extracted text, and lxml finds exactly one element at the
path, whose text (white space aside) contains the quote.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
TOOL = Path(BIN).resolve().parents[1] / "tests" / "readability" / "softgraph_extracted_text"
PAGES = SHARED / "eval" / "docs" / "html" / "readability"
# News pages about states (UTF-8): enough relations and mentions to test the offsets.
REAL = ["nytimes-1", "telegraph", "wapo-1", "wapo-2", "bbc-1", "cnn"]

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)
    return cond


OWN_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Aid | Test Daily</title>
</head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<div class="article-body"><h1>Aid</h1>
<p>Japan funds clinics in Laos, and Korea&#39;s agency trains nurses in Vietnam.</p>
<p>Turkey opens schools in Kyrgyzstan<br>and China builds roads in Tajikistan, officials said.</p>
<div><div><p>Russia sends teachers to Armenia. India grants scholarships to students from Nepal.</p>
</div></div>
<p>Café owners in Almaty say that Kazakhstan welcomes investors from the United Arab Emirates.</p>
</div><div class="related"><ul><li><a href="/x">France builds a port in Senegal</a></li></ul></div>
</body></html>"""


BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "pre",
          "figcaption", "td", "th", "caption", "address", "div", "section", "article", "main",
          "table", "tr", "ul", "ol", "dl", "figure", "body"}


def squeeze(s):
    return re.sub(r"\s+", "", s)


def paragraph_at(extracted, start):
    """The paragraph (between blank lines) of the extracted text that holds byte `start`."""
    b = extracted.rfind(b"\n\n", 0, start)
    e = extracted.find(b"\n\n", start)
    return extracted[0 if b < 0 else b + 2:len(extracted) if e < 0 else e].decode("utf-8")


def holds_exactly(el, paragraph):
    """el's text holds the paragraph more often than any block inside it does: el is its block,
    not an ancestor of it."""
    want = squeeze(paragraph)
    here = squeeze(el.text_content()).count(want)
    inner = [squeeze(d.text_content()).count(want) for d in el.iterdescendants()
             if isinstance(d.tag, str) and d.tag in BLOCKS]
    return here > 0 and here > max(inner, default=0)


def check_page(label, path, min_records):
    text = subprocess.run([str(TOOL), str(path)], capture_output=True)
    if not check(text.returncode == 0, f"{label}: extracted text printed"):
        return
    extracted = json.loads(text.stdout)["text"].encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.jsonl"
        r = subprocess.run([BIN, "extract", str(path), "--jsonl", str(out)], capture_output=True,
                           text=True)
        if not check(r.returncode == 0, f"{label}: extract exits 0 ({r.stderr.strip()[:200]})"):
            return
        rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    root = lxml.html.fromstring(Path(path).read_bytes(),
                                parser=lxml.html.HTMLParser(encoding="utf-8"))
    tree = root.getroottree()
    # spans: [start, end, sentence, quote, text, document, page, element]
    records = [(s[0], s[1], s[3], s[7] if len(s) > 7 else None) for s in rec["spans"]]
    # mentions: [start, end, entity, sentence, source row, surface, page, element]
    records += [(m[0], m[1], None, m[7] if len(m) > 7 else None) for m in rec["mentions"]]
    check(len(records) >= min_records, f"{label}: {len(records)} evidence spans and mentions")
    bad_offsets, bad_paths = [], []
    for start, end, quote, element in records:
        at = extracted[start:end].decode("utf-8", "replace")
        if quote is not None and at != quote:
            bad_offsets.append((start, end, quote[:60], at[:60]))
        quote = at
        found = tree.xpath(element) if element else []
        if len(found) != 1 or not holds_exactly(found[0], paragraph_at(extracted, start)):
            bad_paths.append((element, quote[:60], len(found)))
    check(not bad_offsets, f"{label}: every quote is the extracted text at [start, end) "
          f"({len(bad_offsets)} not: {bad_offsets[:2]})")
    check(not bad_paths, f"{label}: every element path names the one block holding the quote "
          f"({len(bad_paths)} not: {bad_paths[:2]})")


def main():
    if not check(TOOL.is_file(), f"the text tool is built ({TOOL})"):
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        own = Path(tmp) / "own.html"
        own.write_text(OWN_PAGE, encoding="utf-8")
        check_page("own page", own, 10)
    if PAGES.is_dir():
        for name in REAL:
            check_page(name, PAGES / name / "source.html", 5)
    elif os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        check(False, f"Readability pages at {PAGES}")
    else:
        print(f"SKIP: Readability pages not found at {PAGES}")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
