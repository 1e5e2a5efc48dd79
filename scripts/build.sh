#!/usr/bin/env bash
# Sets up the machine, builds softgraph (Release) and runs the main job: `softgraph build
# --example` (the embedded default brief, examples/central-asia-brief.txt), writing the graph and
# its exports to out/. Arguments replace `--example`: `scripts/build.sh corpus/ --format gexf`
# builds corpus/ (softgraph itself refuses to run without an input or --example).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup-debian.sh"
cmake -S "$here" -B "$here/build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$here/build" --target softgraph
[ $# -gt 0 ] || set -- --example
"$here/build/cli/softgraph" build -o "$here/out" "$@"
