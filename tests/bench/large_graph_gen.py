#!/usr/bin/python3
"""Writes a graph.json of N nodes shaped like a big discovery run (a few actors, targets and
channels, the rest discovered institutions, each operated by an actor, delivering a channel and
some aimed at a target), for timing layouts: large_graph_gen.py N OUT.json [SEED] [SHAPE].
SHAPE "network" (default) is that; "star" is what discovery gives on one long document: every
institution linked to the document by MENTIONS only, a star of N spokes."""
import json
import random
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    shape = sys.argv[4] if len(sys.argv) > 4 else "network"
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    words = ["Agency", "Foundation", "Institute", "Council", "Fund", "Centre", "Society", "Programme",
             "Academy", "Association", "Bureau", "Office", "Union", "Forum", "School"]
    spectrum = ["coercion", "inducement", "agenda_setting", "attraction"]
    nodes, edges = [], []
    actors = ["actor/a%d" % i for i in range(max(2, n // 200))]
    targets = ["actor/t%d" % i for i in range(5)]
    channels = ["instrument/c%d" % i for i in range(16)]
    for i, a in enumerate(actors):
        nodes.append({"id": a, "type": "Actor", "label": "Power %d" % i})
    for i, t in enumerate(targets):
        nodes.append({"id": t, "type": "TargetCountry", "label": "Target %d" % i})
    for i, c in enumerate(channels):
        nodes.append({"id": c, "type": "Instrument", "label": "Channel %d" % i,
                      "attributes": {"channel": "c%d" % i, "spectrum": spectrum[i % 4]}})
    def edge(s, t, kind):
        edges.append({"id": "%s:%s->%s" % (kind, s, t), "source": s, "target": t, "type": kind,
                      "weight": float(rng.randint(1, 5))})
    for a in actors:
        for c in rng.sample(channels, 3):
            edge(a, c, "USES_INSTRUMENT")
        edge(a, rng.choice(targets), "TARGETS")
    if shape == "star":
        nodes.append({"id": "document/d", "type": "Document", "label": "d.txt"})
    for i in range(n - len(nodes)):
        inst = "institution/i%d" % i
        nodes.append({"id": inst, "type": "Institution",
                      "label": "%s %s of %d" % (rng.choice(words), rng.choice(words), i)})
        if shape == "star":
            edge("document/d", inst, "MENTIONS")
            continue
        edge(rng.choice(actors), inst, "OPERATES")
        edge(inst, rng.choice(channels), "DELIVERS")
        if rng.random() < 0.3:
            edge(inst, rng.choice(targets), "TARGETS")
    degree = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + 1
    for node in nodes:  # the metrics graph.json requires; only degree is real, as layouts ignore them
        d = degree.get(node["id"], 0)
        node.setdefault("aliases", [])
        node.setdefault("attributes", {})
        node["metrics"] = {"degree": float(d), "betweenness": 0.0, "pagerank": d / (2.0 * len(edges))}
    for e in edges:
        e.update({"attributes": {}, "evidence": []})
    seen, unique = set(), []
    for e in edges:
        if e["id"] not in seen:
            seen.add(e["id"])
            unique.append(e)
    graph = {"softgraph": "0.1.0", "documents": [], "nodes": nodes, "edges": unique}
    json.dump(graph, open(out, "w", encoding="utf-8"))


if __name__ == "__main__":
    main()
