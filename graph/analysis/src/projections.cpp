// Actor-actor and actor-channel projections of the typed graph and its channel report.
#include "softgraph/analysis/projections.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace softgraph {

namespace {

// actor id -> the things it touches (channel instrument ids and target ids).
using Touches = std::map<std::string, std::set<std::string>>;

void add_targets(const Graph& g, Touches& touches) {
  const BoostGraph& bg = g.boost();
  std::map<Vertex, std::vector<Vertex>> operators;  // institution -> actors
  for (EdgeDesc e : g.sorted_edges())
    if (bg[e].type == "OPERATES") operators[boost::target(e, bg)].push_back(boost::source(e, bg));
  for (EdgeDesc e : g.sorted_edges()) {
    if (bg[e].type != "TARGETS") continue;
    const Vertex s = boost::source(e, bg);
    const std::string& target = bg[boost::target(e, bg)].id;
    if (bg[s].type == "Institution") {
      if (auto it = operators.find(s); it != operators.end())
        for (Vertex a : it->second) touches[bg[a].id].insert(target);
    } else {
      touches[bg[s].id].insert(target);
    }
  }
}

}  // namespace

std::vector<ProjectionEdge> actor_actor_projection(const Graph& g, const ChannelReport& report) {
  Touches touches;
  for (const auto& c : report.channels)
    for (const auto& s : c.actors)
      if (s.share > 0) touches[s.actor].insert(c.instrument);
  add_targets(g, touches);
  // Only actors: nodes that have a share somewhere or are Actor nodes with targets.
  std::vector<std::string> actors;
  for (const auto& [id, set] : touches) {
    auto v = g.find(id);
    bool has_share = std::any_of(set.begin(), set.end(), [&](const std::string& x) {
      auto w = g.find(x);
      return w && g.node(*w).type == "Instrument";
    });
    if (v && (has_share || g.node(*v).type == "Actor")) actors.push_back(id);
  }
  std::vector<ProjectionEdge> out;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    for (std::size_t j = i + 1; j < actors.size(); ++j) {
      const auto& a = touches[actors[i]];
      const auto& b = touches[actors[j]];
      std::vector<std::string> shared;
      std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
      if (shared.empty()) continue;
      const double w = static_cast<double>(shared.size());
      out.push_back({actors[i], actors[j], w, "actor_actor", std::move(shared)});
    }
  }
  return out;
}

std::vector<ProjectionEdge> actor_channel_projection(const ChannelReport& report) {
  std::vector<ProjectionEdge> out;
  for (const auto& c : report.channels)
    for (const auto& s : c.actors)
      if (s.share > 0)
        out.push_back({s.actor, c.instrument, s.share, "actor_channel", {c.channel}});
  std::sort(out.begin(), out.end(), [](const ProjectionEdge& a, const ProjectionEdge& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  return out;
}

}  // namespace softgraph
