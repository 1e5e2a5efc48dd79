#!/usr/bin/env bash
# Scores softgraph where it is measured, real texts first:
#   1. the real texts by other authors in ../shared/eval/dev/ against their hand annotations, per
#      text and micro-averaged (true and false positives and misses summed over the texts);
#   2. the real texts in ../shared/eval/dev/pool/ against our blind annotations in tests/gold/pool/
#      (written from reading, before softgraph was run on them; facts only);
#   3. the article (../shared/corpus/) against tests/gold/article.gold.json;
#   4. the roles challenge set ../shared/eval/challenge/roles-dev.jsonl, per phenomenon;
#   5. our own texts in tests/data/texts/, listed apart: we wrote them, they are tests, not the
#      measure.
# Usage: scripts/eval-all.sh [path/to/softgraph] [--details]
#   --details also prints every missed and spurious item (real texts, article) and the challenge
#   set's per-item lists. SOFTGRAPH_SHARED_DIR overrides ../shared.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/cli/softgraph}
details=${2:-}
shared=${SOFTGRAPH_SHARED_DIR:-$here/../shared}
shared=$(cd "$shared" 2>/dev/null && pwd || echo "$shared")
[ -x "$bin" ] || { echo "eval-all.sh: $bin is not an executable (give the softgraph binary first)" >&2; exit 2; }
failed=0

# One row: name, then P R F1 for entities and relations, from the tp/fp/fn that eval prints.
# Appends "etp efp efn rtp rfp rfn" and the entity counts with any type to the file $2.
row() {
  awk -v name="$1" -v sums="$2" '
    function f(tp, fp, fn,   p, r) {
      p = tp + fp ? tp / (tp + fp) : 0; r = tp + fn ? tp / (tp + fn) : 0
      return sprintf("%.3f %.3f %.3f", p, r, p + r ? 2 * p * r / (p + r) : 0)
    }
    { for (i = 1; i <= NF; i++) { gsub(/[(),]/, "", $(i + 1)); v[$i] = $(i + 1) } }
    /all entities/ { etp = v["tp"]; efp = v["fp"]; efn = v["fn"]; atp = etp; afp = efp; afn = efn }
    /any type/ { atp = v["tp"]; afp = v["fp"]; afn = v["fn"] }
    /all relations/ { rtp = v["tp"]; rfp = v["fp"]; rfn = v["fn"] }
    END {
      printf "  %-38s %s   %s   (rel tp %d fp %d fn %d)\n", name, f(etp, efp, efn), f(rtp, rfp, rfn), rtp, rfp, rfn
      printf "%d %d %d %d %d %d %d %d %d\n", etp, efp, efn, rtp, rfp, rfn, atp, afp, afn >> sums
    }'
}
header() { printf '  %-38s %s   %s\n' "" "entities P     R     F1" "relations P     R     F1"; }

# eval_one NAME GOLD INPUT: one row; the counts appended to $sums when it succeeds.
eval_one() {
  local out
  if ! out=$("$bin" --quiet eval --gold "$2" "$3" $details 2>&1); then
    printf '  %-38s FAILED: %s\n' "$1" "$(echo "$out" | tail -1)"
    failed=1
    return
  fi
  echo "$out" | row "$1" "$sums"
  if [ "$details" = --details ]; then echo "$out" | sed -n '/^neutral\|^missed:/,$p' | sed 's/^/    /'; fi
}
# micro NAME: the micro-average of the rows summed in $sums.
micro() {
  awk -v name="$1" '
    function f(tp, fp, fn,   p, r) {
      p = tp + fp ? tp / (tp + fp) : 0; r = tp + fn ? tp / (tp + fn) : 0
      return sprintf("%.3f %.3f %.3f", p, r, p + r ? 2 * p * r / (p + r) : 0)
    }
    { a += $1; b += $2; c += $3; d += $4; e += $5; g += $6; x += $7; y += $8; z += $9 }
    END {
      printf "  %-38s %s   %s   (rel tp %d fp %d fn %d)\n", name, f(a, b, c), f(d, e, g), d, e, g
      printf "  %-38s %s   (a gold entity found under another type counted as found)\n", "  entities, any type", f(x, y, z)
    }' "$sums"
}
sums=$(mktemp)
trap 'rm -f "$sums"' EXIT

echo "softgraph: $("$bin" --version 2>/dev/null | head -1) ($bin)"
echo
echo "== Real texts by other authors: $shared/eval/dev (the measure) =="
dev=$shared/eval/dev
if [ -d "$dev/gold" ]; then
  header
  : >"$sums"
  n=0
  for gold in "$dev"/gold/*.json; do
    name=$(basename "$gold" .json)
    text=$dev/texts/$name.txt
    [ -f "$text" ] || { printf '  %-38s %s missing, skipped\n' "$name" "$text"; continue; }
    eval_one "$name" "$gold" "$text"
    n=$((n + 1))
  done
  micro "micro-average ($n real texts)"
  echo "  aims: relation F1 >= 0.70 (micro), entity F1 >= 0.92"
else
  echo "  $dev is absent: skipped"
fi

echo
echo "== Real texts by other authors, our blind annotations: eval/dev/pool vs tests/gold/pool =="
echo "  (annotated from reading before softgraph was run on them; facts only, no quotes)"
pool=$shared/eval/dev/pool
if [ -d "$pool" ]; then
  header
  : >"$sums"
  n=0
  for gold in "$here"/tests/gold/pool/*.gold.json; do
    name=$(basename "$gold" .gold.json)
    text=$pool/$name.txt
    [ -f "$text" ] || { printf '  %-38s %s missing, skipped\n' "$name" "$text"; continue; }
    eval_one "$name" "$gold" "$text"
    n=$((n + 1))
  done
  micro "micro-average ($n pool texts)"
else
  echo "  $pool is absent: skipped"
fi

echo
echo "== The article: corpus/soft-power-central-asia.txt vs tests/gold/article.gold.json =="
article=$shared/corpus/soft-power-central-asia.txt
if [ -f "$article" ]; then
  header
  eval_one article "$here/tests/gold/article.gold.json" "$article"
  echo "  aims: entity F1 >= 0.95, relation F1 >= 0.85"
else
  echo "  $article is absent: skipped"
fi

echo
echo "== Challenge set: eval/challenge/roles-dev.jsonl (who does what to whom) =="
challenge=$shared/eval/challenge/roles-dev.jsonl
if [ -f "$challenge" ]; then
  if ! "$bin" --quiet eval --challenge "$challenge" $details | sed 's/^/  /'; then failed=1; fi
else
  echo "  $challenge is absent: skipped"
fi

echo
echo "== Our own texts (tests/data/texts/): written by us, kept as tests; NOT the measure =="
header
for gold in "$here"/tests/gold/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  [ "$name" = article ] && continue
  input=$here/tests/data/texts/$name.txt
  [ -f "$input" ] || { printf '  %-38s %s missing, skipped\n' "$name" "$input"; continue; }
  eval_one "$name" "$gold" "$input"
done
exit $failed
