// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the buffer
// (Ballesteros & Nivre 2013), so the root attaches last and each sentence gets one root:
//   SHIFT    push the buffer front b0 on the stack
//   LEFT-l   pop s0 and attach it to b0 with label l (to the root only when s0 is alone)
//   RIGHT-l  pop s0 and attach it to s1 with label l
// Classes: 0 = SHIFT, 1 + 2l = LEFT-l, 2 + 2l = RIGHT-l. Words are 0-based; the root is word n.
#pragma once

#include <cstdint>
#include <vector>

namespace softgraph::syntax {

inline constexpr int kNone = -1;

inline int shift_class() { return 0; }
inline int left_class(int label) { return 1 + 2 * label; }
inline int right_class(int label) { return 2 + 2 * label; }
inline bool is_left(int cls) { return cls > 0 && cls % 2 == 1; }
inline bool is_right(int cls) { return cls > 0 && cls % 2 == 0; }
inline int class_label(int cls) { return (cls - 1) / 2; }

// A parser configuration plus what the features read of the partial tree: the two outermost
// children on each side, valencies and the sets of child labels of every word.
struct ParseState {
  int n = 0;  // words; index n is the root
  int b0 = 0;
  std::vector<int> stack;
  std::vector<int> head, label, left1, left2, right1, right2;
  std::vector<std::uint8_t> left_count, right_count;
  std::vector<std::uint64_t> left_labels, right_labels;  // bit (label % 64)

  // Starts a sentence of `words` words; keeps capacity.
  void reset(int words);
  bool terminal() const { return b0 == n && stack.empty(); }
  int s(std::size_t k) const {  // k-th from the stack top, or kNone
    return stack.size() > k ? stack[stack.size() - 1 - k] : kNone;
  }

  bool can_shift() const { return b0 < n; }
  bool can_left() const { return !stack.empty() && (b0 < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }
  // Whether the class is allowed now; the root label goes only on the arc to the root.
  bool valid(int cls, int root_label) const {
    if (cls == 0) return can_shift();
    int l = class_label(cls);
    if (is_left(cls)) return can_left() && ((b0 == n) == (l == root_label));
    return can_right() && l != root_label;
  }
  void apply(int cls);

 private:
  void attach(int h, int d, int l);
};

}  // namespace softgraph::syntax
