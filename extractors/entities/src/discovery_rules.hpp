// The word lists of schemas/discovery.json (data, not code) as discovery reads them: the sets,
// their classes as bits for one lookup per token, and the word-level tests built on them.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "softgraph/entities/tokenizer.hpp"

namespace softgraph::discovery {

// Checked against schemas/discovery.schema.json when first used; words folded.
struct Rules {
  std::set<std::string> heads, trailing_heads, connectors, acronym_connectors, stop_starts,
      leading_nouns, ordinals, generic_modifiers, generic_heads, not_organisation_starts, units_of,
      unit_heads, person_titles, private_heads;
  // Names ending so are documents, events or places, not organisations.
  std::set<std::string, std::less<>> not_organisations;
  std::map<std::string, std::string, std::less<>> kinds;  // head -> kind of institution
  // For maybe_not_organisation: the lengths of listed words by initial, as bits.
  std::array<std::uint64_t, 26> lengths_by_initial{};
};

// The rules, loaded once.
const Rules& rules();

// The word lists above as bits, for one lookup per token (see WordClasses).
enum : std::uint32_t {
  kIsHead = 1u << 0,
  kIsConnector = 1u << 1,
  kIsStopStart = 1u << 2,
  kIsGenericHead = 1u << 3,
  kIsAcronymConnector = 1u << 4,
  kIsApostrophe = 1u << 5,  // "'"
  kIsS = 1u << 6,           // "s"
  kIsLeadingNoun = 1u << 7,
  kIsOrdinal = 1u << 8,
  kIsGenericModifier = 1u << 9,
  kIsNotOrganisationStart = 1u << 10,
  kIsThe = 1u << 11,  // "the"
  kIsAnd = 1u << 12,  // "and", "&"
  kIsAt = 1u << 13,   // "at"
  kIsUnitOf = 1u << 14,
  kIsTrailingHead = 1u << 15,
  kIsOf = 1u << 16,  // "of"
  kIsUnitHead = 1u << 17,
};

// The classes of every listed word, built once.
const WordClasses& word_classes();

// Whether a name whose last word is `last` is a document, an event or a place by
// rules().not_organisations ("... Agreement", "... Summit").
bool ends_not_organisation(std::string_view last);

// "institution/x_agencies" -> "institution/x_agency": one id for a plural and its singular head.
std::string singular_head(const std::string& slug);

// Whether `s` reads as a Latin acronym ("OSCE", "G7", "R&D"): 2-12 characters, mostly capitals.
bool acronym_like(std::string_view s);

}  // namespace softgraph::discovery
