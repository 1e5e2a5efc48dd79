#!/usr/bin/python3
"""GEXF 1.3 and 1.2draft. NetworkX 2.8 reads only GEXF 1.1draft/1.2draft, so graph.gexf (1.3) is
parsed with the standard XML parser and checked against GEXF 1.3's structure (namespace, declared
typed attributes, viz elements, edge kind = the edge type, so that Gephi keeps parallel edges of
different types apart) and against graph.json, value by value; graphology-gexf is its real client
(test_export_graphology.mjs). The file written with --gexf-version 1.2 (gexf-1.2/graph.gexf) is
read by NetworkX's read_gexf with every node, edge, type, weight and attribute. The schemas
themselves are checked by libxml2 (tests/exporters/schema_validation_test.cpp).
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from export_fixtures import FAILURES, check, fixtures, xml_safe  # noqa: E402


G = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
TYPES = {"boolean", "long", "double", "string", "integer", "float"}


def convert(text, kind):
    if kind == "boolean":
        return text == "true"
    if kind in ("long", "integer"):
        return int(text)
    if kind in ("double", "float"):
        return float(text)
    return text


def expected(v):
    if isinstance(v, list):
        return xml_safe("|".join(v))
    if isinstance(v, str):
        return xml_safe(v)
    return v


def check_networkx(path, graph):
    """GEXF 1.2draft through NetworkX's reader."""
    import networkx as nx
    print("== NetworkX read_gexf: %s" % path)
    try:
        g = nx.read_gexf(path, version="1.2draft")
    except Exception as e:  # noqa: BLE001 -- any failure to read is the finding
        check(False, "networkx read_gexf reads GEXF 1.2draft (%s: %s)" % (type(e).__name__, e))
        return
    # NetworkX makes a MultiDiGraph and turns it into a DiGraph when no pair has parallel edges.
    check(g.is_directed(), "networkx: a directed graph")
    check(g.number_of_nodes() == len(graph["nodes"]), "networkx: %d nodes" % len(graph["nodes"]))
    check(g.number_of_edges() == len(graph["edges"]), "networkx: %d edges" % len(graph["edges"]))
    for node in graph["nodes"]:
        d = g.nodes.get(node["id"])
        if d is None:
            check(False, "networkx: node %r present" % node["id"])
            continue
        check(d.get("label") == xml_safe(node["label"]) and d.get("type") == node["type"],
              "networkx: node %r label and type" % node["id"])
        check(all(d.get(k) == v for k, v in node["metrics"].items()), "networkx: node %r metrics" % node["id"])
        check("viz" in d and "color" in d["viz"] and "position" in d["viz"], "networkx: node %r viz" % node["id"])
    for edge in graph["edges"]:
        datas = g.get_edge_data(edge["source"], edge["target"]) or {}
        d = datas.get(edge["id"]) if g.is_multigraph() else datas
        check(d is not None and d.get("id", edge["id"]) == edge["id"] and d.get("weight") == edge["weight"] and d.get("type") == edge["type"]
              and d.get("evidence_count") == len(edge["evidence"]),
              "networkx: edge %r weight, type, evidence_count" % edge["id"])


def main():
    for name, folder in fixtures("gexf").items():
        graph = json.load(open(os.path.join(folder, "graph.json"), encoding="utf-8"))
        path = os.path.join(folder, "graph.gexf")
        print("== %s: %s" % (name, path))
        root = ET.parse(path).getroot()
        check(root.tag == G + "gexf" and root.get("version") == "1.3", "root is gexf version 1.3")
        g = root.find(G + "graph")
        check(g.get("defaultedgetype") == "directed", "directed graph")
        decl = {}
        for attrs in g.findall(G + "attributes"):
            for a in attrs.findall(G + "attribute"):
                check(a.get("type") in TYPES, "attribute %r has a GEXF type" % a.get("title"))
                decl[(attrs.get("class"), a.get("id"))] = (a.get("title"), a.get("type"))
        nodes = {n.get("id"): n for n in g.find(G + "nodes").findall(G + "node")}
        check(len(nodes) == len(graph["nodes"]), "%d nodes" % len(graph["nodes"]))
        for node in graph["nodes"]:
            n = nodes.get(node["id"])
            if n is None:
                check(False, "node %r present" % node["id"])
                continue
            check(n.get("label") == xml_safe(node["label"]), "node %r label" % node["id"])
            values = {}
            for av in n.find(G + "attvalues").findall(G + "attvalue"):
                title, kind = decl[("node", av.get("for"))]
                values[title] = convert(av.get("value"), kind)
            check(values.get("type") == node["type"], "node %r type" % node["id"])
            check(values.get("aliases") == xml_safe("|".join(node["aliases"])), "node %r aliases" % node["id"])
            for k, v in node["metrics"].items():
                check(values.get(k) == v, "node %r metric %s" % (node["id"], k))
            for k, v in node["attributes"].items():
                title = k if k in values and k not in ("type", "labels", "aliases", "label") else "attr_" + k
                got = values.get(k if k not in ("type", "labels", "aliases", "label") else title)
                want = expected(v)
                check(got == want or (isinstance(want, (int, float)) and float(got) == float(want)),
                      "node %r attribute %s = %r" % (node["id"], k, want))
            check(n.find(VIZ + "color") is not None and n.find(VIZ + "size") is not None
                  and n.find(VIZ + "position") is not None, "node %r has viz color/size/position" % node["id"])
        edges = g.find(G + "edges").findall(G + "edge")
        check(len(edges) == len(graph["edges"]), "%d edges" % len(graph["edges"]))
        by_id = {e.get("id"): e for e in edges}
        for edge in graph["edges"]:
            e = by_id.get(edge["id"])
            ok = e is not None and e.get("source") == edge["source"] and e.get("target") == edge["target"] \
                and float(e.get("weight")) == edge["weight"] and e.get("label") == edge["type"]
            check(ok, "edge %r source/target/weight/label" % edge["id"])
            check(e is not None and e.get("kind") == edge["type"], "edge %r kind is its type" % edge["id"])
        check_networkx(os.path.join(folder, "gexf-1.2", "graph.gexf"), graph)
    print("gexf structure: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
