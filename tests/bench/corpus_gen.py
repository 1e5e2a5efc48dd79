#!/usr/bin/python3
"""Reproducible benchmark corpus for softgraph: English-like articles about influence between
states, written from this file's own sentence templates and the names in schemas/lexicon/*.json.

    tests/bench/corpus_gen.py OUT_DIR [--mb 2] [--doc-kb 64] [--seed 7] [--wrap 80] [--lexicon-dir DIR]

Writes OUT_DIR/corpus/doc-NNNNN.txt (many files, each about --doc-kb KB, the last one shorter so
the total is --mb MB) and OUT_DIR/phrases.txt: every surface form of every lexicon entry (labels,
aliases, acronyms, demonyms, foreign-language names, instrument triggers), one a line, for
`LC_ALL=C grep -c -F -f phrases.txt`. The same arguments always give the same bytes (fixed seed,
no clock, no hash randomisation: only random.Random(seed) decides). Python 3 standard library
only; no network.
"""
import argparse
import json
import random
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]

# Templates: written for this generator. {A} actor state, {B} a second actor, {T} a target state,
# {R} region, {I} institution (owned by {A} when the lexicon knows an owner), {C} channel trigger,
# {N} a number, {Y} a year, {M} an amount, {D} demonym of {A}, {CITE} an author-year citation.
TEMPLATES = [
    "{A} funds {C} in {T} through {I}.",
    "Through {I}, {A} has expanded its {C} across {R}.",
    "{I} opened {N} new offices in {T} in {Y}, according to officials.",
    "In {Y}, {A} pledged {M} for {C} in {T}.",
    "{A} and {B} signed a memorandum on {C} with {T} in {Y}.",
    "The {D} government relies on {C} to shape opinion in {T} {CITE}.",
    "{T} is a member of the same bloc as {A}, yet its elites look to {B} for {C}.",
    "Analysts describe {I} as the main vehicle of {A} in {R} {CITE}.",
    "{A} operates {I}, which runs {N} programmes of {C} in {T}.",
    "Officials in {T} welcomed the offer of {C} from {A}.",
    "By {Y}, more than {N} students from {T} had received support from {I}.",
    "{A} competes with {B} for influence in {R}, mostly through {C}.",
    "{A} partners with {B} on {C} in {R}.",
    "Critics argue that {C} offered by {A} to {T} comes with conditions {CITE}.",
    "{I} cooperates with local universities in {T} on {C}.",
    "The influence of {A} in {T} rests on {C} rather than on coercion.",
]
FILLER = [
    "The picture is uneven and changes from year to year.",
    "Several observers question how durable these gains are.",
    "Surveys suggest that public attitudes move slowly.",
    "Local officials tend to welcome offers that carry few conditions.",
    "This section summarises the evidence gathered from interviews and official statements.",
    "Budget figures are hard to verify and often overlap between agencies.",
    "The distinction between attraction and inducement is not always clear in practice.",
    "Much of this activity is reported only in the local press.",
    "The numbers below come from annual reports and should be read with care.",
    "Taken together, these programmes form a dense and overlapping network.",
    "It is difficult to measure the effect of such efforts on policy.",
    "Observers disagree about the weight of each of these factors.",
]
HEADINGS = ["Introduction", "Background", "Education and exchanges", "Media and culture",
            "Economic ties", "Security and coercion", "Discussion", "Conclusion"]
SURNAMES = ["Abenova", "Barlow", "Castellano", "Dzhumabaev", "Eriksen", "Fairbank", "Gulyamov",
            "Hartwell", "Ismailova", "Jansen", "Kowalczyk", "Lindqvist", "Moravec", "Nurlanov",
            "Okafor", "Petrenko", "Quist", "Rahimov", "Sorensen", "Tashkentova", "Umarov",
            "Valcourt", "Whitcombe", "Yessenova", "Zhukovsky"]
JOURNALS = ["Journal of Regional Studies", "Review of Eurasian Affairs", "Policy Quarterly",
            "International Relations Review", "Studies in Public Diplomacy"]
TITLES = ["Soft power in a crowded neighbourhood", "Scholarships as statecraft",
          "Mosques, schools and media", "The limits of attraction", "Aid, loans and leverage",
          "Language policy and influence", "Cultural centres abroad"]


def load_lexicon(lexicon_dir):
    entries = []
    for f in sorted(Path(lexicon_dir).glob("*.json")):
        entries.extend(json.loads(f.read_text(encoding="utf-8"))["entries"])
    return entries


def surface_forms(e):
    forms = [e.get("label", "")]
    for key in ("aliases", "acronyms", "demonyms", "triggers"):
        forms.extend(e.get(key, []))
    for lang in sorted(e.get("names", {})):
        forms.extend(e["names"][lang])
    return [f for f in forms if f.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output folder (corpus/ and phrases.txt are written into it)")
    ap.add_argument("--mb", type=float, default=2, help="total corpus size in MB (default 2)")
    ap.add_argument("--doc-kb", type=int, default=64, help="size of one document in KB (default 64)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--wrap", type=int, default=80,
                    help="wrap paragraphs at this many columns like text taken from PDFs (0: one line each)")
    ap.add_argument("--lexicon-dir", default=str(SRC / "schemas" / "lexicon"))
    args = ap.parse_args()

    entries = load_lexicon(args.lexicon_dir)
    states = [e for e in entries if e.get("kind") == "state"]
    by_id = {e["id"]: e for e in entries}
    institutions = [e for e in entries if e.get("type") == "Institution"]
    regions = [e for e in entries if e.get("type") == "Region"]
    triggers = [t for e in entries if e.get("type") == "Instrument" for t in e.get("triggers", [])]
    if not (states and institutions and regions and triggers):
        sys.exit(f"corpus_gen: {args.lexicon_dir} lacks states, institutions, regions or triggers")
    # Influence flows mostly from a few dozen states (weights make the graph skewed like a real one).
    actors = states[:]
    rng = random.Random(args.seed)
    rng.shuffle(actors)
    actor_weights = [1.0 / (1 + i) ** 0.8 for i in range(len(actors))]
    owned = {}
    for inst in institutions:
        for owner in inst.get("owner", []):
            owned.setdefault(owner, []).append(inst)

    def pick_actor():
        return rng.choices(actors, actor_weights)[0]

    def citation():
        if rng.random() < 0.5:
            return ""
        return f"({rng.choice(SURNAMES)}, {rng.randint(1995, 2023)})"

    def sentence():
        if rng.random() < 0.35:
            return rng.choice(FILLER)
        a = pick_actor()
        b = pick_actor()
        while b is a:
            b = pick_actor()
        t = rng.choice(states)
        inst = rng.choice(owned.get(a["id"]) or institutions)
        demonyms = a.get("demonyms") or [a["label"]]
        s = rng.choice(TEMPLATES).format(
            A=a["label"], B=b["label"], T=t["label"], R=rng.choice(regions)["label"],
            I=inst["label"], C=rng.choice(triggers), N=rng.randint(2, 400), Y=rng.randint(1992, 2024),
            M=f"${rng.randint(1, 900)} million", D=demonyms[0], CITE=citation())
        return s.replace(" .", ".")

    def document(n, target):
        parts = [f"Influence and its channels: working paper {n}\n\n"]
        size = len(parts[0])
        refs = set()
        h = 0
        while size < target:
            heading = f"{h % 9 + 1}. {HEADINGS[h % len(HEADINGS)]}\n\n"
            h += 1
            parts.append(heading)
            size += len(heading)
            for _ in range(rng.randint(2, 6)):
                para = " ".join(sentence() for _ in range(rng.randint(3, 8)))
                for name in SURNAMES:
                    if f"({name}," in para:
                        refs.add(name)
                if args.wrap > 0:
                    para = textwrap.fill(para, args.wrap, break_long_words=False, break_on_hyphens=False)
                parts.append(para + "\n\n")
                size += len(para.encode("utf-8")) + 2
                if size >= target:
                    break
        parts.append("References\n\n")
        for name in sorted(refs):
            y = rng.randint(1995, 2023)
            parts.append(f"{name}, A. ({y}). {rng.choice(TITLES)}. {rng.choice(JOURNALS)}, "
                         f"{rng.randint(1, 40)}({rng.randint(1, 4)}), {rng.randint(1, 300)}-{rng.randint(301, 600)}.\n")
        return "".join(parts)

    out = Path(args.out)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for old in corpus.glob("doc-*.txt"):
        old.unlink()
    total = int(args.mb * 1024 * 1024)
    doc_bytes = args.doc_kb * 1024
    written, n = 0, 0
    while written < total:
        n += 1
        text = document(n, min(doc_bytes, max(1024, total - written)))
        data = text.encode("utf-8")
        (corpus / f"doc-{n:05d}.txt").write_bytes(data)
        written += len(data)

    phrases = sorted({f for e in entries for f in surface_forms(e)})
    (out / "phrases.txt").write_text("".join(p + "\n" for p in phrases), encoding="utf-8")
    print(f"corpus_gen: {n} documents, {written} bytes ({written / 1048576:.1f} MB) in {corpus}; "
          f"{len(phrases)} phrases in {out / 'phrases.txt'}", file=sys.stderr)


if __name__ == "__main__":
    main()
