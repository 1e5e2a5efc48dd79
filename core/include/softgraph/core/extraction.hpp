// What the extractors find in one document, as plain data: resolved entities, their mentions and
// the typed relations between them. The graph is built from a list of these; `softgraph extract`
// writes them as JSON lines and `softgraph merge` reads them back.
#pragma once

#include <string>
#include <vector>

#include "softgraph/core/attributes.hpp"
#include "softgraph/core/byte_range.hpp"
#include "softgraph/core/symbol.hpp"

namespace softgraph {

struct Entity {
  Symbol id;          // stable slug: actor/china, institution/tika, instrument/education
  Symbol type;        // ontology node type: Actor, TargetCountry, Region, Institution, ...
  std::string label;  // preferred name
  std::vector<std::string> aliases;  // every surface form seen and every lexicon variant
  Attributes attributes;
};

struct Mention {
  ByteRange range;      // in Document::text while extracting; original file bytes in a
                        // DocumentExtraction
  Symbol entity;        // Entity::id it resolves to
  std::string surface;  // the text as written
  Symbol source;        // rule or lexicon that found it, e.g. "lexicon", "pattern:acronym"
  double confidence = 1.0;
  int sentence = -1;
  int page = 0;    // PDF page, 0 if none
  Symbol element;  // HTML element path, "" if none
};

struct Evidence {
  Symbol document;    // Document::id
  ByteRange range;    // bytes of the original input file
  std::string quote;  // those bytes, verbatim
  std::string text;   // the repaired sentence, when it differs from quote
  Symbol rule;        // what made the relation
  double confidence = 1.0;
  int sentence = -1;  // sentence index in the document
  int page = 0;       // PDF page, 0 if none
  Symbol element;     // HTML element path, "" if none
};

struct Relation {
  Symbol source;  // Entity::id
  Symbol target;  // Entity::id
  Symbol type;    // ontology edge type: OPERATES, USES_INSTRUMENT, ...
  Evidence evidence;
  Attributes attributes;  // figures stated in the text: amount, count, year ...
};

struct DocumentExtraction {
  std::string document_id;
  std::string path;
  std::string sha256;
  std::string format;
  std::string title, byline;  // an HTML page's title and byline ("" when it states none)
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
  std::vector<std::string> warnings;  // unresolved citations, repaired damage, ...
};

}  // namespace softgraph
