// Training weights (see train_table.hpp).
#include "train_table.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace softgraph::syntax {

void TrainTable::score(std::span<const std::uint64_t> keys, std::int32_t* scores) const {
  for (std::uint64_t key : keys) {
    auto it = index_.find(key);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second].entries) scores[e.cls] += e.weight;
  }
}

TrainTable::Entry& TrainTable::entry(Row& row, int cls) {
  for (Entry& e : row.entries)
    if (e.cls == cls) return e;
  row.entries.push_back(Entry{0, 0, static_cast<std::uint16_t>(cls)});
  return row.entries.back();
}

void TrainTable::update(std::span<const std::uint64_t> keys, int good, int bad) {
  for (std::uint64_t key : keys) {
    auto [it, fresh] = index_.try_emplace(key, static_cast<std::uint32_t>(rows_.size()));
    if (fresh) rows_.push_back(Row{key, 0, {}});
    Row& row = rows_[it->second];
    ++row.updates;
    Entry& g = entry(row, good);
    g.weight += 1;
    g.acc += clock_;
    Entry& b = entry(row, bad);
    b.weight -= 1;
    b.acc -= clock_;
  }
}

TrainTable TrainTable::averaged(double resolution) const {
  TrainTable out(classes_);
  out.index_ = index_;
  out.rows_ = rows_;
  for (Row& row : out.rows_) {
    for (Entry& e : row.entries) {
      e.weight = static_cast<std::int32_t>(std::lround(average(e) * resolution));
      e.acc = 0;
    }
  }
  return out;
}

WeightTable TrainTable::freeze(const FreezeOptions& options) const {
  double max_abs = 0;
  for (const Row& row : rows_)
    for (const Entry& e : row.entries) max_abs = std::max(max_abs, std::abs(average(e)));
  const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  // Rows in key order, so equal training gives equal bytes whatever the hash map's order.
  std::vector<std::uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return rows_[a].key < rows_[b].key; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets{0};
  std::vector<WeightEntry> entries;
  for (std::uint32_t r : order) {
    const Row& row = rows_[r];
    if (row.updates < options.min_updates) continue;
    std::size_t before = entries.size();
    std::vector<Entry> sorted = row.entries;
    std::sort(sorted.begin(), sorted.end(),
              [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    for (const Entry& e : sorted) {
      double a = average(e);
      if (std::abs(a) < options.min_weight) continue;
      long q = std::lround(a / scale);
      if (q == 0) continue;
      entries.push_back(WeightEntry{e.cls, static_cast<std::int16_t>(q)});
    }
    if (entries.size() == before) continue;
    keys.push_back(row.key);
    offsets.push_back(static_cast<std::uint32_t>(entries.size()));
  }
  return WeightTable(classes_, static_cast<float>(scale), std::move(keys), std::move(offsets),
                     std::move(entries));
}

}  // namespace softgraph::syntax
