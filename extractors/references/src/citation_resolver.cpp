#include "citation_resolver.hpp"

#include "ref_text.hpp"

namespace softgraph::refs {
namespace {

// Does any entry of the reference list the name keyed `key` (name_key) as author number `k`?
bool has_author(const AuthorKeys& keys, const BuiltReference& r, std::size_t k,
                const std::string& key) {
  for (std::size_t i : r.entries)
    if (keys[i].size() > k && same_name_key(keys[i][k], key)) return true;
  return false;
}

std::size_t author_count(const std::vector<ParsedReference>& entries, const BuiltReference& r,
                         bool& et_al) {
  std::size_t n = 0;
  for (std::size_t i : r.entries) {
    n = std::max(n, entries[i].authors.size());
    et_al = et_al || entries[i].et_al;
  }
  return n;
}

// Whether a word of `text` opens with `name` ("NAT" in "NATO - Homepage", "Rus" in "Russia's
// Pillars"): natbib cites a work without authors by the first letters of its title.
bool opens_a_word(std::string_view text, std::string_view name) {
  for (std::size_t p = text.find(name); p != std::string_view::npos; p = text.find(name, p + 1))
    if (p == 0 || !is_letter(code_point_at(text, prev_boundary(text, p)))) return true;
  return false;
}

// A citation of a work without authors: the one entry of that year and without authors whose
// title has a word that opens with the cited name; -1 if none or several.
int authorless(const CitationHit& hit, const std::vector<ParsedReference>& entries,
               const BuiltReferences& built) {
  if (hit.names.size() != 1 || hit.et_al || hit.names[0].size() < 3) return -1;
  int found = -1;
  for (std::size_t i = 0; i < built.references.size(); ++i) {
    const ParsedReference& e = entries[built.references[i].entries.front()];
    if (!e.authors.empty() || e.year != hit.year || e.year_suffix != hit.year_suffix) continue;
    std::string_view text = e.text;
    const std::size_t year_end = text.find(". ");  // past the year that opens the entry
    if (year_end != std::string_view::npos) text.remove_prefix(year_end + 2);
    if (!opens_a_word(text, hit.names[0])) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(i);
  }
  return found;
}

// "n.d." and "n. d.", "Forthcoming" and "forthcoming": the same undated year.
bool same_year_text(std::string_view a, std::string_view b) {
  auto squeeze = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  return !a.empty() && squeeze(a) == squeeze(b);
}

}  // namespace

AuthorKeys author_keys(const std::vector<ParsedReference>& entries) {
  AuthorKeys keys(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (const auto& a : entries[i].authors) keys[i].push_back(name_key(a.family));
  return keys;
}

Resolution resolve_citation(const CitationHit& hit, const std::vector<ParsedReference>& entries,
                            const BuiltReferences& built) {
  return resolve_citation(hit, entries, built, author_keys(entries));
}

Resolution resolve_citation(const CitationHit& hit, const std::vector<ParsedReference>& entries,
                            const BuiltReferences& built, const AuthorKeys& entry_keys) {
  const auto& refs = built.references;
  if (hit.number > 0) {
    for (std::size_t i = 0; i < refs.size(); ++i)
      if (refs[i].number == hit.number) return {static_cast<int>(i), ""};
    return {-1, "no entry numbered " + std::to_string(hit.number)};
  }
  if (hit.names.empty()) return {-1, "no author"};
  // The cited first author is keyed once, not once per entry it is compared with; the others
  // only when several works of that author and year are left.
  const std::string first_key = name_key(hit.names[0]);
  // Year and suffix are compared first: they are cheap, and few references pass them. The
  // first author is matched against all only to word the problem when none is left.
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const ParsedReference& e = entries[refs[i].entries.front()];
    if (e.year != hit.year) continue;
    if (hit.year == 0 && !same_year_text(e.year_text, hit.year_text)) continue;  // n.d. ~ n. d.
    if (!hit.year_suffix.empty()) {
      auto suffix = refs[i].entity.attributes.find("year_suffix");
      std::string_view ref_suffix = suffix == refs[i].entity.attributes.end()
                                        ? std::string_view()
                                        : std::get<std::string>(suffix->second);
      if (hit.year_suffix != ref_suffix) continue;
    }
    if (has_author(entry_keys, refs[i], 0, first_key)) candidates.push_back(i);
  }
  if (candidates.empty()) {
    if (int anonymous = authorless(hit, entries, built); anonymous >= 0) return {anonymous, ""};
    auto [known, added] = entry_keys.listed.try_emplace(first_key, false);
    if (added)
      for (std::size_t i = 0; i < refs.size() && !known->second; ++i)
        known->second = has_author(entry_keys, refs[i], 0, first_key);
    const bool by_author = known->second;
    // "<who> is not in the reference list" or "no work by <who> from <year>", in one string.
    std::string problem;
    problem.reserve(hit.names[0].size() + 40);
    if (by_author) problem += "no work by ";
    problem += hit.names[0];
    if (hit.et_al) problem += " et al.";
    if (by_author) {
      problem += " from ";
      problem += hit.year == 0 && !hit.year_text.empty() ? hit.year_text : std::to_string(hit.year);
    } else {
      problem += " is not in the reference list";
    }
    return {-1, std::move(problem)};
  }
  if (candidates.size() == 1) return {static_cast<int>(candidates[0]), ""};
  std::vector<std::string> keys;
  keys.reserve(hit.names.size());
  keys.push_back(first_key);
  for (std::size_t k = 1; k < hit.names.size(); ++k) keys.push_back(name_key(hit.names[k]));
  // Several works of the first author that year: co-authors and "et al." decide.
  std::vector<std::size_t> fit;
  for (std::size_t i : candidates) {
    bool et_al = false;
    std::size_t n = author_count(entries, refs[i], et_al);
    bool ok = true;
    for (std::size_t k = 1; k < hit.names.size(); ++k)
      ok = ok && has_author(entry_keys, refs[i], k, keys[k]);
    if (hit.et_al) ok = ok && (n >= 3 || et_al);
    if (!hit.et_al && hit.names.size() == 1) ok = ok && n == 1 && !et_al;
    if (hit.names.size() == 2 && !hit.et_al) ok = ok && n == 2;
    if (ok) fit.push_back(i);
  }
  if (fit.size() == 1) return {static_cast<int>(fit[0]), ""};
  std::size_t pick = fit.empty() ? candidates[0] : fit[0];
  return {static_cast<int>(pick), "ambiguous: several works by " + hit.names[0] + " from " +
                                      std::to_string(hit.year) + "; took " + refs[pick].entity.id};
}

}  // namespace softgraph::refs
