#!/usr/bin/python3
"""graph.jsonld: rdflib parses it (format json-ld) and pyld expands it to N-Quads, offline (the
context is inline; a document loader that refuses the network proves it). The triples of a node,
an edge and its evidence selectors (Web Annotation: quote, and byte positions as a
DataPositionSelector) are checked, for the typed and the hostile graph. Code-point positions
(TextPositionSelector) are checked on real files by test_export_schemas.py.
"""
import json
import os
import subprocess
import sys
import tempfile

from export_fixtures import FAILURES, check, fixtures, xml_safe  # noqa: E402


SG = "https://softgraph.example/ns#"
NODE = "https://softgraph.example/id/node/"
EDGE = "https://softgraph.example/id/edge/"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"


def pct(s, keep="/"):
    from urllib.parse import quote
    return quote(s.encode("utf-8"), safe=keep + "-._~")


def no_network(url, options=None):
    raise RuntimeError("graph.jsonld tried to fetch %s" % url)


def main():
    try:
        import rdflib
        from pyld import jsonld
    except ImportError as e:
        print("FAIL: client missing (apt-get install python3-rdflib python3-pyld): %s" % e)
        return 1
    jsonld.set_document_loader(no_network)
    for name, folder in fixtures("jsonld").items():
        graph = json.load(open(os.path.join(folder, "graph.json"), encoding="utf-8"))
        path = os.path.join(folder, "graph.jsonld")
        print("== %s: %s" % (name, path))
        doc = json.load(open(path, encoding="utf-8"))
        check(isinstance(doc.get("@context"), dict), "the context is inline, not a URL")

        # pyld: expand and to N-Quads
        nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
        check(len(nquads) > 0, "pyld: to N-Quads gives %d lines" % nquads.count("\n"))
        # rdflib: parse the N-Quads pyld wrote and the JSON-LD directly; both must agree on counts.
        g = rdflib.Graph()
        g.parse(data=json.dumps(doc), format="json-ld")
        check(len(g) > 0, "rdflib: parsed %d triples" % len(g))
        q = rdflib.ConjunctiveGraph()
        q.parse(data=nquads, format="nquads")
        check(len(q) == len(g), "rdflib and pyld give the same number of triples (%d, %d)" % (len(g), len(q)))

        U = rdflib.URIRef
        for node in graph["nodes"]:
            s = U(NODE + pct(node["id"]))
            check((s, U(RDF_TYPE), U(SG + node["type"])) in g, "node %r is a sg:%s" % (node["id"], node["type"]))
            labels = [str(o) for o in g.objects(s, U(RDFS_LABEL))]
            check(labels == [node["label"]], "node %r rdfs:label is exact" % node["id"])
            aliases = sorted(str(o) for o in g.objects(s, U(SCHEMA + "alternateName")))
            check(aliases == sorted(node["aliases"]), "node %r aliases exact" % node["id"])
            kind = node["attributes"].get("kind")
            if node["type"] in ("Actor", "TargetCountry") and kind in (None, "state"):
                check((s, U(RDF_TYPE), U(SCHEMA + "Country")) in g, "node %r is a schema:Country" % node["id"])
            if kind in ("school", "university"):
                check((s, U(RDF_TYPE), U(SCHEMA + "EducationalOrganization")) in g,
                      "node %r is a schema:EducationalOrganization" % node["id"])
            if "wikidata" in node["attributes"]:
                q_id = node["attributes"]["wikidata"]
                check((s, U("http://www.w3.org/2002/07/owl#sameAs"), U("http://www.wikidata.org/entity/" + q_id)) in g,
                      "node %r owl:sameAs wd:%s" % (node["id"], q_id))
        for edge in graph["edges"]:
            s, o = U(NODE + pct(edge["source"])), U(NODE + pct(edge["target"]))
            check((s, U(SG + edge["type"]), o) in g, "edge %r is a direct triple" % edge["id"])
            e = U(EDGE + pct(edge["id"]))
            check((e, U("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"), U(SG + edge["type"])) in g,
                  "edge %r is reified with rdf:predicate" % edge["id"])
            evidence = list(g.objects(e, U(PROV + "wasDerivedFrom")))
            check(len(evidence) == len(edge["evidence"]), "edge %r has %d evidence entities" % (edge["id"], len(edge["evidence"])))
            for i, ev in enumerate(edge["evidence"]):
                a = U(str(e) + "/evidence/" + str(i))
                check((a, U(RDF_TYPE), U(OA + "Annotation")) in g and (a, U(RDF_TYPE), U(PROV + "Entity")) in g,
                      "evidence %d of %r is an oa:Annotation and prov:Entity" % (i, edge["id"]))
                target = next(g.objects(a, U(OA + "hasTarget")), None)
                source = target is not None and next(g.objects(target, U(OA + "hasSource")), None)
                check(str(source) == "https://softgraph.example/id/document/" + pct(ev["document"]),
                      "evidence %d of %r: oa:hasSource is the document" % (i, edge["id"]))
                exact, text_pos, data_pos = None, None, None
                for sel in g.objects(target, U(OA + "hasSelector")):
                    if (sel, U(RDF_TYPE), U(OA + "TextQuoteSelector")) in g:
                        exact = str(next(g.objects(sel, U(OA + "exact"))))
                    pos = (int(next(g.objects(sel, U(OA + "start")))), int(next(g.objects(sel, U(OA + "end"))))) \
                        if (sel, U(OA + "start"), None) in g else None
                    if (sel, U(RDF_TYPE), U(OA + "TextPositionSelector")) in g:
                        text_pos = pos
                    if (sel, U(RDF_TYPE), U(OA + "DataPositionSelector")) in g:
                        data_pos = pos
                check(exact == ev["quote"], "evidence %d of %r: TextQuoteSelector exact is the quote" % (i, edge["id"]))
                # graph.json's offsets are bytes: a DataPositionSelector. A TextPositionSelector
                # counts code points in the document's text, which these fixtures do not have on
                # disk (test_export_schemas.py checks them on real files), so there is none.
                check(data_pos == (ev["start"], ev["end"]),
                      "evidence %d of %r: DataPositionSelector (bytes) %s-%s" % (i, edge["id"], ev["start"], ev["end"]))
                check(text_pos is None, "evidence %d of %r: no TextPositionSelector without the text" % (i, edge["id"]))
                byte_start = next(g.objects(a, U(SG + "byteStart")), None)
                check(byte_start is not None and int(byte_start) == ev["start"],
                      "evidence %d of %r: sg:byteStart" % (i, edge["id"]))
        # The same facts through pyld's N-Quads text.
        first = graph["nodes"][0]
        check(("<%s%s> <%s> <%s%s>" % (NODE, pct(first["id"]), RDF_TYPE, SG, first["type"])) in nquads,
              "pyld N-Quads: %r rdf:type sg:%s" % (first["id"], first["type"]))
    print("jsonld clients: %s" % ("FAILED: %d checks" % len(FAILURES) if FAILURES else "all checks passed"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
