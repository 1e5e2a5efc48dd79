// Averaged-perceptron weights while training: sparse rows of exact integer weights, averaged
// with Daume's trick (each update also adds clock * delta to an accumulator, so the average is
// w - acc / clock with no per-weight timestamps). Integers keep training bit-for-bit
// deterministic. freeze() prunes and quantises them into the WeightTable that ships.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "weight_table.hpp"

namespace softgraph::syntax {

struct FreezeOptions {
  double min_weight = 0;          // drop averaged weights below this (absolute) value
  std::uint32_t min_updates = 0;  // drop features updated fewer times than this
};

class TrainTable {
 public:
  explicit TrainTable(int classes) : classes_(classes) {}

  // Adds the current (not averaged) weights of `keys` into `scores`.
  void score(std::span<const std::uint64_t> keys, std::int32_t* scores) const;
  // Rewards `good` and penalises `bad` on every key.
  void update(std::span<const std::uint64_t> keys, int good, int bad);
  // One training instance has gone by (call after each, updated or not).
  void tick() { ++clock_; }

  // The averaged weights, times `resolution`, as a TrainTable whose score() gives the average:
  // for measuring what quantising to 16 bits costs.
  TrainTable averaged(double resolution) const;
  // The averaged weights, pruned and quantised to 16 bits with one scale for the table.
  WeightTable freeze(const FreezeOptions& options) const;

  int classes() const { return classes_; }
  std::size_t features() const { return rows_.size(); }

 private:
  struct Entry {
    std::int32_t weight = 0;
    std::int64_t acc = 0;
    std::uint16_t cls = 0;
  };
  struct Row {
    std::uint64_t key = 0;
    std::uint32_t updates = 0;
    std::vector<Entry> entries;
  };
  Entry& entry(Row& row, int cls);
  double average(const Entry& e) const {
    return e.weight - static_cast<double>(e.acc) / static_cast<double>(clock_);
  }

  int classes_;
  std::int64_t clock_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<Row> rows_;
};

}  // namespace softgraph::syntax
