// Half-open byte ranges [begin, end) into UTF-8 text; the unit every annotation points with.
#pragma once

#include <cstdint>
#include <string_view>

namespace softgraph {

struct ByteRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;

  std::uint64_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const ByteRange& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const ByteRange& o) const { return begin < o.end && o.begin < end; }
  std::string_view slice(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
  friend auto operator<=>(const ByteRange&, const ByteRange&) = default;
};

}  // namespace softgraph
