#!/usr/bin/python3
"""The explorer (--format html) in a real browser: Debian's headless Chromium, driven over the
DevTools protocol (chromium_cdp.py), loads graph.html from disk and
- draws the graph: sigma has every node of the page's data, each on the canvas, and the canvas
  has node-coloured pixels;
- a real click on an edge shows its evidence (quote, document, rule) in the side panel, a click
  on a node its attributes and metrics;
- typing in the search box lists the node and Enter selects it;
- the edge-type and channel filters hide what they should;
- no console error, no request other than file: (the page works offline);
- hostile labels (</script>, <b>, U+2028, newlines) arrive as text, and no injected script runs.
Pages: the embedded example brief, the article in ../shared (when present), and the exporters'
hostile fixture with a label that tries to break out of the page's script element. Screenshots are
kept in $SOFTGRAPH_TEST_TMP/clients/html/.
"""
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium_cdp import CHROMIUM, Browser, png_pixels  # noqa: E402
from export_fixtures import FAILURES, check, fixtures  # noqa: E402

SRC = Path(os.environ.get("SOFTGRAPH_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SHARED = Path(os.environ.get("SOFTGRAPH_SHARED_DIR", SRC.parent / "shared"))
ARTICLE = SHARED / "corpus" / "soft-power-central-asia.txt"
OUT = Path(os.environ.get("SOFTGRAPH_TEST_TMP", "/tmp")) / "clients" / "html"
BREAKOUT = "</script><script>window.pwned=1</script><!--<script> \u2028sep\u2029 <b>bold</b>"


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("FAIL: %s exited %d\n%s%s" % (" ".join(map(str, args)), r.returncode, r.stdout, r.stderr))
    return r


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def graph_box(page):
    return page.evaluate("(() => { const r = document.getElementById('graph').getBoundingClientRect();"
                         " return {x: r.left, y: r.top, w: r.width, h: r.height}; })()")


def panel(page):
    return page.evaluate("(() => { const p = document.getElementById('panel-content');"
                         " return {kind: p.dataset.kind || '', id: p.dataset.id || '', text: p.innerText,"
                         " title: (p.querySelector('h2') || {}).textContent || '',"
                         " bold: p.querySelectorAll('b').length}; })()")


def reset_camera(page):
    """Puts the camera back where the page starts (a search animates it away), without animation."""
    page.wait_for("!softgraphExplorer.renderer.getCamera().isAnimated()", 10)
    page.evaluate("softgraphExplorer.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0}),"
                  " softgraphExplorer.renderer.refresh(), true")
    page.browser.pump(0.3)


def node_pixels(page, name):
    """Counts the graph area's pixels that are neither background nor grey (nodes, coloured edges)."""
    box = graph_box(page)
    shot = str(OUT / (name + "-graph.png"))
    import base64
    data = page.send("Page.captureScreenshot", {"format": "png", "clip": {
        "x": box["x"], "y": box["y"], "width": box["w"], "height": box["h"], "scale": 0.5}})["data"]
    Path(shot).write_bytes(base64.b64decode(data))
    w, h, ch, rows = png_pixels(shot)
    coloured = 0
    for row in rows:
        for i in range(0, len(row), ch):
            r, g, b = row[i], row[i + 1], row[i + 2]
            if max(r, g, b) - min(r, g, b) > 60:  # saturated: a node or an edge, not text or white
                coloured += 1
    return coloured, w * h


def pick_edge(page):
    """The visible edge with evidence whose on-screen midpoint is farthest from any node disc."""
    return page.evaluate("""(() => {
      const r = softgraphExplorer.renderer, s = softgraphExplorer.state, d = softgraphExplorer.data;
      const g = softgraphExplorer.graph, pos = {};
      for (const n of d.nodes) if (s.visibleNodes.has(n.id)) {
        const p = r.graphToViewport({x: n.x, y: n.y});
        pos[n.id] = {x: p.x, y: p.y, size: r.getNodeDisplayData(n.id).size};
      }
      let best = null;
      for (const e of d.edges) {
        if (!s.visibleEdges.has(e.id) || !e.evidence.length || e.source === e.target) continue;
        if (new Set([...g.edges(e.source, e.target), ...g.edges(e.target, e.source)]).size > 1) continue;
        const a = pos[e.source], b = pos[e.target];
        const m = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
        let clear = Infinity;
        for (const p of Object.values(pos)) clear = Math.min(clear, Math.hypot(p.x - m.x, p.y - m.y) - p.size);
        for (const o of d.edges) if (o.id !== e.id && s.visibleEdges.has(o.id)) {
          const c = pos[o.source], f = pos[o.target];  // distance from m to the other segment
          const vx = f.x - c.x, vy = f.y - c.y, len = vx * vx + vy * vy || 1;
          const t = Math.max(0, Math.min(1, ((m.x - c.x) * vx + (m.y - c.y) * vy) / len));
          clear = Math.min(clear, Math.hypot(c.x + t * vx - m.x, c.y + t * vy - m.y) + 2);
        }
        if (!best || clear > best.clear) best = {id: e.id, x: m.x, y: m.y, clear};
      }
      return best;
    })()""")


def check_page(browser, html, name, expect_search=None):
    """Loads one page and checks drawing, clicks, search, filters, console and network."""
    page = browser.new_page(1400, 900)
    page.navigate(Path(html).resolve().as_uri())
    ok = True
    try:
        page.wait_for("window.softgraphExplorer && softgraphExplorer.ready", 60)
    except Exception as e:  # noqa: BLE001
        ok = False
        check(False, "%s: the page becomes ready (%s)" % (name, e))
    page.screenshot(str(OUT / (name + ".png")))
    if not ok:
        print(page.console_errors())
        return None
    check(page.evaluate("softgraphExplorer.error") is None, "%s: sigma drew without error" % name)
    data = page.evaluate("softgraphExplorer.data")
    nodes = {n["id"]: n for n in data["nodes"]}
    drawn = page.evaluate("""(() => { const r = softgraphExplorer.renderer;
      const w = r.getContainer().offsetWidth, h = r.getContainer().offsetHeight;
      return r.getGraph().nodes().filter((id) => { const d = r.getNodeDisplayData(id);
        const p = r.graphToViewport({x: r.getGraph().getNodeAttribute(id, 'x'), y: r.getGraph().getNodeAttribute(id, 'y')});
        return d && !d.hidden && p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h; }).length; })()""")
    check(drawn == len(nodes) > 0, "%s: sigma draws all %d nodes inside the canvas (%d)" % (name, len(nodes), drawn))
    coloured, total = node_pixels(page, name)
    check(coloured > 200, "%s: the canvas has %d coloured pixels of %d (nodes and edges drawn)" % (name, coloured, total))

    # A real click on an edge: its evidence in the panel.
    reset_camera(page)
    box = graph_box(page)
    edge = pick_edge(page)
    if edge is None:
        check(False, "%s: an edge to click" % name)
    else:
        page.click(box["x"] + edge["x"], box["y"] + edge["y"])
        page.browser.pump(0.3)
        p = panel(page)
        e = next(x for x in data["edges"] if x["id"] == edge["id"])
        check(p["kind"] == "edge" and p["id"] == e["id"],
              "%s: a click on edge %s (clearance %.0f px) selects it (%s %s)" % (name, e["id"], edge["clear"], p["kind"], p["id"]))
        ev = e["evidence"][0]
        doc = next((d for d in data["documents"] if d["id"] == ev["document"]), None)
        doc_name = os.path.basename(doc["path"]) if doc else ev["document"]
        check(" ".join(ev["quote"].split()) in " ".join(p["text"].split()), "%s: the panel shows the edge's evidence quote" % name)
        check(doc_name in p["text"] and ("rule " + ev["rule"]) in p["text"],
              "%s: the panel names the document (%s) and the rule (%s)" % (name, doc_name, ev["rule"]))
        check(("evidence (%d)" % len(e["evidence"])) in p["text"].lower(), "%s: every evidence record listed" % name)
        page.screenshot(str(OUT / (name + "-edge.png")))

    # A real click on a node: attributes and metrics.
    reset_camera(page)
    target = max(nodes.values(), key=lambda n: (n["size"], n["id"]))
    at = page.evaluate("(() => { const p = softgraphExplorer.renderer.graphToViewport({x: %r, y: %r});"
                       " return {x: p.x, y: p.y}; })()" % (target["x"], target["y"]))
    page.click(box["x"] + at["x"], box["y"] + at["y"])
    page.browser.pump(0.3)
    p = panel(page)
    check(p["kind"] == "node" and p["id"] == target["id"], "%s: a click on node %s selects it (%s)" % (name, target["id"], p["id"]))
    check(p["title"] == target["label"], "%s: the panel's title is the label, as text" % name)
    check("metrics" in p["text"].lower() and all(k in p["text"] for k in target["metrics"]), "%s: the panel lists the node's metrics" % name)
    check(all(k in p["text"] for k in target["attributes"]), "%s: the panel lists the node's attributes" % name)

    # Escape deselects: the panel shows its hint again.
    page.press("Escape", key_code=27)
    page.browser.pump(0.2)
    check(panel(page)["kind"] == "", "%s: Escape clears the selection" % name)

    # Search: type a name, the list offers the node, Enter selects it (and zooms to it).
    want = expect_search or target
    query = want["label"][:max(3, min(8, len(want["label"])))]
    search = page.evaluate("(() => { const r = document.getElementById('search').getBoundingClientRect();"
                           " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()")
    page.click(search["x"], search["y"])
    page.type_text(query)
    page.browser.pump(0.2)
    offered = page.evaluate("[...document.querySelectorAll('#search-results li')].map((li) => li.dataset.id)")
    check(want["id"] in offered, "%s: searching %r offers %s (%d results)" % (name, query, want["id"], len(offered)))
    expected_first = sorted((n for n in nodes.values() if fold(n["label"]).startswith(fold(query.strip()))),
                            key=lambda n: n["label"])
    if want["id"] in offered:
        while page.evaluate("document.querySelector('#search-results li.active').dataset.id") != want["id"]:
            page.press("ArrowDown", key_code=40)
        page.press("Enter", key_code=13)
        page.browser.pump(0.6)
        p = panel(page)
        check(p["kind"] == "node" and p["id"] == want["id"], "%s: Enter selects %s in the panel" % (name, want["id"]))
        check(p["title"] == want["label"] and p["bold"] == 0, "%s: the selected label is shown as text" % name)
    check(bool(offered) and (not expected_first or offered[0] in [n["id"] for n in expected_first]),
          "%s: the first result starts with the query" % name)
    page.screenshot(str(OUT / (name + "-search.png")))
    if want["id"] in offered:
        zoomed = page.evaluate("softgraphExplorer.renderer.getCamera().getState().ratio")
        at = page.evaluate("(() => { const r = document.getElementById('reset-view').getBoundingClientRect();"
                           " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()")
        page.click(at["x"], at["y"])
        try:  # the camera animates back; under load that takes longer than its 300 ms
            page.wait_for("Math.abs(softgraphExplorer.renderer.getCamera().getState().ratio - 1) < 1e-6", 10)
        except Exception:  # noqa: BLE001
            pass
        ratio = page.evaluate("softgraphExplorer.renderer.getCamera().getState().ratio")
        check(zoomed < 0.9 and abs(ratio - 1) < 1e-6, "%s: the search zoomed in (%.2f) and Reset view zooms out (%.2f)"
              % (name, zoomed, ratio))

    # Filters: an edge type off hides its edges; channels "none" then one channel keeps that one.
    types = [t["name"] for t in data["edgeTypes"]]
    if types:
        t = types[0]
        at = page.evaluate("(() => { const r = document.querySelector('#filter-edge-types input[data-key=\"%s\"]')"
                           ".getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()" % t)
        page.click(at["x"], at["y"])
        page.browser.pump(0.2)
        shown = page.evaluate("[...softgraphExplorer.state.visibleEdges]")
        check(shown and not any(x.startswith(t + ":") for x in shown), "%s: unticking %s hides its edges" % (name, t))
        page.click(at["x"], at["y"])
        page.browser.pump(0.2)
        check(len(page.evaluate("[...softgraphExplorer.state.visibleEdges]")) == len(data["edges"]),
              "%s: ticking it again shows every edge" % name)
    if data["channels"]:
        ch = max(data["channels"], key=lambda c: (sum(1 for e in data["edges"] if e.get("channel") == c["id"]), c["id"]))
        for sel in ("#channels-none", '#filter-channels input[data-key="%s"]' % ch["id"]):
            at = page.evaluate("(() => { const r = document.querySelector('%s').getBoundingClientRect();"
                               " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()" % sel.replace("'", "\\'"))
            page.click(at["x"], at["y"])
            page.browser.pump(0.2)
        visible = set(page.evaluate("[...softgraphExplorer.state.visibleNodes]"))
        shown = set(page.evaluate("[...softgraphExplorer.state.visibleEdges]"))
        channel_edges = {e["id"] for e in data["edges"] if e.get("channel") == ch["id"]}
        check(ch["id"] in visible and not any(c["id"] in visible for c in data["channels"] if c["id"] != ch["id"]),
              "%s: channels 'none' then %s shows that channel only" % (name, ch["label"]))
        check(channel_edges <= shown and all(e["id"] not in shown for e in data["edges"]
                                             if e.get("channel") and e["id"] not in channel_edges),
              "%s: its %d channel edges are shown, no other channel's" % (name, len(channel_edges)))
        users = {e["source"] for e in data["edges"] if e["id"] in channel_edges}
        reached = users | {ch["id"]} | {e["target"] for e in data["edges"] if e["id"] in shown and e["source"] in users}
        # With one channel in the graph, that channel alone is every channel: nothing is filtered.
        check(users <= visible and (visible <= reached or len(data["channels"]) == 1), "%s: the nodes using it and what they reach stay, others go (%d of %d)"
              % (name, len(visible), len(nodes)))
        page.screenshot(str(OUT / (name + "-channel.png")))

    errors = page.console_errors()
    check(not errors, "%s: no console errors %s" % (name, errors[:3]))
    urls = page.requested_urls()
    check(all(u.startswith(("file:", "data:", "about:")) for u in urls),
          "%s: no network request (%d requests, all local)" % (name, len(urls)))
    return page


def check_page_numbers(page):
    """The hostile graph's DELIVERS edge has a PDF page and a repaired text: reach it from its
    source node's panel by a click on the edge's link, and read them there."""
    data = page.evaluate("softgraphExplorer.data")
    edge = next(e for e in data["edges"] if any(ev.get("page") for ev in e["evidence"]))
    page.evaluate("softgraphExplorer.select('node', %s), true" % json.dumps(edge["source"]))
    at = page.evaluate("""(() => { const a = [...document.querySelectorAll('#panel-content ul.edges a')]
      .find((a) => a.title === %s); const r = a.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""" % json.dumps(edge["id"]))
    page.click(at["x"], at["y"])
    page.browser.pump(0.2)
    p = panel(page)
    ev = next(ev for ev in edge["evidence"] if ev.get("page"))
    check(p["kind"] == "edge" and p["id"] == edge["id"], "hostile: the edge's link in the node panel opens the edge")
    check(("page %d" % ev["page"]) in p["text"], "hostile: the evidence names its page (page %d)" % ev["page"])
    check(("repaired: " + " ".join(ev["text"].split())) in " ".join(p["text"].split()),
          "hostile: the repaired text is shown beside the quote")


def main():
    if not os.path.exists(CHROMIUM):
        print("FAIL: Chromium missing (apt-get install chromium)")
        return 1
    binary = os.environ.get("SOFTGRAPH_BIN")
    if not binary:
        sys.exit("FAIL: set SOFTGRAPH_BIN=<build>/cli/softgraph")
    OUT.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run([binary, "-q", "build", "--example", "-o", str(OUT / "example"), "--format", "json,html"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        print(probe.stderr)
        check("not available" in probe.stderr and probe.returncode == 2,
              "without the library, --format html is refused with a clear message and exit 2")
        print("FAIL: this build has no explorer; the browser test needs one")
        return 1
    pages = [("example", OUT / "example" / "graph.html", None)]
    if ARTICLE.exists():
        run([binary, "-q", "build", str(ARTICLE), "-o", str(OUT / "article"), "--format", "json,html"])
        pages.append(("article", OUT / "article" / "graph.html", None))
    elif os.environ.get("SOFTGRAPH_REQUIRE_SHARED"):
        check(False, "../shared is required but %s is missing" % ARTICLE)
    else:
        print("skip the article: %s is missing" % ARTICLE)

    # The hostile fixture, and the same with a label and a quote that try to leave the script.
    hostile = fixtures("html")["hostile"]
    pages.append(("hostile", Path(hostile) / "graph.html", None))
    graph = json.load(open(os.path.join(hostile, "graph.json"), encoding="utf-8"))
    victim = next(n for n in graph["nodes"] if n["type"] == "Actor")
    victim["label"] = "Breakout " + BREAKOUT
    for e in graph["edges"]:
        for ev in e["evidence"]:
            ev["quote"] = BREAKOUT + " " + ev["quote"]
    (OUT / "breakout").mkdir(exist_ok=True)
    path = OUT / "breakout" / "graph.json"
    path.write_text(json.dumps(graph, ensure_ascii=False), encoding="utf-8")
    run([binary, "-q", "render", str(path), "--format", "html", "-o", str(OUT / "breakout")])
    pages.append(("breakout", OUT / "breakout" / "graph.html", {"id": victim["id"], "label": victim["label"]}))

    # A graph with no influence at all (the example's literature only): the page says so.
    example = json.load(open(OUT / "example" / "graph.json", encoding="utf-8"))
    keep = {n["id"] for n in example["nodes"] if n["type"] in ("Document", "Reference", "Person")}
    example["nodes"] = [n for n in example["nodes"] if n["id"] in keep]
    example["edges"] = [e for e in example["edges"] if e["source"] in keep and e["target"] in keep]
    (OUT / "empty").mkdir(exist_ok=True)
    (OUT / "empty" / "graph.json").write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    run([binary, "-q", "render", str(OUT / "empty" / "graph.json"), "--format", "html", "-o", str(OUT / "empty")])

    with Browser() as browser:
        page = browser.new_page(1000, 700)
        page.navigate((OUT / "empty" / "graph.html").resolve().as_uri())
        page.wait_for("window.softgraphExplorer && softgraphExplorer.ready", 60)
        message = page.evaluate("(document.querySelector('#graph .message') || {}).textContent || ''")
        check("influence view is empty" in message, "empty view: the page says so (%r)" % message[:80])
        check(not page.console_errors(), "empty view: no console errors %s" % page.console_errors()[:2])
        page.screenshot(str(OUT / "empty.png"))
        for name, html, search in pages:
            print("== %s: %s" % (name, html))
            page = check_page(browser, html, name, search)
            if page and name == "hostile":
                check_page_numbers(page)
            if page and name == "breakout":
                check(page.evaluate("typeof window.pwned") == "undefined", "breakout: no injected script ran")
                check(page.evaluate("document.scripts.length") == 4, "breakout: the page has its 4 scripts only")
    print("screenshots in %s" % OUT)
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
