// Rewriting a text with its offset map (softgraph/core/offset_map.hpp), for each rewriting stage
// of ingest (clean-up, repairs, NFC).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/offset_map.hpp"

namespace softgraph::ingest {

// Builds an output string together with its OffsetMap into `src`.
class TextBuilder {
 public:
  explicit TextBuilder(std::string_view src) : src_(src) {}
  void reserve(std::size_t n) { out_.reserve(n); }
  void copy(std::size_t begin, std::size_t end);
  void replace(std::string_view with, std::size_t begin, std::size_t end);
  std::string& text() { return out_; }
  OffsetMap& map() { return map_; }

 private:
  std::string_view src_;
  std::string out_;
  OffsetMap map_;
};

// One rewrite of `src` bytes [begin, end) into `with`; a list of them must be sorted and disjoint.
struct Edit {
  std::size_t begin, end;
  std::string with;
};
// Applies sorted, disjoint edits; untouched bytes are copied one to one.
void apply_edits(std::string_view src, const std::vector<Edit>& edits, std::string& out,
                 OffsetMap& map);

}  // namespace softgraph::ingest
