// Ids from names in any script.
#pragma once

#include <string>

namespace softgraph {

// ascii_slug of `name` after transliterating it to Latin ASCII with ICU ("Бишкек" -> "bishkek");
// "" when nothing is left. Thread-safe.
std::string slug_any_script(const std::string& name);

}  // namespace softgraph
