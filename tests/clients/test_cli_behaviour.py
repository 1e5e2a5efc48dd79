#!/usr/bin/python3
"""The softgraph program as a user meets it: exit codes, clear errors naming the file and the
place, no partial output on failure, byte-identical output across runs and thread counts."""
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
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], capture_output=True, text=True, input=stdin)


def digest(folder):
    out = {}
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)

    # Usage errors exit 2.
    r = run("build", "--no-such-option")
    check(r.returncode == 2, "an unknown option is a usage error (exit 2)")
    r = run("--version")
    check(r.returncode == 0 and "softgraph" in r.stdout, "--version prints the version")

    # The embedded default brief.
    out = tmp / "default"
    r = run("build", "-o", str(out))
    check(r.returncode == 0, "build with no input uses the embedded brief")
    for name in ["graph.json", "graph.graphml", "graph.dot", "graph.jsonld", "graph.svg"]:
        check((out / name).is_file(), f"the default build writes {name}")
    check("top actors by PageRank" in r.stdout, "the summary lists top actors by PageRank")
    g = json.loads((out / "graph.json").read_text())
    check(any(n["id"] == "actor/russia" and n["type"] == "Actor" for n in g["nodes"]),
          "the brief gives Russia as an Actor")

    # Bad inputs: exit 1, a message naming the file and the place, no output folder content.
    missing = tmp / "nope.txt"
    out = tmp / "bad1"
    r = run("build", str(missing), "-o", str(out))
    check(r.returncode == 1 and "nope.txt" in r.stderr, "a missing file: exit 1 naming it")
    check(not out.exists() or not any(out.iterdir()), "a missing file leaves no output")

    empty_dir = tmp / "empty"
    empty_dir.mkdir()
    r = run("build", str(empty_dir), "-o", str(tmp / "bad2"))
    check(r.returncode == 1 and "empty" in r.stderr, "a directory of nothing: exit 1 naming it")

    bad_utf8 = tmp / "bad.txt"
    bad_utf8.write_bytes(b"Russia funds schools.\nA bad byte \xff here.\n")
    out = tmp / "bad3"
    r = run("build", str(bad_utf8), "-o", str(out))
    check(r.returncode == 1 and "bad.txt" in r.stderr and "byte 33" in r.stderr,
          f"invalid UTF-8: exit 1 naming the file and byte offset ({r.stderr.strip()})")
    check(not out.exists() or not any(out.iterdir()), "invalid UTF-8 leaves no output")
    r = run("build", str(bad_utf8), "--lossy", "-o", str(tmp / "lossy"))
    check(r.returncode == 0, "--lossy accepts invalid UTF-8 with a warning")

    bad_lex = tmp / "lex.json"
    bad_lex.write_text('{"lexicon": "x", "entries": [{"id": "actor/x", "type": "Actor"}]}')
    out = tmp / "bad4"
    r = run("build", "--lexicon", str(bad_lex), "-o", str(out))
    check(r.returncode == 1 and "lex.json" in r.stderr and "$.entries[0]" in r.stderr,
          f"a malformed lexicon: exit 1 naming the JSON path ({r.stderr.strip()})")
    check(not out.exists() or not any(out.iterdir()), "a malformed lexicon leaves no output")
    r = run("lexicon", "check", str(bad_lex))
    check(r.returncode == 1 and "$.entries[0]" in r.stderr, "lexicon check names the JSON path")
    conflict = tmp / "conflict.json"
    conflict.write_text(json.dumps({"lexicon": "c", "entries": [
        {"id": "actor/nowhere", "type": "Actor", "label": "Nowhere", "aliases": ["Russia"]}]}))
    r = run("lexicon", "check", str(conflict))
    check(r.returncode == 1 and "conflicting aliases" in r.stderr, "conflicting aliases are an error")

    # Unwritable output.
    blocker = tmp / "file-not-dir"
    blocker.write_text("x")
    r = run("build", "-o", str(blocker / "sub"))
    check(r.returncode == 3, f"an unwritable output folder: exit 3 ({r.stderr.strip()})")

    # Determinism: two runs, and one and two threads, give byte-identical files.
    inputs = [str(ARTICLE)] if ARTICLE.exists() else []
    if not inputs and os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        check(False, f"../shared is required but {ARTICLE} is missing")
    formats = "json,graphml,dot,jsonld,svg"
    a, b, c = tmp / "a", tmp / "b", tmp / "c"
    run("build", *inputs, "-o", str(a), "--format", formats, "--threads", "1")
    run("build", *inputs, "-o", str(b), "--format", formats, "--threads", "1")
    run("build", *inputs, "-o", str(c), "--format", formats, "--threads", "2")
    da, db, dc = digest(a), digest(b), digest(c)
    check(len(da) == 5 and da == db, "two runs write byte-identical files")
    check(da == dc, "one and two threads write byte-identical files")

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
