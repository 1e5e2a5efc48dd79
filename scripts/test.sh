#!/usr/bin/env bash
# Sets up the machine, builds everything and runs the whole test suite through ctest: first the
# Release build, then again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup-debian.sh"
# Every module and command the tests use, with its Debian package: fails naming what is missing.
/usr/bin/python3 "$here/scripts/check-deps.py"
jobs=$(nproc)

# SOFTGRAPH_WERROR=ON (.ci/run sets it) makes every warning an error in both builds.
werror="-DSOFTGRAPH_WERROR=${SOFTGRAPH_WERROR:-OFF}"
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$werror"
cmake --build "$here/build" -j "$jobs"
# A failing Release run does not stop here: the sanitizer run goes on, and the script fails at
# the end, so that one run reports both.
status=0
(cd "$here/build" && ctest --output-on-failure -j "$jobs") || {
  status=1
  echo "test.sh: the Release run failed; running the ASan+UBSan build all the same" >&2
}

cmake -S "$here" -B "$here/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSOFTGRAPH_SANITIZE=ON -DSOFTGRAPH_BENCH=OFF "$werror"
cmake --build "$here/build-asan" -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$here/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$here/build-asan" && ctest --output-on-failure -j "$jobs") || status=1
[ "$status" -eq 0 ] || echo "test.sh: failed (see the ctest summaries above)" >&2
exit "$status"
