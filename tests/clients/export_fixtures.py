"""Shared by the export client tests: the check/FAILURES reporter, the fixtures the
test_exporters binary writes (the typed and the hostile graph in every format), and what XML 1.0
can carry of a string."""
import os
import subprocess
import sys
import tempfile

FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def fixtures(name):
    """Writes the fixtures once per test into a scratch folder; returns {"typed": dir, "hostile": dir}."""
    binary = os.environ.get("SOFTGRAPH_TEST_EXPORTERS")
    if not binary:
        bin_path = os.environ.get("SOFTGRAPH_BIN")
        if not bin_path:
            sys.exit("FAIL: set SOFTGRAPH_BIN=<build>/cli/softgraph (or SOFTGRAPH_TEST_EXPORTERS)")
        binary = os.path.join(os.path.dirname(os.path.dirname(bin_path)), "tests", "test_exporters")
    base = os.environ.get("SOFTGRAPH_TEST_TMP") or tempfile.gettempdir()
    out = os.path.join(base, "clients", name)
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, SOFTGRAPH_EXPORT_DIR=out)
    run = subprocess.run([binary, "-tc=*SOFTGRAPH_EXPORT_DIR*"], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("FAIL: %s could not write the fixtures:\n%s%s" % (binary, run.stdout, run.stderr))
    return {k: os.path.join(out, k) for k in ("typed", "hostile")}


def xml_safe(s):
    """What XML 1.0 can carry: C0 controls but tab/newline/CR become U+FFFD (see escape.hpp)."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") else c for c in s)
