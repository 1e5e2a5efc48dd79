#!/bin/sh
# Extraction speed against the scanning floor, peak memory, and the memory of the graph core.
#   tests/bench/extraction_bench.sh [BUILD_DIR] [MB]          e.g. build-perf 20   (default: build 200)
# Builds nothing: BUILD_DIR must hold cli/softgraph and tests/bench/graph_memory_bench (configure
# with -DCMAKE_BUILD_TYPE=Release -DSOFTGRAPH_BENCH=ON). Generates a corpus of MB megabytes with
# tests/bench/corpus_gen.py (fixed seed), then, in this one run and on the same files:
#   LC_ALL=C grep -c -F -f phrases.txt corpus/*       (the scanning floor: every lexicon form)
#   softgraph extract corpus --jsonl FILE --threads T  for each T in THREADS (default "1 2")
# and prints wall time, CPU time, MB/s and the ratio to grep, peak RSS (/usr/bin/time -v; Debian
# package `time`), whether the records are byte-identical across thread counts, and the graph
# core's bytes per node and per edge (graph_memory_bench GRAPH_NODES GRAPH_EDGES).
# Environment: THREADS ("1 2"), DOC_KB (64), SEED (7), GRAPH_NODES (100000), GRAPH_EDGES (500000),
# WORK (a folder to keep the corpus in; default a temporary one, removed at the end).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
MB=${2:-200}
THREADS=${THREADS:-"1 2"}
BIN="$BUILD/cli/softgraph"
MEM="$BUILD/tests/bench/graph_memory_bench"
[ -x "$BIN" ] || { echo "extraction_bench: no $BIN: build softgraph first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "extraction_bench: /usr/bin/time missing: apt-get install time" >&2; exit 1; }
if [ -n "${WORK:-}" ]; then
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

echo "== corpus: $MB MB (corpus_gen.py, seed ${SEED:-7}, ${DOC_KB:-64} KB documents) in $WORK" >&2
/usr/bin/python3 "$HERE/corpus_gen.py" "$WORK" --mb "$MB" --doc-kb "${DOC_KB:-64}" --seed "${SEED:-7}"
BYTES=$(cat "$WORK"/corpus/* | wc -c)
DOCS=$(ls "$WORK/corpus" | wc -l)
PHRASES=$(wc -l < "$WORK/phrases.txt")
cat "$WORK"/corpus/* > /dev/null  # page cache: every command reads from memory

# timed NAME CMD...: runs CMD under /usr/bin/time -v, appends "NAME wall user sys maxrss_kb rc".
timed() {
  name=$1
  shift
  rc=0
  /usr/bin/time -v -o "$WORK/time.$name" "$@" > "$WORK/out.$name" 2> "$WORK/err.$name" || rc=$?
  awk -v name="$name" -v rc="$rc" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident/ { r = $NF }
    END { printf "%s %s %s %s %s %s\n", name, w, u, s, r, rc }' "$WORK/time.$name" >> "$WORK/results"
}

: > "$WORK/results"
echo "== grep: $PHRASES phrases over $DOCS files" >&2
( cd "$WORK" && LC_ALL=C timed grep sh -c 'LC_ALL=C grep -c -F -f phrases.txt corpus/*' )
for t in $THREADS; do
  echo "== softgraph extract --threads $t" >&2
  timed "extract-t$t" "$BIN" -v extract "$WORK/corpus" --jsonl "$WORK/records-t$t.jsonl" --threads "$t"
  if [ -f "$WORK/records-t$t.jsonl" ]; then
    sha256sum < "$WORK/records-t$t.jsonl" | cut -c1-64 > "$WORK/sha.t$t"
    ls -l "$WORK/records-t$t.jsonl" | awk '{print $5}' > "$WORK/size.t$t"
    rm -f "$WORK/records-t$t.jsonl"  # records are ~4x the input: keep the disk free
  fi
done

# Streaming: the same extraction on a quarter of the corpus. Peak memory that stays flat while the
# corpus grows four-fold shows documents are streamed, not held.
mkdir -p "$WORK/quarter"
ls "$WORK/corpus" | head -n $(( (DOCS + 3) / 4 )) | while read -r f; do ln -sf "$WORK/corpus/$f" "$WORK/quarter/$f"; done
last=$(set -- $THREADS; eval echo "\${$#}")
echo "== softgraph extract --threads $last on a quarter of the corpus" >&2
timed "extract-t$last-quarter" "$BIN" extract "$WORK/quarter" --jsonl /dev/null --threads "$last"
QBYTES=$(cat "$WORK"/quarter/* | wc -c)

echo
echo "extraction bench: $DOCS documents, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1048576}') MB), $PHRASES phrases; $(nproc) cores"
awk -v bytes="$BYTES" -v qbytes="$QBYTES" '
  BEGIN {
          printf "%-22s %9s %9s %10s %12s %9s %9s %10s %4s\n", "command", "wall s", "cpu s", "MB/s", "MB/cpu-s", "x grep", "cpu x", "peak MB", "rc" }
  { name[NR] = $1; wall[NR] = $2; cpu[NR] = $3 + $4; rss[NR] = $5; rc[NR] = $6; size[NR] = ($1 ~ /quarter$/) ? qbytes : bytes }
  END {
    for (i = 1; i <= NR; i++) {
      w = wall[i] > 0 ? wall[i] : 0.01; c = cpu[i] > 0 ? cpu[i] : 0.01; mb = size[i] / 1048576
      gw = wall[1] > 0 ? wall[1] : 0.01; gc = cpu[1] > 0 ? cpu[1] : 0.01
      printf "%-22s %9.2f %9.2f %10.1f %12.1f %8.1f%% %8.1f%% %10.1f %4d\n", name[i], wall[i], cpu[i],
             mb / w, mb / c, 100 * (size[i] / w) / (size[1] / gw), 100 * (size[i] / c) / (size[1] / gc), rss[i] / 1024, rc[i]
    }
    print "(x grep: extraction speed as a share of grep'"'"'s, by wall time and by CPU time; aim >= 25%;"
    print " the -quarter row reads a quarter of the corpus: its peak MB should match the full run'"'"'s)"
  }' "$WORK/results"
for t in $THREADS; do
  [ -f "$WORK/sha.t$t" ] && echo "records --threads $t: $(cat "$WORK/size.t$t") bytes, sha256 $(cat "$WORK/sha.t$t")"
done
first=$(set -- $THREADS; echo "$1")
same=yes
for t in $THREADS; do
  cmp -s "$WORK/sha.t$first" "$WORK/sha.t$t" 2>/dev/null || same=no
done
echo "records byte-identical across --threads $THREADS: $same"
# The parser's share: sentences parsed (those that may hold a relation) and words per second of
# the one-thread run's wall time (the parser is most of that time; tests/bench/parser_bench
# measures it alone).
for t in $THREADS; do
  line=$(grep -o "parsed [0-9]* of [0-9]* sentences.*" "$WORK/err.extract-t$t" | tail -1 || true)
  [ -n "$line" ] || continue
  words=$(echo "$line" | awk '{print $(NF-1)}')
  wall=$(awk -v n="extract-t$t" '$1 == n {print $2}' "$WORK/results")
  echo "--threads $t: $line; $(awk -v w="$words" -v s="$wall" 'BEGIN{printf "%.0f", (s > 0 ? w / s : 0)}') words parsed per second of wall time"
done
for t in $THREADS; do
  if grep -qv " info: " "$WORK/err.extract-t$t" 2>/dev/null; then
    echo "stderr of --threads $t (first lines):"
    grep -v " info: " "$WORK/err.extract-t$t" | head -5
  fi
done

echo
if [ -x "$MEM" ]; then
  "$MEM" "${GRAPH_NODES:-100000}" "${GRAPH_EDGES:-500000}"
else
  echo "no $MEM: configure with -DSOFTGRAPH_BENCH=ON to measure the graph core"
fi
