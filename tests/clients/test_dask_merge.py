#!/usr/bin/python3
"""scripts/dask_extract.py on a local Dask cluster of several worker processes: the shards'
`softgraph extract` records, merged with `softgraph merge`, give a folder byte-identical to one
`softgraph build` over the same inputs and formats; a bad document is skipped in both, and
--strict fails both."""
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
SCRIPT = SRC / "scripts" / "dask_extract.py"
FORMATS = "json,graphml,gexf,dot,jsonld,csv,svg"
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def dask_run(inputs, out, *extra, workers=3):
    return subprocess.run(["/usr/bin/python3", str(SCRIPT), *inputs, "--local", str(workers),
                           "-o", str(out), "--format", FORMATS, "--softgraph", BIN, *extra],
                          capture_output=True, text=True, timeout=900)


def build(inputs, out, *extra):
    return subprocess.run([BIN, "build", *inputs, "-o", str(out), "--format", FORMATS, *extra],
                          capture_output=True, text=True, timeout=900)


try:
    import distributed  # noqa: F401  (Debian python3-distributed)
except ImportError:
    print("SKIP: python3-distributed is not installed (apt-get install python3-distributed)")
    sys.exit(1 if os.environ.get("SOFTGRAPH_REQUIRE_SHARED") else 0)

inputs = [str(SRC / "tests" / "data" / "texts"), str(SRC / "examples")]
if ARTICLE.exists():
    inputs.insert(0, str(ARTICLE))
elif os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
    check(False, f"../shared is required but {ARTICLE} is missing")
else:
    print(f"note: {ARTICLE} is absent: running on the repo's own texts only")

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)

    # The article, the repo's texts and the brief: 5 shards on 3 worker processes.
    single, merged = tmp / "single", tmp / "merged"
    r = build(inputs, single)
    check(r.returncode == 0, f"softgraph build over {len(inputs)} inputs ({r.stderr.strip()[-300:]})")
    r = dask_run(inputs, merged, "--shards", "5")
    check(r.returncode == 0, f"dask_extract on a local cluster exits 0 ({r.stderr.strip()[-500:]})")
    workers = set(re.findall(r" on (\S+:\d+)$", r.stderr, re.M))
    check(len(workers) >= 2, f"the shards ran in several worker processes ({sorted(workers)})")
    ds, dm = digest(single), digest(merged)
    check(len(ds) >= 7, f"the single run wrote every format ({sorted(ds)})")
    check(ds == dm, "the merged folder is byte-identical to a single build "
          f"(differing: {sorted(k for k in set(ds) | set(dm) if ds.get(k) != dm.get(k))})")

    # A corpus with a bad document, one shard per file: the bad one's shard fails on its own,
    # and is skipped as a single run skips it; --strict fails both runs.
    corpus = tmp / "corpus"
    corpus.mkdir()
    for p in sorted((SRC / "tests" / "data" / "texts").glob("*.txt")):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "broken.txt").write_bytes(b"Turkey funds schools in Azerbaijan.\n\xff\xfe bad bytes\n")
    single, merged = tmp / "single-bad", tmp / "merged-bad"
    r1 = build([str(corpus)], single)
    r2 = dask_run([str(corpus)], merged, "--shards", "4", workers=2)
    check(r1.returncode == 0 and "broken.txt" in r1.stderr, "a single build skips the bad document, naming it")
    check(r2.returncode == 0 and "broken.txt" in r2.stderr,
          f"the Dask run skips the bad document, naming it ({r2.stderr.strip()[-300:]})")
    ds, dm = digest(single), digest(merged)
    check(ds and ds == dm, "with a bad document skipped, the merged folder equals the single build "
          f"(differing: {sorted(k for k in set(ds) | set(dm) if ds.get(k) != dm.get(k))})")
    r1 = build([str(corpus)], tmp / "strict-single", "--strict")
    r2 = dask_run([str(corpus)], tmp / "strict-merged", "--shards", "4", "--strict", workers=2)
    check(r1.returncode == 1 and r2.returncode == 1, f"--strict fails both runs with exit 1 ({r1.returncode}, {r2.returncode})")
    check(not (tmp / "strict-merged").exists() or not any((tmp / "strict-merged").iterdir()),
          "a failed Dask run leaves no output")

print(f"{len(failures) == 0 and 'all' or len(failures)} checks {'passed' if not failures else 'failed'}")
sys.exit(1 if failures else 0)
