#!/usr/bin/python3
"""Neo4j APOC's GraphML reader, replayed: what `CALL apoc.import.graphml(file, {readLabels: true})`
makes of graph.graphml, by the reading rules of APOC's XmlGraphMLReader (neo4j/apoc,
core/src/main/java/apoc/export/graphml/XmlGraphMLReader.java), applied here to the StAX event
stream of our files (no Neo4j server is installable here). The rules:

- <key>: remembered by its id (attr.name the property name, attr.type one of boolean, int, long,
  float, double, string -- anything else is an error; a <default> child sets the default).
- <node>: a new node (readLabels: labels from a `labels` attribute; storeNodeIds: property `id`
  = the GraphML id), then each <data> is a property named by its key's attr.name, parsed by its
  attr.type -- except, with readLabels, the datum of the key whose id is `labels`, which is split
  on ':' into labels. A datum that is empty (or only whitespace) becomes "".
- <edge>: the type is the `label` attribute; without one and with readLabels, the reader peeks
  past whitespace: a non-whitespace text is the type (':' removed); a <data key="label"> start
  is skipped and the peek goes on; any other start element (another datum) is *consumed* and the
  type is the default UNKNOWN -- so that datum is lost. With readLabels the `label` datum of an
  edge is never a property.

The replay is checked first on hand-made files that show those rules (the file as we wrote it
before issue 18 loses types and weights), then on our fixtures (typed and hostile graphs) and on a
real build: every node gets exactly its labels, every relationship its type, weight and
properties, as graph.json has them.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.sax
from pathlib import Path

from export_fixtures import FAILURES, check, fixtures, xml_safe  # noqa: E402

SRC = Path(os.environ.get("SOFTGRAPH_SOURCE_DIR", Path(__file__).resolve().parents[2]))


# --- StAX-like events: ("start", name, attrs) | ("end", name) | ("chars", text), coalesced ----
class _Events(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []

    def startElementNS(self, name, qname, attrs):
        self.events.append(("start", name[1], {k[1]: v for k, v in attrs.items()}))

    def endElementNS(self, name, qname):
        self.events.append(("end", name[1]))

    def characters(self, text):
        if self.events and self.events[-1][0] == "chars":  # isCoalescing = true
            self.events[-1] = ("chars", self.events[-1][1] + text)
        else:
            self.events.append(("chars", text))


def events_of(path):
    h = _Events()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(h)
    parser.parse(str(path))
    return h.events + [("end_document",)]


def is_ws(ev):
    return ev[0] == "chars" and ev[1].strip(" \t\r\n") == ""


class ApocError(Exception):
    pass


TYPES = {"boolean", "int", "long", "float", "double", "string"}


def parse_typed(kind, text):
    if kind == "boolean":
        return text.lower() == "true"  # Boolean.valueOf
    if kind in ("int", "long"):
        return int(text)
    if kind in ("float", "double"):
        return float(text)
    return text


class Key:
    def __init__(self, name, kind, for_):
        kind = (kind or "string").strip().lower()
        if kind not in TYPES:
            raise ApocError("Type.forType(%r): no such enum constant" % kind)
        self.name, self.kind = name, kind
        self.for_node = for_ is None or for_.lower() == "node"
        self.default = None

    def parse(self, text):
        if text is None or text.strip() == "":
            return self.default
        return parse_typed(self.kind, text)


def apoc_import_graphml(path, read_labels=True, store_node_ids=False):
    """Returns (nodes, rels): nodes {graphml id: {"labels": set, "props": {}}}, rels a list of
    {"type", "start", "end", "props"}."""
    ev = events_of(path)
    i = 0

    def peek_skipping_ws():  # XmlGraphMLReader.peek: whitespace is consumed
        nonlocal i
        while is_ws(ev[i]):
            i += 1
        return ev[i]

    node_keys, rel_keys = {}, {}
    nodes, rels = {}, []
    last = None
    while ev[i][0] != "end_document":
        e = ev[i]
        i += 1
        if e[0] != "start":
            continue
        name, attrs = e[1], e[2]
        if name in ("graphml", "graph"):
            continue
        if name == "key":
            key = Key(attrs.get("attr.name"), attrs.get("attr.type"), attrs.get("for"))
            nxt = peek_skipping_ws()
            if nxt[0] == "start" and nxt[1] == "default":
                i += 1
                key.default = parse_typed(key.kind, ev[i][1]) if ev[i][0] == "chars" else None
                i += 1
            (node_keys if key.for_node else rel_keys)[attrs.get("id")] = key
            continue
        if name == "data":
            if last is None:
                continue
            kid = attrs.get("key")
            is_node = last["kind"] == "node"
            key = (node_keys if is_node else rel_keys).get(kid) or Key(kid, "string", "node" if is_node else "edge")
            # getDataEventEntry / peekRecursively: text events joined, whitespace-only skipped
            data = None
            while True:
                nxt = peek_skipping_ws()
                if nxt[0] == "chars":
                    data = (data or "") + nxt[1]
                    i += 1
                    continue
                break
            value = key.default if data is None else key.parse(data)
            if value is not None:
                if read_labels and is_node and kid == "labels":
                    for part in str(value).strip().split(":"):
                        if part.strip():
                            last["labels"].add(part.strip())
                elif not read_labels or is_node or kid != "label":
                    last["props"][key.name] = value
            elif nxt[0] == "end":
                last["props"][key.name] = ""
            continue
        if name == "node":
            node = {"kind": "node", "labels": set(), "props": {}}
            if read_labels and attrs.get("labels"):
                for part in attrs["labels"].split(":"):
                    if part.strip():
                        node["labels"].add(part.strip())
            if store_node_ids:
                node["props"]["id"] = attrs.get("id")
            for key in node_keys.values():
                if key.default is not None:
                    node["props"][key.name] = key.default
            nodes[attrs.get("id")] = node
            last = node
            continue
        if name == "edge":
            label = attrs.get("label")
            if label is None:
                # getRelationshipType: raw peeks (whitespace not skipped by peek here)
                label = "UNKNOWN"
                while True:
                    nxt = ev[i]
                    if not read_labels:
                        i += 1
                        break
                    if nxt[0] == "chars" and not is_ws(nxt):
                        label = nxt[1].replace(":", "").strip()
                        break
                    contains_label_key = nxt[0] == "start" and nxt[2].get("key") == "label"
                    if nxt[0] != "end_document" and (nxt[0] == "chars" or nxt[0] != "start" or contains_label_key):
                        i += 1
                        continue
                    i += 1  # "to prevent eventual wrong reader": the next event is consumed
                    break
            if attrs.get("source") not in nodes or attrs.get("target") not in nodes:
                raise ApocError("edge %r: source or target not found" % attrs.get("id"))
            rel = {"kind": "rel", "type": label, "start": attrs["source"], "end": attrs["target"], "props": {}}
            for key in rel_keys.values():
                if key.default is not None:
                    rel["props"][key.name] = key.default
            rels.append(rel)
            last = rel
    return nodes, rels


OLD_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v2" for="node" attr.name="labels" attr.type="string"/>
  <key id="e0" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e1" for="edge" attr.name="label" attr.type="string"/>
  <graph id="g" edgedefault="directed">
    <node id="a"><data key="v2">:Actor</data></node>
    <node id="b"><data key="v2">:Institution</data></node>
    <edge id="x" source="a" target="b">
      <data key="e0">2.0</data>
      <data key="e1">OPERATES</data>
    </edge>
  </graph>
</graphml>
"""

APOC_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="labels" for="node" attr.name="labels" attr.type="string"/>
  <key id="label" for="edge" attr.name="label" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="g" edgedefault="directed">
    <node id="a"><data key="labels">:Actor:TargetCountry</data></node>
    <node id="b"><data key="labels">:Institution</data></node>
    <edge id="x" source="a" target="b">
      <data key="label">OPERATES</data>
      <data key="w">2.0</data>
    </edge>
  </graph>
</graphml>
"""


def check_rules():
    """The replay reproduces the failure issue 18 reports and the fix."""
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp) / "old.graphml", Path(tmp) / "new.graphml"
        old.write_text(OLD_STYLE)
        new.write_text(APOC_STYLE)
        nodes, rels = apoc_import_graphml(old)
        check(all(not n["labels"] for n in nodes.values()) and nodes["a"]["props"].get("labels") == ":Actor",
              "rules: labels under a key id other than 'labels' stay a property")
        check(rels[0]["type"] == "UNKNOWN" and "weight" not in rels[0]["props"],
              "rules: a first edge datum that is not 'label' is swallowed: default type, weight lost")
        nodes, rels = apoc_import_graphml(new)
        check(nodes["a"]["labels"] == {"Actor", "TargetCountry"} and "labels" not in nodes["a"]["props"],
              "rules: key id 'labels' gives labels")
        check(rels[0]["type"] == "OPERATES" and rels[0]["props"] == {"weight": 2.0},
              "rules: a first 'label' datum gives the type; the weight is kept")


def same(a, b):
    if isinstance(b, bool) or isinstance(a, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def check_file(path, graph, what):
    try:
        nodes, rels = apoc_import_graphml(path, read_labels=True, store_node_ids=True)
    except ApocError as e:
        check(False, "%s: APOC reads the file (%s)" % (what, e))
        return
    check(len(nodes) == len(graph["nodes"]), "%s: %d nodes" % (what, len(graph["nodes"])))
    check(len(rels) == len(graph["edges"]), "%s: %d relationships" % (what, len(graph["edges"])))
    by_slug = {n["props"].get("slug"): n for n in nodes.values()}
    bad_labels = bad_props = 0
    for node in graph["nodes"]:
        n = by_slug.get(xml_safe(node["id"]))
        if n is None:
            check(False, "%s: node %r present (slug)" % (what, node["id"]))
            continue
        roles = node["attributes"].get("roles", [])
        roles = roles if isinstance(roles, list) else []
        want = {node["type"]} | {{"actor": "Actor", "member": "Actor", "operator": "Actor",
                                  "target": "TargetCountry"}[r]
                                 for r in roles if r in ("actor", "member", "operator", "target")}
        if n["labels"] != want:
            bad_labels += 1
            print("  node %r: labels %s, want %s" % (node["id"], sorted(n["labels"]), sorted(want)))
        props = n["props"]
        ok = props.get("label") == xml_safe(node["label"]) and props.get("type") == node["type"] \
            and "labels" not in props and props.get("id", "").startswith("n")
        ok = ok and all(same(props.get(k), v) for k, v in node["metrics"].items())
        if not ok:
            bad_props += 1
            print("  node %r: properties %r" % (node["id"], {k: props.get(k) for k in ("label", "type", "id")}))
    check(bad_labels == 0, "%s: every node has exactly its labels (type and roles)" % what)
    check(bad_props == 0, "%s: every node keeps label, type, metrics and its GraphML id" % what)
    edges = {e["id"]: e for e in graph["edges"]}
    bad_type = bad_weight = bad_ends = 0
    for r in rels:
        e = edges.get(r["props"].get("slug"))
        if e is None:
            bad_type += 1
            continue
        if r["type"] != e["type"] or "label" in r["props"]:
            bad_type += 1
        if not same(r["props"].get("weight"), e["weight"]) or r["props"].get("evidence_count") != len(e["evidence"]):
            bad_weight += 1
        if nodes[r["start"]]["props"]["slug"] != xml_safe(e["source"]) or \
                nodes[r["end"]]["props"]["slug"] != xml_safe(e["target"]):
            bad_ends += 1
    check(bad_type == 0, "%s: every relationship has its edge type as type (and no 'label' property)" % what)
    check(bad_weight == 0, "%s: every relationship keeps weight and evidence_count as numbers" % what)
    check(bad_ends == 0, "%s: every relationship joins the right nodes" % what)


def main():
    check_rules()
    for name, folder in fixtures("graphml-apoc").items():
        graph = json.load(open(os.path.join(folder, "graph.json"), encoding="utf-8"))
        check_file(os.path.join(folder, "graph.graphml"), graph, name)
    # A real build: one of our own texts.
    with tempfile.TemporaryDirectory() as tmp:
        text = SRC / "tests" / "data" / "texts" / "south-caucasus-soft-power.txt"
        r = subprocess.run([os.environ["SOFTGRAPH_BIN"], "build", str(text), "-o", tmp, "--format", "json,graphml"],
                           capture_output=True, text=True)
        check(r.returncode == 0, "softgraph build %s (%s)" % (text.name, r.stderr.strip()[:200]))
        if r.returncode == 0:
            graph = json.load(open(os.path.join(tmp, "graph.json"), encoding="utf-8"))
            check(len(graph["edges"]) > 10, "the build has edges (%d)" % len(graph["edges"]))
            check_file(os.path.join(tmp, "graph.graphml"), graph, text.name)
    print("APOC GraphML replay: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
