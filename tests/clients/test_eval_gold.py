#!/usr/bin/python3
"""Extraction quality held in the suite: `softgraph eval` scores every gold annotation in
tests/gold/ (the article, read from ../shared, and texts of our own about other regions and about
Central Asia's foreign relations) and the real dev texts of ../shared/eval/dev, and each must stay
above its floor: the value last measured less 0.02, per text (the real texts are the measure; our
own texts are tests), and for the pool texts against our blind annotations (tests/gold/pool) the
micro-average, so that a pattern or rule deleted, or a change that makes extraction worse, fails
here. The challenge set must find
at least its measured share of relations less 0.02 and produce none of its traps (the issue's aim
allows 5 %; the set is at 0 and one trap, 0.9 %, is a regression to look at).

It also checks that eval reads the annotations made elsewhere as they are (../shared/eval/dev/gold:
free-form ids, instruments named by codebook id, a `neutral` list), and the challenge scorer
(`eval --challenge`): its arithmetic on a tiny item file of our own with given predictions, its
table on the same items run through the pipeline, and a malformed line failing with exit 1 naming
the file and the line."""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = os.environ["SOFTGRAPH_BIN"]
SRC = Path(os.environ["SOFTGRAPH_SOURCE_DIR"])
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
# (entity F1, relation F1) measured with scripts/eval-all.sh, less 0.02.
FLOORS = {
    "article": (0.93, 0.83),
    "gulf-states-horn-of-africa": (0.90, 0.64),
    "korea-japan-southeast-asia": (0.89, 0.50),
    "kyrgyzstan-foreign-relations": (0.88, 0.63),
    "south-caucasus-soft-power": (0.88, 0.62),
    "tajikistan-foreign-relations": (0.87, 0.72),
    "uzbekistan-soft-power-essay": (0.94, 0.75),
}
DEV_FLOORS = {
    "09-voa-chinese-media-africa": (0.98, 0.86),
    "12-wiki-foreign-relations-kiribati": (0.98, 0.90),
    "13-wiki-foreign-relations-laos": (0.95, 0.86),
}
# The pool texts of ../shared/eval/dev/pool against our blind annotations (tests/gold/pool),
# micro-averaged over the twenty: (entity F1, relation F1) measured, less 0.02.
POOL_FLOORS = (0.86, 0.58)
CHALLENGE_FOUND_FLOOR = 0.90
CHALLENGE_NOT_CEILING = 0.005
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def scores(report):
    """(entity F1, relation F1) from the 'all entities' and 'all relations' rows."""
    found = {}
    for kind in ("entities", "relations"):
        m = re.search(r"all %s\s.*F1 ([0-9.]+)" % kind, report)
        found[kind] = float(m.group(1)) if m else None
    return found["entities"], found["relations"]


golds = sorted((SRC / "tests" / "gold").glob("*.gold.json"))
check(len(golds) >= 4, "%d gold annotations found" % len(golds))
for gold in golds:
    name = gold.name[: -len(".gold.json")]
    text = ARTICLE if name == "article" else SRC / "tests" / "data" / "texts" / (name + ".txt")
    if not text.exists():
        if os.environ.get("SOFTGRAPH_REQUIRE_SHARED") == "1" or name != "article":
            check(False, "%s: input %s exists" % (name, text))
        else:
            print("skip %s: %s is absent (../shared not beside the clone)" % (name, text))
        continue
    r = subprocess.run([BIN, "eval", "--gold", str(gold), str(text)], capture_output=True, text=True)
    check(r.returncode == 0, "%s: eval exits 0 (%s)" % (name, r.stderr.strip()[:200]))
    entities, relations = scores(r.stdout)
    floor_e, floor_r = FLOORS.get(name, (0.80, 0.45))
    check(entities is not None and entities >= floor_e,
          "%s: entity F1 %s >= %.2f" % (name, entities, floor_e))
    check(relations is not None and relations >= floor_r,
          "%s: relation F1 %s >= %.2f" % (name, relations, floor_r))


# The real dev texts' annotations, read as they are: no floor, the numbers must be there.
DEV = SHARED / "eval" / "dev"
dev_golds = sorted((DEV / "gold").glob("*.json"))
if not dev_golds:
    if os.environ.get("SOFTGRAPH_REQUIRE_SHARED") == "1":
        check(False, "dev gold files in %s" % DEV)
    else:
        print("skip dev gold: %s is absent" % DEV)
for gold in dev_golds:
    text = DEV / "texts" / (gold.stem + ".txt")
    r = subprocess.run([BIN, "eval", "--gold", str(gold), str(text)], capture_output=True, text=True)
    check(r.returncode == 0, "dev %s: eval exits 0 (%s)" % (gold.stem, r.stderr.strip()[:200]))
    entities, relations = scores(r.stdout)
    floor_e, floor_r = DEV_FLOORS.get(gold.stem, (0.0, 0.0))
    check(entities is not None and entities >= floor_e,
          "dev %s: entity F1 %s >= %.2f" % (gold.stem, entities, floor_e))
    check(relations is not None and relations >= floor_r,
          "dev %s: relation F1 %s >= %.2f" % (gold.stem, relations, floor_r))

# The pool texts against our blind annotations, micro-averaged.
POOL = DEV / "pool"
pool_golds = sorted((SRC / "tests" / "gold" / "pool").glob("*.gold.json"))
check(len(pool_golds) == 20, "%d blind pool annotations found" % len(pool_golds))
COUNTS = re.compile(r"all (entities|relations)\s.*\(tp (\d+), fp (\d+), fn (\d+)\)")
sums = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
pool_read = 0
for gold in pool_golds:
    text = POOL / (gold.name[: -len(".gold.json")] + ".txt")
    if not text.exists():
        if os.environ.get("SOFTGRAPH_REQUIRE_SHARED") == "1":
            check(False, "pool %s exists" % text)
        continue
    r = subprocess.run([BIN, "eval", "--gold", str(gold), str(text)], capture_output=True, text=True)
    check(r.returncode == 0, "pool %s: eval exits 0 (%s)" % (gold.stem, r.stderr.strip()[:200]))
    for m in COUNTS.finditer(r.stdout):
        for k in range(3):
            sums[m.group(1)][k] += int(m.group(k + 2))
    pool_read += 1


def micro_f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    q = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * q / (p + q) if p + q else 0.0


if pool_read:
    for kind, floor in zip(("entities", "relations"), POOL_FLOORS):
        f = micro_f1(*sums[kind])
        check(f >= floor, "pool (%d texts), micro %s F1 %.3f >= %.2f" % (pool_read, kind, f, floor))

# The roles challenge set: who does what to whom.
CHALLENGE = SHARED / "eval" / "challenge" / "roles-dev.jsonl"
if CHALLENGE.exists():
    r = subprocess.run([BIN, "eval", "--challenge", str(CHALLENGE)], capture_output=True, text=True)
    m = re.search(r"relations found ([0-9.]+) .*not produced ([0-9.]+)", r.stdout)
    check(r.returncode == 0 and m is not None, "challenge: eval --challenge prints its totals")
    if m:
        check(float(m.group(1)) >= CHALLENGE_FOUND_FLOOR,
              "challenge: relations found %s >= %.2f" % (m.group(1), CHALLENGE_FOUND_FLOOR))
        check(float(m.group(2)) <= CHALLENGE_NOT_CEILING,
              "challenge: traps produced %s <= %.3f" % (m.group(2), CHALLENGE_NOT_CEILING))
elif os.environ.get("SOFTGRAPH_REQUIRE_SHARED") == "1":
    check(False, "challenge set %s" % CHALLENGE)

EVAL_DATA = SRC / "tests" / "data" / "eval"

# A gold file of our own in the same conventions: the neutral name (Peru, a lexicon state the text
# names) is neither a true nor a false positive, the instrument is matched by its codebook id.
r = subprocess.run([BIN, "eval", "--gold", str(EVAL_DATA / "neutral-mini.gold.json"),
                    str(EVAL_DATA / "neutral-mini.txt"), "--details"], capture_output=True, text=True)
check(r.returncode == 0, "neutral-mini: eval exits 0 (%s)" % r.stderr.strip()[:200])
spurious = r.stdout.split("spurious:")[-1]
m = re.search(r"neutral \(not counted\): (\d+) entities", r.stdout)
check(m is not None and int(m.group(1)) >= 1, "neutral-mini: neutral entities left uncounted")
check("actor/peru" not in spurious, "neutral-mini: Peru (neutral) is not a false positive")
check("instrument/scholarships_grants" not in spurious,
      "neutral-mini: the instrument named scholarships_grants matches instrument/scholarships_grants")
check(re.search(r"Actor\s.*\(tp 1, fp 0, fn 0\)", r.stdout) is not None,
      "neutral-mini: the free-form id JPN matches actor/japan")

ROW = re.compile(r"^\s+(\S.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([0-9.]+|-)\s+(\d+)\s+(\d+)"
                 r"\s+([0-9.]+|-)\s+(\d+)\s+(\d+)\s+(\d+)$")


def challenge_table(out):
    """{row name: (items, traps, gold, found, not, made, err-trap, err-ctrl, unscored)}"""
    rows = {}
    for line in out.splitlines():
        m = ROW.match(line)
        if m:
            g = m.groups()
            rows[g[0]] = tuple(int(g[i]) for i in (1, 2, 3, 4, 6, 7, 9, 10, 11))
    return rows


mini = EVAL_DATA / "challenge-mini.jsonl"
# Given predictions (one gold hit per item but the last, a trap error in the first three, one of
# them a PARTNERS_WITH written the other way round, names in other cases, one unscored triple).
r = subprocess.run([BIN, "eval", "--challenge", str(mini), "--predictions",
                    str(EVAL_DATA / "challenge-mini.predictions.jsonl")],
                   capture_output=True, text=True)
check(r.returncode == 0, "challenge-mini with predictions exits 0 (%s)" % r.stderr.strip()[:200])
rows = challenge_table(r.stdout)
expected = {
    "agent-recipient": (2, 1, 4, 1, 2, 1, 1, 0, 1),
    "negation-modality": (1, 1, 2, 1, 1, 1, 1, 0, 0),
    "membership": (1, 0, 2, 1, 1, 1, 0, 1, 0),
    "all": (4, 2, 8, 3, 4, 3, 2, 1, 1),
    "trap items": (2, 2, 4, 2, 3, 2, 2, 0, 1),
    "control items": (2, 0, 4, 1, 1, 1, 0, 1, 0),
}
for name, want in expected.items():
    check(rows.get(name) == want, "challenge-mini %s: %s == %s" % (name, rows.get(name), want))
check("relations found 0.375" in r.stdout and "not produced 0.750" in r.stdout,
      "challenge-mini: shares 3/8 found and 3/4 produced")

# The same items through the pipeline: whatever it predicts, the table adds up to the details.
r = subprocess.run([BIN, "eval", "--challenge", str(mini), "--details"], capture_output=True,
                   text=True)
check(r.returncode == 0, "challenge-mini through the pipeline exits 0 (%s)" % r.stderr.strip()[:200])
rows = challenge_table(r.stdout)
items = re.findall(r"^  m\d+ .*: found (\d+)/(\d+), trap errors (\d+)/(\d+), unscored (\d+)$",
                   r.stdout, re.M)
missed = len(re.findall(r"^    - ", r.stdout, re.M))
errors = len(re.findall(r"^    ! ", r.stdout, re.M))
total = rows.get("all")
check(len(items) == 4 and total is not None, "challenge-mini: table and four items printed")
if total is not None and len(items) == 4:
    found = sum(int(i[0]) for i in items)
    check(total[2] == 8 and total[4] == 4, "challenge-mini: 8 gold triples, 4 `not` entries")
    check(total[3] == found and found + missed == 8,
          "challenge-mini: found %d = sum of items, + %d missed = 8" % (total[3], missed))
    check(total[5] == errors == sum(int(i[2]) for i in items),
          "challenge-mini: %d trap errors = %d listed" % (total[5], errors))

# Malformed lines fail with exit 1 naming the file and the line.
good = mini.read_text(encoding="utf-8").splitlines()
bad_cases = {
    "broken JSON": (good[:2] + ['{"id": "m9", "phenomenon": "x", "text": '] + good[2:], 3),
    "missing text": (good[:1] + ['{"id": "m9", "phenomenon": "x", "relations": [], "not": []}'], 2),
    "unknown relation type": (good[:3] + [good[3].replace("MEMBER_OF", "MEMBER")], 4),
}
with tempfile.TemporaryDirectory() as tmp:
    for what, (lines, line_no) in bad_cases.items():
        path = Path(tmp) / "bad.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        r = subprocess.run([BIN, "eval", "--challenge", str(path)], capture_output=True, text=True)
        check(r.returncode == 1 and str(path) in r.stderr and ("line %d" % line_no) in r.stderr,
              "challenge %s: exit %d, message names the file and line %d (%s)"
              % (what, r.returncode, line_no, r.stderr.strip()[:160]))
r = subprocess.run([BIN, "eval"], capture_output=True, text=True)
check(r.returncode == 2, "eval with neither --gold nor --challenge is a usage error (exit %d)"
      % r.returncode)

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
