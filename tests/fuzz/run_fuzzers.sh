#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp) with clang, replays every saved crash in
# tests/fuzz/regressions/<target>/, then fuzzes each target for a bounded time from its seeds in
# tests/fuzz/seeds/<target>/.
#   tests/fuzz/run_fuzzers.sh [SECONDS] [BUILD_DIR] [TARGET...]     (default: 60 build-fuzz, all)
# SECONDS=0 only replays the regressions (a quick check). The build is configured by CMake alone
# (-DSOFTGRAPH_FUZZ=ON with clang++): every library is compiled with
# -fsanitize=fuzzer-no-link,address,undefined, so libFuzzer sees their coverage and ASan and UBSan
# check them. New inputs go to a scratch corpus under BUILD_DIR/fuzz-work, never into the repo; a
# crash is saved as BUILD_DIR/fuzz-work/<target>/crash-* — copy it into
# tests/fuzz/regressions/<target>/ once the bug is understood, so it is replayed from then on (here,
# and by ctest as fuzz_<target> in every build).
# JOBS=N sets the build parallelism (default 2); MAX_LEN=N the largest input (default 65536, and
# 262144 for graph_json_fuzz and records_fuzz, whose documents are larger); NO_BUILD=1 skips the
# configure and build (fuzz_all.sh builds once, then runs targets side by side). TIMEOUT=N: an
# input running longer than N seconds of wall time is a hang (default 60: at nice 19 on a loaded
# machine, 10 s of wall time can be a fraction of a second of CPU).
# Exit status: 0 when every regression replays cleanly and no target found a crash.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-60}
BUILD=${2:-build-fuzz}
[ $# -gt 2 ] && shift 2 || set --
TARGETS="$*"
if [ -z "$TARGETS" ]; then
  for f in "$SRC"/tests/fuzz/*_fuzz.cpp; do TARGETS="$TARGETS $(basename "$f" .cpp)"; done
fi
command -v clang++ > /dev/null || { echo "run_fuzzers: clang++ missing: apt-get install clang" >&2; exit 1; }

if [ -z "${NO_BUILD:-}" ]; then
  cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DSOFTGRAPH_FUZZ=ON -DSOFTGRAPH_TESTS=ON -DSOFTGRAPH_BENCH=OFF > /dev/null
  # shellcheck disable=SC2086
  cmake --build "$BUILD" -j "${JOBS:-2}" --target $TARGETS
fi

WORKDIR="$BUILD/fuzz-work"
mkdir -p "$WORKDIR"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:symbolize=1"
# UBSan stops at the first report; the one known report inside Debian's rapidjson is suppressed
# (see tests/fuzz/ubsan.supp).
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$SRC/tests/fuzz/ubsan.supp"
status=0
summary=""
for t in $TARGETS; do
  bin="$BUILD/tests/fuzz/$t"
  regress="$SRC/tests/fuzz/regressions/$t"
  seeds="$SRC/tests/fuzz/seeds/$t"
  # 1. Replays: each saved crash must now run cleanly.
  replayed=0
  if [ -d "$regress" ] && [ -n "$(ls -A "$regress" 2>/dev/null)" ]; then
    replayed=$(ls "$regress" | wc -l)
    if ! "$bin" -runs=1 "$regress"/* > "$WORKDIR/$t.regressions.log" 2>&1; then
      echo "run_fuzzers: $t: a regression input fails again; see $WORKDIR/$t.regressions.log" >&2
      tail -30 "$WORKDIR/$t.regressions.log" >&2
      status=1
      summary="$summary\n$t: REGRESSION FAILS ($replayed replayed)"
      continue
    fi
  fi
  [ "$SECONDS_EACH" -gt 0 ] || { summary="$summary\n$t: $replayed regression(s) replayed"; continue; }
  # 2. Bounded fuzzing from the seeds, into a scratch corpus.
  corpus="$WORKDIR/$t/corpus"
  mkdir -p "$corpus"
  rm -f "$WORKDIR/$t"/crash-* "$WORKDIR/$t"/leak-* "$WORKDIR/$t"/timeout-* "$WORKDIR/$t"/oom-*  # an earlier run's
  rc=0
  # The JSON targets get a dictionary of JSON tokens and member names (tests/fuzz/dicts/), so that
  # nesting and structure are within reach; tests/fuzz/dicts/<target>.dict overrides it.
  dict=""
  case "$t" in graph_json_fuzz|records_fuzz|lexicon_fuzz) dict="$SRC/tests/fuzz/dicts/json.dict" ;; esac
  [ -f "$SRC/tests/fuzz/dicts/$t.dict" ] && dict="$SRC/tests/fuzz/dicts/$t.dict"
  # graph.json and record parts worth fuzzing are larger than 64 KB (the harnesses take 256 KB).
  case "$t" in graph_json_fuzz|records_fuzz) max_len=${MAX_LEN:-262144} ;; *) max_len=${MAX_LEN:-65536} ;; esac
  # shellcheck disable=SC2046
  "$bin" -max_total_time="$SECONDS_EACH" -timeout="${TIMEOUT:-60}" -rss_limit_mb=4096 -max_len="$max_len" \
    $( [ -n "$dict" ] && echo "-dict=$dict" ) \
    -print_final_stats=1 -artifact_prefix="$WORKDIR/$t/" "$corpus" $( [ -d "$seeds" ] && echo "$seeds" ) \
    > "$WORKDIR/$t.log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORKDIR/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$WORKDIR/$t.log" | tail -1)
  dict_entries=$(sed -n 's/^Dictionary: \([0-9]*\) entries.*/\1/p' "$WORKDIR/$t.log" | head -1)
  [ -n "$dict_entries" ] && cov="$cov, dictionary of $dict_entries entries"
  largest=$(ls -S "$corpus" 2>/dev/null | head -1)
  [ -n "$largest" ] && cov="$cov, largest corpus input $(wc -c < "$corpus/$largest") B"
  crashes=$(ls "$WORKDIR/$t"/crash-* "$WORKDIR/$t"/leak-* "$WORKDIR/$t"/timeout-* "$WORKDIR/$t"/oom-* 2>/dev/null | wc -l)
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    summary="$summary\n$t: FOUND $crashes problem input(s) (exit $rc) after ${execs:-?} runs, $cov; see $WORKDIR/$t.log"
    grep -E "ERROR: |SUMMARY: |^    #[0-9] " "$WORKDIR/$t.log" | head -20 >&2 || true
  else
    summary="$summary\n$t: clean: ${execs:-?} runs in ${SECONDS_EACH} s, $cov, $replayed regression(s) replayed"
  fi
done
printf "fuzzing summary:%b\n" "$summary"
exit $status
