#pragma once
// The one open-addressing hash table, for the tables a profile shows hot (elsewhere
// std::unordered_map): linear probing over a power-of-two array of entries, no erase. An entry
// holds its own key, and a value-initialised entry is a free slot. Callers pass a key's 64-bit
// hash with a predicate, so a key can be found through another form than the one stored (a
// token's text for a stored word) and a hash computed once serves several tables.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace softgraph {

// Traits: static bool empty(const Entry&) (a free slot) and static std::uint64_t hash(const
// Entry&) (the hash it was inserted with, to place it again when the table grows).
template <class Entry, class Traits>
class ProbeTable {
 public:
  // Room for `expected` entries before growing; at most max_quarters/4 of the slots are used
  // (fewer used slots: shorter probes, more memory).
  explicit ProbeTable(std::size_t expected = 0, unsigned max_quarters = 2)
      : max_quarters_(max_quarters) {
    slots_.resize(std::bit_ceil(std::max<std::size_t>(16, expected * 4 / max_quarters + 1)));
    mask_ = slots_.size() - 1;
  }

  // The entry that `is` accepts, or null.
  template <class Is>
  const Entry* get(std::uint64_t hash, Is&& is) const {
    const Entry& e = slot(hash, is);
    return Traits::empty(e) ? nullptr : &e;
  }
  // The entry that `is` accepts, or else a free slot for it, counted from now on as used: the
  // caller fills it in. second: whether the slot is new.
  template <class Is>
  std::pair<Entry*, bool> insert(std::uint64_t hash, Is&& is) {
    if ((size_ + 1) * 4 > slots_.size() * max_quarters_) grow();
    Entry& e = const_cast<Entry&>(slot(hash, is));
    if (!Traits::empty(e)) return {&e, false};
    ++size_;
    return {&e, true};
  }
  std::size_t size() const { return size_; }
  void clear() { *this = ProbeTable(0, max_quarters_); }

 private:
  // Where the probe for `hash` starts: its high half folded into the bits the mask keeps, so a
  // hash that is a multiple of a power of two (a pointer times a constant) spreads too.
  std::size_t start(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash ^ (hash >> 32)) & mask_;
  }
  // The entry `is` accepts, or the free slot where it would go.
  template <class Is>
  const Entry& slot(std::uint64_t hash, Is& is) const {
    for (std::size_t i = start(hash);; i = (i + 1) & mask_) {
      const Entry& e = slots_[i];
      if (Traits::empty(e) || is(e)) return e;
    }
  }
  void grow() {
    std::vector<Entry> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (Entry& e : old) {
      if (Traits::empty(e)) continue;
      std::size_t i = start(Traits::hash(e));
      while (!Traits::empty(slots_[i])) i = (i + 1) & mask_;
      slots_[i] = std::move(e);
    }
  }

  std::vector<Entry> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  unsigned max_quarters_;
};

}  // namespace softgraph
