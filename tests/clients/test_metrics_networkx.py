#!/usr/bin/python3
"""Compares every softgraph node metric with NetworkX and igraph on the same graphs.

Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph). Our numbers come from the
test_metrics binary in dump mode (SOFTGRAPH_METRICS_DUMP=<edges>:<out.json>), found beside the
softgraph binary: <build>/tests/test_metrics, where SOFTGRAPH_BIN = <build>/cli/softgraph.
SOFTGRAPH_TEST_METRICS overrides the path.

Graphs: random directed weighted graphs of >= 1000 nodes (fixed seeds, with self-loops and
parallel edges in the edge list), plus small tricky ones (disconnected, dangling and isolated
nodes, a DAG). NetworkX sees the graph as our convention defines it: parallel edges merged with
weights added, self-loops dropped.

Tolerances: exact metrics (degrees, betweenness, closeness, harmonic, core) 1e-9; iterative ones
(pagerank, eigenvector, hub, authority) 1e-6; absolute, relative for values above 1 (harmonic).

Where igraph's definitions differ, we convert before comparing:
- betweenness: igraph is unnormalised -> divided by (n-1)(n-2).
- closeness: igraph 0.10 closeness(mode='in', normalized=True) = (r-1)/sum(d) over the nodes that
  reach v; NetworkX (and we) multiply by (r-1)/(n-1) (Wasserman-Faust). We apply that factor with
  r from igraph's own subcomponent(v, mode='in'). They agree as-is only on strongly connected
  graphs.
- harmonic: harmonic_centrality(mode='in', normalized=False) is the same sum of 1/d.
- eigenvector: igraph scales max to 1 -> rescaled to unit L2 norm; compared where NetworkX
  converges (on a DAG NetworkX raises; we keep the last iterate of the same iteration, which
  this test checks against a Python copy of NetworkX's loop).
- hub/authority: igraph scales max to 1 -> rescaled to sum 1. Skipped (with a message) when the
  top singular value of A is not simple, where the vector is not unique.
- core: coreness(mode='all') = NetworkX core_number on a digraph (in + out degree).
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

import igraph as ig
import networkx as nx
import numpy as np

EXACT = 1e-9
ITERATIVE = 1e-6


def find_test_metrics():
    if os.environ.get("SOFTGRAPH_TEST_METRICS"):
        return Path(os.environ["SOFTGRAPH_TEST_METRICS"])
    binary = os.environ.get("SOFTGRAPH_BIN")
    if binary:
        return Path(binary).resolve().parent.parent / "tests" / "test_metrics"
    here = Path(__file__).resolve().parents[2]
    for build in ("build", "build-metrics"):
        candidate = here / build / "tests" / "test_metrics"
        if candidate.exists():
            return candidate
    sys.exit("cannot find test_metrics: set SOFTGRAPH_BIN or SOFTGRAPH_TEST_METRICS")


# ---------------------------------------------------------------- graphs (edge lists)

def random_graph(n, m, seed, self_loops=10, parallel=50):
    """n nodes, m random weighted arcs, plus self-loops and parallel arcs (a second 'type')."""
    rng = random.Random(seed)
    edges = [(rng.randrange(n), rng.randrange(n), float(rng.randint(1, 5))) for _ in range(m)]
    edges += [(v, v, 1.0) for v in rng.sample(range(n), self_loops)]
    edges += [(u, v, float(rng.randint(1, 3))) for u, v, _ in rng.sample(edges, parallel)]
    return n, edges


def tricky_graph():
    """Two components, dangling and isolated nodes, a self-loop, parallel arcs of two types."""
    edges = [
        (0, 1, 2.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 3.0),  # a cycle with a dangling exit
        (0, 1, 1.0),  # parallel to 0->1 (another edge type): merged to weight 3
        (1, 1, 5.0),  # self-loop: ignored
        (4, 5, 1.0), (5, 6, 1.0), (6, 4, 2.0), (6, 7, 1.0), (7, 8, 1.0),  # second component
    ]
    return 11, edges  # nodes 9 and 10 are isolated


def dag_graph():
    rng = random.Random(5)
    n = 200
    edges = [(u, v, float(rng.randint(1, 3))) for u in range(n) for v in rng.sample(range(n), 3)
             if u < v]
    return n, edges


def nx_graph(n, edges):
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for u, v, w in edges:
        if u == v:
            continue
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    return g


def ig_graph(g):
    h = ig.Graph(n=g.number_of_nodes(), directed=True)
    es = list(g.edges(data="weight"))
    h.add_edges([(u, v) for u, v, _ in es])
    h.es["weight"] = [w for _, _, w in es]
    return h


# ---------------------------------------------------------------- reference values

def nx_eigenvector_last_iterate(g, max_iter=1000, tol=1e-12):
    """NetworkX 2.8's eigenvector_centrality loop, returning the last iterate when it fails."""
    x = {v: 1.0 / len(g) for v in g}
    for _ in range(max_iter):
        xlast = x
        x = xlast.copy()
        for n in x:
            for nbr in g[n]:
                x[nbr] += xlast[n] * g[n][nbr].get("weight", 1)
        norm = math.hypot(*x.values()) or 1
        x = {k: v / norm for k, v in x.items()}
        if sum(abs(x[n] - xlast[n]) for n in x) < len(g) * tol:
            return x, True
    return x, False


def hits_is_unique(g):
    if g.number_of_edges() == 0:
        return False
    a = nx.to_numpy_array(g, nodelist=range(len(g)), weight="weight")
    s = np.linalg.svd(a, compute_uv=False)
    return len(s) < 2 or s[0] - s[1] > 1e-6 * s[0]


def networkx_metrics(g):
    n = len(g)
    out = {
        "in_degree": dict(g.in_degree()),
        "out_degree": dict(g.out_degree()),
        "degree": dict(g.degree()),
        "weighted_in": dict(g.in_degree(weight="weight")),
        "weighted_out": dict(g.out_degree(weight="weight")),
        "weighted_degree": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g),
        "closeness": nx.closeness_centrality(g),
        "harmonic": nx.harmonic_centrality(g),
        "pagerank": nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000),
        "core": nx.core_number(g),
    }
    notes = []
    try:
        out["eigenvector"] = nx.eigenvector_centrality(g, weight="weight", max_iter=1000, tol=1e-12)
        out["eigenvector_converged"] = True
    except nx.PowerIterationFailedConvergence:
        out["eigenvector"], _ = nx_eigenvector_last_iterate(g)
        out["eigenvector_converged"] = False
        notes.append("eigenvector: NetworkX does not converge; checked our last iterate against "
                     "a copy of its loop")
    if hits_is_unique(g):
        out["hub"], out["authority"] = nx.hits(g, max_iter=10000, tol=1e-12, normalized=True)
    else:
        notes.append("hub/authority: top singular value not simple, vector not unique: skipped")
    return {k: ([v[i] for i in range(n)] if isinstance(v, dict) else v) for k, v in out.items()}, notes


def igraph_metrics(g, nx_ref):
    h = ig_graph(g)
    n = h.vcount()
    out = {}
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    out["betweenness"] = [b * scale for b in h.betweenness(directed=True)]
    out["pagerank"] = h.pagerank(weights="weight", damping=0.85, directed=True)
    out["harmonic"] = h.harmonic_centrality(mode="in", normalized=False)
    raw = h.closeness(mode="in", normalized=True)
    reach = [len(h.subcomponent(v, mode="in")) - 1 for v in range(n)]
    out["closeness"] = [0.0 if (c != c or r == 0) else c * r / (n - 1) for c, r in zip(raw, reach)]
    out["core"] = h.coreness(mode="all")
    out["in_degree"] = h.indegree()
    out["out_degree"] = h.outdegree()
    out["degree"] = h.degree(mode="all")
    out["weighted_in"] = h.strength(mode="in", weights="weight")
    out["weighted_out"] = h.strength(mode="out", weights="weight")
    out["weighted_degree"] = h.strength(mode="all", weights="weight")
    if nx_ref.get("eigenvector_converged"):
        ev = h.eigenvector_centrality(directed=True, scale=True, weights="weight")
        norm = math.sqrt(sum(x * x for x in ev)) or 1.0
        out["eigenvector"] = [x / norm for x in ev]
    if "hub" in nx_ref:
        hub = h.hub_score(weights="weight", scale=True)
        auth = h.authority_score(weights="weight", scale=True)
        out["hub"] = [x / sum(hub) for x in hub]
        out["authority"] = [x / sum(auth) for x in auth]
    return out


# ---------------------------------------------------------------- comparison

def our_metrics(binary, n, edges, workdir, name):
    edge_file = Path(workdir) / f"{name}.edges"
    out_file = Path(workdir) / f"{name}.json"
    with open(edge_file, "w") as f:
        f.write(f"nodes {n}\n")
        for u, v, w in edges:
            f.write(f"{u} {v} {w!r}\n")
    env = dict(os.environ, SOFTGRAPH_METRICS_DUMP=f"{edge_file}:{out_file}")
    run = subprocess.run([str(binary), "--test-case=metrics dump*"], env=env,
                         capture_output=True, text=True)
    if run.returncode != 0 or not out_file.exists():
        sys.exit(f"{binary} failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    return json.loads(out_file.read_text())


def max_diff(ours, ref):
    return max((abs(a - b) / max(1.0, abs(b)) for a, b in zip(ours, ref)), default=0.0)


ITERATIVE_METRICS = {"pagerank", "eigenvector", "hub", "authority"}


def compare(name, ours, nx_ref, ig_ref):
    failures = 0
    n = ours["n"]
    for metric in ["in_degree", "out_degree", "degree", "weighted_in", "weighted_out",
                   "weighted_degree", "betweenness", "closeness", "harmonic", "pagerank",
                   "eigenvector", "hub", "authority", "core"]:
        tol = ITERATIVE if metric in ITERATIVE_METRICS else EXACT
        mine = ours[metric]
        if len(mine) != n:
            print(f"  FAIL {metric}: {len(mine)} values for {n} nodes")
            failures += 1
            continue
        cells = []
        for peer, ref in (("networkx", nx_ref), ("igraph", ig_ref)):
            if metric not in ref:
                cells.append(f"{peer}: -")
                continue
            d = max_diff(mine, ref[metric])
            ok = d <= tol
            failures += 0 if ok else 1
            cells.append(f"{peer}: {d:.1e} {'ok' if ok else 'MISMATCH'}")
            if not ok:
                worst = max(range(n), key=lambda i: abs(mine[i] - ref[metric][i]))
                cells[-1] += f" (node {worst}: ours {mine[worst]!r}, {peer} {ref[metric][worst]!r})"
        print(f"  {metric:16} tol {tol:.0e}  " + "  ".join(cells))
    if ours["eigenvector_converged"] != nx_ref.get("eigenvector_converged"):
        print(f"  FAIL eigenvector convergence: ours {ours['eigenvector_converged']}, "
              f"networkx {nx_ref.get('eigenvector_converged')}")
        failures += 1
    return failures


def main():
    binary = find_test_metrics()
    if not binary.exists():
        sys.exit(f"test_metrics not found at {binary}: build the test_metrics target")
    graphs = {
        "random-1000": random_graph(1000, 5000, seed=1),
        "random-1500-sparse": random_graph(1500, 2200, seed=2),
        "random-2000": random_graph(2000, 8000, seed=3),
        "tricky": tricky_graph(),
        "dag": dag_graph(),
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (n, edges) in graphs.items():
            g = nx_graph(n, edges)
            print(f"{name}: {n} nodes, {len(edges)} arcs listed, {g.number_of_edges()} after "
                  f"merging parallel arcs and dropping self-loops")
            ours = our_metrics(binary, n, edges, tmp, name)
            nx_ref, notes = networkx_metrics(g)
            ig_ref = igraph_metrics(g, nx_ref)
            for note in notes:
                print(f"  note: {note}")
            failures += compare(name, ours, nx_ref, ig_ref)
    if failures:
        print(f"FAILED: {failures} metric comparisons out of tolerance")
        return 1
    print("all metrics agree with NetworkX and igraph")
    return 0


if __name__ == "__main__":
    sys.exit(main())
