#!/usr/bin/env bash
# Scores softgraph against every gold annotation in tests/gold/: the article (from ../shared) and
# our own texts. Usage: scripts/eval-all.sh [path/to/softgraph]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/cli/softgraph}
shared=${SOFTGRAPH_SHARED_DIR:-$here/../shared}
for gold in "$here"/tests/gold/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  if [ "$name" = article ]; then
    input="$shared/corpus/soft-power-central-asia.txt"
  else
    input="$here/tests/data/texts/$name.txt"
  fi
  [ -f "$input" ] || { echo "$name: $input missing, skipped"; continue; }
  printf '%-32s' "$name"
  "$bin" eval --gold "$gold" "$input" | awk '/all entities/ {for (i = 1; i <= NF; i++) if ($i == "F1") e = $(i + 1)} /all relations/ {for (i = 1; i <= NF; i++) if ($i == "F1") r = $(i + 1); printf "entities F1 %s   relations F1 %s\n", e, r}'
done
