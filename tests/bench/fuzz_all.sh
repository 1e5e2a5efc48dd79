#!/bin/sh
# Runs every libFuzzer target (tests/fuzz/*_fuzz.cpp) for MINUTES each (default 10), one after the
# other, through tests/fuzz/run_fuzzers.sh, and prints its summary: runs, coverage and problems
# found per target. Not run by CI: ten minutes per target is more than a test run can spend.
#   tests/bench/fuzz_all.sh [MINUTES] [BUILD_DIR]          (default: 10 build-fuzz)
# Targets can be named after the build folder: tests/bench/fuzz_all.sh 3 build-fuzz records_fuzz
# The log of each target is BUILD_DIR/fuzz-work/<target>.log; crashes are kept beside it.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
MINUTES=${1:-10}
BUILD=${2:-build-fuzz}
[ $# -gt 2 ] && shift 2 || set --
start=$(date +%s)
status=0
"$SRC/tests/fuzz/run_fuzzers.sh" "$((MINUTES * 60))" "$BUILD" "$@" || status=$?
echo "fuzz_all: $(( ($(date +%s) - start) / 60 )) minute(s) in all, $MINUTES per target, exit $status"
exit $status
