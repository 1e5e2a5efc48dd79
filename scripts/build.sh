#!/usr/bin/env bash
# Sets up the machine, builds softgraph (Release) and runs the main job: `softgraph build` on the
# embedded default brief, writing the graph and its exports to out/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup-debian.sh"
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$here/build" --target softgraph
"$here/build/cli/softgraph" build -o "$here/out" "$@"
