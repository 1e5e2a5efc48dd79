#!/usr/bin/python3
"""Extract a corpus on a Dask cluster and merge it: softgraph's worked example of distribution.

    scripts/dask_extract.py INPUT... (--local N | --scheduler tcp://HOST:8786) -o DIR
                            [--shards K] [--format json,graphml,...] [--softgraph BIN]
                            [--work DIR] [--lexicon FILE]... [--lossy] [--strict] [--keep-parts]

INPUTs are files, folders (recursive), globs or "-" (paths on stdin), as for `softgraph build`.
The files are split into K shards of about equal size (default: 4 per worker); each shard is one
task that runs, on whichever worker the scheduler picks,

    softgraph extract SHARD_FILES... --jsonl WORK/part-NNNNN.jsonl --threads 1

and the client then runs `softgraph merge WORK/part-*.jsonl -o DIR --format ...`. The merged
folder is byte-identical to `softgraph build INPUT... -o DIR --format ...` on one machine.

--local N starts a LocalCluster of N worker processes (one thread each) on this machine.
On a real cluster:
    host A:      dask scheduler                         (python3-distributed; port 8786)
    every host:  dask worker tcp://A:8786 --nthreads 2 --nprocs 1
    client:      scripts/dask_extract.py /shared/corpus --scheduler tcp://A:8786 \\
                     --work /shared/tmp/run1 --softgraph /usr/local/bin/softgraph -o out/
The inputs, --work and the softgraph program must be at the same paths on every worker (a shared
or replicated filesystem): only paths, exit codes and messages travel through Dask, never the
texts or the records.

Bad documents: a shard's `softgraph extract` skips and reports a bad document like a single run
does. A shard that fails as a whole with exit 1 (e.g. its only document is unreadable) has its
documents reported as skipped, unless --strict, which fails the run as `softgraph build --strict`
would. Exit codes are softgraph's: 1 bad input, 2 usage, 3 output, 4 internal.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time


def expand_inputs(inputs):
    """The files `softgraph build` would read: folders recursively (hidden files skipped, each
    real folder once so symlink loops end), globs, "-" for paths on stdin; sorted, unique. The
    path strings are built the way softgraph builds them, so the records name the same paths."""
    queue = []
    for item in inputs:
        if item == "-":
            queue.extend(line.rstrip("\n") for line in sys.stdin if line.strip())
        else:
            queue.append(item)
    files = []
    for item in queue:
        if not os.path.exists(item):
            if any(c in item for c in "*?["):
                files.extend(p for p in glob.glob(item) if os.path.isfile(p))
                continue
            raise SystemExit(f"dask_extract: {item}: no such file or directory")
        if os.path.isdir(item):
            seen, stack = set(), [item]
            while stack:
                folder = stack.pop()
                real = os.path.realpath(folder)
                if real in seen:
                    continue
                seen.add(real)
                for entry in os.scandir(folder):
                    path = os.path.join(folder, entry.name)
                    if entry.is_dir():
                        stack.append(path)
                    elif entry.is_file() and not entry.name.startswith("."):
                        files.append(path)
            continue
        files.append(item)
    files = sorted(set(files), key=lambda p: p.encode("utf-8", "surrogateescape"))
    if not files:
        raise SystemExit("dask_extract: no input files")
    return files


def make_shards(files, k):
    """Greedy by size (largest first onto the lightest shard): deterministic, balanced work.
    Each shard lists its files in input order."""
    k = max(1, min(k, len(files)))
    sizes = {f: os.path.getsize(f) for f in files}
    shards = [[] for _ in range(k)]
    load = [0] * k
    for f in sorted(files, key=lambda f: (-sizes[f], f)):
        i = min(range(k), key=lambda j: (load[j], j))
        shards[i].append(f)
        load[i] += sizes[f]
    order = {f: i for i, f in enumerate(files)}
    return [sorted(s, key=order.get) for s in shards if s]


def extract_shard(binary, shard, part, options):
    """Runs on a worker: one `softgraph extract` over one shard. Returns what the client needs
    to report: the part path, exit code, stderr, the worker's host and pid, seconds taken."""
    import socket
    t0 = time.time()
    cmd = [binary, "extract", *shard, "--jsonl", part, "--threads", "1", *options]
    r = subprocess.run(cmd, capture_output=True, text=True)
    return {"part": part, "returncode": r.returncode, "stderr": r.stderr,
            "worker": f"{socket.gethostname()}:{os.getpid()}", "seconds": time.time() - t0,
            "files": len(shard)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N worker processes")
    where.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler")
    ap.add_argument("-o", "--output", required=True, help="output folder of the merged graph")
    ap.add_argument("--shards", type=int, default=0, help="number of shards (default: 4 per worker)")
    ap.add_argument("--format", default="json,graphml,dot,jsonld,svg")
    ap.add_argument("--softgraph", default=os.environ.get("SOFTGRAPH_BIN") or shutil.which("softgraph") or "softgraph")
    ap.add_argument("--work", help="folder for the parts (shared with the workers); default: a temporary one")
    ap.add_argument("--lexicon", action="append", default=[])
    ap.add_argument("--lossy", action="store_true")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--input-format", default="auto")
    ap.add_argument("--keep-parts", action="store_true", help="keep the part files in --work")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()

    def say(msg):
        if not args.quiet:
            print(f"dask_extract: {msg}", file=sys.stderr, flush=True)

    binary = os.path.abspath(args.softgraph) if os.path.sep in args.softgraph else args.softgraph
    files = expand_inputs(args.inputs)
    options = [f"--input-format={args.input_format}"]
    for lex in args.lexicon:
        options += ["--lexicon", os.path.abspath(lex)]
    if args.lossy:
        options.append("--lossy")
    if args.strict:
        options.append("--strict")

    import logging
    from dask.distributed import Client, LocalCluster  # python3-distributed
    if args.quiet or not os.environ.get("DASK_EXTRACT_VERBOSE"):
        # The nanny's notes on stopping LocalCluster workers are noise here.
        logging.getLogger("distributed").setLevel(logging.ERROR)

    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(args.scheduler)
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="softgraph-dask-")
    os.makedirs(work, exist_ok=True)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        shards = make_shards(files, args.shards or 4 * workers)
        say(f"{len(files)} file(s) in {len(shards)} shard(s) on {workers} worker(s)")
        parts = [os.path.join(work, f"part-{k:05d}.jsonl") for k in range(len(shards))]
        futures = client.map(extract_shard, [binary] * len(shards), shards, parts,
                             [options] * len(shards), pure=False)
        results = client.gather(futures)
        good, worst = [], 0
        for shard, res in zip(shards, results):
            for line in res["stderr"].splitlines():
                print(line, file=sys.stderr)
            if res["returncode"] == 0:
                good.append(res["part"])
                say(f"{os.path.basename(res['part'])}: {res['files']} file(s) in {res['seconds']:.1f} s on {res['worker']}")
            elif res["returncode"] == 1 and not args.strict:
                # The shard's documents are bad: skipped, like a single run skips them.
                for f in shard:
                    print(f"softgraph: warning: skipped {f} (its shard failed: exit 1)", file=sys.stderr)
            else:
                worst = worst or res["returncode"]
        if worst:
            print(f"dask_extract: a shard failed with exit {worst}", file=sys.stderr)
            return worst
        if not good:
            print("dask_extract: no document could be read", file=sys.stderr)
            return 1
        cmd = [binary, "merge", *good, "-o", args.output, "--format", args.format]
        for lex in args.lexicon:  # records name lexicon entities by id: merge needs the same lexicon
            cmd += ["--lexicon", os.path.abspath(lex)]
        r = subprocess.run(cmd)
        return r.returncode
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if not args.keep_parts:
            if args.work:
                for name in os.listdir(work):
                    if name.startswith("part-") and name.endswith(".jsonl"):
                        os.remove(os.path.join(work, name))
            else:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
