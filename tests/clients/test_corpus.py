#!/usr/bin/python3
"""Corpus runs: folders (recursive, hidden files skipped), globs, "-" for a list of paths on
stdin; the same entity across documents is one node whose evidence keeps each document; two
documents with the same file name stay two documents; the output is byte-identical for
--threads 1 and 2. The texts here are written for this test."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def run(*args, stdin=None, cwd=None):
    return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, input=stdin,
                          cwd=cwd, timeout=900)


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def graph(folder):
    return json.loads((Path(folder) / "graph.json").read_text())


def doc_names(g):
    return sorted(Path(d["path"]).name for d in g["documents"])


TEXTS = {
    "turkey.txt": "Turkey funds schools and scholarships in Azerbaijan through the Yunus Emre "
                  "Institute.\n\nTurkey also supports mosques in Kyrgyzstan.\n",
    "nested/deeper/china.txt": "China opened a Confucius Institute in Kazakhstan in 2019.\n\n"
                               "Turkey signed a cultural agreement with Uzbekistan.\n",
    "nested/japan.md": "Japan funds universities in Uzbekistan through JICA.\n",
    ".hidden.txt": "Russia funds media in Tajikistan.\n",
}

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    corpus = tmp / "corpus"
    for rel, text in TEXTS.items():
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text(text)

    # Folders: recursive, hidden files skipped.
    out = tmp / "dir"
    r = run("build", corpus, "-o", out, "--format", "json")
    check(r.returncode == 0, f"a folder builds ({r.stderr.strip()[-300:]})")
    g = graph(out)
    check(doc_names(g) == ["china.txt", "japan.md", "turkey.txt"],
          f"a folder is read recursively, hidden files skipped ({doc_names(g)})")

    # The same entity across two documents: one node, evidence from each document.
    turkey = [n for n in g["nodes"] if n["id"] == "actor/turkey"]
    check(len(turkey) == 1, "Turkey named in two documents is one node")
    docs_of_turkey = {ev["document"] for e in g["edges"] if "actor/turkey" in (e["source"], e["target"])
                      and e["type"] != "MENTIONS" for ev in e["evidence"]}
    check(docs_of_turkey == {"document/turkey", "document/china"},
          f"Turkey's evidence keeps each document ({sorted(docs_of_turkey)})")
    mentions = {e["source"] for e in g["edges"] if e["type"] == "MENTIONS" and e["target"] == "actor/turkey"}
    check(mentions == {"document/turkey", "document/china"}, f"both documents mention Turkey ({sorted(mentions)})")
    paths = {d["id"]: d["path"] for d in g["documents"]}
    for e in g["edges"]:
        for ev in e["evidence"]:
            src = Path(paths[ev["document"]]).read_bytes()
            if src[ev["start"]:ev["end"]].decode() != ev["quote"]:
                check(False, f"evidence {e['id']} quotes its own document's bytes")
                break

    # Globs (quoted: softgraph expands them) and "-" (paths on stdin) give the same graph as
    # the files named one by one.
    out_files, out_glob, out_stdin = tmp / "files", tmp / "glob", tmp / "stdin"
    files = [corpus / "turkey.txt", corpus / "nested" / "japan.md"]
    r1 = run("build", *files, "-o", out_files, "--format", "json,graphml")
    r2 = run("build", str(corpus / "*.txt"), str(corpus / "nested" / "*.md"), "-o", out_glob, "--format", "json,graphml")
    r3 = run("build", "-", "-o", out_stdin, "--format", "json,graphml", stdin="".join(f"{p}\n" for p in files))
    check(r1.returncode == 0 and r2.returncode == 0 and r3.returncode == 0,
          f"files, globs and stdin lists build ({r2.stderr.strip()[-200:]} {r3.stderr.strip()[-200:]})")
    check(doc_names(graph(out_glob)) == ["japan.md", "turkey.txt"], f"a glob selects its files ({doc_names(graph(out_glob))})")
    check(digest(out_files) == digest(out_glob), "a glob gives the same files as naming them")
    check(digest(out_files) == digest(out_stdin), '"-" (paths on stdin) gives the same files as naming them')
    r = run("build", str(corpus / "*.none"), "-o", tmp / "noglob")
    check(r.returncode == 1 and ("*.none" in r.stderr or "no input" in r.stderr),
          f"a glob that matches nothing is a bad input (exit {r.returncode}: {r.stderr.strip()})")

    # The same file name in two folders: two documents, evidence kept apart.
    twins = tmp / "twins"
    (twins / "a").mkdir(parents=True)
    (twins / "b").mkdir(parents=True)
    (twins / "a" / "report.txt").write_text("Turkey funds schools in Azerbaijan.\n")
    (twins / "b" / "report.txt").write_text("China funds universities in Kazakhstan.\n")
    out = tmp / "twins-out"
    r = run("build", twins, "-o", out, "--format", "json")
    g = graph(out) if r.returncode == 0 else {"documents": [], "nodes": []}
    ids = sorted(d["id"] for d in g["documents"])
    doc_nodes = [n["id"] for n in g["nodes"] if n["type"] == "Document"]
    check(len(set(ids)) == 2 and len(doc_nodes) == 2,
          f"two files named report.txt in two folders are two documents (ids {ids}, nodes {doc_nodes})")

    # Byte-identical output for --threads 1 and 2, on the repo's texts, the brief, this corpus and
    # the article when it is there.
    inputs = [str(SRC / "tests" / "data" / "texts"), str(SRC / "examples"), str(corpus)]
    if ARTICLE.exists():
        inputs.append(str(ARTICLE))
    elif os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        check(False, f"../shared is required but {ARTICLE} is missing")
    formats = "json,graphml,gexf,dot,jsonld,csv,svg"
    outs = []
    for threads in ("1", "2", "2"):
        o = tmp / f"threads-{len(outs)}"
        r = run("build", *inputs, "-o", o, "--format", formats, "--threads", threads)
        check(r.returncode == 0, f"build --threads {threads} ({r.stderr.strip()[-200:]})")
        outs.append(digest(o))
    check(len(outs[0]) >= 7 and outs[0] == outs[1] == outs[2],
          "--threads 1 and 2 (twice) write byte-identical files")
    x1, x2 = tmp / "x1.jsonl", tmp / "x2.jsonl"
    run("extract", *inputs, "--jsonl", x1, "--threads", "1")
    run("extract", *inputs, "--jsonl", x2, "--threads", "2")
    check(x1.exists() and x1.read_bytes() == x2.read_bytes(), "extract --threads 1 and 2 write identical records")

    # Parts given in any order, each holding documents out of path order: merge still equals a
    # single run (records are streamed back in path order, never all held).
    recs = x1.read_text().splitlines()
    pa, pb = tmp / "part-a.jsonl", tmp / "part-b.jsonl"
    pa.write_text("\n".join(reversed(recs[0::2])) + "\n")
    pb.write_text("\n\n".join(reversed(recs[1::2])) + "\n")
    single, merged = tmp / "single-json", tmp / "merged-json"
    r1 = run("build", *inputs, "-o", single, "--format", "json,graphml", "--threads", "2")
    r2 = run("merge", pb, pa, "-o", merged, "--format", "json,graphml")
    check(r1.returncode == 0 and r2.returncode == 0 and digest(single) == digest(merged),
          f"merge of shuffled parts equals a single run ({r2.stderr.strip()[-200:]})")

    # Records name lexicon entities by id and carry the lexicon's digest: a merge with the
    # extract's --lexicon files equals a single run; one without them fails, naming the option,
    # and writes nothing.
    extra = tmp / "extra-lexicon.json"
    extra.write_text(json.dumps({"lexicon": "test", "entries": [
        {"id": "institution/steppe_heritage_fund", "type": "Institution",
         "label": "Steppe Heritage Fund", "aliases": ["the Steppe Heritage Fund"]}]}))
    steppe = tmp / "steppe.txt"
    steppe.write_text("Turkey funds the Steppe Heritage Fund in Kazakhstan.\n")
    xl = tmp / "with-lexicon.jsonl"
    r = run("extract", steppe, corpus, "--lexicon", extra, "--jsonl", xl)
    recs = [json.loads(line) for line in xl.read_text().splitlines()] if r.returncode == 0 else []
    named = [e for rec in recs for e in rec["entities"] if not isinstance(e, dict) or "aliases" not in e]
    check(r.returncode == 0 and named and all(rec.get("version") == 3 for rec in recs)
          and len({rec.get("lexicon") for rec in recs if "lexicon" in rec}) == 1,
          f"extract names lexicon entities by id, under one lexicon digest ({len(named)} named)")
    single_l, merged_l, refused = tmp / "single-lexicon", tmp / "merged-lexicon", tmp / "refused"
    r1 = run("build", steppe, corpus, "--lexicon", extra, "-o", single_l, "--format", "json,graphml")
    r2 = run("merge", xl, "--lexicon", extra, "-o", merged_l, "--format", "json,graphml")
    check(r1.returncode == 0 and r2.returncode == 0 and digest(single_l) == digest(merged_l)
          and any(n["id"] == "institution/steppe_heritage_fund" for n in graph(merged_l)["nodes"]),
          f"merge --lexicon of records extracted with that lexicon equals a single run ({r2.stderr.strip()[-200:]})")
    r3 = run("merge", xl, "-o", refused, "--format", "json")
    check(r3.returncode == 1 and "--lexicon" in r3.stderr and "with-lexicon.jsonl" in r3.stderr
          and "$.lexicon" in r3.stderr and not refused.exists(),
          f"merge without the extract's lexicon fails clearly and writes nothing (exit {r3.returncode}: {r3.stderr.strip()[-200:]})")

    # --max-evidence keeps the first N evidence records of an edge (by document, then offset),
    # says how many there were, and leaves weights alone.
    capped = tmp / "capped"
    r = run("build", *inputs, "-o", capped, "--format", "json", "--max-evidence", "1")
    check(r.returncode == 0, f"build --max-evidence 1 ({r.stderr.strip()[-200:]})")
    if r.returncode == 0 and r1.returncode == 0:
        full = {e["id"]: e for e in graph(single)["edges"]}
        cut = {e["id"]: e for e in graph(capped)["edges"]}
        key = lambda ev: (ev["document"], ev["start"], ev["end"], ev["rule"])
        many = [i for i, e in full.items() if len(e["evidence"]) > 1]
        check(len(many) > 0 and set(full) == set(cut), f"the same edges, {len(many)} with several evidence records")
        ok = all(len(cut[i]["evidence"]) == 1 and cut[i]["weight"] == full[i]["weight"]
                 and key(cut[i]["evidence"][0]) == min(map(key, full[i]["evidence"]))
                 and cut[i]["attributes"].get("evidence_total") == len(full[i]["evidence"]) for i in many)
        check(ok, "capped edges keep their first evidence record, their weight and the total count")

    # --metrics-skip leaves edge types out of the metrics and says so in graph.json; a type the
    # ontology lacks is a usage error before anything is read or written.
    skipped = tmp / "skip-mentions"
    r = run("build", corpus, "-o", skipped, "--format", "json", "--metrics-skip", "MENTIONS")
    g = graph(skipped) if r.returncode == 0 else {"nodes": [], "attributes": {}}
    docs = [n for n in g["nodes"] if n["type"] == "Document"]
    check(r.returncode == 0 and docs and all(n["metrics"]["degree"] == 0 for n in docs)
          and g["attributes"].get("metrics_skip_edge_types") == ["MENTIONS"],
          "--metrics-skip MENTIONS: documents drop out of the metrics, graph.json records it")
    bad_out = tmp / "skip-bad"
    r = run("build", corpus, "-o", bad_out, "--metrics-skip", "MENTION")
    check(r.returncode == 2 and "MENTION" in r.stderr and not bad_out.exists(),
          f"an unknown --metrics-skip type is a usage error (exit {r.returncode}: {r.stderr.strip()[-120:]})")

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
