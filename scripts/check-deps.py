#!/usr/bin/python3
"""Checks that this machine has every module and command the build and the tests use, and names
the Debian package (or the npm step) that brings each missing one.

    /usr/bin/python3 scripts/check-deps.py [--list]

Run by scripts/test.sh right after setup and by ctest as `deps_check`. The table below is the
list; the check also reads the test sources (Python imports in tests/ and scripts/, the commands
they run, the ES modules the .mjs tests import, the commands tests/CMakeLists.txt runs) and fails
when one of them is not in the table, so that a new import cannot go in without its package.
Every Debian package in the table must also be in scripts/setup-debian.sh. Exit 0 when all is
there, 1 otherwise, with one line per problem.
"""
import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUP = ROOT / "scripts" / "setup-debian.sh"
CLIENTS = ROOT / "tests" / "clients"

# Python modules (imported by Debian's /usr/bin/python3): module -> (Debian package, used by).
PYTHON_MODULES = {
    "networkx": ("python3-networkx", "client tests: GraphML, metrics, article"),
    "numpy": ("python3-numpy", "NetworkX pagerank/hits/to_numpy_array; test_metrics_networkx"),
    "scipy": ("python3-scipy", "NetworkX pagerank and hits (scipy.sparse)"),
    "igraph": ("python3-igraph", "client tests: GraphML, metrics, article; centrality bench"),
    "rdflib": ("python3-rdflib", "test_article_clients, test_export_jsonld"),
    "pyld": ("python3-pyld", "test_export_jsonld"),
    "jsonschema": ("python3-jsonschema", "graph.json against schemas/graph.schema.json"),
    "dask": ("python3-dask", "scripts/dask_extract.py (test_dask_merge)"),
    "distributed": ("python3-distributed", "scripts/dask_extract.py (test_dask_merge)"),
    "cairo": ("python3-cairo", "tests/data/pdfhtml/make_docs.py makes the test PDFs; test_diagrams measures labels"),
    "lxml": ("python3-lxml", "test_html_evidence, tests/readability: HTML text, element paths"),
}

# Commands: name -> (Debian package, used by). Absolute paths are checked as they are.
COMMANDS = {
    "/usr/bin/python3": ("python3", "every Python client test (Debian's, not a pyenv one)"),
    "node": ("nodejs", "the .mjs client tests"),
    "npm": ("npm", "scripts/setup-debian.sh installs tests/clients/node_modules; the build fetches "
            "sigma.js for --format html (exporters/explorer)"),
    "/usr/bin/chromium": ("chromium", "test_export_html and tests/bench/explorer_bench.py load the "
                          "explorer in headless Chromium"),
    "dot": ("graphviz", "test_article_clients renders graph.dot"),
    "pandoc": ("pandoc", "test_csl_pandoc reads the CSL-JSON export"),
    "qpdf": ("qpdf", "test_pdf_html encrypts a PDF; tests/docs/pdf_documents.py binds a book"),
    "pdftotext": ("poppler-utils", "tests/docs/pdf_documents.py checks the furniture is in the PDF; test_diagrams reads graph.pdf's text"),
    "pdftoppm": ("poppler-utils", "tests/docs/pdf_ocr.py renders a page to scan"),
    "pdffonts": ("poppler-utils", "tests/docs/pdf_ocr.py checks the scan has no fonts"),
    "pdfinfo": ("poppler-utils", "test_diagrams reads graph.pdf's page size"),
    "mount": ("mount", "test_bad_inputs: a full disk (tmpfs)"),
    "umount": ("mount", "test_bad_inputs: a full disk (tmpfs)"),
    "/usr/bin/time": ("time", "tests/bench/extraction_bench.sh (peak memory)"),
    "cmake": ("cmake", "the build"),
    "ninja": ("ninja-build", "the build"),
    "pkg-config": ("pkg-config", "the build (Graphviz, poppler)"),
    "g++": ("build-essential", "the build"),
    "clang++": ("clang", "tests/fuzz/run_fuzzers.sh"),
    "clang-format": ("clang-format", ".ci/run: clang-format --dry-run -Werror (.clang-format)"),
    "clang-tidy": ("clang-tidy", ".ci/run: clang-tidy over the sources (.clang-tidy)"),
    "run-clang-tidy": ("clang-tidy", ".ci/run: runs clang-tidy over compile_commands.json"),
}

# Commands of this project, built or found by the tests themselves.
OWN_COMMANDS = {"softgraph"}

# Debian packages checked by dpkg (libraries and data that no command or import reveals).
PACKAGES = {
    "libboost-graph-dev": "the build", "rapidjson-dev": "the build",
    "libgraphviz-dev": "the build", "libspdlog-dev": "the build", "doctest-dev": "the tests",
    "libicu-dev": "the build", "libcli11-dev": "the build", "libpoppler-cpp-dev": "PDF input",
    "libxml2-dev": "HTML input", "libmimalloc-dev": "the softgraph program's allocator",
    "libhunspell-dev": "PDF input: line-end hyphens checked against a dictionary",
    "hunspell-en-us": "the English dictionary Hunspell reads (en_US.aff/.dic)",
    "libtesseract-dev": "PDF input: --ocr reads pages without a usable text layer",
    "tesseract-ocr-eng": "the English model Tesseract reads for --ocr",
    "fonts-dejavu-core": "the test PDFs and SVG text", "libclang-rt-14-dev": "fuzz builds",
    "libqpdf-dev": "byte-identical graph.pdf (the build)",
    "libssl-dev": "the documents' SHA-256 (libcrypto; the build)",
}

# ES modules the .mjs tests import, from tests/clients/package.json (installed by setup's npm ci).
NODE_MODULES = ["graphology", "graphology-graphml", "graphology-gexf", "@xmldom/xmldom", "jsonld",
                "kuzu"]

# Files whose Python imports and commands are read. Shell scripts are read for `import` lines of
# their embedded Python only.
PY_SOURCES = ["tests/**/*.py", "scripts/*.py"]
SH_SOURCES = ["tests/**/*.sh", "scripts/*.sh"]
MJS_SOURCES = ["tests/clients/*.mjs"]
# Modules the sources import that are files of this project.
LOCAL_MODULES = {p.stem for pat in PY_SOURCES for p in ROOT.glob(pat)}
# Commands run through the program under test or a variable, never a literal: not checked.
RUN_CALL = re.compile(r"""(?:subprocess\.(?:run|call|check_call|check_output|Popen)|shutil\.which|
                         execFileSync|spawnSync|execSync|spawn)\(\s*\[?\s*["']([^"'\s]+)""", re.X)

problems = []


def sources(patterns):
    seen = {Path(__file__).resolve()}  # this script is no test source
    for pat in patterns:
        for p in sorted(ROOT.glob(pat)):
            if "node_modules" in p.parts or p in seen or not p.is_file():
                continue
            seen.add(p)
            yield p


def rel(p):
    return p.relative_to(ROOT).as_posix()


def python_imports(path):
    """The top-level modules one Python file imports."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module.split(".")[0])
    return out


def imported_python_modules():
    """Top-level modules imported by the Python sources (and by Python embedded in shell)."""
    found = {}
    for path in sources(PY_SOURCES):
        for n in python_imports(path):
            found.setdefault(n, set()).add(rel(path))
    for path in sources(SH_SOURCES):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$", line)
            names = [part.split()[0] for part in m.group(1).split(",")] if m else []
            m = re.match(r"\s*from\s+([\w.]+)\s+import\s+\S", line)
            names += [m.group(1)] if m else []
            for n in names:
                found.setdefault(n.split(".")[0], set()).add(rel(path))
    return found


def run_commands():
    """Commands the tests run by a literal name: subprocess/execFileSync/which, and ctest COMMANDs."""
    found = {}
    for path in sources(PY_SOURCES + MJS_SOURCES):
        for m in RUN_CALL.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), set()).add(rel(path))
        # A list literal that starts with a command and is handed to subprocess on another line.
        for m in re.finditer(r"""\[\s*["'](mount|umount|sudo|sh|bash)["']\s*,""", path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), set()).add(rel(path))
    cm = ROOT / "tests" / "CMakeLists.txt"
    for m in re.finditer(r"COMMAND\s+(\S+)", cm.read_text(encoding="utf-8")):
        word = m.group(1)
        if not word.startswith("$") and not word.endswith("_replay") and "${" not in word:
            found.setdefault(word, set()).add(rel(cm))
    return found


def imported_node_modules():
    found = {}
    for path in sources(MJS_SOURCES):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"""(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^\s*import\s+)["']([^"']+)["']""",
                             text, re.M):
            spec = m.group(1)
            if spec.startswith(("node:", ".", "/")):
                continue
            name = "/".join(spec.split("/")[:2]) if spec.startswith("@") else spec.split("/")[0]
            found.setdefault(name, set()).add(rel(path))
    return found


def setup_packages():
    text = SETUP.read_text(encoding="utf-8")
    m = re.search(r"^packages=\((.*?)^\)", text, re.S | re.M)
    words = set()
    for line in (m.group(1) if m else "").splitlines():
        words.update(line.split("#", 1)[0].split())
    return words, text


def cross_check():
    """The sources against the table, and the table against setup-debian.sh."""
    stdlib = set(sys.stdlib_module_names)
    for mod, users in sorted(imported_python_modules().items()):
        if mod in stdlib or mod in LOCAL_MODULES or mod == "__future__" or mod in PYTHON_MODULES:
            continue
        problems.append(f"python module '{mod}' imported by {', '.join(sorted(users))} is not in "
                        f"scripts/check-deps.py's PYTHON_MODULES: add it with its Debian package "
                        f"(and the package to scripts/setup-debian.sh)")
    for cmd, users in sorted(run_commands().items()):
        if cmd in COMMANDS or cmd in OWN_COMMANDS:
            continue
        problems.append(f"command '{cmd}' run by {', '.join(sorted(users))} is not in "
                        f"scripts/check-deps.py's COMMANDS: add it with its Debian package")
    try:
        deps = json.loads((CLIENTS / "package.json").read_text(encoding="utf-8")).get("dependencies", {})
    except (OSError, ValueError) as e:
        deps = {}
        problems.append(f"tests/clients/package.json cannot be read: {e}")
    for name, users in sorted(imported_node_modules().items()):
        if name not in deps:
            problems.append(f"node module '{name}' imported by {', '.join(sorted(users))} is not in "
                            f"tests/clients/package.json's dependencies")
        if name not in NODE_MODULES:
            problems.append(f"node module '{name}' imported by {', '.join(sorted(users))} is not in "
                            f"scripts/check-deps.py's NODE_MODULES")
    # Tests must run Debian's Python, never whatever `python3` is first on PATH (pyenv, venv).
    for path in sources(PY_SOURCES + MJS_SOURCES + ["tests/CMakeLists.txt", "tests/**/CMakeLists.txt"]):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"""(?:COMMAND\s+(python3?)\b|["'](python3?)["'])""", text):
            line = text.count("\n", 0, m.start()) + 1
            problems.append(f"{rel(path)}:{line} runs '{m.group(1) or m.group(2)}' from PATH: "
                            f"use /usr/bin/python3")
    listed, text = setup_packages()
    wanted = {pkg for pkg, _ in PYTHON_MODULES.values()} | {pkg for pkg, _ in COMMANDS.values()} | set(PACKAGES)
    for pkg in sorted(wanted):
        # nodejs and npm are asked for only when their commands are missing (see setup-debian.sh).
        if pkg in ("nodejs", "npm"):
            if f"missing+=({pkg})" not in text:
                problems.append(f"scripts/setup-debian.sh does not install {pkg}")
        elif pkg not in listed:
            problems.append(f"Debian package {pkg} is not in scripts/setup-debian.sh's packages")


# Standard-library modules Debian splits out of `python3` into packages of their own.
STDLIB_SPLIT = {"tkinter": "python3-tk", "distutils": "python3-distutils",
                "lib2to3": "python3-lib2to3", "ensurepip": "python3-venv", "venv": "python3-venv"}
# The packages `python3` brings (python3 -> python3-minimal, python3.X -> python3.X-minimal,
# libpython3.X-minimal, libpython3.X-stdlib): what the standard library's modules ship in.
PYTHON3_OWN = re.compile(r"^(lib)?python3(\.\d+)?(-minimal|-stdlib)?(:\w+)?$")


def check_stdlib(python, miss):
    """Each standard-library module the sources import is in Debian's Python, and ships in a
    package that `python3` (installed by name in setup-debian.sh) depends on, not in one Debian
    splits off (tkinter, distutils, ...): e.g. `ast` comes in libpython3.11-minimal. (This
    script's own imports count: ctest runs it as deps_check.)"""
    imported = set(imported_python_modules()) | python_imports(Path(__file__).resolve())
    mods = sorted(m for m in imported if m in set(sys.stdlib_module_names))
    for mod in mods:
        if mod in STDLIB_SPLIT and STDLIB_SPLIT[mod] not in setup_packages()[0]:
            problems.append(f"python module '{mod}' ships in {STDLIB_SPLIT[mod]}, which "
                            f"scripts/setup-debian.sh does not install")
    probe = ("import importlib.util, sys\n"
             "for m in sys.argv[1:]:\n"
             "    spec = importlib.util.find_spec(m)\n"
             "    print(m, spec.origin if spec else 'MISSING')\n")
    r = subprocess.run([python, "-c", probe, *mods], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")})
    files = {}
    for line in r.stdout.splitlines():
        mod, _, origin = line.partition(" ")
        if origin == "MISSING":
            miss(STDLIB_SPLIT.get(mod, "python3"), f"standard-library module {mod}")
        elif origin.startswith("/"):  # (built-in and frozen modules are in the interpreter)
            files[os.path.realpath(origin)] = mod
    if not files or not shutil.which("dpkg"):
        return
    d = subprocess.run(["dpkg", "-S", *files], capture_output=True, text=True)
    for line in d.stdout.splitlines():
        pkgs, _, path = line.partition(": ")
        if path in files and not any(PYTHON3_OWN.match(p.strip()) for p in pkgs.split(",")):
            problems.append(f"standard-library module '{files[path]}' ships in {pkgs}, which "
                            f"`python3` does not bring: name it in scripts/setup-debian.sh")
    for path in files:
        if path not in d.stdout:
            problems.append(f"standard-library module '{files[path]}' ({path}) belongs to no "
                            f"Debian package: Debian's Python should be /usr/bin/python3")


def installed(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return r.returncode == 0 and "install ok installed" in r.stdout


def check_machine():
    missing = {}  # package -> reasons

    def miss(pkg, why):
        missing.setdefault(pkg, []).append(why)

    for cmd, (pkg, why) in COMMANDS.items():
        ok = os.access(cmd, os.X_OK) if cmd.startswith("/") else shutil.which(cmd) is not None
        if not ok:
            miss(pkg, f"command {cmd} ({why})")
    for pkg, why in PACKAGES.items():
        if not installed(pkg):
            miss(pkg, f"package ({why})")
    python = "/usr/bin/python3"
    if os.access(python, os.X_OK):
        # Import each module in Debian's Python (this script may be run by another one), then
        # use NetworkX the way the tests do, so that a dependency it only recommends shows up.
        probe = ("import importlib, sys\n"
                 "bad = []\n"
                 "for m in sys.argv[1:]:\n"
                 "    try:\n"
                 "        importlib.import_module(m)\n"
                 "    except Exception as e:\n"
                 "        bad.append(m); print(m, '|', type(e).__name__, e)\n"
                 "if 'networkx' not in bad:\n"
                 "    import networkx as nx\n"
                 "    G = nx.DiGraph([(1, 2), (2, 3), (3, 1)])\n"
                 "    for f in (nx.pagerank, nx.hits, nx.to_numpy_array):\n"
                 "        try:\n"
                 "            f(G)\n"
                 "        except Exception as e:\n"
                 "            print('networkx.' + f.__name__, '|', type(e).__name__, e)\n")
        r = subprocess.run([python, "-c", probe, *PYTHON_MODULES], capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")})
        for line in r.stdout.splitlines():
            what, _, err = line.partition(" | ")
            if what in PYTHON_MODULES:
                pkg, why = PYTHON_MODULES[what]
                miss(pkg, f"python module {what} ({why}): {err}")
            else:
                m = re.search(r"No module named '([\w]+)", err)
                mod = m.group(1) if m else ""
                pkg = PYTHON_MODULES.get(mod, (f"python3-{mod}" if mod else "?", ""))[0]
                miss(pkg, f"{what} fails: {err}")
        if r.returncode != 0:
            problems.append(f"the import probe failed: {r.stderr.strip()[-400:]}")
        check_stdlib(python, miss)
    node = shutil.which("node")
    if node:
        probe = ("const bad = [];\n"
                 "for (const m of process.argv.slice(1)) {\n"
                 "  try { await import(m); } catch (e) { bad.push(m + ': ' + String(e.message).split('\\n')[0]); }\n"
                 "}\n"
                 "console.log(bad.join('\\n'));\n")
        r = subprocess.run([node, "--input-type=module", "-e", probe, "--", *NODE_MODULES],
                           cwd=CLIENTS, capture_output=True, text=True)
        bad = [l for l in r.stdout.splitlines() if l.strip()]
        if r.returncode != 0:
            bad.append(r.stderr.strip()[-400:])
        for b in bad:
            miss("npm ci in tests/clients (scripts/setup-debian.sh runs it)", f"node module {b}")
    for pkg, reasons in sorted(missing.items()):
        problems.append(f"missing Debian package {pkg}: " + "; ".join(reasons))
    return missing


def main():
    if "--list" in sys.argv[1:]:
        for m, (p, why) in PYTHON_MODULES.items():
            print(f"python  {m:<16} {p:<22} {why}")
        for c, (p, why) in COMMANDS.items():
            print(f"command {c:<16} {p:<22} {why}")
        for p, why in PACKAGES.items():
            print(f"package {'':<16} {p:<22} {why}")
        for m in NODE_MODULES:
            print(f"node    {m:<16} {'(npm, package.json)':<22} the .mjs client tests")
        return 0
    cross_check()
    missing = check_machine()
    for p in problems:
        print("deps_check: " + p)
    if missing:
        pkgs = sorted(p for p in missing if not p.startswith("npm ci"))
        if pkgs:
            print("deps_check: run scripts/setup-debian.sh, or: apt-get install --no-install-recommends "
                  + " ".join(pkgs))
    n = len(PYTHON_MODULES) + len(COMMANDS) + len(PACKAGES) + len(NODE_MODULES)
    print(f"deps_check: {n} modules, commands and packages checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
