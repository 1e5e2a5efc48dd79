#!/usr/bin/python3
"""HTML evidence can be found where it says it is (issue 17, item 5; README "Input").

The contract for an HTML document: `element` is the path of the block element (as libxml2 and
lxml write it) whose text holds the evidence, and `start`/`end` are byte offsets into that
element's text as `softgraph text FILE` prints it (element texts, a form feed between them);
`quote` is those bytes. This test checks both for every evidence span and mention of real news
pages (Readability's test pages in ../shared/eval/docs) and of a page of ours: lxml finds exactly
one element at the path, that element (and no block inside it) holds the text, and the quote is
at [start, end) of it. A build without `softgraph text`, whose offsets index the whole extracted
text (tests/readability/softgraph_extracted_text prints it), is checked against that instead.
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
TOOL = Path(os.environ.get("SOFTGRAPH_TEXT_TOOL") or Path(BIN).resolve().parents[1] / "tests"
            / "readability" / "softgraph_extracted_text")
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
<meta property="og:title" content="Aid to the region"><meta name="author" content="Ana Test">
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


# Elements the reader writes as one paragraph each, nested blocks folded in.
BLOCK_KINDS = {"p", "li", "blockquote", "dd", "dt", "pre", "figcaption", "td", "th", "caption",
               "address", "h1", "h2", "h3", "h4", "h5", "h6"}


def holds_exactly(el, paragraph):
    """el is the paragraph's block, not an ancestor of it: a paragraph element holding the text
    with no paragraph element around it, or a container holding the text more often than any
    block inside it does (text outside its blocks)."""
    want = squeeze(paragraph)
    here = squeeze(el.text_content()).count(want)
    if here == 0:
        return False
    if el.tag in BLOCK_KINDS:
        return not any(a.tag in BLOCK_KINDS for a in el.iterancestors())
    inner = [squeeze(d.text_content()).count(want) for d in el.iterdescendants()
             if isinstance(d.tag, str) and d.tag in BLOCKS]
    return here > max(inner, default=0)


def element_texts(path):
    """The element texts `softgraph text FILE` prints (form feed between them), or None when
    this build's evidence still indexes the whole extracted text (no `text` command)."""
    r = subprocess.run([BIN, "text", str(path)], capture_output=True)
    if r.returncode != 0:
        return None
    out = r.stdout[:-1] if r.stdout.endswith(b"\n") else r.stdout
    return out.split(b"\f")


def check_page(label, path, min_records):
    text = subprocess.run([str(TOOL), str(path)], capture_output=True)
    if not check(text.returncode == 0, f"{label}: extracted text printed"):
        return
    extracted = json.loads(text.stdout)["text"].encode("utf-8")
    chunks = element_texts(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.jsonl"
        r = subprocess.run([BIN, "extract", str(path), "--jsonl", str(out)], capture_output=True,
                           text=True)
        if not check(r.returncode == 0, f"{label}: extract exits 0 ({r.stderr.strip()[:200]})"):
            return
        rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    if label == "own page":
        check(rec.get("title") == "Aid to the region" and rec.get("byline") == "Ana Test",
              f"own page: the record keeps title and byline ({rec.get('title')!r}, "
              f"{rec.get('byline')!r})")
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
        found = tree.xpath(element) if element else []
        if len(found) != 1:
            bad_paths.append((element, (quote or "")[:60], len(found)))
            continue
        if chunks is None:
            # Offsets into the whole extracted text; the element holds the paragraph there.
            at = extracted[start:end].decode("utf-8", "replace")
            if quote is not None and at != quote:
                bad_offsets.append((start, end, quote[:60], at[:60]))
            if not holds_exactly(found[0], paragraph_at(extracted, start)):
                bad_paths.append((element, at[:60], 1))
            continue
        # Offsets into the element's own text, one of those `softgraph text` prints.
        held = [c for c in chunks if end <= len(c) and holds_exactly(found[0], c.decode("utf-8"))]
        if not held:
            bad_paths.append((element, (quote or "")[:60], 1))
        elif quote is not None and not any(c[start:end].decode("utf-8", "replace") == quote
                                           for c in held):
            bad_offsets.append((start, end, quote[:60], held[0][start:end][:60]))
    where = "the extracted text" if chunks is None else "its element's text"
    check(not bad_offsets, f"{label}: every quote is {where} at [start, end) "
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
