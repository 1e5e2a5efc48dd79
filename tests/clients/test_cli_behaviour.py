#!/usr/bin/python3
"""The softgraph program as a user meets it: exit codes, clear errors naming the file and the
place, no partial output on failure, byte-identical output across runs and thread counts; global
flags anywhere on the line, a mistyped command answered with the nearest one, no input an error
naming --example, and `render` writing beside the graph, never over the build's diagrams."""
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

    # A mistyped command is answered with the nearest one, exit 2.
    r = run("biuld")
    check(r.returncode == 2 and "unknown command 'biuld'; did you mean 'build'?" in r.stderr
          and "A subcommand is required" not in r.stderr,
          f"a misspelt command names the nearest one, exit 2 ({r.stderr.strip()})")
    r = run("-q", "chanels", "x.txt")
    check(r.returncode == 2 and "did you mean 'channels'?" in r.stderr,
          f"a misspelt command after a global flag names the nearest one ({r.stderr.strip()})")
    r = run("lexicon", "chekc", "x.json")
    check(r.returncode == 2 and "did you mean 'lexicon check'?" in r.stderr,
          f"a misspelt lexicon command names the nearest one ({r.stderr.strip()})")
    r = run("frobnicate")
    check(r.returncode == 2 and "unknown command 'frobnicate'" in r.stderr and "build" in r.stderr
          and "did you mean" not in r.stderr,
          f"a command near nothing is refused with the list of commands ({r.stderr.strip()})")

    # No input is a usage error naming --example, and writes nothing.
    out = tmp / "no-input"
    r = run("build", "-o", str(out))
    check(r.returncode == 2 and "--example" in r.stderr,
          f"build with no input: exit 2 naming --example ({r.stderr.strip()})")
    check(not out.exists(), "build with no input writes nothing")
    r = run("channels")
    check(r.returncode == 2 and "--example" in r.stderr and r.stdout == "",
          f"channels with no input: exit 2 naming --example, nothing on stdout ({r.stderr.strip()})")
    r = run("build", "--example", str(tmp / "x.txt"), "-o", str(out))
    check(r.returncode == 2 and not out.exists(), "--example with an input is a usage error")
    r = run("build", "--help")
    check(r.returncode == 0 and "--example" in r.stdout, "build --help lists --example")

    # --example: the embedded default brief.
    out = tmp / "default"
    r = run("build", "--example", "-o", str(out))
    check(r.returncode == 0, f"build --example uses the embedded brief ({r.stderr.strip()})")
    for name in ["graph.json", "graph.graphml", "graph.dot", "graph.jsonld", "graph.svg"]:
        check((out / name).is_file(), f"the default build writes {name}")
    check("top actors by dominance" in r.stdout and "PageRank" not in r.stdout,
          "the summary ranks actors by dominance, not PageRank")
    g = json.loads((out / "graph.json").read_text())
    check(any(n["id"] == "actor/russia" and n["type"] == "Actor" for n in g["nodes"]),
          "the brief gives Russia as an Actor")
    check([d["path"] for d in g["documents"]] == ["examples/central-asia-brief.txt"],
          "the --example build has the brief as its one document")
    r = run("channels", "--example", "--format", "csv")
    check(r.returncode == 0 and "actor/russia" in r.stdout,
          f"channels --example ranks the brief's actors ({r.stderr.strip()[-300:]})")

    # Global flags anywhere: before the command, after it, after its inputs.
    r = run("build", "--example", "-o", str(tmp / "q-after"), "--format", "json", "-q")
    check(r.returncode == 0 and r.stderr == "",
          f"-q after the command is accepted (exit {r.returncode}: {r.stderr.strip()[-300:]})")
    r = run("build", str(SRC / "examples" / "central-asia-brief.txt"), "-q", "-o",
            str(tmp / "q-middle"), "--format", "json")
    check(r.returncode == 0, f"-q after an input is accepted ({r.stderr.strip()[-300:]})")
    r = run("build", "--example", "-o", str(tmp / "v-after"), "--format", "json", "--verbose")
    check(r.returncode == 0 and "info" in r.stderr,
          f"--verbose after the command is accepted and logs ({r.stderr.strip()[-300:]})")
    r = run("channels", "--example", "-v", "--format", "json")
    check(r.returncode == 0 and "info" in r.stderr and json.loads(r.stdout) is not None,
          f"-v among a command's options is accepted ({r.stderr.strip()[-300:]})")
    r = run("-q", "build", "--example", "-o", str(tmp / "q-before"), "--format", "json")
    check(r.returncode == 0 and r.stderr == "", "-q before the command still works")
    r = run("build", "--example", "-o", str(tmp / "x"), "--no-such-option", "-q")
    check(r.returncode == 2, "an unknown option after the command is still a usage error")

    # render writes to diagrams/ beside the graph by default: the build's graph.svg is kept.
    svg_before = (out / "graph.svg").read_bytes()
    r = run("render", str(out / "graph.json"), "--layout", "neato")
    diagrams = out / "diagrams"
    check(r.returncode == 0 and (diagrams / "graph.svg").is_file(),
          f"render graph.json writes diagrams/graph.svg beside the graph ({r.stderr.strip()})")
    check((out / "graph.svg").read_bytes() == svg_before, "render leaves the build's graph.svg alone")
    check((diagrams / "graph.svg").read_bytes() != svg_before,
          "the re-rendered graph.svg (neato) differs from the build's (sfdp)")
    check(str(diagrams / "graph.svg") in r.stdout, "render prints the file it wrote")
    r = run("render", str(out / "graph.json"), "-o", str(tmp / "elsewhere"), "--format", "dot")
    check(r.returncode == 0 and (tmp / "elsewhere" / "graph.dot").is_file(), "render -o still chooses")
    r = run("render", "--help")
    check(r.returncode == 0 and "diagrams/" in r.stdout, "render --help names the default folder")

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
    r = run("build", "--example", "--lexicon", str(bad_lex), "-o", str(out))
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
    r = run("build", "--example", "-o", str(blocker / "sub"))
    check(r.returncode == 3, f"an unwritable output folder: exit 3 ({r.stderr.strip()})")

    # Determinism: two runs, and one and two threads, give byte-identical files.
    inputs = [str(ARTICLE)] if ARTICLE.exists() else ["--example"]
    if not inputs and os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        check(False, f"../shared is required but {ARTICLE} is missing")
    formats = "json,graphml,dot,jsonld,svg"
    a, b, c = tmp / "a", tmp / "b", tmp / "c"
    run("build", *inputs, "-o", str(a), "--format", formats, "--threads", "1")
    run("build", *inputs, "-o", str(b), "--format", formats, "--threads", "1")
    run("build", *inputs, "-o", str(c), "--format", formats, "--threads", "2")
    da, db, dc = digest(a), digest(b), digest(c)
    five = {"graph.json", "graph.graphml", "graph.dot", "graph.jsonld", "graph.svg"}
    literature = {"graph-literature.dot", "graph-literature.svg"} if ARTICLE.exists() else set()
    check(set(da) == five | literature and da == db, "two runs write byte-identical files")
    check(da == dc, "one and two threads write byte-identical files")

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
