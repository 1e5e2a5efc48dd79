#!/usr/bin/python3
"""A catalogue of bad inputs. For each: a clear message naming the file and the place, the
documented exit code (1 bad input, 3 output), never a crash (no signal, no exit 4, no hang), no
partial output files. In a corpus run a bad document is reported and skipped and the others kept;
--strict fails the run. The texts here are written for this test."""
import ctypes
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
failures = []
MEMORY_LIMIT = 8 << 30  # a run that needs more than this is a bug, not a machine to grow


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def limit_memory():
    # AddressSanitizer reserves terabytes of address space for its shadow memory, so the limit
    # only applies to the normal build (scripts/test.sh sets ASAN_OPTIONS for the sanitizer pass).
    if not os.environ.get("ASAN_OPTIONS"):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args, timeout=120, stdin=None):
    try:
        return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, errors="replace",
                              timeout=timeout, input=stdin, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, -999, "", f"TIMEOUT after {timeout} s")


def no_output(folder):
    folder = Path(folder)
    return not folder.exists() or not any(folder.rglob("*"))


def clean_failure(r, code, names, out, what):
    """Exit `code`, stderr naming every string in `names`, nothing in `out`."""
    msg = r.stderr.strip().replace("\n", " | ")[-400:]
    check(r.returncode == code, f"{what}: exit {code} (got {r.returncode}: {msg})")
    check(all(n in r.stderr for n in names), f"{what}: the message names {names} ({msg})")
    check(out is None or no_output(out), f"{what}: no partial output in {out}")


PROSE = ("Turkey funds schools and scholarships in Azerbaijan through the Yunus Emre Institute. "
         "China opened a Confucius Institute in Kazakhstan in 2019. "
         "Russia promotes the Russian language across Central Asia. ")

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    good = tmp / "good.txt"
    good.write_text(PROSE + "\n")

    # --- One bad file on its own: exit 1 naming the file and the place, no output.
    cases = {
        "empty.txt": (b"", ["empty.txt"]),
        "binary.dat": (bytes(range(256)) * 8, ["binary.dat", "byte"]),
        "nul.txt": (b"Turkey funds schools\x00 in Azerbaijan.\n", ["nul.txt", "byte 20"]),
        "utf8.txt": (b"Turkey funds schools.\nA bad byte \xc3\x28 here.\n", ["utf8.txt", "byte 33"]),
    }
    for name, (data, names) in cases.items():
        p = tmp / name
        p.write_bytes(data)
        clean_failure(run("build", p, "-o", tmp / f"out-{name}"), 1, names, tmp / f"out-{name}", name)
        clean_failure(run("extract", p, "--jsonl", tmp / f"{name}.jsonl"), 1, names, None, f"extract {name}")
        check(not (tmp / f"{name}.jsonl").exists() and not (tmp / f"{name}.jsonl.tmp").exists(),
              f"extract {name}: no partial .jsonl")

    # --- A corpus run: bad documents are reported and skipped, the others kept; --strict fails.
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "a-good.txt").write_text(PROSE)
    (corpus / "z-good.txt").write_text("Japan funds universities in Uzbekistan through JICA.\n")
    for name, (data, _) in cases.items():
        (corpus / name).write_bytes(data)
    out = tmp / "out-corpus"
    r = run("build", corpus, "-o", out, "--format", "json")
    check(r.returncode == 0, f"a corpus with bad documents builds (exit {r.returncode}: {r.stderr.strip()[-300:]})")
    for name in cases:
        check(name in r.stderr, f"the corpus run reports the skipped {name}")
    if (out / "graph.json").exists():
        docs = sorted(Path(d["path"]).name for d in json.loads((out / "graph.json").read_text())["documents"])
        check(docs == ["a-good.txt", "z-good.txt"], f"the good documents are kept ({docs})")
    out = tmp / "out-strict"
    clean_failure(run("build", corpus, "-o", out, "--strict"), 1, ["binary.dat"], out, "--strict corpus run")

    # --- A 50 MB single line of prose (sentences, no newline): finishes, or fails cleanly.
    # Under the sanitizers (several times slower) the line is 10 MB, to stay inside CI's time.
    line_mb = 10 if os.environ.get("ASAN_OPTIONS") else 50
    line = tmp / "line.txt"
    unit = (PROSE + "Observers disagree about the weight of each of these factors. ") * 4
    with open(line, "w") as f:
        f.write((unit * (line_mb * 1024 * 1024 // len(unit) + 1))[:line_mb * 1024 * 1024])
    t0 = time.time()
    r = run("extract", line, "--jsonl", tmp / "line.jsonl", "--threads", "1", timeout=900)
    took = time.time() - t0
    print(f"note: a {line_mb} MB single line: exit {r.returncode} in {took:.0f} s")
    check(r.returncode in (0, 1), f"a {line_mb} MB single line: no crash or hang (exit {r.returncode} in {took:.0f} s: {r.stderr.strip()[-200:]})")
    (tmp / "line.jsonl").unlink(missing_ok=True)
    line.unlink()

    # --- A run-on line without sentence punctuation (1 MB): one giant "sentence". Evidence
    # quotes the sentence for each relation, so cost must not grow with (mentions x length).
    runon = tmp / "runon.txt"
    words = "Turkey funds schools in Azerbaijan and China builds roads in Kazakhstan while "
    runon.write_text((words * (1024 * 1024 // len(words) + 1))[:1024 * 1024])
    t0 = time.time()
    r = run("extract", runon, "--jsonl", tmp / "runon.jsonl", "--threads", "1", timeout=300)
    took = time.time() - t0
    size = (tmp / "runon.jsonl").stat().st_size if (tmp / "runon.jsonl").exists() else 0
    print(f"note: a 1 MB run-on sentence: exit {r.returncode} in {took:.0f} s, records {size} bytes")
    check(r.returncode in (0, 1) and size < 200 * 1024 * 1024,
          f"a 1 MB run-on sentence: no crash, hang or blow-up (exit {r.returncode} in {took:.0f} s, "
          f"{size} bytes of records, memory limit {MEMORY_LIMIT >> 30} GB: {r.stderr.strip()[-200:]})")
    (tmp / "runon.jsonl").unlink(missing_ok=True)

    # --- A FIFO named as an input: refused (exit 1), never waited on forever.
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)
    clean_failure(run("build", fifo, "-o", tmp / "out-fifo", timeout=30), 1, ["pipe.txt"], tmp / "out-fifo",
                  "a FIFO given as input")
    fifo.unlink()

    # --- A file that vanishes between listing and reading: inotify tells us when the first
    # document is opened (after the folder was listed); the last one is deleted then.
    vanish = tmp / "vanish"
    vanish.mkdir()
    # Long enough (~0.6 MB) that reading it outlasts the watcher thread's wake-up on a loaded machine.
    (vanish / "a.txt").write_text(PROSE * 3000)
    (vanish / "b.txt").write_text(PROSE)
    (vanish / "c.txt").write_text(PROSE)
    libc = ctypes.CDLL(None, use_errno=True)
    ifd = libc.inotify_init1(os.O_CLOEXEC)
    deleted = threading.Event()
    if ifd >= 0 and libc.inotify_add_watch(ifd, str(vanish).encode(), 0x20) >= 0:  # IN_OPEN

        def watch():
            while not deleted.is_set():
                buf = os.read(ifd, 4096)
                i = 0
                while i < len(buf):
                    _, _, _, n = struct.unpack_from("iIII", buf, i)
                    name = buf[i + 16:i + 16 + n].rstrip(b"\0")
                    i += 16 + n
                    if name == b"a.txt":
                        (vanish / "c.txt").unlink()
                        deleted.set()
                        return

        threading.Thread(target=watch, daemon=True).start()
        out = tmp / "out-vanish"
        r = run("build", vanish, "-o", out, "--format", "json", "--threads", "1")
        check(deleted.is_set(), "the vanishing file was deleted while the run was reading")
        check(r.returncode == 0 and "c.txt" in r.stderr,
              f"a file that vanished mid-run is reported and skipped ({r.returncode}: {r.stderr.strip()[-300:]})")
        (vanish / "c.txt").write_text(PROSE)
        deleted.clear()
        threading.Thread(target=watch, daemon=True).start()
        out = tmp / "out-vanish-strict"
        r = run("build", vanish, "-o", out, "--format", "json", "--threads", "1", "--strict")
        clean_failure(r, 1, ["c.txt"], out, "a file that vanished mid-run, --strict")
        os.close(ifd)
    else:
        print("SKIP: inotify is unavailable: the vanishing-file case is not run")

    # --- A symlink loop inside an input folder: each real folder is read once, with a warning.
    loop = tmp / "loop"
    (loop / "sub").mkdir(parents=True)
    (loop / "sub" / "doc.txt").write_text(PROSE)
    (loop / "sub" / "back").symlink_to("..")
    (loop / "dangling.txt").symlink_to(tmp / "nowhere.txt")
    out = tmp / "out-loop"
    r = run("build", loop, "-o", out, "--format", "json", timeout=60)
    check(r.returncode == 0 and "symlink loop" in r.stderr, f"a symlink loop is detected ({r.returncode}: {r.stderr.strip()[-200:]})")
    if (out / "graph.json").exists():
        docs = json.loads((out / "graph.json").read_text())["documents"]
        check(len(docs) == 1, f"a symlink loop reads each document once ({[d['path'] for d in docs]})")

    # --- Lexicons: malformed JSON, schema-invalid, conflicting aliases: exit 1 with the JSON place.
    lex_cases = {
        "malformed.json": ('{"lexicon": "x", "entries": [', ["malformed.json"]),
        "schema.json": ('{"lexicon": "x", "entries": [{"id": "actor/x", "type": "Actor"}]}',
                        ["schema.json", "$.entries[0]"]),
        "wrongtype.json": ('{"lexicon": "x", "entries": [{"id": "actor/x", "type": "Actor", "label": 7}]}',
                           ["wrongtype.json", "$.entries[0]"]),
        "conflict.json": (json.dumps({"lexicon": "c", "entries": [
            {"id": "actor/nowhere", "type": "Actor", "label": "Nowhere", "aliases": ["Turkey"]}]}),
            ["conflict.json", "conflicting aliases"]),
        "conflict-self.json": (json.dumps({"lexicon": "c", "entries": [
            {"id": "actor/one", "type": "Actor", "label": "One", "aliases": ["Twin Land"]},
            {"id": "actor/two", "type": "Actor", "label": "Two", "aliases": ["twin land"]}]}),
            ["conflict-self.json", "conflicting aliases"]),
    }
    for name, (text, names) in lex_cases.items():
        p = tmp / name
        p.write_text(text)
        out = tmp / f"out-{name}"
        clean_failure(run("build", good, "--lexicon", p, "-o", out), 1, names, out, f"lexicon {name}")
        clean_failure(run("lexicon", "check", p), 1, names, None, f"lexicon check {name}")

    # --- Output that cannot be written: exit 3, nothing left behind.
    blocker = tmp / "a-file"
    blocker.write_text("x")
    clean_failure(run("build", good, "-o", blocker / "sub"), 3, ["a-file"], None, "an output folder under a file")
    clean_failure(run("extract", good, "--jsonl", blocker / "x.jsonl"), 3, ["x.jsonl"], None, "a .jsonl under a file")
    if os.geteuid() != 0:
        ro = tmp / "readonly"
        ro.mkdir()
        ro.chmod(0o555)
        clean_failure(run("build", good, "-o", ro / "out"), 3, ["readonly"], ro / "out", "a read-only output folder")
    else:
        print("note: running as root: permissions do not stop root, the read-only folder case is not run")

    # --- A full disk: a 64 KB tmpfs (root only); the graph of the repo's texts does not fit.
    mnt = tmp / "small"
    mnt.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True).returncode == 0
    if mounted:
        try:
            texts = SRC / "tests" / "data" / "texts"
            out = mnt / "out"
            r = run("build", texts, "-o", out, "--format", "json,graphml,svg")
            clean_failure(r, 3, [str(mnt)], out, "a full disk (64 KB tmpfs) during build")
            r = run("extract", texts, "--jsonl", mnt / "x.jsonl")
            clean_failure(r, 3, ["x.jsonl"], None, "a full disk (64 KB tmpfs) during extract")
            left = sorted(p.name for p in mnt.rglob("*") if p.is_file())
            check(not left, f"a full disk leaves no partial or temporary files ({left})")
        finally:
            subprocess.run(["umount", str(mnt)])
    else:
        print("SKIP: cannot mount a small tmpfs (needs root and mount rights): the full-disk case is not run")

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
