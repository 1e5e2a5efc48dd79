#!/usr/bin/python3
"""Hostile files, paths and faults (issue 20): deeply nested JSON in every reader, FIFOs and
devices where files are expected, symlinks planted where softgraph writes, concurrent runs on one
output, signals and kills mid-run, an output folder inside the input folder, and the exit codes and
messages of bad paths and options. Each case: the documented exit code (1 bad input, 2 usage, 3
output), a message naming the file and the place, no crash, no hang, no stray or partial file.
The texts here are written for this test."""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
failures = []
sys.setrecursionlimit(20000)  # shutil.rmtree recurses once per level of the 1,000-deep tree

PROSE = ("Turkey funds schools and scholarships in Azerbaijan through the Yunus Emre Institute. "
         "China opened a Confucius Institute in Kazakhstan in 2019. "
         "Russia promotes the Russian language across Central Asia.\n")
OTHER = ("Japan builds hospitals in Laos through JICA. Germany offers scholarships to students "
         "from Uzbekistan. The United States funds media training in Kyrgyzstan.\n")


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def run(*args, timeout=120, stdin=None, cwd=None):
    try:
        return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, errors="replace",
                              timeout=timeout, input=stdin, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, -999, "", f"TIMEOUT after {timeout} s")


def fails(r, code, names, what):
    msg = r.stderr.strip().replace("\n", " | ")[-300:]
    check(r.returncode == code and all(n in r.stderr for n in names),
          f"{what}: exit {code} naming {names} (got {r.returncode}: {msg})")


def digest(folder):
    """The output set: every file but softgraph's own hidden staging folders."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*"))
            if p.is_file() and not str(p.relative_to(folder)).startswith(".softgraph-")}


def wait_for_temp(p, folder):
    """Waits until the running extract `p` has made its temporary in `folder`."""
    deadline = time.time() + 60
    while p.poll() is None and time.time() < deadline:
        if any("softgraph-tmp" in n for n in os.listdir(folder)):
            return
        time.sleep(0.005)


def leftovers(folder):
    return sorted(p.name for p in Path(folder).rglob("*")
                  if "softgraph-" in p.name or ".tmp" in p.name)


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    good = tmp / "good.txt"
    good.write_text(PROSE)
    other = tmp / "other.txt"
    other.write_text(OTHER)
    subprocess.run([BIN, "build", good, "-o", tmp / "g", "--format", "json", "-q"], check=True,
                   capture_output=True)
    graph = json.loads((tmp / "g" / "graph.json").read_text())
    subprocess.run([BIN, "extract", good, "--jsonl", tmp / "good.jsonl", "-q"], check=True,
                   capture_output=True)

    # --- 1. Deep nesting (130k levels, 260 KB) in every JSON reader: exit 1 at a located place.
    deep = "[" * 130000 + "]" * 130000
    (tmp / "deep.json").write_text(deep)
    (tmp / "deep.jsonl").write_text('{"path":' + deep + "}\n")
    lex = {"lexicon": "d", "entries": [{"id": "actor/x", "type": "Actor", "label": "X",
                                        "attributes": {"a": "PLACE"}}]}
    (tmp / "deep-lex.json").write_text(json.dumps(lex).replace('"PLACE"', deep))
    g2 = dict(graph)
    g2["attributes"] = {"a": "PLACE"}
    (tmp / "deep-graph.json").write_text(json.dumps(g2).replace('"PLACE"', deep))
    where = "nested deeper than 512"
    fails(run("lexicon", "check", tmp / "deep-lex.json"), 1, ["deep-lex.json", "line 1", where], "lexicon check, deep")
    fails(run("build", good, "--lexicon", tmp / "deep.json", "-o", tmp / "o1"), 1, ["deep.json", where], "--lexicon, deep")
    fails(run("render", tmp / "deep-graph.json"), 1, ["deep-graph.json", "byte", where], "render, deep")
    fails(run("channels", tmp / "deep.json"), 1, ["deep.json", where], "channels graph.json, deep")
    fails(run("eval", "--gold", tmp / "deep.json", good), 1, ["deep.json", where], "eval --gold, deep")
    fails(run("merge", tmp / "deep.jsonl", "-o", tmp / "o2"), 1, ["deep.jsonl", "line 1", where], "merge, deep")
    fails(run("eval", "--challenge", tmp / "deep.jsonl"), 1, ["deep.jsonl", "line 1"], "eval --challenge, deep")
    check(not (tmp / "o1").exists() and not (tmp / "o2").exists(), "deep JSON: no output folder")

    # --- 5. Not regular files: refused at once, never read forever or waited on.
    fifo = tmp / "pipe.json"
    os.mkfifo(fifo)
    for args, what in [(("build", good, "--lexicon", "/dev/zero", "-o", tmp / "o3"), "--lexicon /dev/zero"),
                       (("lexicon", "check", "/dev/zero"), "lexicon check /dev/zero"),
                       (("build", good, "--lexicon", fifo, "-o", tmp / "o3"), "--lexicon FIFO"),
                       (("render", fifo), "render FIFO"),
                       (("eval", "--gold", fifo, good), "eval --gold FIFO"),
                       (("merge", fifo, "-o", tmp / "o3"), "merge FIFO"),
                       (("build", "/dev/zero", "-o", tmp / "o3"), "/dev/zero as a document"),
                       (("channels", fifo), "channels FIFO"),
                       (("channels", "/dev/zero"), "channels /dev/zero"),
                       (("eval", "--challenge", fifo), "eval --challenge FIFO"),
                       (("text", fifo), "text FIFO"),
                       (("text", "/dev/zero"), "text /dev/zero"),
                       (("lexicon", "suggest", fifo), "lexicon suggest FIFO"),
                       (("merge", "/dev/zero", "-o", tmp / "o3"), "merge /dev/zero")]:
        t0 = time.time()
        r = run(*args, timeout=20)
        name = "/dev/zero" if "/dev/zero" in what else "pipe.json"
        fails(r, 1, [name], what)
        check(time.time() - t0 < 15, f"{what}: refused at once")
    fails(run("build", good, "--lexicon", tmp, "-o", tmp / "o3"), 1, [str(tmp), "is a folder", "JSON file"],
          "a folder given as a JSON file")
    fails(run("render", tmp), 1, ["is a folder"], "a folder given as graph.json")
    # A document that becomes a FIFO after its folder was listed: the document is skipped with a
    # message (the open is checked, not the listing), the run goes on.
    corpus = tmp / "swap"
    corpus.mkdir()
    (corpus / "a.txt").write_text(PROSE * 2000)
    (corpus / "b.txt").write_text(OTHER)
    import ctypes
    import struct
    import threading
    libc = ctypes.CDLL(None, use_errno=True)
    ifd = libc.inotify_init1(os.O_CLOEXEC)
    swapped = threading.Event()
    if ifd >= 0 and libc.inotify_add_watch(ifd, str(corpus).encode(), 0x20) >= 0:  # IN_OPEN
        def swap():
            while True:
                buf = os.read(ifd, 4096)
                i = 0
                while i < len(buf):
                    _, _, _, n = struct.unpack_from("iIII", buf, i)
                    name = buf[i + 16:i + 16 + n].rstrip(b"\0")
                    i += 16 + n
                    if name == b"a.txt":
                        (corpus / "b.txt").unlink()
                        os.mkfifo(corpus / "b.txt")
                        swapped.set()
                        return
        threading.Thread(target=swap, daemon=True).start()
        r = run("build", corpus, "-o", tmp / "o4", "--format", "json", "--threads", "1", timeout=60)
        check(swapped.is_set(), "the document was swapped for a FIFO while the run read")
        check(r.returncode == 0 and "b.txt" in r.stderr and "FIFO" in r.stderr,
              f"a document that became a FIFO is skipped with a message ({r.returncode}: {r.stderr.strip()[-200:]})")
        os.close(ifd)
    else:
        print("SKIP: inotify is unavailable: the FIFO-swap case is not run")

    # --- 2. Temporary files: symlinks planted where softgraph writes are never followed.
    victim = tmp / "victim.txt"
    victim.write_text("precious")
    shared = tmp / "shared"
    shared.mkdir()
    (shared / "x.jsonl").symlink_to(victim)
    (shared / "x.jsonl.tmp").symlink_to(victim)
    r = run("extract", good, "--jsonl", shared / "x.jsonl")
    check(r.returncode == 0 and victim.read_text() == "precious",
          f"extract: a planted x.jsonl / x.jsonl.tmp symlink is not written through ({r.returncode})")
    check((shared / "x.jsonl").is_file() and not (shared / "x.jsonl").is_symlink()
          and (shared / "x.jsonl").read_bytes() == (tmp / "good.jsonl").read_bytes(),
          "extract: the output replaces the symlink with the records")
    out = tmp / "shared-out"
    out.mkdir()
    (out / "graph.json").symlink_to(victim)
    r = run("build", good, "-o", out, "--format", "json,csv")
    check(r.returncode == 0 and victim.read_text() == "precious" and not (out / "graph.json").is_symlink(),
          f"build: a planted graph.json symlink is replaced, not written through ({r.returncode})")
    check(leftovers(out) == [] and leftovers(shared) == ["x.jsonl.tmp"],
          f"no temporary left beside the outputs ({leftovers(out)}, {leftovers(shared)})")
    fails(run("extract", good, "--jsonl", ""), 2, ["--jsonl", "empty"], "extract --jsonl ''")
    fails(run("extract", good, "--jsonl", shared), 3, [str(shared), "not a regular file"], "extract --jsonl FOLDER")
    # A symlink planted to a character device or a pipe is refused, not written through; the
    # device named by the user (/dev/null, /dev/stdout) is written directly.
    devices = [("null.jsonl", "/dev/null"), ("full.jsonl", "/dev/full"), ("tty.jsonl", "/dev/tty")]
    for name, dev in (d for d in devices if os.path.exists(d[1]) or os.path.islink(d[1])):
        (shared / name).symlink_to(dev)
        r = run("extract", good, "--jsonl", shared / name)
        fails(r, 3, [str(shared / name), "symbolic link to a character device", dev],
              f"extract --jsonl to a planted symlink to {dev}")
        check((shared / name).is_symlink() and leftovers(shared) == ["x.jsonl.tmp"],
              f"extract: the {dev} link is left alone and no temporary is left ({leftovers(shared)})")
    fifo = tmp / "planted.fifo"
    os.mkfifo(fifo)
    (shared / "fifo.jsonl").symlink_to(fifo)
    r = run("extract", good, "--jsonl", shared / "fifo.jsonl", timeout=30)
    fails(r, 3, [str(shared / "fifo.jsonl"), "symbolic link to a pipe"],
          "extract --jsonl to a planted symlink to a FIFO (no hang)")
    r = run("extract", good, "--jsonl", "/dev/null")
    check(r.returncode == 0, f"extract --jsonl /dev/null (named) writes the device ({r.returncode})")
    r = subprocess.run([BIN, "extract", good, "--jsonl", "/dev/stdout", "-q"], capture_output=True,
                       timeout=120)
    check(r.returncode == 0 and r.stdout == (tmp / "good.jsonl").read_bytes(),
          f"extract --jsonl /dev/stdout (a symlink the user names) writes the records alone, no "
          f"count among them ({r.returncode}: {r.stdout[-80:]!r})")
    # /dev/stdout redirected to a file: the records go into that file, /dev/stdout stays a link.
    redirected = tmp / "redirected.jsonl"
    with open(redirected, "wb") as f:
        rc = subprocess.run([BIN, "extract", good, "--jsonl", "/dev/stdout", "-q"], stdout=f,
                            stderr=subprocess.PIPE, timeout=120).returncode
    check(rc == 0 and redirected.read_bytes() == (tmp / "good.jsonl").read_bytes()
          and os.path.islink("/dev/stdout"),
          f"extract --jsonl /dev/stdout > FILE writes the records into FILE ({rc})")
    r = run("extract", good, "--jsonl", "/dev/full")
    fails(r, 3, ["/dev/full", "write failed"], "extract --jsonl /dev/full: the device's error")
    # A temporary name planted by someone else (a dead pid's name) is removed, never followed.
    planted_tmp = shared / ".y.jsonl.softgraph-tmp-4194000-abcdef"
    planted_tmp.symlink_to(victim)
    planted_dev = shared / ".y.jsonl.softgraph-tmp-4194001-abcdef"
    planted_dev.symlink_to("/dev/full")
    r = run("extract", good, "--jsonl", shared / "y.jsonl")
    check(r.returncode == 0 and victim.read_text() == "precious" and not planted_tmp.is_symlink()
          and not planted_dev.is_symlink() and (shared / "y.jsonl").is_file(),
          f"extract: planted temporary names are removed, not written through ({r.returncode})")
    # Every output folder: a planted symlink to a device or to a file is replaced, never written
    # through (/dev/full would fail the write), and a folder that is a link to a device is refused.
    part = tmp / "good.jsonl"
    for cmd, args in (("build", [good]), ("merge", [part]), ("render", [tmp / "g" / "graph.json"]),
                      ("channels", [good, "--matrix"])):
        o = tmp / f"planted-{cmd}"
        o.mkdir()
        files = ({"channels": ["channel-matrix.csv", "channel-matrix.svg"],
                  "render": ["graph.dot", "graph.svg"]}.get(cmd, ["graph.json", "graph.dot"]))
        (o / files[0]).symlink_to("/dev/full")
        (o / files[1]).symlink_to(victim)
        fmt = [] if cmd == "channels" else ["--format", ",".join(f.split(".")[1] for f in files)]
        r = run(cmd, *args, o, *fmt) if cmd == "channels" else run(cmd, *args, "-o", o, *fmt)
        check(r.returncode == 0 and victim.read_text() == "precious"
              and all((o / f).is_file() and not (o / f).is_symlink() for f in files)
              and leftovers(o) == [],
              f"{cmd}: planted symlinks to /dev/full and a file are replaced, not written through "
              f"({r.returncode}: {r.stderr.strip()[-200:]})")
        dev_dir = tmp / f"devdir-{cmd}"
        dev_dir.symlink_to("/dev/null")
        r = run(cmd, *args, dev_dir, *fmt) if cmd == "channels" else run(cmd, *args, "-o", dev_dir, *fmt)
        check(r.returncode in (1, 3) and str(dev_dir) in r.stderr and (dev_dir).is_symlink(),
              f"{cmd}: an output folder that is a link to /dev/null is refused ({r.returncode}: "
              f"{r.stderr.strip()[-200:]})")

    # Two extract runs on one file: each writes its own temporary; the file is one run's, whole.
    big = tmp / "big"
    big.mkdir()
    for i in range(6):
        (big / f"t{i}.txt").write_text((PROSE + OTHER) * (i + 1))
    ref_a, ref_b = tmp / "ref-a.jsonl", tmp / "ref-b.jsonl"
    subprocess.run([BIN, "extract", big, "--jsonl", ref_a, "-q"], check=True, capture_output=True)
    subprocess.run([BIN, "extract", good, "--jsonl", ref_b, "-q"], check=True, capture_output=True)
    target = tmp / "both.jsonl"
    for attempt in range(3):
        pa = subprocess.Popen([BIN, "extract", big, "--jsonl", target, "-q"], stdout=subprocess.DEVNULL)
        pb = subprocess.Popen([BIN, "extract", good, "--jsonl", target, "-q"], stdout=subprocess.DEVNULL)
        ra, rb = pa.wait(120), pb.wait(120)
        body = target.read_bytes()
        check(ra == 0 and rb == 0 and body in (ref_a.read_bytes(), ref_b.read_bytes()),
              f"two concurrent extracts on one file: both succeed and the file is one run's, whole "
              f"(attempt {attempt + 1}: {ra}, {rb}, {len(body)} bytes)")
    temps = [n for n in leftovers(tmp) if "softgraph-tmp" in n]
    check(temps == [], f"concurrent extracts leave no temporary ({temps})")

    # Two builds on one folder: each set is committed whole, the folder is one run's set.
    fmt = "json,graphml,csv,neo4j"
    subprocess.run([BIN, "build", big, "-o", tmp / "ref-big", "--format", fmt, "-q"], check=True, capture_output=True)
    subprocess.run([BIN, "build", good, "-o", tmp / "ref-good", "--format", fmt, "-q"], check=True, capture_output=True)
    refs = [digest(tmp / "ref-big"), digest(tmp / "ref-good")]
    both = tmp / "both-out"
    for attempt in range(3):
        pa = subprocess.Popen([BIN, "build", big, "-o", both, "--format", fmt, "-q"], stdout=subprocess.DEVNULL)
        pb = subprocess.Popen([BIN, "build", good, "-o", both, "--format", fmt, "-q"], stdout=subprocess.DEVNULL)
        ra, rb = pa.wait(120), pb.wait(120)
        d = digest(both)
        check(ra == 0 and rb == 0 and d in refs,
              f"two concurrent builds on one folder: the folder holds one whole set (attempt {attempt + 1})")

    # --- 9. Signals and kills: the previous set stays whole, nothing is left behind.
    texts = SRC / "tests" / "data" / "texts"
    slow = ["build", texts, "--format", "json,graphml,svg,png,pdf", "--threads", "1"]
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        out = tmp / f"sig-{sig.name}"
        subprocess.run([BIN, "build", good, "-o", out, "--format", "json,svg", "-q"], check=True, capture_output=True)
        before = digest(out)
        p = subprocess.Popen([BIN, *map(str, slow), "-o", str(out), "-q"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        caught = False
        deadline = time.time() + 120
        while p.poll() is None and time.time() < deadline:
            if any(n.startswith(".softgraph-stage-") for n in os.listdir(out)):
                p.send_signal(sig)
                caught = True
                break
            time.sleep(0.002)
        rc = p.wait(60)
        if not caught or rc == 0:
            print(f"note: {sig.name}: the run finished before its staging folder was seen; not judged")
            continue
        check(rc == -sig, f"{sig.name} mid-export: the run ends by the signal ({rc})")
        check(digest(out) == before, f"{sig.name} mid-export: the previous output set is untouched")
        stale = [n for n in os.listdir(out) if n.startswith(".softgraph-")]
        if sig == signal.SIGKILL:
            check(len(stale) == 1, f"SIGKILL leaves its staging folder ({stale})")
            subprocess.run([BIN, "build", good, "-o", out, "--format", "json", "-q"], capture_output=True)
            stale = [n for n in os.listdir(out) if n.startswith(".softgraph-")]
            check(stale == [], f"the next run removes a killed run's staging folder ({stale})")
        else:
            check(stale == [], f"{sig.name}: the staging folder is removed ({stale})")
    # extract killed mid-run: its temporary is removed by the next extract on that file.
    jl = tmp / "killed.jsonl"
    p = subprocess.Popen([BIN, "extract", texts, texts, "--jsonl", jl, "--threads", "1", "-q"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_temp(p, tmp)
    p.send_signal(signal.SIGKILL)
    p.wait(60)
    temps = [n for n in os.listdir(tmp) if n.startswith(".killed.jsonl.softgraph-tmp-")]
    subprocess.run([BIN, "extract", good, "--jsonl", jl, "-q"], capture_output=True)
    after = [n for n in os.listdir(tmp) if n.startswith(".killed.jsonl.softgraph-tmp-")]
    check(len(temps) == 1 and after == [], f"a killed extract's temporary is removed by the next one ({temps} -> {after})")
    p = subprocess.Popen([BIN, "extract", texts, "--jsonl", jl, "--threads", "1", "-q"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_temp(p, tmp)
    p.send_signal(signal.SIGTERM)
    rc = p.wait(60)
    check([n for n in os.listdir(tmp) if "softgraph-tmp" in n] == [] and jl.read_bytes() == (tmp / "good.jsonl").read_bytes(),
          f"SIGTERM during extract: no temporary, the previous file untouched ({rc})")

    # --- 10. The output folder inside the input folder is never read back.
    here = tmp / "here"
    here.mkdir()
    (here / "a.txt").write_text(PROSE)
    (here / "b.txt").write_text(OTHER)
    counts = []
    for _ in range(3):
        r = run("build", ".", "-o", "out", "--format", "json,graphml,csv", cwd=here)
        g = json.loads((here / "out" / "graph.json").read_text())
        counts.append((r.returncode, len(g["nodes"]), len(g["documents"])))
    check(len(set(counts)) == 1 and counts[0][2] == 2, f"`build .` three times gives the same graph ({counts})")
    there = tmp / "there"
    there.mkdir()
    (there / "a.txt").write_text(PROSE)
    (there / "b.txt").write_text(OTHER)
    lines = []
    for _ in range(2):
        run("extract", ".", "--jsonl", "x.jsonl", cwd=there)
        lines.append(len((there / "x.jsonl").read_text().splitlines()))
    check(lines == [2, 2], f"`extract . --jsonl x.jsonl` twice reads the same two documents ({lines})")

    # --- 15/16. Exit codes and messages of paths and options.
    fails(run("build", good, "-o", tmp / "o5", "--format", ""), 2, ["--format", "no format"], "--format ''")
    fails(run("build", good, "-o", tmp / "o5", "--max-evidence", "-1"), 2, ["max-evidence"], "--max-evidence -1")
    fails(run("build", good, "-o", tmp / "o5", "--threads", "-1"), 2, ["threads"], "--threads -1")
    check(not (tmp / "o5").exists(), "bad options write nothing")
    fails(run("build", good, tmp / "nothing-*.txt", "-o", tmp / "o6"), 1, ["nothing-*.txt", "matches no file"],
          "a glob matching nothing beside another input")
    emb = tmp / "emb"
    emb.mkdir()
    (emb / "embedded:nope").write_text(PROSE)
    r = run("build", "embedded:nope", "-o", "out", "--format", "json", cwd=emb)
    ok = r.returncode == 0 and json.loads((emb / "out" / "graph.json").read_text())["documents"][0]["path"] == "embedded:nope"
    check(ok, f"a real file named embedded:nope is read as that file ({r.returncode}: {r.stderr.strip()[-200:]})")
    fails(run("build", "embedded:examples/central-asia-brief.txt", "-o", tmp / "o7"), 1,
          ["embedded:examples/central-asia-brief.txt", "no such file"], "the embedded prefix is no input")
    g3 = json.loads(json.dumps(graph))
    g3["nodes"][0]["metrics"]["pagerank"] = "high"
    (tmp / "string-metric.json").write_text(json.dumps(g3))
    fails(run("render", tmp / "string-metric.json"), 1, ["string-metric.json", "$.nodes[0].metrics.pagerank"],
          "graph.json with a string metric")
    r = run("build", "-", "-o", tmp / "o8", stdin=f"{tmp / 'nope.txt'}\r\n")
    fails(r, 1, ["nope.txt\\r", "carriage return"], "a trailing \\r in a stdin path list is shown")
    padded = tmp / "padded.txt"
    padded.write_bytes(PROSE.encode() + b"\0" * 4096)
    fails(run("build", padded, "-o", tmp / "o9"), 1, ["padded.txt", "4096 NUL bytes of padding"], "NUL padding")
    mention = tmp / "mention.txt"
    mention.write_text("Forensic note. A file that starts with %PDF-1.7 is a PDF; this one is not.\n" + PROSE)
    r = run("build", mention, "-o", tmp / "o10", "--format", "json")
    check(r.returncode == 0 and json.loads((tmp / "o10" / "graph.json").read_text())["documents"][0]["format"] == "text",
          f"a text mentioning %PDF- in its first KB is read as text ({r.returncode}: {r.stderr.strip()[-200:]})")
    names = tmp / "names"
    names.mkdir()
    (names / "Әдебиеттер.txt").write_text(PROSE)
    (names / "Бишкек.txt").write_text(OTHER)
    (names / "★.txt").write_text(PROSE)
    r = run("build", names, "-o", tmp / "o11", "--format", "json")
    ids = sorted(d["id"] for d in json.loads((tmp / "o11" / "graph.json").read_text())["documents"]) if r.returncode == 0 else []
    check(len(set(ids)) == 3 and all(len(i) > len("document/") + 2 and not i.startswith("document/_") for i in ids)
          and "document/biskek" in ids,
          f"non-ASCII file names give proper document ids ({ids})")
    for key, value in [("owner", ["actor/atlantis"]), ("channels", ["instrument/telepathy"]), ("members", ["actor/mu"])]:
        entry = {"id": "institution/x_fund", "type": "Institution", "label": "X Fund", key: value}
        (tmp / f"ref-{key}.json").write_text(json.dumps({"lexicon": "r", "entries": [entry]}))
        fails(run("lexicon", "check", tmp / f"ref-{key}.json"), 1, [f"ref-{key}.json", f"$.entries[0].{key}[0]", value[0]],
              f"lexicon check: {key} naming an id that does not exist")

    # Records that the graph builder would refuse: bad input (exit 1) at a JSON path, never exit 4.
    record = json.loads((tmp / "good.jsonl").read_text().splitlines()[0])
    bad_type = json.loads(json.dumps(record))
    bad_type["relation_rules"][0]["type"] = "LOVES"
    no_id = json.loads(json.dumps(record))
    no_id["document"] = ""
    for name, rec, names in [("bad-type.jsonl", bad_type, ["$.relations[0]", "LOVES"]),
                             ("no-id.jsonl", no_id, ["$.document", "empty document id"])]:
        (tmp / name).write_text(json.dumps(rec) + "\n")
        fails(run("merge", tmp / name, "-o", tmp / "o14"), 1, [name, "line 1", *names], f"merge {name}")
    check(not (tmp / "o14").exists(), "bad records write nothing")

    # --- 6. Folder walking: a deep tree is walked in linear time; a path past PATH_MAX is skipped.
    d = tmp / "deep-tree"
    d.mkdir()
    (d / "top.txt").write_text(OTHER)
    fd = os.open(d, os.O_RDONLY)
    for _ in range(1000):
        os.mkdir("d", dir_fd=fd)
        nfd = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    with open(os.open("doc.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
        f.write(PROSE)
    os.close(fd)
    t0 = time.time()
    r = run("build", d, "-o", tmp / "o12", "--format", "json", timeout=60)
    docs = len(json.loads((tmp / "o12" / "graph.json").read_text())["documents"]) if r.returncode == 0 else 0
    check(docs == 2 and time.time() - t0 < 20,
          f"a 1,000-deep folder tree: both documents read in {time.time() - t0:.1f} s ({r.returncode})")
    shutil.rmtree(d)
    # Past PATH_MAX (4096): made with relative paths, step by step.
    long = tmp / "long-tree"
    long.mkdir()
    (long / "top.txt").write_text(PROSE)
    fd = os.open(long, os.O_RDONLY)
    seg = "x" * 200
    for _ in range(25):
        os.mkdir(seg, dir_fd=fd)
        nfd = os.open(seg, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
        f.write(OTHER)
    os.close(fd)
    r = run("build", long, "-o", tmp / "o13", "--format", "json", timeout=60)
    check(r.returncode == 0 and "PATH_MAX" in r.stderr,
          f"a sub-folder path past PATH_MAX is skipped with a warning ({r.returncode}: {r.stderr.strip()[-200:]})")
    shutil.rmtree(long)

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
