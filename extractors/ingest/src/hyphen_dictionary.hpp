// A word broken at a line end ("Chinese-" + "funded"): one word whose hyphen only marks the break,
// or a compound that keeps it? Asked of the English Hunspell dictionary (hunspell-en-us).
#pragma once

#include <string_view>

namespace softgraph::ingest {

enum class HyphenVerdict { kJoin, kKeep, kUnsure };

// kJoin when the joined word is a word ("inter-" "ference", "with-" "out"), kKeep when it is not
// and both parts are ("state-" "owned", "Forty-" "four"), else kUnsure (neither, or no dictionary
// installed). Thread-safe.
HyphenVerdict dictionary_verdict(std::string_view head, std::string_view tail);

}  // namespace softgraph::ingest
