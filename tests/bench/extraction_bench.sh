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
# Then the speed table: `extract -v` on the generated corpus and on REAL_MB (default 5; 0 = none)
# megabytes of real text (../shared/eval/dev/texts and pool, copied round after round, one file
# per copy: SOFTGRAPH_SHARED_DIR overrides ../shared), for each thread count, REPEAT times (default
# 3), side by side with BASE (a build folder of the baseline commit, optional), the builds taking
# turns; prints the range of MB/s by wall and by CPU time, the parser's words per CPU second and
# the share of sentences parsed, the ratio of the median CPU times, and whether the records are
# byte-identical to the baseline's and across thread counts.
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
  awk -v name="$name" -v rc="$rc" -v out="${RESULTS:-$WORK/results}" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident/ { r = $NF }
    END { printf "%s %s %s %s %s %s\n", name, w, u, s, r, rc >> out }' "$WORK/time.$name"
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
for t in $THREADS; do
  line=$(grep -o "parsed [0-9]* of [0-9]* sentences.*" "$WORK/err.extract-t$t" | tail -1 || true)
  [ -n "$line" ] && echo "--threads $t: $line"
done
for t in $THREADS; do
  if grep -qv " info: " "$WORK/err.extract-t$t" 2>/dev/null; then
    echo "stderr of --threads $t (first lines):"
    grep -v " info: " "$WORK/err.extract-t$t" | head -5
  fi
done

# The speed table: extract -v on the generated corpus and on real text, the new build and BASE
# taking turns, REPEAT rounds. One row per corpus, build and thread count; ranges over the rounds.
SHARED=${SOFTGRAPH_SHARED_DIR:-$HERE/../../../shared}
REAL_MB=${REAL_MB:-5}
REPEAT=${REPEAT:-3}
corpora="generated:$WORK/corpus"
if [ "$REAL_MB" -gt 0 ] && [ -d "$SHARED/eval/dev/pool" ]; then
  mkdir -p "$WORK/real"
  round=0
  while [ "$(cat "$WORK"/real/* 2>/dev/null | wc -c)" -lt $((REAL_MB * 1048576)) ]; do
    round=$((round + 1))
    for f in "$SHARED"/eval/dev/texts/*.txt "$SHARED"/eval/dev/pool/*.txt; do
      cp "$f" "$WORK/real/r$round-$(basename "$f")"
    done
  done
  corpora="$corpora real:$WORK/real"
elif [ "$REAL_MB" -gt 0 ]; then
  echo "no $SHARED/eval/dev/pool: the real-text rows are left out"
fi
builds="new:$BIN"
if [ -n "${BASE:-}" ]; then
  [ -x "$BASE/cli/softgraph" ] || { echo "extraction_bench: no $BASE/cli/softgraph" >&2; exit 1; }
  builds="base:$BASE/cli/softgraph $builds"
fi
RESULTS="$WORK/speed"
: > "$RESULTS"
: > "$WORK/parse"
for c in $corpora; do
  cname=${c%%:*}
  cdir=${c#*:}
  echo "$cname $(cat "$cdir"/* | wc -c)" >> "$WORK/sizes"
  for r in $(seq 1 "$REPEAT"); do
    for b in $builds; do
      bname=${b%%:*}
      for t in $THREADS; do
        name="$cname:$bname:$t:$r"
        echo "== $name (corpus:build:threads:round)" >&2
        timed "$name" "${b#*:}" -v extract "$cdir" --jsonl "$WORK/rec.jsonl" --threads "$t"
        [ -f "$WORK/rec.jsonl" ] && sha256sum < "$WORK/rec.jsonl" | cut -c1-64 > "$WORK/sha.$cname.$bname.$t"
        rm -f "$WORK/rec.jsonl"
        # "parsed P of S sentences that name an entity (x %[; y % of all A sentences]), W words
        # [in T s of parsing CPU (R words/s)]": the baseline may print the shorter form.
        grep -o "parsed [0-9]* of [0-9]* sentences.*" "$WORK/err.$name" | tail -1 |
          awk -v n="$name" '{ p = $2; s = $4; all = 0; w = 0; rate = 0
            for (i = 1; i <= NF; i++) { if ($i == "all") all = $(i + 1); if ($i == "words" && !w) w = $(i - 1)
                                        if ($i == "words/s)") rate = substr($(i - 1), 2) }
            print n, p, s, all, w, rate }' >> "$WORK/parse"
      done
    done
  done
done
echo
echo "speed table: $REPEAT round(s), builds taking turns; ranges min-max over the rounds ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
awk '
  FILENAME ~ /sizes$/ { size[$1] = $2; next }
  FILENAME ~ /parse$/ { parsed[$1] = $2; named[$1] = $3; all[$1] = $4; rate[$1] = $6; next }
  { split($1, k, ":"); key = k[1] ":" k[2] ":" k[3]
    if (!(key in n)) order[++rows] = key
    i = ++n[key]; mb = size[k[1]] / 1048576; cpu = $3 + $4
    mbw[key, i] = $2 > 0 ? mb / $2 : 0; mbc[key, i] = cpu > 0 ? mb / cpu : 0; cpus[key, i] = cpu
    wr[key, i] = rate[$1]; pa[key] = parsed[$1]; na[key] = named[$1]; al[key] = all[$1]; if ($5 > rss[key]) rss[key] = $5 }
  function range(a, key, m,   lo, hi, j, f) {
    lo = hi = a[key, 1]; for (j = 2; j <= m; j++) { if (a[key, j] < lo) lo = a[key, j]; if (a[key, j] > hi) hi = a[key, j] }
    f = lo >= 1000 ? "%.0f" : "%.1f"; return sprintf(f "-" f, lo, hi) }
  function median(a, key, m,   v, j, x, y, t) {
    for (j = 1; j <= m; j++) v[j] = a[key, j]
    for (x = 1; x <= m; x++) for (y = x + 1; y <= m; y++) if (v[y] < v[x]) { t = v[x]; v[x] = v[y]; v[y] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
  END {
    printf "%-10s %-5s %3s %13s %13s %17s %12s %14s %9s\n", "corpus", "build", "thr", "MB/s wall", "MB/cpu-s", "parser words/cpu-s", "parsed/named", "parsed/all", "peak MB"
    for (r = 1; r <= rows; r++) {
      key = order[r]; split(key, k, ":"); m = n[key]
      printf "%-10s %-5s %3s %13s %13s %17s %11.1f%% %13s %9.0f\n", k[1], k[2], k[3], range(mbw, key, m), range(mbc, key, m),
             (wr[key, 1] > 0 ? range(wr, key, m) : "-"), (na[key] ? 100 * pa[key] / na[key] : 0),
             (al[key] ? sprintf("%.1f%%", 100 * pa[key] / al[key]) : "-"), rss[key] / 1024
    }
    for (r = 1; r <= rows; r++) {
      key = order[r]; split(key, k, ":"); base = k[1] ":base:" k[3]
      if (k[2] == "new" && (base in n))
        printf "%s, %s thread(s): new/base speed by median CPU time %.2fx (%.2f s against %.2f s)\n", k[1], k[3],
               median(cpus, base, n[base]) / median(cpus, key, n[key]), median(cpus, key, n[key]), median(cpus, base, n[base])
    }
  }' "$WORK/sizes" "$WORK/parse" "$RESULTS"
for c in $corpora; do
  cname=${c%%:*}
  same=yes
  for b in $builds; do
    bname=${b%%:*}
    for t in $THREADS; do
      if ! cmp -s "$WORK/sha.$cname.$bname.$t" "$WORK/sha.$cname.new.$first"; then
        echo "records differ: $cname, $bname --threads $t against new --threads $first"
        same=no
      fi
    done
  done
  echo "$cname records byte-identical for every build and thread count: $same"
done

echo
if [ -x "$MEM" ]; then
  "$MEM" "${GRAPH_NODES:-100000}" "${GRAPH_EDGES:-500000}"
else
  echo "no $MEM: configure with -DSOFTGRAPH_BENCH=ON to measure the graph core"
fi
