#!/bin/sh
# Reproduces schemas/models/en_ewt.model (the tagger, lemmatiser and parser of extractors/syntax)
# from UD English EWT and prints UPOS, lemma, UAS and LAS on its dev and test files. The training
# file is EWT's, followed by AUGMENT (default 4000) templated sentences of our own domain from
# scripts/syntax_augment.py (EWT alone reads "Japan funds schools" as a compound noun); dev and
# test are EWT's own. AUGMENT=0 trains on EWT alone.
# Deterministic: the same treebank and seed give the same bytes; --twice trains a second time
# and checks that.
#
#   scripts/train-parser.sh [--twice] [TREEBANK_DIR]    (default ../shared/treebanks/UD_English-EWT)
#   environment: SEED (default 1), AUGMENT (default 4000), SOFTGRAPH_BUILD_DIR (default build),
#   TRAIN_OPTIONS (extra options for softgraph-train-parser, e.g. "--parser-epochs 10")
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
twice=0
if [ "${1:-}" = "--twice" ]; then twice=1; shift; fi
treebank=${1:-$root/../shared/treebanks/UD_English-EWT}
build=${SOFTGRAPH_BUILD_DIR:-$root/build}
seed=${SEED:-1}
model=$root/schemas/models/en_ewt.model

if [ ! -f "$treebank/en_ewt-ud-train.conllu" ]; then
  echo "train-parser.sh: no en_ewt-ud-train.conllu in $treebank" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target softgraph-train-parser -j2
trainer=$build/extractors/syntax/softgraph-train-parser

mkdir -p "$(dirname "$model")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
augment=${AUGMENT:-4000}
if [ "$augment" -gt 0 ]; then
  mkdir "$tmp/treebank"
  /usr/bin/python3 "$root/scripts/syntax_augment.py" "$tmp/augment.conllu" --sentences "$augment" \
    --seed "$seed"
  cat "$treebank/en_ewt-ud-train.conllu" "$tmp/augment.conllu" > "$tmp/treebank/en_ewt-ud-train.conllu"
  ln -s "$treebank/en_ewt-ud-dev.conllu" "$tmp/treebank/en_ewt-ud-dev.conllu"
  ln -s "$treebank/en_ewt-ud-test.conllu" "$tmp/treebank/en_ewt-ud-test.conllu"
  treebank=$tmp/treebank
fi
start=$(date +%s)
# shellcheck disable=SC2086
"$trainer" --treebank "$treebank" --out "$tmp/en_ewt.model" --seed "$seed" ${TRAIN_OPTIONS:-}
echo "trained in $(($(date +%s) - start)) s"
if [ "$twice" = 1 ]; then
  # shellcheck disable=SC2086
  "$trainer" --treebank "$treebank" --out "$tmp/again.model" --seed "$seed" ${TRAIN_OPTIONS:-} \
    > /dev/null 2>&1
  if cmp -s "$tmp/en_ewt.model" "$tmp/again.model"; then
    echo "deterministic: a second training gave the same $(wc -c < "$tmp/en_ewt.model") bytes"
  else
    echo "train-parser.sh: two trainings with seed $seed gave different models" >&2
    exit 4
  fi
fi
mv "$tmp/en_ewt.model" "$model"
echo "wrote $model ($(wc -c < "$model") bytes)"
# The library builds the model in with .incbin; configure again in case it was missing before.
cmake "$build" > /dev/null
