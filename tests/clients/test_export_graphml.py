#!/usr/bin/python3
"""GraphML loads in NetworkX and igraph with every node, edge, attribute and value of graph.json.
Node and edge ids in the file are NMTOKENs (n0 ..., e0 ...); graph.json's ids are the `slug` datum.

Fixtures: the typed and the hostile graph written in every format by the test_exporters binary
(<build>/tests/test_exporters, <build> from SOFTGRAPH_BIN=<build>/cli/softgraph) with
SOFTGRAPH_EXPORT_DIR. A missing client is a failure, never a skip.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

from export_fixtures import FAILURES, check, fixtures, xml_safe  # noqa: E402


def expected_value(v):
    if isinstance(v, list):
        return xml_safe("|".join(v))
    if isinstance(v, str):
        return xml_safe(v)
    return v


def same(a, b):
    if isinstance(b, bool) or isinstance(a, bool):
        return bool(a) == bool(b)
    if isinstance(b, (int, float)) and isinstance(a, (int, float)):
        return float(a) == float(b)
    return a == b


def nmtoken(name):
    """attr.name as graphml_writer.cpp writes it: an NMTOKEN, other characters '_'."""
    return "".join(c if (c.isascii() and (c.isalnum() or c in "._-:")) else "_" for c in name) or "_"


def node_expectations(node):
    """attr.name -> value, as the GraphML file should carry them."""
    exp = {"slug": xml_safe(node["id"]), "label": xml_safe(node["label"]), "type": node["type"],
           "aliases": xml_safe("|".join(node["aliases"]))}
    reserved = {"slug", "label", "type", "labels", "aliases", "size", "r", "g", "b", "x", "y"}
    for k, v in node["metrics"].items():
        exp[k] = v
    reserved |= set(node["metrics"])
    for k, v in node["attributes"].items():
        name = k
        while name in reserved:
            name = "attr_" + name
        exp[nmtoken(name)] = expected_value(v)
    return exp


def main():
    try:
        import networkx as nx
        import igraph
    except ImportError as e:
        print("FAIL: client missing (apt-get install python3-networkx python3-igraph): %s" % e)
        return 1
    for name, folder in fixtures("graphml").items():
        graph = json.load(open(os.path.join(folder, "graph.json"), encoding="utf-8"))
        path = os.path.join(folder, "graph.graphml")
        print("== %s: %s" % (name, path))

        g = nx.read_graphml(path, force_multigraph=True)
        check(g.number_of_nodes() == len(graph["nodes"]), "networkx: %d nodes" % len(graph["nodes"]))
        check(g.number_of_edges() == len(graph["edges"]), "networkx: %d edges" % len(graph["edges"]))
        check(sorted(g.nodes) == sorted("n%d" % i for i in range(len(graph["nodes"]))),
              "networkx: node ids are n0 .. n%d" % (len(graph["nodes"]) - 1))
        by_slug = {d.get("slug"): n for n, d in g.nodes(data=True)}
        for node in graph["nodes"]:
            nid = node["id"]
            if xml_safe(nid) not in by_slug:
                check(False, "networkx: node %r present (slug)" % nid)
                continue
            data = g.nodes[by_slug[xml_safe(nid)]]
            for k, v in node_expectations(node).items():
                # NetworkX drops empty <data> elements: an empty string comes back as absent.
                got = data.get(k, "" if v == "" else None)
                check(got is not None and same(got, v), "networkx: node %r %s = %r" % (nid, k, v))
            check(data.get("labels", "").startswith(":" + node["type"]), "networkx: node %r labels" % nid)
            for k in ("size", "r", "g", "b", "x", "y"):
                check(k in data and isinstance(data[k], (int, float)), "networkx: node %r Gephi key %s" % (nid, k))
        for edge in graph["edges"]:
            datas = g.get_edge_data(by_slug.get(xml_safe(edge["source"])), by_slug.get(xml_safe(edge["target"]))) or {}
            data = next((d for d in datas.values() if d.get("slug") == xml_safe(edge["id"])), None)
            if data is None:
                check(False, "networkx: edge %r present" % edge["id"])
                continue
            check(same(data.get("weight"), edge["weight"]), "networkx: edge %r weight" % edge["id"])
            check(data.get("label") == edge["type"] and data.get("type") == edge["type"],
                  "networkx: edge %r label/type" % edge["id"])
            check(data.get("evidence_count") == len(edge["evidence"]), "networkx: edge %r evidence_count" % edge["id"])
            check(data.get("first_quote") == xml_safe(edge["evidence"][0]["quote"]),
                  "networkx: edge %r first_quote" % edge["id"])
            ev = json.loads(data.get("evidence", "[]"))
            check([e["quote"] for e in ev] == [e["quote"] for e in edge["evidence"]],
                  "networkx: edge %r evidence quotes exact (JSON column)" % edge["id"])
            for k, v in edge.get("attributes", {}).items():
                check(same(data.get(k), expected_value(v)), "networkx: edge %r %s" % (edge["id"], k))

        ig = igraph.Graph.Read_GraphML(path)
        check(ig.vcount() == len(graph["nodes"]), "igraph: %d vertices" % ig.vcount())
        check(ig.ecount() == len(graph["edges"]), "igraph: %d edges" % ig.ecount())
        # igraph 0.10 (libxml2 without entity substitution) returns "&" in XML attribute values
        # (ids, attr.name) as "&#38;"; data text is decoded. Undo that client quirk here.
        def unquirk(s):
            return s.replace("&#38;", "&")
        index = {v["slug"]: v for v in ig.vs}
        names = {unquirk(a): a for a in ig.vs.attributes()}
        for node in graph["nodes"]:
            v = index.get(xml_safe(node["id"]))
            if v is None:
                check(False, "igraph: vertex %r present" % node["id"])
                continue
            for k, want in node_expectations(node).items():
                got = v[names[k]] if k in names else None
                check(got is not None and same(got, want), "igraph: vertex %r %s = %r" % (node["id"], k, want))
        for e in ig.es:
            s, t = ig.vs[e.source]["slug"], ig.vs[e.target]["slug"]
            match = [x for x in graph["edges"] if xml_safe(x["source"]) == s and xml_safe(x["target"]) == t
                     and x["type"] == e["type"]]
            check(len(match) == 1 and same(e["weight"], match[0]["weight"]), "igraph: edge %s -%s-> %s weight" % (s, e["type"], t))
    print("graphml clients: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
