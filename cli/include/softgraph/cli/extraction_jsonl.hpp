// Per-document extraction records as JSON lines: `softgraph extract` writes them, `softgraph
// merge` reads them back; a record round-trips exactly, so a merge equals a single run.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "softgraph/core/extraction.hpp"

namespace softgraph {

// One line of JSON (no trailing newline): a version 2 record, as schemas/extraction.schema.json
// describes it.
std::string extraction_to_json(const DocumentExtraction& x);
// Parses one line, of version 2 or of version 1 (records without "version"); `file` and `line`
// name it in errors, with the JSON path of what is wrong.
DocumentExtraction extraction_from_json(std::string_view json, const std::string& file, int line);
// Hands the records of several .jsonl files to `fn` one at a time, in path order (ties: part,
// then line order), as a single run would have made them; returns how many. Only an index of
// paths and offsets is held, so memory does not grow with the records.
std::size_t for_each_extraction_by_path(const std::vector<std::string>& parts,
                                        const std::function<void(DocumentExtraction&&)>& fn);

}  // namespace softgraph
