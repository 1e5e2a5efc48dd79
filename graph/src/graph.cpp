#include "softgraph/graph/graph.hpp"

#include <algorithm>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>

#include "softgraph/core/error.hpp"

namespace softgraph {

void merge_aliases(std::vector<std::string>& into, const std::vector<std::string>& more,
                   const std::string& label) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
  into.erase(std::remove_if(into.begin(), into.end(),
                            [&](const std::string& a) { return a.empty() || a == label; }),
             into.end());
}

void merge_attributes(Attributes& into, const Attributes& more) {
  for (const auto& [key, value] : more) {
    auto it = into.find(key);
    if (it == into.end()) {
      into.emplace(key, value);
      continue;
    }
    auto* a = std::get_if<std::vector<std::string>>(&it->second);
    const auto* b = std::get_if<std::vector<std::string>>(&value);
    if (a && b) {
      a->insert(a->end(), b->begin(), b->end());
      std::sort(a->begin(), a->end());
      a->erase(std::unique(a->begin(), a->end()), a->end());
    }
  }
}

std::string channel_of(const NodeProps& n) {
  auto it = n.attributes.find("channel");
  if (it != n.attributes.end())
    if (const auto* s = std::get_if<std::string>(&it->second); s && !s->empty()) return *s;
  const std::string prefix = "instrument/";
  return n.id.rfind(prefix, 0) == 0 ? n.id.substr(prefix.size()) : n.id;
}

std::vector<std::string> roles_of(const Attributes& attrs) {
  auto it = attrs.find("roles");
  if (it == attrs.end()) return {};
  if (const auto* v = std::get_if<std::vector<std::string>>(&it->second)) return *v;
  return {};
}

// Role names are the lower-case node types they stand for ("actor" -> Actor).
std::string role_type(const std::string& role) {
  static const std::map<std::string, std::string> kRoles = {
      {"actor", "Actor"}, {"target", "TargetCountry"}, {"member", "Actor"}, {"operator", "Actor"}};
  auto it = kRoles.find(role);
  return it == kRoles.end() ? std::string() : it->second;
}

Vertex Graph::add_node(const Entity& entity) {
  if (entity.id.empty()) throw internal_error("node with an empty id");
  if (!ontology_->has_node_type(entity.type))
    throw internal_error("node " + entity.id + " has unknown type '" + entity.type + "'");
  BoostGraph& g = *g_;
  auto it = index_.find(entity.id);
  if (it != index_.end()) {
    NodeProps& n = g[it->second];
    merge_attributes(n.attributes, entity.attributes);
    std::vector<std::string> more = entity.aliases;
    if (entity.label != n.label) more.push_back(entity.label);
    merge_aliases(n.aliases, more, n.label);
    return it->second;
  }
  // The edge index packs both ends into 64 bits.
  if (node_count() >= std::numeric_limits<std::uint32_t>::max())
    throw internal_error("more than 2^32 - 1 nodes");
  Vertex v = boost::add_vertex(g);
  NodeProps& n = g[v];
  n.id = entity.id;
  n.type = entity.type;
  n.label = entity.label.empty() ? entity.id.str() : entity.label;
  n.attributes = entity.attributes;
  merge_aliases(n.aliases, entity.aliases, n.label);
  index_.emplace(entity.id, v);
  return v;
}

bool Graph::endpoint_fits(const NodeProps& n, const std::set<std::string>& allowed) const {
  if (allowed.count(n.type)) return true;
  for (const auto& role : roles_of(n.attributes))
    if (allowed.count(role_type(role))) return true;
  return false;
}

// --- node metrics ---

namespace {
// Metric names are few ("pagerank", "degree", ...): each is stored once for the whole process.
const std::string* intern_metric_name(std::string_view name) {
  static std::mutex mutex;
  static auto* names = new std::set<std::string, std::less<>>();  // never freed: outlives graphs
  std::lock_guard lock(mutex);
  auto it = names->find(name);
  if (it == names->end()) it = names->emplace(name).first;
  return &*it;
}
}  // namespace

std::vector<NodeMetrics::Entry>::const_iterator NodeMetrics::lower_bound(
    std::string_view name) const {
  return std::lower_bound(
      entries_.begin(), entries_.end(), name,
      [](const Entry& e, std::string_view n) { return std::string_view(*e.first) < n; });
}

double& NodeMetrics::operator[](std::string_view name) {
  auto it = entries_.begin() + (lower_bound(name) - entries_.cbegin());
  if (it != entries_.end() && *it->first == name) return it->second;
  return entries_.insert(it, {intern_metric_name(name), 0.0})->second;
}

double NodeMetrics::at(std::string_view name) const {
  auto it = find(name);
  if (it == end()) throw std::out_of_range("no metric '" + std::string(name) + "'");
  return it->second;
}

NodeMetrics::const_iterator NodeMetrics::find(std::string_view name) const {
  auto it = lower_bound(name);
  return it != entries_.end() && *it->first == name ? const_iterator(it) : end();
}

NodeMetrics::iterator NodeMetrics::find(std::string_view name) {
  auto it = entries_.begin() + (lower_bound(name) - entries_.cbegin());
  return it != entries_.end() && *it->first == name ? iterator(it) : end();
}

// --- edges ---

const std::string& EdgeType::empty() {
  static const std::string kEmpty;
  return kEmpty;
}

const std::vector<Evidence>& EdgeProps::evidence() const {
  static const std::vector<Evidence> kNone;
  return extra_ ? extra_->evidence : kNone;
}

const Attributes& EdgeProps::attributes() const {
  static const Attributes kNone;
  return extra_ && extra_->attributes ? *extra_->attributes : kNone;
}

Attributes& EdgeProps::mutable_attributes() {
  Extra& x = extra();
  if (!x.attributes) x.attributes = std::make_unique<Attributes>();
  return *x.attributes;
}

EdgeProps::Extra& EdgeProps::extra() {
  if (!extra_) extra_ = std::make_unique<Extra>();
  return *extra_;
}

namespace {

bool place_before(const Evidence& a, const Evidence& b) {
  return std::tie(a.document, a.page, a.range.begin, a.range.end) <
         std::tie(b.document, b.page, b.range.begin, b.range.end);
}
bool same_place(const Evidence& a, const Evidence& b) {
  return a.document == b.document && a.page == b.page && a.element == b.element &&
         a.range == b.range;
}

// An edge weighs its distinct (document, sentence) pairs; a record without a sentence index
// stands for the sentence at its first byte.
std::uint64_t sentence_key(const Evidence& e) {
  return e.sentence >= 0 ? static_cast<std::uint64_t>(e.sentence) : e.range.begin;
}
// Does `b`, right after `a` in evidence order, start another (document, sentence) pair?
int new_sentence(const Evidence* a, const Evidence& b) {
  return !a || a->document != b.document || sentence_key(*a) != sentence_key(b) ? 1 : 0;
}
bool in_order(const Evidence* a, const Evidence& b) {
  return !a || a->document != b.document || sentence_key(*a) <= sentence_key(b);
}

std::uint32_t count_sentences(const std::vector<Evidence>& ev) {
  std::set<std::pair<std::string_view, std::uint64_t>> seen;
  for (const auto& e : ev) seen.emplace(e.document, sentence_key(e));
  return static_cast<std::uint32_t>(seen.size());
}

// While sentence keys never decrease within a document, equal pairs sit side by side and the
// distinct pairs are the runs: counted in one pass, and updated in O(1) per insertion.
void recount(const std::vector<Evidence>& ev, std::uint32_t& sentences, bool& ordered) {
  sentences = 0;
  ordered = true;
  const Evidence* prev = nullptr;
  for (const Evidence& e : ev) {
    ordered = ordered && in_order(prev, e);
    sentences += static_cast<std::uint32_t>(new_sentence(prev, e));
    prev = &e;
  }
}

// Adds `batch` to `ev` (sorted, one record per (document, range)); the first record at a place
// wins. O(k log k + k log n) when the batch lands after the existing records or is one record,
// O(n + k log k) otherwise: never a re-sort or rescan per record.
void merge_evidence(std::vector<Evidence>& ev, std::vector<Evidence> batch,
                    std::uint32_t& sentences, bool& ordered) {
  // Stable, so the earliest record given at a place comes first and is the one kept. Places
  // are unique afterwards, so this order is also the (document, begin, end, rule) order.
  std::stable_sort(batch.begin(), batch.end(), place_before);
  batch.erase(std::unique(batch.begin(), batch.end(), same_place), batch.end());
  std::size_t kept = 0;
  auto from = ev.cbegin();
  for (Evidence& x : batch) {
    from = std::lower_bound(from, ev.cend(), x, place_before);
    if (from != ev.cend() && same_place(*from, x)) continue;
    if (&batch[kept] != &x) batch[kept] = std::move(x);
    ++kept;
  }
  batch.erase(batch.begin() + static_cast<std::ptrdiff_t>(kept), batch.end());
  if (batch.empty()) return;

  if (ev.empty() || place_before(ev.back(), batch.front())) {
    if (ev.empty()) ev.reserve(batch.size());
    for (Evidence& x : batch) {
      const Evidence* prev = ev.empty() ? nullptr : &ev.back();
      if (ordered) {
        ordered = in_order(prev, x);
        sentences += static_cast<std::uint32_t>(new_sentence(prev, x));
      }
      ev.push_back(std::move(x));
    }
    return;
  }
  if (batch.size() == 1) {
    Evidence& x = batch.front();
    auto at = std::lower_bound(ev.begin(), ev.end(), x, place_before);  // before the last one
    const Evidence* prev = at == ev.begin() ? nullptr : &*(at - 1);
    if (ordered) {
      ordered = in_order(prev, x) && in_order(&x, *at);
      sentences = static_cast<std::uint32_t>(static_cast<int>(sentences) + new_sentence(prev, x) +
                                             new_sentence(&x, *at) - new_sentence(prev, *at));
    }
    ev.insert(at, std::move(x));
    return;
  }
  const auto mid = static_cast<std::ptrdiff_t>(ev.size());
  ev.insert(ev.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
  std::inplace_merge(ev.begin(), ev.begin() + mid, ev.end(), place_before);
  recount(ev, sentences, ordered);
}

}  // namespace

EdgeDesc Graph::add_weighted_edge(const std::string& source, const std::string& target,
                                  const std::string& type, double weight,
                                  std::vector<Evidence> evidence, const Attributes& attributes) {
  auto s = find(source), t = find(target);
  if (!s) throw internal_error("edge " + type + " from unknown node " + source);
  if (!t) throw internal_error("edge " + type + " to unknown node " + target);
  const std::string* name = ontology_->edge_type_name(type);
  if (!name) throw internal_error("unknown edge type " + type);
  const EdgeRule& rule = ontology_->rule(type);
  BoostGraph& g = *g_;
  if (!endpoint_fits(g[*s], rule.from) || !endpoint_fits(g[*t], rule.to))
    throw internal_error("the ontology forbids " + type + " from " + g[*s].type + " " + source +
                         " to " + g[*t].type + " " + target);
  EdgeProps* p = edge_index_.find(*s, *t, name);
  EdgeDesc e;
  if (p) {
    e = EdgeDesc(*s, *t, p);
  } else {
    e = boost::add_edge(*s, *t, g).first;
    p = &g[e];
    p->type = EdgeType(name);
    edge_index_.insert(*s, *t, p);
  }
  if (!evidence.empty()) {
    EdgeProps::Extra& x = p->extra();
    merge_evidence(x.evidence, std::move(evidence), x.sentences, x.ordered);
  }
  if (!attributes.empty()) merge_attributes(p->mutable_attributes(), attributes);
  if (weight > 0) {
    p->weight += weight;
  } else if (!p->extra_) {
    p->weight = 0;
  } else {
    const EdgeProps::Extra& x = *p->extra_;
    p->weight = x.ordered ? x.sentences : count_sentences(x.evidence);
  }
  return e;
}

EdgeDesc Graph::add_edge(const std::string& source, const std::string& target,
                         const std::string& type, const Evidence& evidence,
                         const Attributes& attributes) {
  return add_weighted_edge(source, target, type, 0, {evidence}, attributes);
}

std::string Graph::edge_id(EdgeDesc e) const {
  const BoostGraph& g = *g_;
  return g[e].type.str() + ":" + g[boost::source(e, g)].id + "->" + g[boost::target(e, g)].id;
}

std::optional<Vertex> Graph::find(const std::string& id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> Graph::sorted_nodes() const {
  std::vector<Vertex> out;
  out.reserve(index_.size());
  for (const auto& [id, v] : index_) out.push_back(v);
  return out;
}

std::vector<EdgeDesc> Graph::sorted_edges() const {
  const BoostGraph& g = *g_;
  std::vector<EdgeDesc> out;
  out.reserve(boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) out.push_back(*it);
  std::sort(out.begin(), out.end(), [&g](EdgeDesc a, EdgeDesc b) {
    return std::tie(g[boost::source(a, g)].id, g[boost::target(a, g)].id, g[a].type.str()) <
           std::tie(g[boost::source(b, g)].id, g[boost::target(b, g)].id, g[b].type.str());
  });
  return out;
}

// --- construction, copies, the edge index ---

Graph::Graph(const Ontology& ontology) : g_(std::make_unique<BoostGraph>()), ontology_(&ontology) {}

Graph::Graph(const Graph& o)
    : documents(o.documents),
      warnings(o.warnings),
      attributes(o.attributes),
      g_(std::make_unique<BoostGraph>(*o.g_)),
      index_(o.index_),
      ontology_(o.ontology_) {
  rebuild_edge_index();
}

Graph::Graph(Graph&& o)
    : documents(std::move(o.documents)),
      warnings(std::move(o.warnings)),
      attributes(std::move(o.attributes)),
      g_(std::move(o.g_)),
      index_(std::move(o.index_)),
      edge_index_(std::move(o.edge_index_)),
      ontology_(o.ontology_) {
  // The moved-from graph stays usable (empty).
  o.g_ = std::make_unique<BoostGraph>();
  o.index_.clear();
  o.edge_index_.clear();
}

Graph& Graph::operator=(const Graph& o) {
  if (this != &o) *this = Graph(o);
  return *this;
}

Graph& Graph::operator=(Graph&& o) {
  if (this == &o) return *this;
  documents = std::move(o.documents);
  warnings = std::move(o.warnings);
  attributes = std::move(o.attributes);
  std::swap(g_, o.g_);
  std::swap(index_, o.index_);
  std::swap(edge_index_, o.edge_index_);
  ontology_ = o.ontology_;
  o.g_ = std::make_unique<BoostGraph>();
  o.index_.clear();
  o.edge_index_.clear();
  return *this;
}

Graph::~Graph() = default;

void Graph::rebuild_edge_index() {
  edge_index_.clear();
  BoostGraph& g = *g_;
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    edge_index_.insert(boost::source(*it, g), boost::target(*it, g), &g[*it]);
}

namespace {
std::uint64_t mix(std::uint64_t k) {  // MurmurHash3's finaliser
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
std::uint64_t pack(Vertex s, Vertex t) {
  return static_cast<std::uint64_t>(s) << 32 | static_cast<std::uint64_t>(t);
}
}  // namespace

namespace {
// The hash of an edge's ends and type (types are interned: the name's address is the type).
std::uint64_t edge_hash(std::uint64_t ends, const std::string* type) {
  return mix(ends ^ mix(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(type))));
}
}  // namespace

std::uint64_t Graph::EdgeIndex::Traits::hash(const Slot& s) {
  return edge_hash(s.ends, s.props->type.name());
}

EdgeProps* Graph::EdgeIndex::find(Vertex s, Vertex t, const std::string* type) const {
  const std::uint64_t ends = pack(s, t);
  const Slot* slot = table_.get(edge_hash(ends, type), [&](const Slot& slot) {
    return slot.ends == ends && slot.props->type.name() == type;
  });
  return slot ? slot->props : nullptr;
}

void Graph::EdgeIndex::insert(Vertex s, Vertex t, EdgeProps* props) {
  // Each edge once (find() first): the slot is a free one.
  const std::uint64_t ends = pack(s, t);
  *table_.insert(edge_hash(ends, props->type.name()), [](const Slot&) { return false; }).first = {
      ends, props};
}

}  // namespace softgraph
