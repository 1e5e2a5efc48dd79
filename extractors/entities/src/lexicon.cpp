#include "softgraph/entities/lexicon.hpp"

#include <algorithm>
#include <utility>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/reserved_names.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {
namespace {

std::vector<std::string> strings(const rapidjson::Value& obj, const char* key) {
  std::vector<std::string> out;
  if (!obj.HasMember(key)) return out;
  for (const auto& v : obj[key].GetArray()) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

std::string string_or(const rapidjson::Value& obj, const char* key) {
  if (!obj.HasMember(key)) return {};
  return std::string(obj[key].GetString(), obj[key].GetStringLength());
}

// The entry's fields and the keys that hold them in the JSON (names and attributes are read
// apart: they are objects).
using TextField = std::string LexiconEntry::*;
using ListField = std::vector<std::string> LexiconEntry::*;
constexpr std::pair<const char*, TextField> kTextFields[] = {
    {"id", &LexiconEntry::id},
    {"type", &LexiconEntry::type},
    {"kind", &LexiconEntry::kind},
    {"label", &LexiconEntry::label},
    {"wikidata", &LexiconEntry::wikidata},
    {"region", &LexiconEntry::region},
    {"spectrum", &LexiconEntry::spectrum},
    {"description", &LexiconEntry::description}};
constexpr std::pair<const char*, ListField> kListFields[] = {
    {"aliases", &LexiconEntry::aliases},   {"acronyms", &LexiconEntry::acronyms},
    {"demonyms", &LexiconEntry::demonyms}, {"cities", &LexiconEntry::cities},
    {"owner", &LexiconEntry::owner},       {"channels", &LexiconEntry::channels},
    {"members", &LexiconEntry::members},   {"triggers", &LexiconEntry::triggers}};
// The lists a later lexicon extends when it names an entry again (all but members).
constexpr ListField kExtendedLists[] = {
    &LexiconEntry::aliases, &LexiconEntry::acronyms, &LexiconEntry::demonyms, &LexiconEntry::cities,
    &LexiconEntry::owner,   &LexiconEntry::channels, &LexiconEntry::triggers};

AttrValue to_attr(const rapidjson::Value& v) {
  if (v.IsBool()) return v.GetBool();
  if (v.IsInt64()) return v.GetInt64();
  if (v.IsNumber()) return v.GetDouble();
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsArray()) {
    std::vector<std::string> list;
    for (const auto& x : v.GetArray())
      if (x.IsString()) list.emplace_back(x.GetString(), x.GetStringLength());
    return list;
  }
  return std::string();
}

void append_unique(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const auto& s : more)
    if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
}

}  // namespace

Lexicon Lexicon::builtin() {
  Lexicon lex;
  for (auto path : embedded_files_under("schemas/lexicon/")) {
    // Compiled in, and checked against the schema (UTF-8 included) by tests/entities: parsed
    // without the checks a user's file needs, which cost more than the rest of the loading.
    const std::string_view json = embedded_file(path);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject())
      throw internal_error("embedded lexicon " + std::string(path) + " is not valid JSON");
    lex.add_entries(doc, std::string(path));
  }
  return lex;
}

void Lexicon::add_file(const std::string& path) { add_json(read_file(path), path); }

void Lexicon::add_json(std::string_view json, const std::string& file) {
  rapidjson::Document doc = parse_json(json, file);
  validate_json(doc, embedded_file("schemas/lexicon.schema.json"), file);
  add_entries(doc, file);
}

void Lexicon::add_entries(const rapidjson::Document& doc, const std::string& file) {
  const auto& entries = doc["entries"].GetArray();
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    const auto& e = entries[i];
    LexiconEntry entry;
    for (const auto& [key, field] : kTextFields) entry.*field = string_or(e, key);
    for (const auto& [key, field] : kListFields) entry.*field = strings(e, key);
    if (e.HasMember("names"))
      for (const auto& m : e["names"].GetObject())
        entry.names[m.name.GetString()] = strings(e["names"], m.name.GetString());
    if (e.HasMember("attributes"))
      for (const auto& m : e["attributes"].GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        if (auto why = reserved_attribute_reason(name))
          throw input_error(
              file, "JSON path $.entries[" + std::to_string(i) + "].attributes." + name, *why);
        entry.attributes[name] = to_attr(m.value);
      }
    entry.source = file;

    auto it = by_id_.find(entry.id);
    if (it != by_id_.end()) {
      // A later lexicon extends an entry: surface forms add up, the type must agree.
      LexiconEntry& old = entries_[it->second];
      if (old.type != entry.type)
        throw input_error(
            file, "JSON path $.entries[" + std::to_string(i) + "].type",
            "'" + entry.id + "' is a " + old.type + " in " + old.source + ", not a " + entry.type);
      for (const auto field : kExtendedLists) append_unique(old.*field, entry.*field);
      for (auto& [lang, forms] : entry.names) append_unique(old.names[lang], forms);
      continue;
    }
    by_id_.emplace(entry.id, entries_.size());
    entries_.push_back(std::move(entry));
  }
}

const LexiconEntry* Lexicon::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

}  // namespace softgraph
