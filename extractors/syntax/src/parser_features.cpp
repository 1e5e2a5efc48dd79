// Parser feature templates (see parser_features.hpp). Template numbers are part of the model
// format: changing one needs a retrained model.
#include "parser_features.hpp"

#include <algorithm>

#include "feature_hash.hpp"

namespace softgraph::syntax {
namespace {

// What the templates read of one position of the configuration (a word or nothing).
struct Slot {
  std::uint64_t w;  // lower-cased form hash
  std::uint64_t p;  // tag
  std::uint64_t l;  // label of the arc to its head, when attached
  std::uint64_t e;  // last three letters, for words too rare to have weights of their own
  std::uint64_t q;  // XPOS tag
  std::uint64_t t;  // the tags the word had in training, to weigh the predicted one against
};

std::uint64_t bucket(int d) {  // distances 1 2 3 4, 5-6, 7-9, 10+
  if (d <= 4) return static_cast<std::uint64_t>(d);
  return d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

}  // namespace

void parser_features(const ParseState& st, std::span<const WordInfo> words,
                     std::span<const std::uint8_t> tags, std::span<const std::uint8_t> xtags,
                     std::uint64_t (&keys)[kParserFeatures]) {
  static const std::uint64_t none_word = 0x5bd1e9955bd1e995ULL;
  auto at = [&](int i) -> Slot {
    if (i == kNone) return Slot{none_word, kNoneTag, 255, none_word, kNoneTag, 0x40000000};
    auto u = static_cast<std::size_t>(i);
    std::uint64_t l = st.label[u] == kNone ? 255 : static_cast<std::uint64_t>(st.label[u]);
    return Slot{words[u].lower, tags[u], l, words[u].suffix[2], xtags[u], words[u].tag_set};
  };
  auto child = [&](int i, const std::vector<int>& v) {
    return i == kNone ? kNone : v[static_cast<std::size_t>(i)];
  };
  const int s0i = st.s(0), s1i = st.s(1), b0i = st.b0;
  const int b1i = b0i + 1 <= st.n ? b0i + 1 : kNone, b2i = b0i + 2 <= st.n ? b0i + 2 : kNone;
  const Slot s0 = at(s0i), s1 = at(s1i), s2 = at(st.s(2)), b0 = at(b0i), b1 = at(b1i), b2 = at(b2i);
  const Slot s0l1 = at(child(s0i, st.left1)), s0l2 = at(child(s0i, st.left2));
  const Slot s0r1 = at(child(s0i, st.right1)), s0r2 = at(child(s0i, st.right2));
  const Slot s1l1 = at(child(s1i, st.left1)), s1r1 = at(child(s1i, st.right1));
  const Slot s1r2 = at(child(s1i, st.right2));
  const Slot b0l1 = at(child(b0i, st.left1)), b0l2 = at(child(b0i, st.left2));

  auto u8 = [](auto v) { return static_cast<std::uint64_t>(v); };
  const std::uint64_t d0 = s0i == kNone ? 0 : bucket(b0i - s0i);
  const std::uint64_t d1 = s1i == kNone ? 0 : bucket(s0i - s1i);
  auto val = [&](int i, const std::vector<std::uint8_t>& v) {
    return i == kNone ? 0 : u8(std::min<std::uint8_t>(v[static_cast<std::size_t>(i)], 6));
  };
  auto set = [&](int i, const std::vector<std::uint64_t>& v) {
    return i == kNone ? 0 : v[static_cast<std::size_t>(i)];
  };
  const std::uint64_t s0vl = val(s0i, st.left_count), s0vr = val(s0i, st.right_count);
  const std::uint64_t s1vl = val(s1i, st.left_count), s1vr = val(s1i, st.right_count);
  const std::uint64_t b0vl = val(b0i, st.left_count);
  const std::uint64_t s0sl = set(s0i, st.left_labels), s0sr = set(s0i, st.right_labels);
  const std::uint64_t s1sr = set(s1i, st.right_labels), b0sl = set(b0i, st.left_labels);
  auto pp = [](std::uint64_t a, std::uint64_t b) { return a | b << 8; };
  auto ppp = [](std::uint64_t a, std::uint64_t b, std::uint64_t c) { return a | b << 8 | c << 16; };

  int k = 0;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    if (k >= kParserFeatures) return;  // never: kParserFeatures counts the add() calls below
    keys[k] = feature_key(static_cast<std::uint32_t>(k), a, b, c);
    ++k;
  };
  // Single positions.
  add(s0.w), add(s0.p), add(s0.w, s0.p);
  add(s1.w), add(s1.p), add(s1.w, s1.p);
  add(s2.w), add(s2.p);
  add(b0.w), add(b0.p), add(b0.w, b0.p);
  add(b1.w), add(b1.p), add(b1.w, b1.p);
  add(b2.w), add(b2.p);
  // s0 and b0: the pair LEFT decides on.
  add(s0.w, b0.w, pp(s0.p, b0.p)), add(s0.w, b0.w, pp(s0.p, 256)), add(s0.w, b0.w);
  add(s0.w, pp(s0.p, b0.p), 1), add(b0.w, pp(s0.p, b0.p), 2), add(pp(s0.p, b0.p));
  // s1 and s0: the pair RIGHT decides on.
  add(s1.w, s0.w, pp(s1.p, s0.p)), add(s1.w, s0.w), add(pp(s1.p, s0.p));
  add(s1.w, pp(s1.p, s0.p), 1), add(s0.w, pp(s1.p, s0.p), 2);
  add(s1.w, b0.w), add(pp(s1.p, b0.p));
  // Tag trigrams.
  add(ppp(b0.p, b1.p, b2.p)), add(ppp(s0.p, b0.p, b1.p)), add(ppp(s1.p, s0.p, b0.p));
  add(ppp(s2.p, s1.p, s0.p)), add(pp(b0.p, b1.p)), add(ppp(s1.p, s0.p, b1.p));
  add(ppp(s0.p, s0l1.p, b0.p)), add(ppp(s0.p, s0r1.p, b0.p)), add(ppp(s0.p, b0.p, b0l1.p));
  add(ppp(s1.p, s0.p, s0l1.p)), add(ppp(s1.p, s1r1.p, s0.p)), add(ppp(s1.p, s0.p, s0r1.p));
  add(ppp(s1.p, s1l1.p, s0.p));
  // Distances.
  add(s0.w, d0), add(s0.p, d0), add(b0.w, d0), add(b0.p, d0), add(s0.w, b0.w, d0);
  add(pp(s0.p, b0.p), d0), add(pp(s1.p, s0.p), d1), add(s1.w, s0.w, d1), add(s0.w, d1);
  // Valencies.
  add(s0.w, s0vr), add(s0.p, s0vr), add(s0.w, s0vl), add(s0.p, s0vl);
  add(s1.w, s1vr), add(s1.p, s1vr), add(s1.p, s1vl), add(b0.w, b0vl), add(b0.p, b0vl);
  // Children: the outermost and the next.
  add(s0l1.w), add(s0l1.p), add(s0l1.l), add(s0r1.w), add(s0r1.p), add(s0r1.l);
  add(s1r1.w), add(s1r1.p), add(s1r1.l), add(b0l1.w), add(b0l1.p), add(b0l1.l);
  add(s0l2.p, s0l2.l), add(s0r2.p, s0r2.l), add(b0l2.p, b0l2.l), add(s1r2.p, s1r2.l);
  add(ppp(s0.p, s0l1.l, s0l2.l)), add(ppp(s0.p, s0r1.l, s0r2.l)), add(ppp(b0.p, b0l1.l, b0l2.l));
  add(ppp(s1.p, s1r1.l, s1r2.l));
  // Label sets.
  add(s0.w, s0sr), add(s0.p, s0sr), add(s0.w, s0sl), add(s0.p, s0sl);
  add(b0.w, b0sl), add(b0.p, b0sl), add(s1.p, s1sr);
  // Word endings.
  add(s0.e, s0.p), add(b0.e, b0.p), add(s1.e, s1.p), add(s0.e, b0.e);
  // Penn Treebank tags.
  add(s0.q), add(s1.q), add(b0.q), add(b1.q), add(pp(s0.q, b0.q)), add(pp(s1.q, s0.q));
  add(ppp(s0.q, b0.q, b1.q)), add(s0.w, b0.q), add(s0.q, b0.w);
  // Ambiguity classes beside the predicted tags.
  add(s0.t, s0.p), add(b0.t, b0.p), add(b1.t, b1.p);
}

}  // namespace softgraph::syntax
