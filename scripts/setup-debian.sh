#!/usr/bin/env bash
# Installs what softgraph needs on Debian 12 (as root): the build's libraries and the clients the
# tests check our files with. Safe to run again; installs only what is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz libspdlog-dev doctest-dev
  libicu-dev libcli11-dev libpoppler-cpp-dev libxml2-dev libmimalloc-dev
  libhunspell-dev hunspell-en-us libtesseract-dev tesseract-ocr-eng
  # qpdf's library makes graph.pdf byte-identical across runs (exporters/src/pdf_normalise.cpp)
  libqpdf-dev
  # OpenSSL's libcrypto computes the documents' SHA-256 (core/src/text_util.cpp)
  libssl-dev
  # test clients; scripts/check-deps.py lists what each is for and fails when one is missing.
  # NetworkX's pagerank, hits and to_numpy_array need NumPy and SciPy, which its package only
  # recommends: name them, since this script installs with --no-install-recommends.
  # python3 brings the standard library (check-deps.py's ast, json, ... come in libpython3.11-minimal
  # and libpython3.11-stdlib, which python3 depends on through python3.11; check-deps.py checks with
  # dpkg that every standard-library module the tests import ships in one of those).
  python3 python3-networkx python3-numpy python3-scipy python3-igraph python3-rdflib python3-pyld
  python3-jsonschema python3-dask python3-distributed python3-cairo fonts-dejavu-core qpdf pandoc
  poppler-utils time mount
  # headless browser for the explorer's test (--format html)
  chromium
  # HTML tests: Readability's expected pages and element paths read with lxml
  python3-lxml
  # sanitizers and fuzzers
  clang libclang-rt-14-dev
  # .ci/run's formatting and lint checks (clang-format, clang-tidy and run-clang-tidy)
  clang-format clang-tidy
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm: some machines carry a vendor's nodejs package that already ships npm and
# conflicts with Debian's npm package, so ask for them only when the commands are missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# npm clients for the export tests (graphology, jsonld.js, kuzu), pinned in tests/clients.
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$here/tests/clients/package.json" ]; then
  (cd "$here/tests/clients" && if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; else npm install --silent --no-audit --no-fund; fi)
fi
