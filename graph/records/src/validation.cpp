// The checks a record passes after it is read and before it reaches the graph, beyond the schema.
#include <algorithm>
#include <filesystem>
#include <string>

#include "record_json.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/graph/ontology.hpp"

namespace softgraph::records {

[[noreturn]] void fail(const std::string& where, const std::string& path, const std::string& what) {
  throw input_error(where, "JSON path " + path, what);
}

std::string item_path(const char* list, std::size_t i) {
  return std::string("$.") + list + "[" + std::to_string(i) + "]";
}
std::string item_path(const char* list, std::size_t i, int field) {
  return item_path(list, i) + "[" + std::to_string(field) + "]";
}

// What merge checks before a record reaches the graph, beyond the schema: the SHA-256 is one,
// every range ends at or after its start, and a passage's quote is the bytes between its offsets
// (end - start is the quote's length). A record that passes makes a graph.json that `render` and
// `channels` read back.
void check_ranges(const DocumentExtraction& x, const std::string& where) {
  const bool hex =
      x.sha256.size() == 64 && std::all_of(x.sha256.begin(), x.sha256.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      });
  if (!hex) fail(where, "$.sha256", "expected the document's SHA-256 as 64 lower-case hex digits");
  for (std::size_t i = 0; i < x.mentions.size(); ++i) {
    const ByteRange r = x.mentions[i].range;
    if (r.end < r.begin)
      fail(where, item_path("mentions", i),
           "end " + std::to_string(r.end) + " is before start " + std::to_string(r.begin));
  }
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Evidence& e = x.relations[i].evidence;
    if (e.range.end < e.range.begin)
      fail(where, item_path("relations", i),
           "its passage ends (" + std::to_string(e.range.end) + ") before it starts (" +
               std::to_string(e.range.begin) + ")");
    if (e.range.end - e.range.begin != e.quote.size())
      fail(where, item_path("relations", i),
           "its passage's offsets " + std::to_string(e.range.begin) + "-" +
               std::to_string(e.range.end) + " do not span its quote (" +
               std::to_string(e.quote.size()) + " bytes)");
  }
}

// Offsets past the document, when the document is at hand: a plain-text record's file, read back
// at its path with its SHA-256, bounds every offset (PDF and HTML offsets are into the extracted
// text, which merge does not have). Elsewhere (another machine) the quotes are the check.
void check_against_file(const DocumentExtraction& x, const std::string& where) {
  if (x.format != "text" || x.path.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(x.path, ec)) return;
  std::string bytes;
  try {
    bytes = read_file(x.path);
  } catch (const Error&) {
    return;  // unreadable here: nothing to check against
  }
  if (sha256_hex(bytes) != x.sha256) return;
  const auto past = [&](std::uint64_t end) { return end > bytes.size(); };
  for (std::size_t i = 0; i < x.mentions.size(); ++i)
    if (past(x.mentions[i].range.end))
      fail(where, item_path("mentions", i),
           "ends at byte " + std::to_string(x.mentions[i].range.end) + ", past the end of " +
               x.path + " (" + std::to_string(bytes.size()) + " bytes)");
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    const Evidence& e = x.relations[i].evidence;
    if (e.document == x.document_id && past(e.range.end))
      fail(where, item_path("relations", i),
           "its passage ends at byte " + std::to_string(e.range.end) + ", past the end of " +
               x.path + " (" + std::to_string(bytes.size()) + " bytes)");
  }
}

// What the graph builder would otherwise refuse as an internal error (exit 4) is bad input here:
// an empty document or entity id, a node or edge type the ontology does not know.
void check_against_ontology(const DocumentExtraction& x, const std::string& where) {
  if (x.document_id.empty()) fail(where, "$.document", "empty document id");
  const Ontology& ontology = Ontology::builtin();
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    const std::string at = "$.entities[" + std::to_string(i) + "]";
    if (e.id.empty()) fail(where, at, "empty entity id");
    if (!ontology.has_node_type(e.type)) fail(where, at, "unknown node type '" + e.type + "'");
  }
  for (std::size_t i = 0; i < x.relations.size(); ++i)
    if (!ontology.has_edge_type(x.relations[i].type))
      fail(where, "$.relations[" + std::to_string(i) + "]",
           "unknown relation type '" + x.relations[i].type + "'");
}

}  // namespace softgraph::records
