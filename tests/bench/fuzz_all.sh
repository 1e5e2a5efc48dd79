#!/bin/sh
# Runs every libFuzzer target (tests/fuzz/*_fuzz.cpp) for MINUTES each (default 10) through
# tests/fuzz/run_fuzzers.sh, at low priority (nice 19), AT_ONCE targets side by side (default 2:
# this machine has two cores), and prints the summary: runs, coverage and features, the dictionary,
# the largest input reached and the problems found per target. Not run by CI: ten minutes per
# target is more than a test run can spend.
#   tests/bench/fuzz_all.sh [MINUTES] [BUILD_DIR] [TARGET...]      (default: 10 build-fuzz, all)
# The log of each target is BUILD_DIR/fuzz-work/<target>.log; crashes are kept beside it.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
MINUTES=${1:-10}
BUILD=${2:-build-fuzz}
[ $# -gt 2 ] && shift 2 || set --
TARGETS="$*"
if [ -z "$TARGETS" ]; then
  for f in "$SRC"/tests/fuzz/*_fuzz.cpp; do TARGETS="$TARGETS $(basename "$f" .cpp)"; done
fi
AT_ONCE=${AT_ONCE:-2}
start=$(date +%s)
# Build once (and replay the saved crashes), then fuzz.
# shellcheck disable=SC2086
nice -n 19 "$SRC/tests/fuzz/run_fuzzers.sh" 0 "$BUILD" $TARGETS > /dev/null
mkdir -p "$BUILD/fuzz-work"
status=0
set -- $TARGETS
while [ $# -gt 0 ]; do
  pids=""
  n=0
  while [ $# -gt 0 ] && [ $n -lt "$AT_ONCE" ]; do
    NO_BUILD=1 nice -n 19 "$SRC/tests/fuzz/run_fuzzers.sh" "$((MINUTES * 60))" "$BUILD" "$1" \
      > "$BUILD/fuzz-work/$1.summary" 2>&1 &
    pids="$pids $!"
    shift
    n=$((n + 1))
  done
  for p in $pids; do wait "$p" || status=1; done
done
echo "fuzzing summary:"
for t in $TARGETS; do sed -n 's/^\(.*_fuzz: .*\)$/\1/p' "$BUILD/fuzz-work/$t.summary" | tail -1; done
echo "fuzz_all: $(( ($(date +%s) - start) / 60 )) minute(s) in all, $MINUTES per target, $AT_ONCE at once, exit $status"
exit $status
