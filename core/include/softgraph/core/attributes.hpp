// Typed attribute values carried by nodes and edges; an ordered map keeps every export
// deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace softgraph {

using AttrValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;
using Attributes = std::map<std::string, AttrValue>;

}  // namespace softgraph
