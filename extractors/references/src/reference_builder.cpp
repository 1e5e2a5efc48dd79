#include "reference_builder.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "ref_text.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph::refs {
namespace {

struct LatinAuthor {
  std::string family, initials;
  std::vector<std::string> other_forms;  // "Лебедева, М. М."
};

std::string display(const std::string& family, const std::string& initials) {
  return initials.empty() ? family : family + ", " + initials;
}

std::string latin_family(std::string_view family) {
  if (!has_cyrillic(family)) return std::string(family);
  std::string a = to_ascii(family);
  // BGN writes a capitalised word as "ZHakiyanova" only in all-caps input; keep "Zhakiyanova".
  for (std::size_t i = 1; i < a.size(); ++i)
    if (a[i] >= 'A' && a[i] <= 'Z' && a[i - 1] != '-' && a[i - 1] != ' ')
      a[i] = static_cast<char>(a[i] - 'A' + 'a');
  return a;
}

// The entry whose fields describe the work in Latin script: the transliterated twin if any.
std::size_t latin_entry(const std::vector<ParsedReference>& entries,
                        const std::vector<std::size_t>& group) {
  for (std::size_t i : group)
    if (!has_cyrillic(entries[i].authors.empty() ? entries[i].text : entries[i].authors[0].family))
      return i;
  return group.front();
}

std::vector<LatinAuthor> latin_authors(const std::vector<ParsedReference>& entries,
                                       const std::vector<std::size_t>& group, std::size_t latin) {
  const ParsedReference& main = entries[latin];
  std::vector<LatinAuthor> out;
  for (const Author& a : main.authors) {
    LatinAuthor la{latin_family(a.family), latin_initials(a.initials), {}};
    if (has_cyrillic(a.family)) la.other_forms.push_back(display(a.family, a.initials));
    out.push_back(std::move(la));
  }
  // The same author in the other entries (by position) is another written form. The two forms
  // are compared in reused buffers: they are equal but for twins.
  thread_local std::string form, known;
  auto put = [](std::string& to, const std::string& family, const std::string& initials) {
    to.assign(family);
    if (!initials.empty()) {
      to += ", ";
      to += initials;
    }
  };
  for (std::size_t i : group)
    for (std::size_t k = 0; k < entries[i].authors.size() && k < out.size(); ++k) {
      const Author& a = entries[i].authors[k];
      put(form, a.family, a.initials);
      put(known, out[k].family, out[k].initials);
      if (form != known) out[k].other_forms.push_back(form);
    }
  return out;
}

std::string initials_key(const std::string& initials) {
  std::string out;
  for (std::size_t i = 0; i < initials.size(); ++i)
    if (initials[i] >= 'A' && initials[i] <= 'Z' &&
        (i == 0 || initials[i - 1] == ' ' || initials[i - 1] == '-' || initials[i - 1] == '.'))
      out.push_back(static_cast<char>(initials[i] - 'A' + 'a'));
  return out;
}

// "2004", "n.d.", "1998/9": the year as the label shows it.
std::string year_label(const ParsedReference& m) {
  return m.year_text.empty() ? std::to_string(m.year) : m.year_text;
}

// What names a work without authors: the first words of its title, or of its text.
std::string untitled_words(const ParsedReference& m, std::size_t words) {
  std::string_view t = m.title.empty() ? std::string_view(m.text) : std::string_view(m.title);
  std::size_t end = 0;
  for (std::size_t k = 0; k < words && end != std::string_view::npos; ++k)
    end = t.find(' ', end == 0 ? 0 : end + 1);
  return std::string(end == std::string_view::npos ? t : t.substr(0, end));
}

std::string base_id(const std::vector<LatinAuthor>& authors, const ParsedReference& m) {
  std::string id;
  if (authors.empty()) {
    id = ascii_slug(to_ascii(untitled_words(m, 4)));
    if (id.empty()) id = "anonymous";
  } else {
    id = ascii_slug(to_ascii(authors[0].family));
  }
  if (authors.size() >= 3 || (m.et_al && !authors.empty()))
    id += "_et_al";
  else if (authors.size() == 2)
    id += "_" + ascii_slug(to_ascii(authors[1].family));
  if (m.year != 0) return id + "_" + std::to_string(m.year);
  if (m.year_text.empty()) return id;         // an entry without a year: busch
  return id + "_" + ascii_slug(m.year_text);  // nye_n_d, nye_forthcoming
}

std::string label_of(const std::vector<LatinAuthor>& authors, const ParsedReference& m,
                     const std::string& suffix) {
  std::string who = authors.empty() ? untitled_words(m, 8) : authors[0].family;
  if (authors.size() >= 3 || (m.et_al && !authors.empty()))
    who += " et al.";
  else if (authors.size() == 2)
    who += " & " + authors[1].family;
  if (m.year == 0 && m.year_text.empty()) return who;
  return who + " (" + year_label(m) + suffix + ")";
}

// First non-empty value of a field over the group, the Latin entry first.
const std::string& pick(const std::vector<ParsedReference>& entries,
                        const std::vector<std::size_t>& group, std::size_t main,
                        std::string ParsedReference::*field) {
  static const std::string kNone;
  if (!(entries[main].*field).empty()) return entries[main].*field;
  for (std::size_t i : group)
    if (!(entries[i].*field).empty()) return entries[i].*field;
  return kNone;
}

// `main` is the group's Latin entry. The attributes are added in key order (each at the end).
Attributes attributes_of(const std::vector<ParsedReference>& entries,
                         const std::vector<std::size_t>& group, std::size_t main,
                         const std::vector<LatinAuthor>& authors, const std::string& year_suffix) {
  const ParsedReference& m = entries[main];
  const std::string* original = nullptr;
  std::string language = "en";
  // The original-script entry is the one whose first author is written in Cyrillic.
  for (std::size_t i : group)
    if (!entries[i].authors.empty() && has_cyrillic(entries[i].authors[0].family)) {
      original = &entries[i].title;
      language = script_language(entries[i].text);
      break;
    }
  if (language == "en" && !m.title_translation.empty()) language = "und";
  Attributes a;
  a.reserve(18);
  auto set = [&](std::string_view key, const std::string& v) {
    if (!v.empty()) a.try_emplace(key, v);
  };
  auto field = [&](std::string ParsedReference::*f) -> const std::string& {
    return pick(entries, group, main, f);
  };
  std::vector<std::string> names;
  names.reserve(authors.size());
  for (const auto& au : authors) names.push_back(display(au.family, au.initials));
  a.try_emplace("authors", std::move(names));
  a.try_emplace("csl_type", m.type);
  set("doi", field(&ParsedReference::doi));
  if (m.et_al) a.try_emplace("et_al", true);
  set("genre", field(&ParsedReference::genre));
  set("issue", field(&ParsedReference::issue));
  a.try_emplace("language", std::move(language));
  set("pages", field(&ParsedReference::pages));
  set("place", field(&ParsedReference::place));
  set("publisher", field(&ParsedReference::publisher));
  set("title", m.title);
  static const std::string kNone;
  const std::string& orig = original ? *original : kNone;
  if (orig != m.title) set("title_original", orig);
  set("title_translation", field(&ParsedReference::title_translation));
  set("url", field(&ParsedReference::url));
  set("venue", field(&ParsedReference::venue));
  set("volume", field(&ParsedReference::volume));
  a.try_emplace("year", static_cast<std::int64_t>(m.year));
  set("year_suffix", year_suffix);
  set("year_text", m.year_text);
  return a;
}

}  // namespace

std::string latin_initials(std::string_view initials) {
  if (!has_cyrillic(initials)) return std::string(initials);
  std::string out;
  for (std::size_t p = 0; p < initials.size();) {
    std::size_t e = initials.find_first_of(". -", p);
    if (e == std::string_view::npos) e = initials.size();
    std::string part = to_ascii(initials.substr(p, e - p));
    for (std::size_t i = 1; i < part.size(); ++i)
      if (part[i] >= 'A' && part[i] <= 'Z') part[i] = static_cast<char>(part[i] - 'A' + 'a');
    out += part;
    if (e < initials.size()) out.push_back(initials[e]);
    p = e + 1;
  }
  return out;
}

BuiltReferences build_references(const std::vector<ParsedReference>& entries,
                                 const std::vector<std::vector<std::size_t>>& groups) {
  BuiltReferences out;
  out.references.reserve(groups.size());
  // Keyed by views of `bases` (reserved: its strings stay put).
  std::unordered_map<std::string_view, int> base_count;
  std::vector<std::vector<LatinAuthor>> authors;
  std::vector<std::size_t> latin;  // per group: its Latin entry
  std::vector<std::string> bases;  // per group: its id before any suffix
  authors.reserve(groups.size());
  latin.reserve(groups.size());
  bases.reserve(groups.size());
  for (const auto& g : groups) {
    latin.push_back(latin_entry(entries, g));
    authors.push_back(latin_authors(entries, g, latin.back()));
    const ParsedReference& m = entries[latin.back()];
    bases.push_back(base_id(authors.back(), m));
    if (m.year_suffix.empty()) ++base_count[std::string_view(bases.back())];
  }
  std::unordered_map<std::string_view, int> used;
  std::size_t author_total = 0;
  for (const auto& a : authors) author_total += a.size();
  out.persons.reserve(author_total);  // at most one person per author
  out.authored.reserve(author_total);
  // Persons: one per surname key and compatible initials ("J." and "J. S." are one Nye).
  std::map<std::string, std::vector<std::size_t>> person_by_key;
  std::vector<std::string> person_initials;
  std::vector<const std::string*> person_family;  // per person: its family name (in `authors`)
  std::vector<std::size_t> authored;              // per out.authored: the person's index
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const auto& g = groups[gi];
    const ParsedReference& m = entries[latin[gi]];
    const std::string& base = bases[gi];
    std::string suffix = m.year_suffix;
    if (suffix.empty() && base_count[std::string_view(base)] > 1)
      suffix = std::string(1, static_cast<char>('a' + used[std::string_view(base)]++));
    BuiltReference br;
    br.entries = g;
    for (std::size_t i : g)
      if (entries[i].number && !br.number) br.number = entries[i].number;
    br.entity.id = "reference/" + base + suffix;
    br.entity.type = "Reference";
    br.entity.label = label_of(authors[gi], m, suffix);
    for (std::size_t i : g) br.entity.aliases.push_back(entries[i].text);
    br.entity.attributes = attributes_of(entries, g, latin[gi], authors[gi], suffix);
    for (const LatinAuthor& au : authors[gi]) {
      std::string key = name_key(au.family);
      std::string ik = initials_key(au.initials);
      std::string form = display(au.family, au.initials);
      std::size_t pi = out.persons.size();
      auto known = person_by_key.find(key);
      if (known != person_by_key.end())
        for (std::size_t cand : known->second) {  // the last compatible one
          const std::string& other = person_initials[cand];
          if (other.starts_with(ik) || ik.starts_with(other)) pi = cand;
        }
      if (pi == out.persons.size()) {
        Entity& p = out.persons.emplace_back();
        p.type = "Person";
        p.label = form;
        person_initials.push_back(std::move(ik));
        person_family.push_back(nullptr);
        person_by_key[std::move(key)].push_back(pi);
      } else if (ik.size() > person_initials[pi].size()) {
        out.persons[pi].aliases.push_back(std::move(out.persons[pi].label));
        out.persons[pi].label = form;
        person_initials[pi] = std::move(ik);
      }
      Entity& p = out.persons[pi];
      p.aliases.push_back(std::move(form));
      for (const auto& f : au.other_forms) p.aliases.push_back(f);
      person_family[pi] = &au.family;  // the last form written is the person's
      authored.push_back(pi);
      out.authored.push_back({std::string(), out.references.size()});
    }
    out.references.push_back(std::move(br));
  }
  // Ids once every form is known, so "Nye, J." and "Nye, J. S." share "person/nye_js".
  for (std::size_t i = 0; i < out.persons.size(); ++i) {
    Entity& p = out.persons[i];
    const std::string& family = *person_family[i];
    p.attributes.try_emplace("family", family);
    const std::string& ik = person_initials[i];
    p.id = "person/" + ascii_slug(to_ascii(family)) + (ik.empty() ? "" : "_" + ik);
    std::sort(p.aliases.begin(), p.aliases.end());
    p.aliases.erase(std::unique(p.aliases.begin(), p.aliases.end()), p.aliases.end());
    std::erase(p.aliases, p.label);
  }
  for (std::size_t k = 0; k < authored.size(); ++k)
    out.authored[k].first = out.persons[authored[k]].id;
  return out;
}

}  // namespace softgraph::refs
