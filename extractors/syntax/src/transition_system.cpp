// Arc-hybrid transitions (see transition_system.hpp).
#include "transition_system.hpp"

namespace softgraph::syntax {

void ParseState::reset(int words) {
  n = words;
  b0 = 0;
  stack.clear();
  auto fill = [&](auto& v, auto value) { v.assign(static_cast<std::size_t>(n) + 1, value); };
  fill(head, kNone);
  fill(label, kNone);
  fill(left1, kNone);
  fill(left2, kNone);
  fill(right1, kNone);
  fill(right2, kNone);
  fill(left_count, std::uint8_t{0});
  fill(right_count, std::uint8_t{0});
  fill(left_labels, std::uint64_t{0});
  fill(right_labels, std::uint64_t{0});
}

void ParseState::apply(int cls) {
  if (cls == 0) {
    stack.push_back(b0++);
    return;
  }
  int d = stack.back();
  stack.pop_back();
  attach(is_left(cls) ? b0 : stack.back(), d, class_label(cls));
}

// In arc-hybrid a word's new left child is always left of its earlier ones (they were popped off
// the stack above it) and a new right child right of them, so the outermost two are a shift away.
void ParseState::attach(int h, int d, int l) {
  auto hu = static_cast<std::size_t>(h), du = static_cast<std::size_t>(d);
  head[du] = h;
  label[du] = l;
  std::uint64_t bit = std::uint64_t{1} << (l & 63);
  if (d < h) {
    left2[hu] = left1[hu];
    left1[hu] = d;
    if (left_count[hu] < 255) ++left_count[hu];
    left_labels[hu] |= bit;
  } else {
    right2[hu] = right1[hu];
    right1[hu] = d;
    if (right_count[hu] < 255) ++right_count[hu];
    right_labels[hu] |= bit;
  }
}

}  // namespace softgraph::syntax
