#!/usr/bin/python3
"""Mutation check of the relation rules (a developer tool, not run by CI): deletes each rule in
turn and runs the tests that pin them, then prints which test caught each deletion.

  /usr/bin/python3 tests/bench/mutation.py [--build build] [--jobs 2] [--gold] [RULE ...]

A rule of schemas/relations.json (pattern:<id>) is deleted from a temporary copy of that file,
given to the program with --relation-rules and to the doctests with SOFTGRAPH_TEST_RELATION_RULES;
a rule of the code (scope:..., lexicon:..., pattern:operates-...) is switched off with
--disable-rule and SOFTGRAPH_TEST_DISABLE_RULES. The tests run for each deletion:
  rule_table    tests/entities/rule_table_test.cpp (build/tests/test_entities)
  type_floors   tests/clients/test_eval_type_floors.py (per text, per type)
  eval_gold     tests/clients/test_eval_gold.py (micro floors, challenge set), with --gold
The CLI tests get the deletion through a wrapper given as SOFTGRAPH_BIN that adds the option to
the commands that extract. Exits 1 when a deletion is caught by no test, or when the tests fail
with no rule deleted. Needs the targets softgraph and test_entities built.
"""
import argparse
import concurrent.futures
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
LITERAL = re.compile(r'"((?:pattern|scope|lexicon|cue|attribution):[a-z0-9:_-]+)"')


def data_rules():
    d = json.loads((SRC / "schemas" / "relations.json").read_text(encoding="utf-8"))
    return ["pattern:" + p["id"] for p in d["patterns"]]


def code_rules():
    """Rule ids named by string literals in the relation extractor's code (comments aside)."""
    out = set()
    for f in sorted((SRC / "extractors" / "relations" / "src").iterdir()):
        for line in f.read_text(encoding="utf-8").splitlines():
            out.update(LITERAL.findall(line.split("//")[0]))
    return sorted(out)


def wrapper(tmp, binary, args):
    """A SOFTGRAPH_BIN that adds `args` to build, extract, channels and eval."""
    path = Path(tmp) / "softgraph"
    quoted = " ".join("'%s'" % a for a in args)
    path.write_text(
        "#!/bin/sh\n"
        "case \"$1\" in build|extract|channels|eval) exec '%s' \"$@\" %s;; esac\n"
        "exec '%s' \"$@\"\n" % (binary, quoted, binary), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def run(cmd, env, timeout=1800):
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    return r.returncode == 0, r.stdout + r.stderr


def mutate(rule, data, build, gold, tmp_root):
    """{test name: what failed, or "" when it passed} with `rule` deleted. With rule None the
    same mechanism runs with nothing deleted (a copy of the file, an unknown rule disabled)."""
    tmp = tempfile.mkdtemp(dir=tmp_root)
    env = dict(os.environ)
    env.update({"SOFTGRAPH_SOURCE_DIR": str(SRC), "SOFTGRAPH_SHARED_DIR": str(SRC.parent / "shared"),
                "SOFTGRAPH_TEST_TMP": tmp})
    args = []
    if rule is None or rule in data:
        d = json.loads((SRC / "schemas" / "relations.json").read_text(encoding="utf-8"))
        d["patterns"] = [p for p in d["patterns"] if "pattern:" + p["id"] != rule]
        rules = Path(tmp) / "relations.json"
        rules.write_text(json.dumps(d), encoding="utf-8")
        env["SOFTGRAPH_TEST_RELATION_RULES"] = str(rules)
        args = ["--relation-rules", str(rules)]
    if rule is None or rule not in data:
        off = rule or "pattern:no-such-rule"
        env["SOFTGRAPH_TEST_DISABLE_RULES"] = off
        args += ["--disable-rule", off]
    env["SOFTGRAPH_BIN"] = str(wrapper(tmp, build / "cli" / "softgraph", args))
    tests = build / "tests" / "test_entities"
    result = {}
    ok, out = run([str(tests), "--test-case=rule table*"], env)
    # Which rows failed: "row N, rule R" in the messages of the failed checks.
    rows = sorted(set(re.findall(r"logged: row \d+, rule (\S+):", out)))
    result["rule_table"] = "" if ok else "rows of " + " ".join(rows) if rows else "failed"
    ok, out = run(["/usr/bin/python3", str(SRC / "tests" / "clients" /
                                           "test_eval_type_floors.py")], env)
    fails = re.findall(r"^FAIL (\S+ \S+):", out, re.M)
    result["type_floors"] = "" if ok else "%d floors, e.g. %s" % (len(fails), fails[0]) \
        if fails else "failed"
    if gold:
        ok, _ = run(["/usr/bin/python3", str(SRC / "tests" / "clients" / "test_eval_gold.py")],
                    env)
        result["eval_gold"] = "" if ok else "failed"
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=str(SRC / "build"), help="build folder (default: build)")
    ap.add_argument("--jobs", type=int, default=2, help="deletions tested at once")
    ap.add_argument("--gold", action="store_true", help="also run test_eval_gold.py (slower)")
    ap.add_argument("rules", nargs="*", help="only these rules (default: every rule)")
    a = ap.parse_args()
    build = Path(a.build).resolve()
    data = data_rules()
    rules = a.rules or data + code_rules()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="softgraph-mutation-") as tmp_root:
        base = mutate(None, data, build, a.gold, tmp_root)
        if any(base.values()):
            print("the tests fail with no rule deleted: %s" % base)
            return 1
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            results = dict(zip(rules, pool.map(
                lambda r: mutate(r, data, build, a.gold, tmp_root), rules)))
    missed = [r for r, res in results.items() if not any(res.values())]
    width = max(len(r) for r in rules)
    print("%-*s  %s" % (width, "rule deleted", "caught by (failing tests)"))
    for rule, res in results.items():
        failed = ["%s (%s)" % (k, why) for k, why in res.items() if why]
        print("%-*s  %s" % (width, rule, "; ".join(failed) if failed else "NOT CAUGHT"))
    print("%d rules, %d caught, %d not caught; %.0f s" %
          (len(rules), len(rules) - len(missed), len(missed), time.monotonic() - started))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
