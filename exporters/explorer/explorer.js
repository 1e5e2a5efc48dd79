// softgraph explorer: draws the embedded graph data with sigma.js (WebGL) on a graphology graph,
// at the positions of softgraph's Graphviz layout. Search, filters by node type, edge type and
// channel, and a side panel with a node's attributes and metrics or an edge's evidence. All text
// from the data goes into the page through textContent, never as HTML.
(function () {
  "use strict";

  const timings = { start: performance.now() };  // ms since navigation start, for the bench
  const data = JSON.parse(document.getElementById("softgraph-data").textContent);
  timings.parsed = performance.now();
  const $ = (id) => document.getElementById(id);
  const api = { data, ready: false, error: null, timings };
  window.softgraphExplorer = api;

  function el(tag, props, children) {
    const e = document.createElement(tag);
    if (props) for (const [k, v] of Object.entries(props)) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k === "style") e.style.cssText = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children || []) if (c != null) e.append(c);
    return e;
  }

  function showMessage(text) {
    const box = $("graph");
    box.replaceChildren(el("div", { class: "message", text }));
  }

  // --- The graph ------------------------------------------------------------------------------
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const channelIds = new Set(data.channels.map((c) => c.id));
  const nodeTypeColor = new Map(data.nodeTypes.map((t) => [t.name, t.color]));
  const edgeTypeColor = new Map(data.edgeTypes.map((t) => [t.name, t.color]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    edgesOf.get(e.source).push(e);
    if (e.target !== e.source) edgesOf.get(e.target).push(e);
  }

  const graph = new graphology.MultiDirectedGraph();
  for (const n of data.nodes)
    graph.addNode(n.id, { label: n.label, x: n.x, y: n.y, size: n.size, color: n.color });
  // Thin edges in large graphs, so that the picture is not a solid mass; a click within a few
  // pixels of an edge selects it however thin it is (nearestEdge).
  const edgeBase = data.edges.length > 2000 ? 0.5 : 1.5;
  for (const e of data.edges)
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      size: edgeBase + Math.min(e.weight, 10) * 0.35,
      color: e.color,
      type: "arrow",
    });
  api.graph = graph;
  timings.graph = performance.now();

  // --- Filters and selection ------------------------------------------------------------------
  const state = {
    hiddenNodeTypes: new Set(),
    hiddenEdgeTypes: new Set(),
    hiddenChannels: new Set(),
    visibleNodes: new Set(),
    visibleEdges: new Set(),
    selected: null, // {kind: "node"|"edge", id}
    highlight: null, // Set of node ids kept bright while something is selected
  };
  api.state = state;

  // Channel filter: with some channels off, the picture keeps the channel edges still on, the
  // nodes that have them (the core), and the other edges of the core (its targets, the
  // institutions it operates that are in the core, memberships between core nodes).
  function computeVisibility() {
    const typeOk = (id) => !state.hiddenNodeTypes.has(nodeById.get(id).type) &&
      !(channelIds.has(id) && state.hiddenChannels.has(id));
    const edgeOk = (e) => !state.hiddenEdgeTypes.has(e.type) && typeOk(e.source) && typeOk(e.target);
    const filtering = state.hiddenChannels.size > 0;
    const core = new Set();
    const hasChannel = new Set();
    for (const e of data.edges) if (e.channel) {
      hasChannel.add(e.source);
      hasChannel.add(e.target);
      if (edgeOk(e)) {
        core.add(e.source);
        core.add(e.target);
      }
    }
    state.visibleEdges = new Set();
    for (const e of data.edges) {
      if (!edgeOk(e)) continue;
      if (filtering && !e.channel &&
          !(core.has(e.source) && (core.has(e.target) || !hasChannel.has(e.target))))
        continue;
      state.visibleEdges.add(e.id);
    }
    state.visibleNodes = new Set();
    for (const n of data.nodes) {
      if (!typeOk(n.id)) continue;
      const all = edgesOf.get(n.id);
      if (all.length === 0 || all.some((e) => state.visibleEdges.has(e.id)))
        state.visibleNodes.add(n.id);
    }
    $("stats").textContent = `${state.visibleNodes.size} of ${data.nodes.length} nodes, ` +
      `${state.visibleEdges.size} of ${data.edges.length} edges shown`;
  }

  function select(kind, id) {
    state.selected = kind ? { kind, id } : null;
    state.highlight = null;
    if (kind === "node") {
      state.highlight = new Set([id]);
      for (const e of edgesOf.get(id))
        if (state.visibleEdges.has(e.id)) {
          state.highlight.add(e.source);
          state.highlight.add(e.target);
        }
    } else if (kind === "edge") {
      const e = edgeById.get(id);
      state.highlight = new Set([e.source, e.target]);
    }
    renderPanel();
    if (api.renderer) api.renderer.refresh({ skipIndexation: true });
  }

  function focusNode(id) {
    select("node", id);
    const r = api.renderer;
    if (!r || !state.visibleNodes.has(id)) return;
    const d = r.getNodeDisplayData(id);
    if (d) r.getCamera().animate({ x: d.x, y: d.y, ratio: 0.35 }, { duration: 400 });
  }
  api.focusNode = focusNode;
  api.select = select;

  const DIM = "#e4e4e4";
  function nodeReducer(id, attrs) {
    if (!state.visibleNodes.has(id)) return { ...attrs, hidden: true };
    if (!state.highlight) return attrs;
    if (state.highlight.has(id)) {
      const sel = state.selected && state.selected.kind === "node" && state.selected.id === id;
      return { ...attrs, forceLabel: true, highlighted: sel, zIndex: 1 };
    }
    return { ...attrs, color: DIM, label: "", zIndex: 0 };
  }
  function edgeReducer(id, attrs) {
    if (!state.visibleEdges.has(id)) return { ...attrs, hidden: true };
    if (!state.selected) return attrs;
    const e = edgeById.get(id);
    if (state.selected.kind === "edge")
      return state.selected.id === id ? { ...attrs, size: attrs.size + 2, zIndex: 1 }
        : { ...attrs, color: DIM, zIndex: 0 };
    const sel = state.selected.id;
    return e.source === sel || e.target === sel ? { ...attrs, zIndex: 1 }
      : { ...attrs, color: DIM, zIndex: 0 };
  }

  // --- Side panel -----------------------------------------------------------------------------
  function fmt(v) {
    if (typeof v === "number")
      return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
    if (Array.isArray(v)) return v.join(", ");
    return String(v);
  }
  function fmtAttribute(k, v) {
    if (typeof v === "number" && k.startsWith("channel_share_")) return (v * 100).toFixed(1) + " %";
    if (typeof v === "string" && nodeById.has(v)) return nodeLink(v);
    return fmt(v);
  }
  function table(entries) {
    if (entries.length === 0) return el("p", { class: "hint", text: "none" });
    return el("table", null, [el("tbody", null, entries.map(([k, v]) =>
      el("tr", null, [el("td", { text: k }), el("td", null, [v])])))]);
  }
  function nodeLink(id) {
    const n = nodeById.get(id);
    return el("a", { text: n ? n.label : id, title: id, onclick: () => focusNode(id) });
  }
  function edgeLink(e, text) {
    return el("a", { text, title: e.id, onclick: () => select("edge", e.id) });
  }
  function chip(text, color) {
    return el("span", { class: "chip", text, style: `background:${color}` });
  }

  function nodePanel(n) {
    const parts = [
      el("h2", { text: n.label }),
      el("div", null, [chip(n.type, nodeTypeColor.get(n.type) || "#999"), " ",
        el("span", { class: "id", text: n.id })]),
    ];
    if (!state.visibleNodes.has(n.id))
      parts.push(el("p", { class: "hint", text: "Hidden by the current filters." }));
    if (n.aliases.length)
      parts.push(el("h3", { text: "Aliases" }), el("p", { text: n.aliases.join("; ") }));
    parts.push(el("h3", { text: "Attributes" }),
      table(Object.entries(n.attributes).map(([k, v]) => [k, fmtAttribute(k, v)])));
    parts.push(el("h3", { text: "Metrics" }),
      table(Object.entries(n.metrics).map(([k, v]) => [k, fmt(v)])));
    const edges = edgesOf.get(n.id);
    parts.push(el("h3", { text: `Edges (${edges.length})` }));
    parts.push(el("ul", { class: "edges" }, edges.map((e) => {
      const out = e.source === n.id;
      const other = out ? e.target : e.source;
      return el("li", null, [edgeLink(e, e.type), out ? " \u2192 " : " \u2190 ", nodeLink(other),
        ` (weight ${fmt(e.weight)})`]);
    })));
    return parts;
  }

  function evidenceBox(ev) {
    const doc = documents.get(ev.document);
    const docName = doc ? doc.path.split(/[\\/]/).pop() || doc.id : ev.document;
    const where = [docName];
    if (ev.page) where.push(`page ${ev.page}`);
    if (ev.sentence >= 0) where.push(`sentence ${ev.sentence + 1}`);
    where.push(`bytes ${ev.start}\u2013${ev.end}`);
    return el("div", { class: "evidence" }, [
      el("blockquote", { text: ev.quote }),
      ev.text && ev.text !== ev.quote ? el("div", { class: "repaired", text: `repaired: ${ev.text}` }) : null,
      el("div", { class: "source", text: where.join(", ") }),
      el("div", { class: "source", text: `rule ${ev.rule}, confidence ${fmt(ev.confidence)}` }),
    ]);
  }

  function edgePanel(e) {
    const parts = [
      el("h2", null, [nodeLink(e.source), " \u2192 ", nodeLink(e.target)]),
      el("div", null, [chip(e.type, edgeTypeColor.get(e.type) || "#999"), " ",
        el("span", { class: "id", text: e.id })]),
      state.visibleEdges.has(e.id) ? null : el("p", { class: "hint", text: "Hidden by the current filters." }),
      el("h3", { text: "Edge" }),
      table([["weight", fmt(e.weight)], ...(e.channel ? [["channel", nodeLink(e.channel)]] : []),
        ...Object.entries(e.attributes).map(([k, v]) => [k, fmtAttribute(k, v)])]),
      el("h3", { text: `Evidence (${e.evidence.length})` }),
    ];
    if (e.evidence.length === 0) parts.push(el("p", { class: "hint", text: "no evidence recorded" }));
    for (const ev of e.evidence) parts.push(evidenceBox(ev));
    return parts;
  }

  const hint = [...$("panel-content").childNodes];
  function renderPanel() {
    const box = $("panel-content");
    const s = state.selected;
    if (!s) {  // nothing selected: the hint again
      box.replaceChildren(...hint);
      delete box.dataset.kind;
      delete box.dataset.id;
      return;
    }
    const parts = s.kind === "node" ? nodePanel(nodeById.get(s.id)) : edgePanel(edgeById.get(s.id));
    box.replaceChildren(...parts.filter((part) => part != null));
    box.dataset.kind = s.kind;
    box.dataset.id = s.id;
    $("panel").scrollTop = 0;
  }

  // --- Filter controls ------------------------------------------------------------------------
  function refilter() {
    computeVisibility();
    if (state.selected) select(state.selected.kind, state.selected.id);
    else if (api.renderer) api.renderer.refresh({ skipIndexation: true });
  }
  function checkbox(container, key, label, swatch, count, hiddenSet, lineSwatch) {
    const input = el("input", { type: "checkbox", "data-key": key });
    input.checked = !hiddenSet.has(key);
    input.addEventListener("change", () => {
      if (input.checked) hiddenSet.delete(key); else hiddenSet.add(key);
      refilter();
    });
    container.append(el("label", null, [input,
      el("span", { class: lineSwatch ? "swatch line" : "swatch", style: `background:${swatch}` }),
      el("span", { text: label }), count != null ? el("span", { class: "count", text: String(count) }) : null]));
  }
  for (const t of data.nodeTypes)
    checkbox($("filter-node-types"), t.name, t.name, t.color, t.count, state.hiddenNodeTypes, false);
  for (const t of data.edgeTypes)
    checkbox($("filter-edge-types"), t.name, t.name, t.color, t.count, state.hiddenEdgeTypes, true);
  {
    const spectrum = ["coercion", "inducement", "agenda_setting", "attraction", ""];
    const groups = [...data.channels].sort((a, b) =>
      (spectrum.indexOf(a.spectrum) - spectrum.indexOf(b.spectrum)) || a.label.localeCompare(b.label));
    let group = null;
    const box = $("filter-channels");
    for (const c of groups) {
      if (c.spectrum !== group) {
        group = c.spectrum;
        box.append(el("div", { class: "group", text: (group || "other").replace("_", " ") }));
      }
      const count = edgesOf.get(c.id).length;
      checkbox(box, c.id, c.label, nodeTypeColor.get("Instrument") || "#2ca02c", count, state.hiddenChannels, false);
    }
    if (data.channels.length === 0) box.append(el("p", { class: "hint", text: "no channels in this view" }));
    const setAll = (on) => {
      state.hiddenChannels.clear();
      if (!on) for (const c of data.channels) state.hiddenChannels.add(c.id);
      for (const input of box.querySelectorAll("input")) input.checked = on;
      refilter();
    };
    $("channels-all").addEventListener("click", () => setAll(true));
    $("channels-none").addEventListener("click", () => setAll(false));
  }
  $("size-legend").textContent = `Node size: ${data.sizeMetric}; edge width: weight ` +
    "(distinct evidence sentences). Layout: Graphviz " + data.layout + ".";

  // --- Search ---------------------------------------------------------------------------------
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const index = data.nodes.map((n) => ({ n, label: fold(n.label), names: [n.id, ...n.aliases].map(fold) }));
  function search(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const hits = [];
    for (const { n, label, names } of index) {
      let rank = -1;
      if (label.startsWith(q)) rank = 0;
      else if (label.includes(q)) rank = 1;
      else if (names.some((a) => a.startsWith(q))) rank = 2;
      else if (names.some((a) => a.includes(q))) rank = 3;
      if (rank >= 0) hits.push({ n, rank });
    }
    hits.sort((a, b) => a.rank - b.rank || a.n.label.localeCompare(b.n.label));
    return hits.slice(0, 30).map((h) => h.n);
  }
  api.search = search;
  {
    const input = $("search");
    const list = $("search-results");
    let hits = [];
    let active = 0;
    const close = () => { list.hidden = true; };
    const choose = (n) => { close(); input.value = n.label; focusNode(n.id); };
    const draw = () => {
      list.replaceChildren(...(hits.length ? hits.map((n, i) => el("li", {
        role: "option", class: i === active ? "active" : "", "data-id": n.id,
        onmousedown: (ev) => { ev.preventDefault(); choose(n); },
      }, [el("span", { class: "swatch", style: `background:${n.color}` }), el("span", { text: n.label }),
        el("span", { class: "type", text: n.type })])) : [el("li", { class: "none", text: "no match" })]));
      list.hidden = false;
    };
    input.addEventListener("input", () => {
      hits = search(input.value);
      active = 0;
      if (input.value.trim()) draw(); else close();
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" && hits.length) { active = (active + 1) % hits.length; draw(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp" && hits.length) { active = (active + hits.length - 1) % hits.length; draw(); ev.preventDefault(); }
      else if (ev.key === "Enter") { if (hits.length) choose(hits[active]); ev.preventDefault(); }
      else if (ev.key === "Escape") { close(); input.blur(); }
    });
    input.addEventListener("blur", close);
  }

  // The visible edge nearest to a viewport point, if within `tolerance` pixels.
  function nearestEdge(renderer, x, y, tolerance) {
    let best = null;
    let bestDistance = tolerance;
    const at = new Map();
    const place = (id) => {
      let p = at.get(id);
      if (!p) {
        const n = nodeById.get(id);
        p = renderer.graphToViewport({ x: n.x, y: n.y });
        at.set(id, p);
      }
      return p;
    };
    for (const e of data.edges) {
      if (!state.visibleEdges.has(e.id)) continue;
      const a = place(e.source), b = place(e.target);
      if (Math.max(a.x, b.x) < x - tolerance || Math.min(a.x, b.x) > x + tolerance ||
          Math.max(a.y, b.y) < y - tolerance || Math.min(a.y, b.y) > y + tolerance) continue;
      const vx = b.x - a.x, vy = b.y - a.y, length = vx * vx + vy * vy || 1;
      const t = Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / length));
      const d = Math.hypot(a.x + t * vx - x, a.y + t * vy - y);
      if (d <= bestDistance) {
        best = e.id;
        bestDistance = d;
      }
    }
    return best;
  }
  api.nearestEdge = (x, y) => nearestEdge(api.renderer, x, y, 5);

  // --- Drawing --------------------------------------------------------------------------------
  computeVisibility();
  if (data.nodes.length === 0) {
    showMessage("This graph's influence view is empty: no actors, institutions, channels or " +
      "targets linked by influence edges.");
    api.ready = true;
    document.body.dataset.ready = "true";
    return;
  }
  try {
    const SigmaClass = window.Sigma && (window.Sigma.Sigma || window.Sigma);
    const renderer = new SigmaClass(graph, $("graph"), {
      defaultEdgeType: "arrow",
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: data.nodes.length <= 300 ? 0 : 8,
      labelDensity: 0.5,
      labelFont: "system-ui, Helvetica, Arial, sans-serif",
      zIndex: true,
      nodeReducer,
      edgeReducer,
    });
    api.renderer = renderer;
    timings.sigma = performance.now();
    renderer.on("clickNode", ({ node }) => select("node", node));
    renderer.on("clickEdge", ({ edge }) => select("edge", edge));
    // Thin edges are hard to hit in sigma's half-resolution picking layer: a click on the stage
    // selects the nearest visible edge within a few pixels, as if it had been hit.
    renderer.on("clickStage", ({ event }) => {
      const hit = nearestEdge(renderer, event.x, event.y, 5);
      if (hit) select("edge", hit);
      else if (state.selected) select(null);
    });
    $("reset-view").addEventListener("click", () => renderer.getCamera().animatedReset({ duration: 300 }));
    document.addEventListener("keydown", (ev) => {  // Escape, outside the search box, deselects
      if (ev.key === "Escape" && ev.target !== $("search") && state.selected) select(null);
    });
    renderer.on("enterEdge", () => { $("graph").style.cursor = "pointer"; });
    renderer.on("leaveEdge", () => { $("graph").style.cursor = ""; });
    renderer.on("enterNode", () => { $("graph").style.cursor = "pointer"; });
    renderer.on("leaveNode", () => { $("graph").style.cursor = ""; });
    const markReady = () => {
      renderer.off("afterRender", markReady);
      api.ready = true;
      api.readyAt = timings.ready = performance.now();
      document.body.dataset.ready = "true";
    };
    renderer.on("afterRender", markReady);
    renderer.refresh();
  } catch (err) {
    api.error = String(err && err.message || err);
    showMessage("This browser cannot draw the graph (" + api.error + "). The page needs WebGL.");
    console.error("softgraph explorer:", err);
  }
})();
