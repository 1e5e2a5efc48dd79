#include "piece_map.hpp"

#include <algorithm>

namespace softgraph::ingest {

void TextBuilder::copy(std::size_t begin, std::size_t end) {
  if (end <= begin) return;
  out_.append(src_.data() + begin, end - begin);
  map_.add_copy(begin, end - begin);
}

void TextBuilder::replace(std::string_view with, std::size_t begin, std::size_t end) {
  out_.append(with);
  map_.add_replacement(with.size(), begin, end);
}

void apply_edits(std::string_view src, const std::vector<Edit>& edits, std::string& out,
                 OffsetMap& map) {
  TextBuilder b(src);
  b.reserve(src.size());
  std::size_t pos = 0;
  for (const Edit& e : edits) {
    b.copy(pos, e.begin);
    b.replace(e.with, e.begin, e.end);
    pos = e.end;
  }
  b.copy(pos, src.size());
  out = std::move(b.text());
  map = std::move(b.map());
}

}  // namespace softgraph::ingest
