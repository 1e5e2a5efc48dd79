// Channel dominance: actors' shares of each instrument channel, ranks, HHI, carrying
// institutions and evidence, overall and per target (rules in channels.hpp).
#include "softgraph/analysis/channels.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>

#include "softgraph/analysis/dominance.hpp"

namespace softgraph {

namespace {

// What an edge contributes to a share, computed once per edge: its id and the (document,
// sentence) keys of its evidence as integers. Accumulators hold pointers to these and count
// distinct keys when ranking, so an actor present in many targets' breakdowns costs integer work,
// not a string set per target.
struct EdgeKeys {
  std::string id;
  std::vector<std::uint64_t> sentences;
};

class EdgeCache {
 public:
  explicit EdgeCache(const Graph& g) : g_(g) {}
  const EdgeKeys* get(EdgeDesc d) {
    auto [it, fresh] = cache_.try_emplace(d.get_property());
    if (fresh) {
      it->second.id = g_.edge_id(d);
      auto& keys = it->second.sentences;
      for (const auto& ev : g_.edge(d).evidence()) {
        auto doc = documents_.try_emplace(ev.document, documents_.size()).first->second;
        auto at = ev.sentence >= 0 ? static_cast<std::uint64_t>(ev.sentence) : ev.range.begin;
        keys.push_back((static_cast<std::uint64_t>(doc) << 40) | (at & kOffsetMask));
      }
      // Sorted and each once here, so that an accumulator of one edge needs no sort at all.
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
    return &it->second;
  }

 private:
  static constexpr std::uint64_t kOffsetMask = (std::uint64_t{1} << 40) - 1;
  const Graph& g_;
  std::unordered_map<const void*, EdgeKeys> cache_;
  std::unordered_map<std::string, std::uint64_t> documents_;
};

// The sentences an edge rests on beyond those its evidence lists (evidence cut by --max-evidence,
// edges given a weight): counted, but they cannot be told apart from other edges' sentences.
double unlisted(const EdgeProps& e, const EdgeKeys& keys) {
  return std::max(0.0, e.weight - static_cast<double>(keys.sentences.size()));
}

// One actor's score in one channel (overall or for one target): each evidence sentence counts
// once, 1 when it is on the actor's own USES_INSTRUMENT edge, else the largest part it gets
// through an institution delivering in it (1 / the institution's operators).
struct Accumulator {
  std::set<std::uint64_t> direct_keys;
  std::map<std::uint64_t, double> via_keys;
  double unlisted_direct = 0, unlisted_via = 0;
  std::set<std::string> institutions;
  std::vector<const EdgeKeys*> edges;

  void add_via(std::uint64_t key, double part) {
    double& c = via_keys[key];
    c = std::max(c, part);
  }
  double direct() const { return static_cast<double>(direct_keys.size()) + unlisted_direct; }
  double via() const {
    double sum = unlisted_via;
    for (const auto& [k, c] : via_keys)
      if (!direct_keys.count(k)) sum += c;
    return sum;
  }

  void add_evidence(EdgeCache& cache, EdgeDesc d) { edges.push_back(cache.get(d)); }
  std::vector<std::string> evidence() const {
    std::vector<std::string> ids;
    for (const auto* e : edges) ids.push_back(e->id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }
  // Distinct (document, sentence) keys over the edges, each edge counted once however often it
  // was added (an institution's OPERATES edge comes with each of its deliveries).
  int sentence_count() const {
    std::vector<const EdgeKeys*> distinct(edges);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() == 1) return static_cast<int>(distinct.front()->sentences.size());
    // Each edge's keys are sorted: merge the runs pairwise (n log k) instead of sorting them all.
    std::vector<std::uint64_t> keys;
    std::vector<std::size_t> runs{0};
    for (const auto* e : distinct) {
      keys.insert(keys.end(), e->sentences.begin(), e->sentences.end());
      runs.push_back(keys.size());
    }
    while (runs.size() > 2) {
      std::vector<std::size_t> merged{0};
      for (std::size_t r = 0; r + 1 < runs.size(); r += 2) {
        const std::size_t end = r + 2 < runs.size() ? runs[r + 2] : runs[r + 1];
        if (r + 2 < runs.size())
          std::inplace_merge(keys.begin() + static_cast<std::ptrdiff_t>(runs[r]),
                             keys.begin() + static_cast<std::ptrdiff_t>(runs[r + 1]),
                             keys.begin() + static_cast<std::ptrdiff_t>(end));
        merged.push_back(end);
      }
      runs = std::move(merged);
    }
    return static_cast<int>(std::unique(keys.begin(), keys.end()) - keys.begin());
  }
};

using ActorAccumulators = std::map<Vertex, Accumulator>;

struct TargetEdge {
  Vertex target;
  const EdgeKeys* keys;
};

// The edges compute_channels reads, bucketed once in export order.
struct Index {
  std::map<Vertex, std::vector<EdgeDesc>> operators;   // institution -> OPERATES edges into it
  std::map<Vertex, std::vector<TargetEdge>> targets;   // actor/institution -> TARGETS edges
  std::map<Vertex, std::vector<EdgeDesc>> uses;        // instrument -> USES_INSTRUMENT edges
  std::map<Vertex, std::vector<EdgeDesc>> deliveries;  // instrument -> DELIVERS edges
};

// Whatever receives TARGETS is a target, whatever its type: a state that acts elsewhere too.
Index build_index(const Graph& g, EdgeCache& cache) {
  const BoostGraph& bg = g.boost();
  Index ix;
  for (EdgeDesc e : g.sorted_edges()) {
    const std::string& type = bg[e].type;
    const Vertex s = boost::source(e, bg), t = boost::target(e, bg);
    if (type == "OPERATES") {
      ix.operators[t].push_back(e);
    } else if (type == "TARGETS") {
      ix.targets[s].push_back({t, cache.get(e)});
    } else if (type == "USES_INSTRUMENT") {
      ix.uses[t].push_back(e);
    } else if (type == "DELIVERS") {
      ix.deliveries[t].push_back(e);
    }
  }
  return ix;
}

const std::vector<TargetEdge>& target_edges(const Index& ix, Vertex v) {
  static const std::vector<TargetEdge> kNone;
  auto it = ix.targets.find(v);
  return it == ix.targets.end() ? kNone : it->second;
}

// Every target of v (for sentences that cannot be placed: unlisted ones).
std::vector<Vertex> all_targets(const Index& ix, Vertex v) {
  std::vector<Vertex> out;
  for (const auto& t : target_edges(ix, v)) out.push_back(t.target);
  return out;
}

// The targets one sentence gives an act of `sources` (the actor, or the institution then its
// operator): TARGETS edges of theirs resting on that sentence. A sentence that names none counts
// for the regions the first source with targets aims at (an act with no place named is the
// region's, as the relation rules read it), never for every country the actor targets elsewhere.
std::vector<Vertex> sentence_targets(const Graph& g, const Index& ix,
                                     std::initializer_list<Vertex> sources, std::uint64_t key) {
  std::set<Vertex> found;
  for (Vertex s : sources)
    for (const auto& t : target_edges(ix, s))
      if (std::binary_search(t.keys->sentences.begin(), t.keys->sentences.end(), key))
        found.insert(t.target);
  if (found.empty())
    for (Vertex s : sources) {
      const auto& edges = target_edges(ix, s);
      for (const auto& t : edges)
        if (g.node(t.target).type == "Region") found.insert(t.target);
      if (!edges.empty()) break;
    }
  return {found.begin(), found.end()};
}

// Ranks the accumulated actors: shares, competition ranks, HHI; returns the HHI.
double rank(const Graph& g, const ActorAccumulators& acc, double& total,
            std::vector<ActorShare>& out) {
  total = 0;
  for (const auto& [v, a] : acc) {
    ActorShare s;
    s.actor = g.node(v).id;
    s.label = g.node(v).label;
    s.direct = a.direct();
    s.via_institutions = a.via();
    s.raw = s.direct + s.via_institutions;
    s.institutions.assign(a.institutions.begin(), a.institutions.end());
    s.evidence = a.evidence();
    s.sentences = a.sentence_count();
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const ActorShare& a, const ActorShare& b) {
    return a.raw != b.raw ? a.raw > b.raw : a.actor < b.actor;
  });
  for (const auto& s : out) total += s.raw;
  double hhi = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].share = total > 0 ? out[i].raw / total : 0.0;
    out[i].rank = (i > 0 && out[i].raw == out[i - 1].raw) ? out[i - 1].rank : int(i) + 1;
    hhi += out[i].share * out[i].share;
  }
  return hhi;
}

ChannelEntry channel_entry(const Graph& g, const Index& ix, EdgeCache& cache, Vertex instrument,
                           bool details) {
  const BoostGraph& bg = g.boost();
  ChannelEntry entry;
  entry.instrument = bg[instrument].id;
  entry.label = bg[instrument].label;
  entry.channel = channel_of(bg[instrument]);
  ActorAccumulators overall;
  std::map<Vertex, ActorAccumulators> per_target;

  if (auto it = ix.uses.find(instrument); it != ix.uses.end()) {
    for (EdgeDesc e : it->second) {
      const Vertex actor = boost::source(e, bg);
      const EdgeKeys* keys = cache.get(e);
      const double extra = unlisted(bg[e], *keys);
      Accumulator& all = overall[actor];
      all.direct_keys.insert(keys->sentences.begin(), keys->sentences.end());
      all.unlisted_direct += extra;
      all.add_evidence(cache, e);
      if (!details) continue;  // the shares alone: no per-target breakdown
      for (std::uint64_t k : keys->sentences)
        for (Vertex t : sentence_targets(g, ix, {actor}, k)) {
          Accumulator& a = per_target[t][actor];
          a.direct_keys.insert(k);
          a.add_evidence(cache, e);
        }
      if (extra > 0)
        for (Vertex t : all_targets(ix, actor)) {
          Accumulator& a = per_target[t][actor];
          a.unlisted_direct += extra;
          a.add_evidence(cache, e);
        }
    }
  }
  if (auto it = ix.deliveries.find(instrument); it != ix.deliveries.end()) {
    for (EdgeDesc d : it->second) {
      const Vertex inst = boost::source(d, bg);
      CarryingInstitution carrier{bg[inst].id, bg[inst].label, bg[d].weight, {}, g.edge_id(d)};
      auto ops = ix.operators.find(inst);
      if (ops == ix.operators.end() || ops->second.empty()) {
        entry.unattributed += bg[d].weight;
        entry.institutions.push_back(std::move(carrier));
        continue;
      }
      const double part = 1.0 / static_cast<double>(ops->second.size());
      const EdgeKeys* keys = cache.get(d);
      const double extra = unlisted(bg[d], *keys);
      for (EdgeDesc op : ops->second) {
        const Vertex actor = boost::source(op, bg);
        carrier.owners.push_back(bg[actor].id);
        auto credit = [&](Accumulator& a) {
          a.institutions.insert(bg[inst].id);
          a.add_evidence(cache, d);
          a.add_evidence(cache, op);
        };
        Accumulator& all = overall[actor];
        for (std::uint64_t k : keys->sentences) all.add_via(k, part);
        all.unlisted_via += extra * part;
        credit(all);
        if (!details) continue;
        for (std::uint64_t k : keys->sentences)
          for (Vertex t : sentence_targets(g, ix, {inst, actor}, k)) {
            Accumulator& a = per_target[t][actor];
            a.add_via(k, part);
            credit(a);
          }
        if (extra > 0) {
          const auto inst_targets = all_targets(ix, inst);
          for (Vertex t : inst_targets.empty() ? all_targets(ix, actor) : inst_targets) {
            Accumulator& a = per_target[t][actor];
            a.unlisted_via += extra * part;
            credit(a);
          }
        }
      }
      std::sort(carrier.owners.begin(), carrier.owners.end());
      entry.institutions.push_back(std::move(carrier));
    }
  }
  std::sort(entry.institutions.begin(), entry.institutions.end(),
            [](const CarryingInstitution& a, const CarryingInstitution& b) {
              return a.weight != b.weight ? a.weight > b.weight : a.institution < b.institution;
            });
  entry.hhi = rank(g, overall, entry.total, entry.actors);
  for (const auto& [t, acc] : per_target) {
    TargetBreakdown tb;
    tb.target = bg[t].id;
    tb.label = bg[t].label;
    tb.hhi = rank(g, acc, tb.total, tb.actors);
    entry.by_target.push_back(std::move(tb));
  }
  std::sort(entry.by_target.begin(), entry.by_target.end(),
            [](const TargetBreakdown& a, const TargetBreakdown& b) { return a.target < b.target; });
  return entry;
}

}  // namespace

double ChannelEntry::find_share(const std::string& actor) const {
  for (const auto& a : actors)
    if (a.actor == actor) return a.share;
  return 0;
}

const ChannelEntry* ChannelReport::find(const std::string& channel) const {
  for (const auto& c : channels)
    if (c.channel == channel) return &c;
  return nullptr;
}

ChannelReport compute_channels(const Graph& g, bool details) {
  EdgeCache cache(g);
  const Index ix = build_index(g, cache);
  ChannelReport report;
  for (Vertex v : g.sorted_nodes())
    if (g.node(v).type == "Instrument")
      report.channels.push_back(channel_entry(g, ix, cache, v, details));
  std::stable_sort(
      report.channels.begin(), report.channels.end(),
      [](const ChannelEntry& a, const ChannelEntry& b) { return a.channel < b.channel; });
  return report;
}

void annotate_channels(Graph& g, const ChannelReport& report) {
  for (const auto& c : report.channels) {
    if (auto inst = g.find(c.instrument)) {
      NodeProps& n = g.node(*inst);
      n.attributes["hhi"] = c.hhi;
      if (!c.actors.empty()) n.attributes["dominant_actor"] = c.actors.front().actor;
    }
    for (const auto& s : c.actors)
      if (auto a = g.find(s.actor)) g.node(*a).attributes["channel_share_" + c.channel] = s.share;
  }
  annotate_dominance(g, rank_dominance(report));
}

}  // namespace softgraph
