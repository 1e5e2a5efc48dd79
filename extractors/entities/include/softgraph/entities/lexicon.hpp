// Lexicons: the names softgraph knows (states, blocs, institutions, regions, instrument channels),
// loaded from schemas/lexicon/*.json and validated against schemas/lexicon.schema.json.
#pragma once

#include <rapidjson/fwd.h>

#include <map>
#include <string>
#include <vector>

#include "softgraph/core/attributes.hpp"

namespace softgraph {

struct LexiconEntry {
  std::string id, type, kind, label;
  std::vector<std::string> aliases;   // case-insensitive surface forms
  std::vector<std::string> acronyms;  // case-sensitive surface forms
  std::vector<std::string> demonyms;  // adjective forms ("Chinese"), case-insensitive
  std::map<std::string, std::vector<std::string>> names;  // language -> forms, case forms too
  std::vector<std::string> cities;  // capitals standing for the state ("Moscow"), case-sensitive
  std::string wikidata, region, spectrum, description;
  std::vector<std::string> owner, channels, members, triggers;
  Attributes attributes;
  std::string source;  // lexicon file it came from
};

class Lexicon {
 public:
  // The lexicons compiled into the program (their schema check is a test, not done at each start).
  static Lexicon builtin();
  // Adds the entries of one lexicon file; throws Error(kBadInput) with the JSON path. An id that
  // is already present merges its surface forms; a surface form claimed by two ids is an error.
  void add_json(std::string_view json, const std::string& file);
  void add_file(const std::string& path);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  const LexiconEntry* find(const std::string& id) const;

 private:
  // The entries of a parsed lexicon that matches the schema.
  void add_entries(const rapidjson::Document& doc, const std::string& file);
  std::vector<LexiconEntry> entries_;
  std::map<std::string, std::size_t> by_id_;
};

}  // namespace softgraph
