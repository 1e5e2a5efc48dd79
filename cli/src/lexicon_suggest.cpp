#include "lexicon_suggest.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <map>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/entities/entity_recognizer.hpp"

namespace softgraph {

void check_lexicon(const Lexicon& lexicon) { EntityRecognizer compiled(lexicon); }

void check_lexicon_references(const Lexicon& lexicon, const std::string& file) {
  const rapidjson::Document doc = parse_json(read_file(file), file);
  const auto& entries = doc["entries"];
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i)
    for (const char* key : {"owner", "channels", "members"}) {
      const auto it = entries[i].FindMember(key);
      if (it == entries[i].MemberEnd() || !it->value.IsArray()) continue;
      for (rapidjson::SizeType k = 0; k < it->value.Size(); ++k) {
        const auto& v = it->value[k];
        if (!v.IsString() || lexicon.find(v.GetString())) continue;
        throw input_error(
            file,
            "JSON path $.entries[" + std::to_string(i) + "]." + key + "[" + std::to_string(k) + "]",
            "'" + std::string(v.GetString()) +
                "' is no entry of this lexicon or of the built-in ones");
      }
    }
}

std::string suggest_lexicon(const Pipeline& pipeline, const std::vector<std::string>& files) {
  std::map<std::string, Entity> found;
  for (const auto& x : pipeline.extract_all(files))
    for (const auto& e : x.entities) {
      auto d = e.attributes.find("discovered");
      if (d == e.attributes.end() || pipeline.lexicon().find(e.id)) continue;
      auto [it, fresh] = found.emplace(e.id, e);
      if (!fresh)
        it->second.aliases.insert(it->second.aliases.end(), e.aliases.begin(), e.aliases.end());
    }
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("lexicon");
  w.String("suggested");
  w.Key("entries");
  w.StartArray();
  for (const auto& [id, e] : found) {
    w.StartObject();
    w.Key("id");
    w.String(id.c_str());
    w.Key("type");
    w.String(e.type.c_str());
    w.Key("label");
    w.String(e.label.c_str());
    std::vector<std::string> aliases, acronyms;
    for (const auto& a : e.aliases) {
      if (a == e.label) continue;
      bool upper = !a.empty() && std::all_of(a.begin(), a.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || c == '+' || c == '&';
      });
      auto& list = upper ? acronyms : aliases;
      if (std::find(list.begin(), list.end(), a) == list.end()) list.push_back(a);
    }
    for (const auto& [key, list] :
         {std::pair<const char*, std::vector<std::string>&>{"aliases", aliases},
          {"acronyms", acronyms}}) {
      if (list.empty()) continue;
      w.Key(key);
      w.StartArray();
      for (const auto& a : list) w.String(a.c_str());
      w.EndArray();
    }
    auto owner = e.attributes.find("owner");
    if (owner != e.attributes.end())
      if (const auto* v = std::get_if<std::vector<std::string>>(&owner->second)) {
        w.Key("owner");
        w.StartArray();
        for (const auto& o : *v) w.String(o.c_str());
        w.EndArray();
      }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

}  // namespace softgraph
