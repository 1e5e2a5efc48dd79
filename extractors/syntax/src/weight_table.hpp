// The weights of one averaged-perceptron model, frozen for prediction: for each feature key, its
// row of (class, weight) pairs, quantised to 16 bits. Rows are sparse because a perceptron only
// ever touches the classes it confused on that feature; most rows hold a handful of pairs.
//
// Nearly every lookup misses the cache (the tables are megabytes, the keys random), so parsing
// time is memory latency, and the layout is chosen for it: a 16-byte slot per feature in an
// open-addressing table holds a 32-bit fingerprint of the key and, for rows of up to three pairs
// (most of them), the pairs themselves; longer rows live in a separate array, and the longest
// (frequent features such as a tag, which touch most classes) as dense rows of every class: a
// plain loop the compiler vectorises beats scattering pair by pair.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace softgraph::syntax {

struct WeightEntry {
  std::uint16_t cls = 0;
  std::int16_t weight = 0;
};

class WeightTable {
 public:
  WeightTable() = default;
  // `keys` distinct and non-zero; row i is entries[offsets[i], offsets[i+1]), classes < 256.
  WeightTable(int classes, float scale, std::vector<std::uint64_t> keys,
              std::vector<std::uint32_t> offsets, std::vector<WeightEntry> entries);

  // Adds the row of every key found to scores[0 .. classes). Three passes let the cache misses
  // overlap instead of queueing: prefetch every key's slot; add the rows held in their slots and
  // prefetch the longer ones; add those, the dense rows last in one sweep that keeps the sums in
  // registers (AVX2 when the processor has it: most of a parse is adding dense rows, 69 % of the
  // parser's look-ups on real text). Integer sums, so the order of the adds changes nothing.
  void score(std::span<const std::uint64_t> keys, std::int32_t* scores) const;
  // The same sums, plainly: one key after the other, no prefetching, no vector code. The tests
  // compare score() with it on real sentences.
  void score_reference(std::span<const std::uint64_t> keys, std::int32_t* scores) const;

  int classes() const { return classes_; }
  float scale() const { return scale_; }
  // The rows as given, for writing the model back.
  const std::vector<std::uint64_t>& keys() const { return keys_; }
  const std::vector<std::uint32_t>& offsets() const { return offsets_; }
  const std::vector<WeightEntry>& entries() const { return entries_; }

 private:
  static constexpr int kInline = 3;
  struct Slot {
    std::uint32_t fingerprint = 0;  // bits 16-47 of the key; the low bits chose the slot
    std::uint8_t count = 0;         // pairs in the row; 0 = empty slot
    std::uint8_t cls[kInline] = {};
    std::int16_t weight[kInline] = {};  // for longer rows, weight[0..1] hold begin()
    std::uint8_t dense = 0;             // the row is in dense_, one weight per class
    std::uint8_t pad = 0;
    std::uint32_t begin() const {
      std::uint32_t b;
      std::memcpy(&b, weight, sizeof b);
      return b;
    }
  };
  static_assert(sizeof(Slot) == 16);

  const Slot* find(std::uint64_t key) const {
    const auto fingerprint = static_cast<std::uint32_t>(key >> 16);
    for (std::size_t i = static_cast<std::size_t>(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].count == 0) return nullptr;
      if (slots_[i].fingerprint == fingerprint) return &slots_[i];
    }
  }

  int classes_ = 0;
  float scale_ = 1;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> offsets_;
  std::vector<WeightEntry> entries_;
  std::vector<Slot> slots_;
  std::vector<WeightEntry> long_entries_;  // the rows longer than kInline
  // The rows covering an eighth of the classes or more, one weight per class, each row padded with
  // zeros to dense_stride_ (classes rounded up to 8: whole 16-byte vectors).
  std::vector<std::int16_t> dense_;
  std::size_t dense_stride_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace softgraph::syntax
