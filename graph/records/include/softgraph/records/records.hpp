// Per-document extraction records as JSON lines: `softgraph extract` writes them, `softgraph
// merge` reads them back; a record round-trips exactly, so a merge equals a single run.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "softgraph/core/extraction.hpp"

namespace softgraph {

// Entities a record may name by id instead of writing out: the lexicon's, as a document starts
// them (EntityRecognizer::prototypes_by_id). A record naming some carries the catalog's digest,
// and reads back only with a catalog of the same digest. The entities are not copied.
class EntityCatalog {
 public:
  // `by_id`: sorted by id, each once.
  explicit EntityCatalog(std::vector<const Entity*> by_id);
  ~EntityCatalog();
  const Entity* find(std::string_view id) const;         // nullptr when absent
  const std::string& digest() const { return digest_; }  // 16 hex digits of SHA-256

 private:
  struct Index;  // hashed ids: a record looks up each of its entities
  std::unique_ptr<const Index> index_;
  std::string digest_;
};

// One line of JSON (no trailing newline): a version 3 record, as schemas/extraction.schema.json
// describes it; entities of `catalog` are named by id with what differs.
std::string extraction_to_json(const DocumentExtraction& x, const EntityCatalog* catalog = nullptr);
// Parses one line, of version 3, 2 or 1 (records without "version"); entities named by id are
// looked up in `catalog`. `file` and `line` name it in errors, with the JSON path of what is wrong.
DocumentExtraction extraction_from_json(std::string_view json, const std::string& file, int line,
                                        const EntityCatalog* catalog = nullptr);
// Hands the records of several .jsonl files to `fn` one at a time, in path order (ties: part,
// then line order), as a single run would have made them; returns how many. Only an index of
// paths and offsets is held, so memory does not grow with the records. A record with the path
// and SHA-256 of one read before is skipped with a warning; the same path with another SHA-256
// is an error (Error kBadInput naming both places), and so is a record with a malformed SHA-256,
// a range that ends before it starts, a passage whose offsets do not span its quote, or (when
// the plain-text document is at hand with its SHA-256) an offset past the document's end.
std::size_t for_each_extraction_by_path(const std::vector<std::string>& parts,
                                        const std::function<void(DocumentExtraction&&)>& fn,
                                        const EntityCatalog* catalog = nullptr);

}  // namespace softgraph
