// The entity catalog: the lexicon's entities, which a record names by id.
#include <string>
#include <unordered_map>

#include "record_json.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/records/records.hpp"

namespace softgraph {

struct EntityCatalog::Index {
  std::vector<const Entity*> by_id;
  std::unordered_map<std::string_view, const Entity*> by_name;  // views of the entities' ids
};

EntityCatalog::EntityCatalog(std::vector<const Entity*> by_id) {
  auto index = std::make_unique<Index>();
  index->by_id = std::move(by_id);
  const auto& list = index->by_id;
  index->by_name.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i != 0 && !(list[i - 1]->id < list[i]->id))
      throw internal_error("entity catalog: ids not sorted and unique at '" + list[i]->id + "'");
    index->by_name.emplace(std::string_view(list[i]->id), list[i]);
  }
  // The digest covers each entity as a record would write it in full, so any change to what a
  // reader would rebuild changes it.
  std::string all;
  rapidjson::StringBuffer buffer;
  for (const Entity* e : list) {
    buffer.Clear();
    records::JsonWriter w(buffer);
    records::write_full_entity(w, *e);
    all.append(buffer.GetString(), buffer.GetSize()).push_back('\n');
  }
  digest_ = sha256_hex(all).substr(0, 16);
  index_ = std::move(index);
}

EntityCatalog::~EntityCatalog() = default;

const Entity* EntityCatalog::find(std::string_view id) const {
  const auto it = index_->by_name.find(id);
  return it == index_->by_name.end() ? nullptr : it->second;
}

}  // namespace softgraph
