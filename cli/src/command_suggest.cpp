#include "command_suggest.hpp"

#include <algorithm>
#include <cctype>

namespace softgraph {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rows: i-2, i-1 and i (the transposition looks two rows back).
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> nearest_command(std::string_view typed,
                                           const std::vector<std::string>& known) {
  if (typed.empty()) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& name : known) {
    const std::size_t limit = name.size() <= 4 ? 1 : 2;
    const std::size_t d = edit_distance(typed, name);
    if (d <= limit && (!best || d < best_distance)) {
      best = name;
      best_distance = d;
    }
  }
  if (best) return best;
  std::optional<std::string> prefixed;
  for (const auto& name : known) {
    if (name.size() <= typed.size()) continue;
    bool prefix = true;
    for (std::size_t i = 0; i < typed.size() && prefix; ++i)
      prefix = lower(typed[i]) == lower(name[i]);
    if (!prefix) continue;
    if (prefixed) return std::nullopt;  // ambiguous
    prefixed = name;
  }
  return prefixed;
}

std::string unknown_command_message(std::string_view typed, const std::vector<std::string>& known,
                                    std::string_view parent) {
  std::string where = parent.empty() ? std::string() : std::string(parent) + " ";
  std::string msg = "unknown command '" + where + std::string(typed) + "'";
  if (auto near = nearest_command(typed, known))
    return msg + "; did you mean '" + where + *near + "'?";
  msg += "; commands:";
  for (std::size_t i = 0; i < known.size(); ++i) msg += (i ? ", " : " ") + where + known[i];
  return msg;
}

}  // namespace softgraph
