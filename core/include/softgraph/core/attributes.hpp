// Typed attribute values carried by nodes and edges, kept in key order so that every export is
// deterministic.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace softgraph {

using AttrValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

// A map from name to value with std::map's interface and ordering, stored as one sorted vector:
// entities and relations carry a handful of attributes each and are copied per document, where a
// node per attribute would cost an allocation each. Inserting or erasing invalidates iterators and
// references (unlike std::map).
class Attributes {
 public:
  using key_type = std::string;
  using mapped_type = AttrValue;
  using value_type = std::pair<std::string, AttrValue>;
  using storage = std::vector<value_type>;
  using iterator = storage::iterator;
  using const_iterator = storage::const_iterator;
  using size_type = std::size_t;

  Attributes() = default;
  Attributes(std::initializer_list<value_type> items) {
    for (const auto& item : items) insert(item);
  }

  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  size_type size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }
  void reserve(size_type n) { items_.reserve(n); }

  iterator find(std::string_view key) {
    auto it = lower_bound(key);
    return it != items_.end() && it->first == key ? it : items_.end();
  }
  const_iterator find(std::string_view key) const {
    auto it = lower_bound(key);
    return it != items_.end() && it->first == key ? it : items_.end();
  }
  size_type count(std::string_view key) const { return find(key) == end() ? 0 : 1; }

  AttrValue& at(std::string_view key) {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("no attribute " + std::string(key));
    return it->second;
  }
  const AttrValue& at(std::string_view key) const {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("no attribute " + std::string(key));
    return it->second;
  }
  AttrValue& operator[](std::string_view key) { return try_emplace(key).first->second; }

  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    auto it = lower_bound(key);
    if (it != items_.end() && it->first == key) return {it, false};
    it = items_.emplace(it, std::piecewise_construct, std::forward_as_tuple(key),
                        std::forward_as_tuple(std::forward<Args>(args)...));
    return {it, true};
  }
  template <typename K, typename V>
  std::pair<iterator, bool> emplace(K&& key, V&& value) {
    return try_emplace(std::string_view(key), std::forward<V>(value));
  }
  std::pair<iterator, bool> insert(const value_type& item) {
    return try_emplace(item.first, item.second);
  }
  std::pair<iterator, bool> insert(value_type&& item) {
    auto it = lower_bound(item.first);
    if (it != items_.end() && it->first == item.first) return {it, false};
    return {items_.insert(it, std::move(item)), true};
  }
  size_type erase(std::string_view key) {
    auto it = find(key);
    if (it == end()) return 0;
    items_.erase(it);
    return 1;
  }
  iterator erase(const_iterator it) { return items_.erase(it); }

  friend bool operator==(const Attributes&, const Attributes&) = default;

 private:
  iterator lower_bound(std::string_view key) {
    return std::lower_bound(items_.begin(), items_.end(), key,
                            [](const value_type& a, std::string_view k) { return a.first < k; });
  }
  const_iterator lower_bound(std::string_view key) const {
    return std::lower_bound(items_.begin(), items_.end(), key,
                            [](const value_type& a, std::string_view k) { return a.first < k; });
  }
  storage items_;
};

}  // namespace softgraph
