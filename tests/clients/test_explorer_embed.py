#!/usr/bin/python3
"""The explorer's build step (exporters/explorer/embed_explorer.cmake) never breaks the build: with
no npm, or an npm whose `ci` fails, it still writes a C++ source that compiles, embeds no library,
and tells the program why, so that `--format html` can refuse with that reason. With the build's
own npm it embeds both bundles (checked against the build folder's copy when there is one).
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_fixtures import FAILURES, check  # noqa: E402

SRC = Path(os.environ.get("SOFTGRAPH_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SCRIPT = SRC / "exporters" / "explorer" / "embed_explorer.cmake"

PROBE = r"""
#include <iostream>
#include "explorer_assets.hpp"
int main() {
  const auto& a = softgraph::explorer_assets();
  std::cout << a.page.size() << " " << a.script.size() << " " << a.sigma.size() << " "
            << a.graphology.size() << "\n" << a.unavailable << "\n";
}
"""


def embed(tmp, npm):
    out = Path(tmp) / "explorer_assets.cpp"
    r = subprocess.run(["cmake", "-DSOURCE_DIR=%s" % SCRIPT.parent, "-DWORK_DIR=%s" % (Path(tmp) / "npm"),
                        "-DNPM=%s" % npm, "-DOUTPUT=%s" % out, "-P", str(SCRIPT)],
                       capture_output=True, text=True)
    return r, out


def probe(tmp, cpp):
    main = Path(tmp) / "probe.cpp"
    main.write_text(PROBE)
    exe = Path(tmp) / "probe"
    r = subprocess.run(["g++", "-std=c++20", "-I", str(SRC / "exporters" / "src"), str(main), str(cpp),
                        "-o", str(exe)], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr
    r = subprocess.run([str(exe)], capture_output=True, text=True)
    sizes, reason = r.stdout.split("\n", 1)
    return [int(x) for x in sizes.split()], reason.strip()


def main():
    for label, npm, expect in (("no npm", "", "npm was not found"),
                               ("explorer off", "OFF", "softgraph was built with -DSOFTGRAPH_EXPLORER=OFF"),
                               ("npm ci fails", "/bin/false", "'npm ci' of exporters/explorer failed")):
        with tempfile.TemporaryDirectory() as tmp:
            r, cpp = embed(tmp, npm)
            check(r.returncode == 0, "%s: the embedding step succeeds (exit %d) %s" % (label, r.returncode, r.stderr[-300:]))
            check("Explorer (--format html) unavailable" in r.stderr, "%s: the build warns that html is unavailable" % label)
            stamp = Path(tmp) / "npm" / "embedded.stamp"
            check(stamp.exists() == (npm != "/bin/false"),
                  "%s: the build's stamp is %s" % (label, "removed, so the next build retries" if npm == "/bin/false" else "written"))
            sizes, reason = probe(tmp, cpp) if cpp.exists() else (None, "no output")
            check(sizes is not None, "%s: the generated source compiles %s" % (label, "" if sizes else reason[-400:]))
            if sizes:
                page, script, sigma, graphology = sizes
                check(page > 0 and script > 0, "%s: our page and script are still embedded" % label)
                check(sigma == 0 and graphology == 0, "%s: no library is embedded" % label)
                check(reason.startswith(expect), "%s: the program knows why: %r" % (label, reason[:120]))

    # The real build's output, when this runs from a build folder: both bundles are in.
    binary = os.environ.get("SOFTGRAPH_BIN")
    if binary:
        built = Path(binary).resolve().parent.parent / "exporters" / "explorer_assets.cpp"
        npm_dir = built.parent / "explorer-npm" / "node_modules"
        if built.exists() and npm_dir.exists():
            with tempfile.TemporaryDirectory() as tmp:
                sizes, reason = probe(tmp, built)
                check(sizes is not None and reason == "", "the build's explorer_assets.cpp has no reason to refuse")
                if sizes:
                    sigma_file = npm_dir / "sigma" / "dist" / "sigma.min.js"
                    graphology_file = npm_dir / "graphology" / "dist" / "graphology.umd.min.js"
                    check(sizes[2] == sigma_file.stat().st_size, "sigma.min.js embedded whole (%d bytes)" % sizes[2])
                    check(sizes[3] == graphology_file.stat().st_size,
                          "graphology.umd.min.js embedded whole (%d bytes)" % sizes[3])
                    lock = (SRC / "exporters" / "explorer" / "package-lock.json").read_text()
                    version = re.search(r'"node_modules/sigma":\s*{\s*"version":\s*"([^"]+)"', lock).group(1)
                    check(('"version": "%s"' % version) in (npm_dir / "sigma" / "package.json").read_text(),
                          "the embedded sigma is the locked version %s" % version)
        else:
            print("skip the build's bundles: %s has no explorer-npm (built without npm)" % built.parent)
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
