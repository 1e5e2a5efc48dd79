#!/bin/sh
# Every benchmark in one run, side by side: extraction against grep (speed, peak memory,
# streaming), the graph core's memory, and centrality against igraph and NetworkX.
#   tests/bench/run.sh [BUILD_DIR] [MB] [SIZES]       defaults: build-perf 200 "1000 10000 50000"
# BUILD_DIR: a Release build configured with -DSOFTGRAPH_BENCH=ON.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build-perf}
MB=${2:-200}
SIZES=${3:-"1000 10000 50000"}
echo "#### extraction and memory ($MB MB)"
sh "$HERE/extraction_bench.sh" "$BUILD" "$MB"
echo
echo "#### centrality ($SIZES nodes)"
sh "$HERE/centrality_bench.sh" "$BUILD" "$SIZES"
