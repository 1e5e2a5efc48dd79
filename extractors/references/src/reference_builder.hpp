// Turns groups of twin entries into Reference entities (id "reference/nye_2002", Latin authors,
// both entries as aliases) and their authors into Person entities merged across works.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reference_parser.hpp"
#include "softgraph/core/extraction.hpp"

namespace softgraph::refs {

struct BuiltReference {
  Entity entity;
  std::vector<std::size_t> entries;  // indices into the parsed entries
  int number = 0;                    // label in a numbered list, 0 if none
};

struct BuiltReferences {
  std::vector<BuiltReference> references;
  std::vector<Entity> persons;
  std::vector<std::pair<std::string, std::size_t>> authored;  // person id, reference index
};

BuiltReferences build_references(const std::vector<ParsedReference>& entries,
                                 const std::vector<std::vector<std::size_t>>& groups);

// "Zh. Yu." for "Ж. Ю.": each initial transliterated on its own, first letter capitalised.
std::string latin_initials(std::string_view initials);

}  // namespace softgraph::refs
