#!/bin/sh
# Centrality speed, side by side: our betweenness, closeness and PageRank (timed inside
# centrality_bench) against igraph and NetworkX on the same Barabasi-Albert graphs (m = 5, fixed
# seeds, every undirected edge written as two arcs), plus the memory of the graph core.
#   tests/bench/centrality_bench.sh [BUILD_DIR] [SIZES]      e.g. build "1000 10000 50000"
# Environment: THREADS (default: all cores), FULL=1 to run every peer exactly (hours at 50k).
# Without FULL, a peer that would take too long is timed on a sample of sources and scaled by
# n / k; such cells are marked "~". NetworkX runs only up to 10k nodes.
set -eu
BUILD=${1:-build}
SIZES=${2:-"1000 10000 50000"}
BIN="$BUILD/tests/bench/centrality_bench"
[ -x "$BIN" ] || { echo "no $BIN: build the centrality_bench target first" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
THREADS=${THREADS:-$(nproc)}

exec /usr/bin/python3 - "$BIN" "$WORK" "$THREADS" "${FULL:-0}" $SIZES <<'PY'
import json, random, subprocess, sys, time, warnings
warnings.filterwarnings("ignore")
import igraph as ig
import networkx as nx

binary, work, threads, full = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sizes = [int(s) for s in sys.argv[5:]]

def barabasi_albert(n, m, seed):
    """Our own generator (independent of library versions): each new node links to m distinct
    earlier nodes chosen proportionally to degree."""
    rng = random.Random(seed)
    targets, repeated, edges = list(range(m)), [], []
    for v in range(m, n):
        for t in set(targets):
            edges.append((v, t))
        repeated.extend(targets)
        repeated.extend([v] * m)
        chosen = set()
        while len(chosen) < m:
            chosen.add(rng.choice(repeated))
        targets = list(chosen)
    return edges

def timed(f):
    t0 = time.perf_counter(); f(); return time.perf_counter() - t0

def sampled(f_subset, n, k):
    """Times f_subset on k sources and scales to n."""
    return timed(f_subset) * n / k

rows = []
for n in sizes:
    edges = barabasi_albert(n, 5, seed=n)
    path = f"{work}/ba-{n}.edges"
    with open(path, "w") as f:
        f.write(f"nodes {n}\n")
        for u, v in edges:
            f.write(f"{u} {v} 1\n{v} {u} 1\n")
    arcs = 2 * len(edges)
    print(f"ba-{n}: {n} nodes, {arcs} arcs; running ours ...", file=sys.stderr, flush=True)
    ours = json.loads(subprocess.run([binary, path, "--threads", str(threads)] +
                                     (["--boost"] if n <= 10000 else []),
                                     check=True, capture_output=True, text=True).stdout)
    g = ig.Graph(n=n, edges=[a for u, v in edges for a in ((u, v), (v, u))], directed=True)
    g.es["weight"] = [1.0] * g.ecount()
    exact = full or n <= 10000
    k = min(n, 500)
    print(f"ba-{n}: igraph ...", file=sys.stderr, flush=True)
    peer = {}
    ig.Graph.Ring(10, directed=True).pagerank()  # warm-up: the first call loads PRPACK
    peer["ig_bc"] = (timed(lambda: g.betweenness(directed=True)) if exact else
                     sampled(lambda: g.betweenness(directed=True, sources=range(k)), n, k), not exact)
    peer["ig_cl"] = (timed(lambda: g.closeness(mode="in")), False)
    peer["ig_pr"] = (timed(lambda: g.pagerank(weights="weight")), False)
    if n <= 10000:
        print(f"ba-{n}: networkx ...", file=sys.stderr, flush=True)
        h = nx.DiGraph()
        h.add_nodes_from(range(n))
        h.add_weighted_edges_from([(u, v, 1.0) for u, v in edges] + [(v, u, 1.0) for u, v in edges])
        nx_exact = full or n <= 1000
        kk = min(n, 200)
        if nx_exact:
            peer["nx_bc"] = (timed(lambda: nx.betweenness_centrality(h)), False)
            peer["nx_cl"] = (timed(lambda: nx.closeness_centrality(h)), False)
        else:
            nodes = list(h)[:kk]
            # betweenness from k sources costs k/n of the exact run (same per-source work)
            peer["nx_bc"] = (sampled(lambda: nx.betweenness_centrality(h, k=kk, seed=1), n, kk), True)
            rev = h.reverse(copy=False)
            peer["nx_cl"] = (sampled(lambda: [nx.single_source_shortest_path_length(rev, u)
                                               for u in nodes], n, kk), True)
        peer["nx_pr"] = (timed(lambda: nx.pagerank(h, tol=1e-12, max_iter=10000)), False)
    rows.append((n, arcs, ours, peer))

def cell(v):
    if v is None: return "-"
    t, approx = v
    return ("~" if approx else "") + (f"{t:.3f}" if t < 10 else f"{t:.1f}")

def ratio(v, ours):
    if v is None: return "-"
    return ("~" if v[1] else "") + f"{v[0] / ours:.1f}x"

print(f"\nCentrality, Barabasi-Albert m=5 as symmetric digraphs, {threads} thread(s) for ours; "
      "seconds; ratio = peer / ours; ~ = sampled sources scaled by n/k")
hdr = ["graph", "metric", "ours", "ours 1 thr", "boost", "igraph", "nx", "igraph/ours", "nx/ours"]
table = [hdr]
for n, arcs, o, p in rows:
    name = f"{n // 1000}k/{arcs // 1000}k arcs"
    boost = f"{o['boost_betweenness_s']:.3f}" if o["boost_betweenness_s"] >= 0 else "-"
    table.append([name, "betweenness", f"{o['betweenness_s']:.3f}", f"{o['betweenness_1thread_s']:.3f}",
                  boost, cell(p.get("ig_bc")), cell(p.get("nx_bc")),
                  ratio(p.get("ig_bc"), o["betweenness_s"]), ratio(p.get("nx_bc"), o["betweenness_s"])])
    table.append(["", "closeness", f"{o['closeness_s']:.3f}", "", "", cell(p.get("ig_cl")),
                  cell(p.get("nx_cl")), ratio(p.get("ig_cl"), o["closeness_s"]),
                  ratio(p.get("nx_cl"), o["closeness_s"])])
    table.append(["", f"pagerank ({o['pagerank_iterations']} it.)", f"{o['pagerank_s']:.4f}", "", "", cell(p.get("ig_pr")),
                  cell(p.get("nx_pr")), ratio(p.get("ig_pr"), o["pagerank_s"]),
                  ratio(p.get("nx_pr"), o["pagerank_s"])])
widths = [max(len(r[i]) for r in table) for i in range(len(hdr))]
for r in table:
    print("  ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(r)))
print("\nMemory (softgraph::Graph core: Actor nodes with short slug ids, PARTNERS_WITH edges, no "
      "evidence; heap bytes by mallinfo2)")
for n, arcs, o, p in rows:
    print(f"  {n:>6} nodes: {o['graph_bytes_per_node']:.0f} B/node, "
          f"{o['graph_bytes_per_edge']:.0f} B/edge; metric CSR view {o['csr_bytes_per_edge']:.1f} B/arc; "
          f"bench peak RSS {o['peak_rss_mb']:.0f} MB")
PY
