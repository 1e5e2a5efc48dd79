// The typed knowledge graph: a Boost.Graph adjacency_list with bundled node and edge properties,
// wrapped with the id index and the ontology check. Built once, then frozen for metrics/exports.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "softgraph/core/attributes.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/core/probe_table.hpp"
#include "softgraph/graph/ontology.hpp"

namespace softgraph {

// A node's metric values by name, iterated in name order like the std::map it replaces, but
// stored as one small sorted vector of (interned name, value): 16 bytes an entry.
class NodeMetrics {
  using Entry = std::pair<const std::string*, double>;

 public:
  // Iterators yield pair<const std::string&, double&> by value, so `for (const auto& [k, v] : m)`
  // and `it->second` read as they do on a map.
  template <bool Const>
  class Iterator {
    using Raw =
        std::conditional_t<Const, std::vector<Entry>::const_iterator, std::vector<Entry>::iterator>;
    using Value = std::conditional_t<Const, const double, double>;

   public:
    using value_type = std::pair<const std::string&, Value&>;
    using reference = value_type;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::forward_iterator_tag;
    struct Arrow {
      value_type pair;
      const value_type* operator->() const { return &pair; }
    };

    Iterator() = default;
    explicit Iterator(Raw it) : it_(it) {}
    operator Iterator<true>() const requires(!Const) { return Iterator<true>(it_); }
    reference operator*() const { return {*it_->first, it_->second}; }
    Arrow operator->() const { return {**this}; }
    Iterator& operator++() {
      ++it_;
      return *this;
    }
    Iterator operator++(int) { return Iterator(it_++); }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.it_ == b.it_; }

   private:
    Raw it_{};
  };
  using iterator = Iterator<false>;
  using const_iterator = Iterator<true>;

  double& operator[](std::string_view name);
  double at(std::string_view name) const;  // throws std::out_of_range
  iterator find(std::string_view name);
  const_iterator find(std::string_view name) const;
  std::size_t count(std::string_view name) const { return find(name) != end() ? 1 : 0; }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  void clear() { entries_.clear(); }
  void reserve(std::size_t n) { entries_.reserve(n); }
  iterator begin() { return iterator(entries_.begin()); }
  iterator end() { return iterator(entries_.end()); }
  const_iterator begin() const { return const_iterator(entries_.begin()); }
  const_iterator end() const { return const_iterator(entries_.end()); }
  friend bool operator==(const NodeMetrics&, const NodeMetrics&) = default;

 private:
  std::vector<Entry>::const_iterator lower_bound(std::string_view name) const;
  std::vector<Entry> entries_;
};

struct NodeProps {
  std::string id;
  std::string type;
  std::string label;
  std::vector<std::string> aliases;  // sorted, unique, without the label
  Attributes attributes;
  NodeMetrics metrics;
};

// The channel an Instrument node stands for: its "channel" attribute, or else its id without
// "instrument/" ("instrument/education" -> "education").
std::string channel_of(const NodeProps& n);
// The node type a role stands for ("actor" and "member" and "operator" -> Actor, "target" ->
// TargetCountry), or "" for no type.
std::string role_type(const std::string& role);
// The roles a node's attributes list (attributes.roles), or none.
std::vector<std::string> roles_of(const Attributes& attrs);

// An edge type: a pointer to its name in the graph's Ontology (8 bytes instead of a string). It
// converts to const std::string& and compares with strings.
class EdgeType {
 public:
  EdgeType() = default;
  explicit EdgeType(const std::string* name) : name_(name) {}
  const std::string& str() const { return name_ ? *name_ : empty(); }
  operator const std::string&() const { return str(); }
  const std::string* name() const { return name_; }
  friend bool operator==(const EdgeType& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const EdgeType& a, const EdgeType& b) { return a.str() == b.str(); }
  friend std::strong_ordering operator<=>(const EdgeType& a, const EdgeType& b) {
    return a.str() <=> b.str();
  }

 private:
  static const std::string& empty();
  const std::string* name_ = nullptr;
};

// An edge's bundle: 24 bytes. Evidence lives behind a pointer that stays null for an edge without
// evidence or attributes, and attributes behind another one in there (most edges have none).
// Only Graph::add_weighted_edge adds evidence: it keeps it sorted and deduplicated. The edge's id
// is Graph::edge_id(e).
struct EdgeProps {
  EdgeType type;
  double weight = 0;  // number of distinct evidence sentences, or the sum of given weights

  // Sorted by (document, range.begin, range.end, rule); one record per (document, range).
  const std::vector<Evidence>& evidence() const;
  const Attributes& attributes() const;
  Attributes& mutable_attributes();

  EdgeProps() = default;
  EdgeProps(const EdgeProps& o)
      : type(o.type),
        weight(o.weight),
        extra_(o.extra_ ? std::make_unique<Extra>(*o.extra_) : nullptr) {}
  EdgeProps(EdgeProps&&) noexcept = default;
  EdgeProps& operator=(const EdgeProps& o) {
    type = o.type;
    weight = o.weight;
    if (this != &o) extra_ = o.extra_ ? std::make_unique<Extra>(*o.extra_) : nullptr;
    return *this;
  }
  EdgeProps& operator=(EdgeProps&&) noexcept = default;

 private:
  friend class Graph;
  struct Extra {
    std::vector<Evidence> evidence;
    std::unique_ptr<Attributes> attributes;  // null when empty
    // Distinct (document, sentence) pairs in `evidence`, kept up to date while the sentence keys
    // never decrease along it within a document (the usual case); counted afresh otherwise.
    std::uint32_t sentences = 0;
    bool ordered = true;

    Extra() = default;
    Extra(const Extra& o)
        : evidence(o.evidence),
          attributes(o.attributes ? std::make_unique<Attributes>(*o.attributes) : nullptr),
          sentences(o.sentences),
          ordered(o.ordered) {}
  };
  Extra& extra();
  std::unique_ptr<Extra> extra_;
};

struct DocumentInfo {
  std::string id, path, sha256, format;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using EdgeDesc = boost::graph_traits<BoostGraph>::edge_descriptor;

class Graph {
 public:
  explicit Graph(const Ontology& ontology = Ontology::builtin());
  // A copy gets its own edge index; a move keeps the adjacency_list in place (it has no move).
  Graph(const Graph& o);
  Graph(Graph&& o);
  Graph& operator=(const Graph& o);
  Graph& operator=(Graph&& o);
  ~Graph();

  // Adds a node, or merges aliases and attributes into the node with the same id. A different
  // type for an existing id is an error unless `roles` explain it (see README).
  Vertex add_node(const Entity& entity);
  // Adds evidence to the edge (source, target, type), creating it if needed. Throws
  // Error(kInternal) if an endpoint is unknown or the ontology forbids the endpoint types.
  EdgeDesc add_edge(const std::string& source, const std::string& target, const std::string& type,
                    const Evidence& evidence, const Attributes& attributes = {});
  // Adds an edge whose weight is given rather than counted (projections, round trips).
  EdgeDesc add_weighted_edge(const std::string& source, const std::string& target,
                             const std::string& type, double weight, std::vector<Evidence> evidence,
                             const Attributes& attributes = {});

  std::optional<Vertex> find(const std::string& id) const;
  const NodeProps& node(Vertex v) const { return (*g_)[v]; }
  NodeProps& node(Vertex v) { return (*g_)[v]; }
  const EdgeProps& edge(EdgeDesc e) const { return (*g_)[e]; }
  EdgeProps& edge(EdgeDesc e) { return (*g_)[e]; }
  // "TYPE:source id->target id", unique in the graph.
  std::string edge_id(EdgeDesc e) const;
  std::size_t node_count() const { return boost::num_vertices(*g_); }
  std::size_t edge_count() const { return boost::num_edges(*g_); }

  // Vertices ordered by id and edges ordered by (source id, target id, type): export order.
  std::vector<Vertex> sorted_nodes() const;
  std::vector<EdgeDesc> sorted_edges() const;

  const BoostGraph& boost() const { return *g_; }
  BoostGraph& boost() { return *g_; }
  const Ontology& ontology() const { return *ontology_; }

  std::vector<DocumentInfo> documents;
  std::vector<std::string> warnings;
  Attributes attributes;  // graph-level facts (e.g. unresolved citations)

  // Ontology check used by add_edge: does the node's type, or one of its "roles", fit?
  bool endpoint_fits(const NodeProps& n, const std::set<std::string>& allowed) const;

 private:
  // (source, target, type) -> the edge's bundle: 16 bytes a slot, at most 3/4 full.
  class EdgeIndex {
   public:
    EdgeProps* find(Vertex s, Vertex t, const std::string* type) const;
    void insert(Vertex s, Vertex t, EdgeProps* props);
    void clear() { table_.clear(); }

   private:
    struct Slot {
      std::uint64_t ends = 0;  // source << 32 | target
      EdgeProps* props = nullptr;
    };
    struct Traits {
      static bool empty(const Slot& s) { return s.props == nullptr; }
      static std::uint64_t hash(const Slot& s);
    };
    ProbeTable<Slot, Traits> table_{0, 3};
  };
  void rebuild_edge_index();

  std::unique_ptr<BoostGraph> g_;
  std::map<std::string, Vertex> index_;
  EdgeIndex edge_index_;
  const Ontology* ontology_;
};

// Merges `more` into `into` (sorted, unique, never equal to `label`).
void merge_aliases(std::vector<std::string>& into, const std::vector<std::string>& more,
                   const std::string& label);
// Merges `more` into `into`: lists as sorted sets (roles, channels, owners), scalars keep the
// value already there.
void merge_attributes(Attributes& into, const Attributes& more);

}  // namespace softgraph
