#!/usr/bin/python3
"""neo4j/import.sh runs the command Neo4j 5's manual gives, in its order:

    neo4j-admin database import full <database> --overwrite-destination=<true|false>
        --nodes=<file> ... --relationships=<file> ... --delimiter=, --array-delimiter=; ...

(the database name right after `full`, as the manual writes it since 5.19; overwriting only with
the script's --overwrite flag). No Neo4j is installable here, so NEO4J_ADMIN points the script at a
stand-in that records its arguments; the files it names are checked to be every CSV of the bundle,
with absolute paths that exist, and the script is run from another folder than its own.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from export_fixtures import FAILURES, check, fixtures  # noqa: E402

STUB = """#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a"; done > "$ARGS_OUT"
"""


def run(script, args, stub, out, cwd):
    env = dict(os.environ, NEO4J_ADMIN=str(stub), ARGS_OUT=str(out))
    r = subprocess.run([str(script), *args], env=env, cwd=cwd, capture_output=True, text=True)
    argv = out.read_text().splitlines() if out.exists() and r.returncode == 0 else []
    if out.exists():
        out.unlink()
    return r, argv


def main():
    for name, folder in fixtures("neo4j-import").items():
        bundle = Path(folder) / "neo4j"
        script = bundle / "import.sh"
        print("== %s: %s" % (name, script))
        check(os.access(script, os.X_OK), "import.sh is executable")
        with tempfile.TemporaryDirectory() as tmp:
            stub, out = Path(tmp) / "neo4j-admin", Path(tmp) / "args"
            stub.write_text(STUB)
            stub.chmod(0o755)
            r, argv = run(script, [], stub, out, tmp)
            check(r.returncode == 0, "import.sh runs (%s)" % r.stderr.strip()[:200])
            check(argv[:5] == ["database", "import", "full", "neo4j", "--overwrite-destination=false"],
                  "default: database import full neo4j --overwrite-destination=false (%s)" % argv[:5])
            nodes = [a.split("=", 1)[1] for a in argv if a.startswith("--nodes=")]
            rels = [a.split("=", 1)[1] for a in argv if a.startswith("--relationships=")]
            want_nodes = sorted(str(p.resolve()) for p in bundle.glob("nodes_*.csv"))
            want_rels = sorted(str(p.resolve()) for p in bundle.glob("rels_*.csv"))
            check(sorted(nodes) == want_nodes and want_nodes, "--nodes names every nodes_*.csv (%d)" % len(want_nodes))
            check(sorted(rels) == want_rels and want_rels, "--relationships names every rels_*.csv (%d)" % len(want_rels))
            check(all(os.path.isabs(p) and os.path.exists(p) for p in nodes + rels),
                  "the files are absolute paths that exist (run from another folder)")
            for opt in ("--delimiter=,", "--array-delimiter=;", "--quote=\"", "--multiline-fields=true"):
                check(opt in argv, "option %s" % opt)
            first_option = next(i for i, a in enumerate(argv) if a.startswith("--"))
            check(first_option == 4, "the database name comes right after `full`, before every option")

            r, argv = run(script, ["--overwrite", "softgraph"], stub, out, tmp)
            check(argv[:5] == ["database", "import", "full", "softgraph", "--overwrite-destination=true"],
                  "--overwrite softgraph: full softgraph --overwrite-destination=true (%s)" % argv[:5])
            r, argv = run(script, ["softgraph", "--overwrite"], stub, out, tmp)
            check(argv[3:5] == ["softgraph", "--overwrite-destination=true"], "flags in any order")
            r, argv = run(script, ["--force"], stub, out, tmp)
            check(r.returncode == 2 and "unknown option" in r.stderr, "an unknown option is refused (exit 2)")
            r, _ = run(script, ["--help"], stub, out, tmp)
            check(r.returncode == 0 and "--overwrite" in r.stdout, "--help prints the usage")
    print("neo4j import.sh: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
