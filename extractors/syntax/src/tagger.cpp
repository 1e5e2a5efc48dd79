// Tagger feature templates (see tagger.hpp). Template numbers are part of the model format:
// changing one needs a retrained model.
#include "tagger.hpp"

#include "feature_hash.hpp"

namespace softgraph::syntax {

void tagger_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2,
                     std::uint64_t (&keys)[kTaggerFeatures]) {
  const std::size_t n = words.size();
  const WordInfo& w = words[i];
  const WordInfo& l1 = i >= 1 ? words[i - 1] : start_word();
  const WordInfo& l2 = i >= 2 ? words[i - 2] : start_word();
  const WordInfo& r1 = i + 1 < n ? words[i + 1] : end_word();
  const WordInfo& r2 = i + 2 < n ? words[i + 2] : end_word();
  const std::uint64_t t1 = static_cast<std::uint64_t>(prev1),
                      t2 = static_cast<std::uint64_t>(prev2);
  int k = 0;
  keys[k++] = feature_key(0, 0);  // bias
  keys[k++] = feature_key(1, w.lower);
  keys[k++] = feature_key(2, w.exact);
  keys[k++] = feature_key(3, w.suffix[0]);
  keys[k++] = feature_key(4, w.suffix[1]);
  keys[k++] = feature_key(5, w.suffix[2]);
  keys[k++] = feature_key(6, w.suffix[3]);
  keys[k++] = feature_key(7, w.prefix1);
  keys[k++] = feature_key(8, w.prefix3);
  keys[k++] = feature_key(9, w.shape);
  keys[k++] = feature_key(10, w.short_shape, i == 0);  // capitals mean less at the start
  keys[k++] = feature_key(11, t1);
  keys[k++] = feature_key(12, t2);
  keys[k++] = feature_key(13, t1, t2);
  keys[k++] = feature_key(14, t1, w.lower);
  keys[k++] = feature_key(15, l1.lower);
  keys[k++] = feature_key(16, l1.suffix[2]);
  keys[k++] = feature_key(17, l2.lower);
  keys[k++] = feature_key(18, r1.lower);
  keys[k++] = feature_key(19, r1.suffix[2]);
  keys[k++] = feature_key(20, r2.lower);
  keys[k++] = feature_key(21, l1.lower, w.lower);
  keys[k++] = feature_key(22, w.lower, r1.lower);
  keys[k++] = feature_key(23, r1.short_shape);
  keys[k++] = feature_key(24, t1, r1.lower);
  keys[k++] = feature_key(25, w.flags, i == 0);
  keys[k++] = feature_key(26, w.suffix[2], r1.lower);
  keys[k++] = feature_key(27, w.tag_set);
  keys[k++] = feature_key(28, r1.tag_set);
  keys[k++] = feature_key(29, w.tag_set, r1.tag_set);
  keys[k++] = feature_key(30, t1, w.tag_set);
  keys[k++] = feature_key(31, r2.tag_set, r1.tag_set);
}

}  // namespace softgraph::syntax
