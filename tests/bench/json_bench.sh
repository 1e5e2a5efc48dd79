#!/bin/sh
# JSON writing, SHA-256, extract and merge against a baseline build, same run, side by side.
#   tests/bench/json_bench.sh BASE_BUILD NEW_BUILD [NODES] [MB]
# BASE_BUILD: a Release build of the baseline commit with this json_bench.cpp copied into its
# tests/bench/ (targets softgraph and json_bench); NEW_BUILD: this tree's, the same targets.
# NODES (default 150000) sizes the graph of large_graph_gen.py that json_bench reads and writes
# again as graph.json; MB (default 5) of corpus_gen.py's corpus are extracted with each build
# (the records must be byte-identical) and merged with each. Every figure is the best of REPEAT
# (default 5) runs, the two builds taking turns.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=$1
NEW=$2
NODES=${3:-150000}
MB=${4:-5}
REPEAT=${REPEAT:-5}
for f in "$BASE/cli/softgraph" "$BASE/tests/bench/json_bench" "$NEW/cli/softgraph" \
         "$NEW/tests/bench/json_bench"; do
  [ -x "$f" ] || { echo "no $f: build it first" >&2; exit 1; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 "$HERE/large_graph_gen.py" "$NODES" "$WORK/graph.json" >/dev/null
/usr/bin/python3 "$HERE/corpus_gen.py" "$WORK/gen" --mb "$MB" >/dev/null

exec /usr/bin/python3 - "$BASE" "$NEW" "$WORK" "$REPEAT" <<'PY'
import os, subprocess, sys, time
base, new, work, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def prog(build):
    return os.path.join(build, "cli/softgraph")
def bench(build):
    out = subprocess.run([os.path.join(build, "tests/bench/json_bench"), work + "/graph.json",
                          str(repeat)], check=True, capture_output=True, text=True).stdout
    return dict(line.split() for line in out.splitlines())
def timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0
b, n = bench(base), bench(new)
assert b["sha256_digest"] == n["sha256_digest"], "the two SHA-256 differ"
rows = []
rows.append(("graph.json write (%.1f MB)" % float(n["graph_json_mb"]),
             float(b["graph_json_s"]), float(n["graph_json_s"])))
rows.append(("  of which JSON (less the order)",
             float(b["graph_json_s"]) - float(b["graph_order_s"]),
             float(n["graph_json_s"]) - float(n["graph_order_s"])))
rows.append(("SHA-256 of %d MB" % float(n["sha256_mb"]), float(b["sha256_s"]),
             float(n["sha256_s"])))
corpus = work + "/gen/corpus"
ext = {"base": [], "new": []}
mrg = {"base": [], "new": []}
for i in range(repeat):
    for name, build in (("base", base), ("new", new)):
        ext[name].append(timed([prog(build), "extract", corpus, "--threads", "1", "-q",
                                "--jsonl", "%s/%s.jsonl" % (work, name)]))
same = open(work + "/base.jsonl", "rb").read() == open(work + "/new.jsonl", "rb").read()
for i in range(repeat):
    for name, build in (("base", base), ("new", new)):
        mrg[name].append(timed([prog(build), "merge", work + "/new.jsonl", "-q", "--threads", "1",
                                "--format", "json", "-o", "%s/merged-%s" % (work, name)]))
merged_same = open(work + "/merged-base/graph.json", "rb").read() == \
    open(work + "/merged-new/graph.json", "rb").read()
records = sum(1 for _ in open(work + "/new.jsonl"))
rows.append(("extract --jsonl (%d records)" % records, min(ext["base"]), min(ext["new"])))
rows.append(("merge --format json", min(mrg["base"]), min(mrg["new"])))
print("%-32s %10s %10s %8s" % ("", "base s", "new s", "speed-up"))
for what, tb, tn in rows:
    print("%-32s %10.3f %10.3f %7.2fx" % (what, tb, tn, tb / tn))
print("records byte-identical: %s; merged graph.json byte-identical: %s" % (same, merged_same))
PY
