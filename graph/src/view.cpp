// Views and filters (view.hpp): which nodes and edges survive, and the record of the filter.
#include "softgraph/graph/view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <set>
#include <sstream>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t distance(std::string_view a, std::string_view b) {
  const std::string x = lower(a), y = lower(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

// The known name nearest to `typed` (at most a third of its letters off), for "did you mean".
std::string nearest(const std::string& typed, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_d = typed.size() / 3 + 1;
  for (const auto& k : known) {
    std::size_t d = distance(typed, k);
    // A known name that contains what was typed ("china" in "actor/china") is near.
    if (lower(k).find(lower(typed)) != std::string::npos) d = std::min<std::size_t>(d, 1);
    if (d < best_d) {  // ties keep the first, in the known list's order
      best = k;
      best_d = d;
    }
  }
  return best;
}

[[noreturn]] void unknown(const std::string& option, const std::string& what,
                          const std::string& typed, const std::vector<std::string>& known) {
  std::string msg = "unknown " + what + " '" + typed + "'";
  if (std::string near = nearest(typed, known); !near.empty())
    msg += "; did you mean '" + near + "'?";
  if (known.size() <= 20) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    msg += " (known: " + (list.empty() ? std::string("none in this graph") : list) + ")";
  }
  throw Error(ErrorCode::kUsage, "", option, msg);
}

// A node is near what was typed by its id, the id's last part or its label ("Chna" -> China).
[[noreturn]] void unknown_node(const Graph& g, const std::string& typed) {
  std::string msg = "unknown node '" + typed + "'";
  std::vector<std::string> names;
  std::vector<Vertex> owner;
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    for (const std::string& name : {n.id, n.id.substr(n.id.find('/') + 1), n.label}) {
      names.push_back(name);
      owner.push_back(v);
    }
  }
  if (std::string near = nearest(typed, names); !near.empty()) {
    const auto i =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), near) - names.begin());
    const NodeProps& n = g.node(owner[i]);
    msg += "; did you mean '" + n.id + "' (" + n.label + ")?";
  }
  throw Error(ErrorCode::kUsage, "", "--focus",
              msg + " (a node id such as actor/china, or a node's name)");
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

double best_confidence(const EdgeProps& e) {
  double best = 0;
  for (const auto& ev : e.evidence()) best = std::max(best, ev.confidence);
  return best;
}

std::string format_number(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

}  // namespace

std::string view_name(View v) {
  switch (v) {
    case View::kInfluence:
      return "influence";
    case View::kLiterature:
      return "literature";
    case View::kAll:
      break;
  }
  return "all";
}

View parse_view(const std::string& name) {
  for (View v : {View::kInfluence, View::kLiterature, View::kAll})
    if (lower(name) == view_name(v)) return v;
  unknown("--view", "view", name, {"all", "influence", "literature"});
}

std::vector<std::string> view_edge_types(View v, const Ontology& ontology) {
  switch (v) {
    case View::kInfluence:
      return {"DELIVERS", "MEMBER_OF", "OPERATES", "PARTNERS_WITH", "TARGETS", "USES_INSTRUMENT"};
    case View::kLiterature:
      return {"AUTHORED", "CITES", "DISCUSSES"};
    case View::kAll:
      break;
  }
  return ontology.edge_types();
}

bool GraphFilter::keeps_all() const {
  return view == View::kAll && focus.empty() && channels.empty() && edge_types.empty() &&
         node_types.empty() && min_weight <= 0 && min_confidence <= 0;
}

std::string GraphFilter::describe() const {
  std::string s = "--view " + view_name(view);
  if (!focus.empty()) s += " --focus " + join(focus) + " --depth " + std::to_string(depth);
  if (!channels.empty()) s += " --channels " + join(channels);
  if (!edge_types.empty()) s += " --edge-types " + join(edge_types);
  if (!node_types.empty()) s += " --node-types " + join(node_types);
  if (min_weight > 0) s += " --min-weight " + format_number(min_weight);
  if (min_confidence > 0) s += " --min-confidence " + format_number(min_confidence);
  return s;
}

std::optional<std::string> resolve_node(const Graph& g, const std::string& name) {
  if (g.find(name)) return name;
  const std::string want = lower(name);
  std::optional<std::string> found;
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    bool match = lower(n.id) == want || lower(n.label) == want;
    for (const auto& a : n.aliases) match = match || lower(a) == want;
    if (match && !found) found = n.id;
  }
  return found;
}

namespace {

// Checks every name before anything is cut, so that a typo is reported whatever else applies;
// returns the focus nodes' ids.
std::vector<std::string> check_filter(const Graph& g, const GraphFilter& f) {
  const Ontology& onto = g.ontology();
  for (const auto& t : f.node_types)
    if (!onto.has_node_type(t)) unknown("--node-types", "node type", t, onto.node_types());
  for (const auto& t : f.edge_types)
    if (!onto.has_edge_type(t)) unknown("--edge-types", "edge type", t, onto.edge_types());
  if (f.depth < 0) throw Error(ErrorCode::kUsage, "", "--depth", "depth must be 0 or more");
  if (f.min_weight < 0 || !std::isfinite(f.min_weight))
    throw Error(ErrorCode::kUsage, "", "--min-weight", "the weight must be a number >= 0");
  if (f.min_confidence < 0 || f.min_confidence > 1 || !std::isfinite(f.min_confidence))
    throw Error(ErrorCode::kUsage, "", "--min-confidence", "the confidence must be in [0, 1]");
  std::vector<std::string> focus_ids;
  for (const auto& name : f.focus) {
    auto id = resolve_node(g, name);
    if (!id) unknown_node(g, name);
    focus_ids.push_back(*id);
  }
  if (!f.channels.empty()) {
    std::vector<std::string> known;
    for (Vertex v : g.sorted_nodes())
      if (g.node(v).type == "Instrument") known.push_back(channel_of(g.node(v)));
    for (const auto& c : f.channels)
      if (std::find(known.begin(), known.end(), c) == known.end())
        unknown("--channels", "channel", c, known);
  }
  return focus_ids;
}

// What survives the cuts so far: a flag per node and the edges kept, in sorted order.
struct Selection {
  std::vector<char> keep;
  std::vector<EdgeDesc> edges;

  void drop_edges_of_cut_nodes(const BoostGraph& bg) {
    std::erase_if(edges, [&](EdgeDesc e) {
      return !keep[boost::source(e, bg)] || !keep[boost::target(e, bg)];
    });
  }
};

// Nodes by type, edges by view, type, weight and confidence.
Selection cut_by_type(const Graph& g, const GraphFilter& f) {
  const BoostGraph& bg = g.boost();
  const std::size_t n = g.node_count();
  Selection sel{std::vector<char>(n, 1), {}};
  if (!f.node_types.empty())
    for (Vertex v = 0; v < n; ++v)
      sel.keep[v] = std::find(f.node_types.begin(), f.node_types.end(), std::string(bg[v].type)) !=
                    f.node_types.end();
  std::set<std::string> edge_types;
  for (const auto& t : view_edge_types(f.view, g.ontology()))
    if (f.edge_types.empty() ||
        std::find(f.edge_types.begin(), f.edge_types.end(), t) != f.edge_types.end())
      edge_types.insert(t);
  for (EdgeDesc e : g.sorted_edges()) {
    const EdgeProps& p = bg[e];
    if (!edge_types.count(p.type.str())) continue;
    if (!sel.keep[boost::source(e, bg)] || !sel.keep[boost::target(e, bg)]) continue;
    if (p.weight < f.min_weight) continue;
    if (f.min_confidence > 0 && best_confidence(p) < f.min_confidence) continue;
    sel.edges.push_back(e);
  }
  return sel;
}

// Channels: their instruments, the actors and institutions that use or deliver them, the
// operators of those institutions and the targets of all of these.
void keep_channels(const Graph& g, const std::set<std::string>& channels, Selection& sel) {
  const BoostGraph& bg = g.boost();
  const std::size_t n = g.node_count();
  std::vector<char> in(n, 0), carrier(n, 0);
  for (Vertex v = 0; v < n; ++v)
    if (bg[v].type == "Instrument" && channels.count(channel_of(bg[v]))) in[v] = 1;
  for (EdgeDesc e : sel.edges) {
    const std::string& t = bg[e].type;
    if ((t == "USES_INSTRUMENT" || t == "DELIVERS") && in[boost::target(e, bg)])
      carrier[boost::source(e, bg)] = 1;
  }
  std::vector<char> operators(n, 0);
  for (EdgeDesc e : sel.edges)
    if (bg[e].type == "OPERATES" && carrier[boost::target(e, bg)])
      operators[boost::source(e, bg)] = 1;
  std::vector<char> targets(n, 0);
  for (EdgeDesc e : sel.edges)
    if (bg[e].type == "TARGETS" &&
        (carrier[boost::source(e, bg)] || operators[boost::source(e, bg)]))
      targets[boost::target(e, bg)] = 1;
  for (Vertex v = 0; v < n; ++v)
    sel.keep[v] = sel.keep[v] && (in[v] || carrier[v] || operators[v] || targets[v]);
  sel.drop_edges_of_cut_nodes(bg);
}

// Focus: the nodes within `depth` hops of a focus node over the edges left (either direction).
// Returns a flag per node: is it a focus node.
std::vector<char> keep_near_focus(const Graph& g, const GraphFilter& f,
                                  const std::vector<std::string>& focus_ids, Selection& sel) {
  const BoostGraph& bg = g.boost();
  const std::size_t n = g.node_count();
  std::vector<char> is_focus(n, 0);
  if (focus_ids.empty()) return is_focus;
  std::vector<std::vector<Vertex>> adj(n);
  for (EdgeDesc e : sel.edges) {
    adj[boost::source(e, bg)].push_back(boost::target(e, bg));
    adj[boost::target(e, bg)].push_back(boost::source(e, bg));
  }
  std::vector<int> dist(n, -1);
  std::deque<Vertex> queue;
  std::vector<char> in_view(n, f.view == View::kAll);
  if (f.view != View::kAll) {
    const auto view_types = view_edge_types(f.view, g.ontology());
    for (EdgeDesc e : g.sorted_edges())
      if (std::find(view_types.begin(), view_types.end(), bg[e].type.str()) != view_types.end())
        in_view[boost::source(e, bg)] = in_view[boost::target(e, bg)] = 1;
  }
  for (const auto& id : focus_ids) {
    const Vertex v = *g.find(id);
    if (!in_view[v])
      throw Error(ErrorCode::kUsage, "", "--focus",
                  "node '" + id + "' is not in the " + view_name(f.view) + " view");
    if (!sel.keep[v])
      throw Error(ErrorCode::kUsage, "", "--focus",
                  "node '" + id + "' (" + bg[v].type + ") is not in what the other filters keep (" +
                      f.describe() + ")");
    is_focus[v] = 1;
    if (dist[v] < 0) {
      dist[v] = 0;
      queue.push_back(v);
    }
  }
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (dist[v] >= f.depth) continue;
    for (Vertex w : adj[v])
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue.push_back(w);
      }
  }
  for (Vertex v = 0; v < n; ++v) sel.keep[v] = sel.keep[v] && dist[v] >= 0;
  sel.drop_edges_of_cut_nodes(bg);
  return is_focus;
}

// The kept nodes and edges copied into a graph of their own, in the source's order.
Graph copy_selection(const Graph& g, const Selection& sel) {
  const BoostGraph& bg = g.boost();
  Graph out(g.ontology());
  out.documents = g.documents;
  out.warnings = g.warnings;
  out.attributes = g.attributes;
  for (Vertex v : g.sorted_nodes()) {
    if (!sel.keep[v]) continue;
    const NodeProps& p = bg[v];
    Entity e;
    e.id = p.id;
    e.type = p.type;
    e.label = p.label;
    e.aliases = p.aliases;
    e.attributes = p.attributes;
    NodeProps& copy = out.node(out.add_node(e));
    copy.label = p.label;
    copy.aliases = p.aliases;
    copy.metrics = p.metrics;
  }
  for (EdgeDesc e : sel.edges) {
    const EdgeProps& p = bg[e];
    EdgeDesc d = out.add_weighted_edge(bg[boost::source(e, bg)].id, bg[boost::target(e, bg)].id,
                                       p.type.str(), 0, p.evidence(), p.attributes());
    out.edge(d).weight = p.weight;
  }
  return out;
}

// The filter's record in the cut graph's attributes, appended to the chain of earlier cuts.
void record_filter(const Graph& source, const GraphFilter& f,
                   const std::vector<std::string>& focus_ids, Graph& out) {
  Attributes& a = out.attributes;
  a["filter_view"] = view_name(f.view);
  a["filter_focus"] = focus_ids;
  a["filter_depth"] = static_cast<std::int64_t>(focus_ids.empty() ? 0 : f.depth);
  a["filter_channels"] = f.channels;
  a["filter_edge_types"] = f.edge_types;
  a["filter_node_types"] = f.node_types;
  a["filter_min_weight"] = f.min_weight;
  a["filter_min_confidence"] = f.min_confidence;
  std::vector<std::string> chain;
  if (auto it = source.attributes.find("filter_chain"); it != source.attributes.end())
    if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) chain = *v;
  GraphFilter resolved = f;  // the chain names nodes by id, whatever was typed
  resolved.focus = focus_ids;
  chain.push_back(resolved.describe());
  a["filter_chain"] = chain;
  a["filter_source_nodes"] = static_cast<std::int64_t>(source.node_count());
  a["filter_source_edges"] = static_cast<std::int64_t>(source.edge_count());
}

}  // namespace

Graph select_subgraph(const Graph& g, const GraphFilter& f) {
  const BoostGraph& bg = g.boost();
  const std::vector<std::string> focus_ids = check_filter(g, f);
  const std::set<std::string> channels(f.channels.begin(), f.channels.end());
  Selection sel = cut_by_type(g, f);
  if (!channels.empty()) keep_channels(g, channels, sel);
  const std::vector<char> is_focus = keep_near_focus(g, f, focus_ids, sel);

  // A node the cut edges alone connected goes with them; with only node types asked for (or
  // nothing at all) isolated nodes of those types stay.
  const bool edges_cut = f.view != View::kAll || !f.edge_types.empty() || f.min_weight > 0 ||
                         f.min_confidence > 0 || !channels.empty() || !focus_ids.empty();
  if (edges_cut) {
    std::vector<char> touched(g.node_count(), 0);
    for (EdgeDesc e : sel.edges) touched[boost::source(e, bg)] = touched[boost::target(e, bg)] = 1;
    for (Vertex v = 0; v < g.node_count(); ++v)
      sel.keep[v] = sel.keep[v] && (touched[v] || is_focus[v]);
  }

  Graph out = copy_selection(g, sel);
  if (!f.keeps_all()) record_filter(g, f, focus_ids, out);
  return out;
}

}  // namespace softgraph
