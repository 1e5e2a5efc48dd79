// Writing records: RapidJSON's Writer into a buffer kept per thread. Mentions, relations and spans
// are most of a record and are written as arrays whose layout schemas/extraction.schema.json
// gives; they name entities by their row in "entities", and what many of them share (a mention's
// source and confidence, a relation's type, rule and confidence, a passage) is written once in a
// small table and named by row. Trailing fields at their default are left out.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "record_json.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/records/records.hpp"

namespace softgraph {
namespace records {
namespace {

void str(JsonWriter& w, std::string_view s) {
  if (s.size() > std::numeric_limits<rapidjson::SizeType>::max())
    throw internal_error("a string of 4 GiB or more in an extraction record");
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <std::size_t N>
void key(JsonWriter& w, const char (&k)[N]) {
  w.Key(k, N - 1);
}

// Shortest round-trip doubles (RapidJSON's Grisu2); records never hold a non-finite number.
void number(JsonWriter& w, double d) {
  if (!std::isfinite(d)) throw internal_error("a non-finite number in an extraction record");
  w.Double(d);
}

void strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) str(w, s);
  w.EndArray();
}

void attrs(JsonWriter& w, const Attributes& attributes) {
  w.StartObject();
  for (const auto& [k, v] : attributes) {
    str(w, k);
    if (const auto* text = std::get_if<std::string>(&v))
      str(w, *text);
    else if (const auto* list = std::get_if<std::vector<std::string>>(&v))
      strings(w, *list);
    else if (const auto* b = std::get_if<bool>(&v))
      w.Bool(*b);
    else if (const auto* i = std::get_if<std::int64_t>(&v))
      w.Int64(*i);
    else
      number(w, std::get<double>(v));
  }
  w.EndObject();
}

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;

inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * kMul;
  return h ^ (h >> 29);
}

// A symbol by its identity: equal symbols are one pointer. Rows are numbered in first-use order
// whatever the hash, so the addresses never reach the output.
inline std::uint64_t symbol_key(Symbol s) {
  return mix(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(s.identity())), 8);
}

std::uint64_t bits_of(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// Finds a table's rows by content: open addressing (linear probing) over (hash, row) slots, the
// rows themselves held by the caller, who says whether a row is the one sought. One per thread and
// table kind, reset per record: no allocation once the first records are written.
class RowIndex {
 public:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  void reset(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, Slot{});
    shift_ = 64 - std::countr_zero(capacity);
    used_ = 0;
  }
  // The row `same` accepts, or kNone.
  template <typename Same>
  std::uint32_t find(std::uint64_t hash, Same same) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash >> shift_;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.row == kNone) return kNone;
      if (s.hash == hash && same(s.row)) return s.row;
    }
  }
  // The row `same` accepts, or else `next`, recorded as the row for this content.
  template <typename Same>
  std::uint32_t find_or_add(std::uint64_t hash, std::uint32_t next, Same same) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash >> shift_;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.row == kNone) {
        s = {hash, next};
        if (2 * ++used_ > slots_.size()) grow();
        return next;
      }
      if (s.hash == hash && same(s.row)) return s.row;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t row = kNone;
  };
  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    --shift_;
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.row == kNone) continue;
      std::size_t i = s.hash >> shift_;
      while (slots_[i].row != kNone) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  int shift_ = 60;  // a slot's first place is the top bits of its hash: they depend on all of it
  std::size_t used_ = 0;
};

// Per-thread scratch of the writer, kept from record to record.
struct Scratch {
  rapidjson::StringBuffer buffer;        // the record's text; keeps its capacity
  RowIndex entities;                     // id -> row of x.entities
  std::vector<std::uint32_t> entity_of;  // per mention: its entity's row, or kNone
  std::vector<std::uint32_t> source_of;  // per mention: its (source, confidence) in first-use order
  struct Source {
    const Mention* first;  // the first mention with this source and confidence
    std::size_t count;
  };
  std::vector<Source> sources;
  RowIndex sources_index;
  std::vector<std::uint32_t> source_order;  // written row -> first-use row (most used first)
  std::vector<std::uint32_t> source_rank;   // first-use row -> written row
  std::vector<const Relation*> rules;       // the first relation of each type, rule, confidence
  RowIndex rules_index;
  std::vector<const Evidence*> passages;  // the first evidence of each passage
  RowIndex passages_index;
  std::vector<const std::string*> extra_aliases;  // of the entity being written
};

Scratch& scratch_for_writer() {
  thread_local Scratch s;
  return s;
}

bool same_passage(const Evidence& a, const Evidence& b) {
  return a.range == b.range && a.sentence == b.sentence && a.page == b.page &&
         a.document == b.document && a.element == b.element && a.quote == b.quote &&
         a.text == b.text;
}

// An entity as its row, or as its id when no entity of the record has that id (a mention may
// name an entity the record does not list, e.g. a citation's work).
void entity_ref(JsonWriter& w, std::uint32_t row, const std::string& id) {
  if (row != RowIndex::kNone)
    w.Uint(row);
  else
    str(w, id);
}

// The aliases of `e` beyond those of `known` (into `extra`), when `e` lists them sorted, each
// once, and lists all of `known`'s: then a reader rebuilds them from `known` and `extra`.
bool extra_aliases(const Entity& e, const Entity& known, std::vector<const std::string*>& extra) {
  extra.clear();
  const auto& have = e.aliases;
  const auto& base = known.aliases;
  std::size_t j = 0;
  for (std::size_t i = 0; i < have.size(); ++i) {
    if (i != 0 && !(have[i - 1] < have[i])) return false;
    if (j < base.size() && have[i] == base[j])
      ++j;
    else
      extra.push_back(&have[i]);
  }
  return j == base.size();
}

// A lexicon entity named by its id: the id alone when it is the catalog's as is, else an object
// with what differs. False, writing nothing, when its aliases cannot be told that way.
bool known_entity(JsonWriter& w, const Entity& e, const Entity& known,
                  std::vector<const std::string*>& extra) {
  if (!extra_aliases(e, known, extra)) return false;
  const bool same_type = e.type == known.type, same_label = e.label == known.label;
  const bool same_attributes = e.attributes == known.attributes;
  if (same_type && same_label && same_attributes && extra.empty()) {
    str(w, e.id);
    return true;
  }
  w.StartObject();
  key(w, "id"), str(w, e.id);
  if (!same_type) key(w, "type"), str(w, e.type);
  if (!same_label) key(w, "label"), str(w, e.label);
  if (!same_attributes) key(w, "attributes"), attrs(w, e.attributes);
  if (!extra.empty()) {
    key(w, "extra_aliases");
    w.StartArray();
    for (const std::string* a : extra) str(w, *a);
    w.EndArray();
  }
  w.EndObject();
  return true;
}

// Entities (they are few, and what people read first): the catalog's by id, the others as
// objects; their rows by id. True when some entity was named from the catalog.
bool entities(JsonWriter& w, Scratch& s, const DocumentExtraction& x,
              const EntityCatalog* catalog) {
  s.entities.reset(x.entities.size());
  key(w, "entities");
  w.StartArray();
  bool named = false;
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    // A repeated id keeps its first row: writer and reader both resolve it through that row.
    s.entities.find_or_add(symbol_key(e.id), static_cast<std::uint32_t>(i),
                           [&](std::uint32_t r) { return x.entities[r].id == e.id; });
    const Entity* known = catalog ? catalog->find(e.id) : nullptr;
    if (known && known_entity(w, e, *known, s.extra_aliases)) {
      named = true;
      continue;
    }
    write_full_entity(w, e);
  }
  w.EndArray();
  return named;
}

std::uint32_t entity_row(const Scratch& s, const DocumentExtraction& x, Symbol id) {
  return s.entities.find(symbol_key(id), [&](std::uint32_t r) { return x.entities[r].id == id; });
}

// Mentions, then their table of sources. A first pass finds each one's entity row and (source,
// confidence) row and counts the uses of the latter, so that the most used can be row 0, which
// mentions leave out.
void mentions(JsonWriter& w, Scratch& s, const DocumentExtraction& x) {
  const std::size_t nm = x.mentions.size();
  s.entity_of.resize(nm);
  s.source_of.resize(nm);
  s.sources.clear();
  s.sources_index.reset(8);
  std::uint32_t last = RowIndex::kNone;
  for (std::size_t i = 0; i < nm; ++i) {
    const Mention& m = x.mentions[i];
    s.entity_of[i] = entity_row(s, x, m.entity);
    const auto same_source = [&](std::uint32_t r) {
      const Mention& f = *s.sources[r].first;
      return bits_of(f.confidence) == bits_of(m.confidence) && f.source == m.source;
    };
    // Runs of one source are the rule: the previous mention's row is tried before the index.
    if (last == RowIndex::kNone || !same_source(last)) {
      const auto next = static_cast<std::uint32_t>(s.sources.size());
      last = s.sources_index.find_or_add(mix(symbol_key(m.source), bits_of(m.confidence)), next,
                                         same_source);
      if (last == next) s.sources.push_back({&m, 0});
    }
    ++s.sources[last].count;
    s.source_of[i] = last;
  }
  // Rows in order of use, most used first; ties keep the order of first use.
  s.source_order.resize(s.sources.size());
  for (std::uint32_t r = 0; r < s.source_order.size(); ++r) s.source_order[r] = r;
  std::stable_sort(
      s.source_order.begin(), s.source_order.end(),
      [&](std::uint32_t a, std::uint32_t b) { return s.sources[a].count > s.sources[b].count; });
  s.source_rank.resize(s.sources.size());
  for (std::uint32_t k = 0; k < s.source_order.size(); ++k) s.source_rank[s.source_order[k]] = k;

  // [start, end, entity, sentence, source row, surface, page, element]: trailing defaults left
  // out, a default before a written field written as such (row 0, null for the label, 0, "").
  key(w, "mentions");
  w.StartArray();
  for (std::size_t i = 0; i < nm; ++i) {
    const Mention& m = x.mentions[i];
    const std::uint32_t row = s.entity_of[i], source = s.source_rank[s.source_of[i]];
    const bool label = row != RowIndex::kNone && m.surface == x.entities[row].label;
    // The fields up to the last one not at its default.
    int fields = 4;
    if (source != 0) fields = 5;
    if (!label) fields = 6;
    if (m.page != 0) fields = 7;
    if (!m.element.empty()) fields = 8;
    w.StartArray();
    w.Uint64(m.range.begin);
    w.Uint64(m.range.end);
    entity_ref(w, row, m.entity);
    w.Int(m.sentence);
    if (fields > 4) w.Uint(source);
    if (fields > 5) {
      if (label)
        w.Null();
      else
        str(w, m.surface);
    }
    if (fields > 6) w.Int(m.page);
    if (fields > 7) str(w, m.element);
    w.EndArray();
  }
  w.EndArray();
  key(w, "mention_sources");
  w.StartArray();
  for (const std::uint32_t r : s.source_order) {
    const Mention& f = *s.sources[r].first;
    w.StartObject();
    key(w, "source"), str(w, f.source);
    key(w, "confidence"), number(w, f.confidence);
    w.EndObject();
  }
  w.EndArray();
}

// Relations: [source, target, rule row, span row, attributes], then their tables, whose rows are
// in order of first use (so one pass writes all three).
void relations(JsonWriter& w, Scratch& s, const DocumentExtraction& x) {
  s.rules.clear();
  s.rules_index.reset(16);
  s.passages.clear();
  s.passages_index.reset(x.relations.size());
  key(w, "relations");
  w.StartArray();
  std::uint32_t last_rule = RowIndex::kNone, last_span = RowIndex::kNone;
  for (const Relation& r : x.relations) {
    const Evidence& e = r.evidence;
    const auto same_rule = [&](std::uint32_t k) {
      const Relation& f = *s.rules[k];
      return bits_of(f.evidence.confidence) == bits_of(e.confidence) && f.type == r.type &&
             f.evidence.rule == e.rule;
    };
    if (last_rule == RowIndex::kNone || !same_rule(last_rule)) {
      const auto next = static_cast<std::uint32_t>(s.rules.size());
      last_rule = s.rules_index.find_or_add(
          mix(mix(symbol_key(e.rule), symbol_key(r.type)), bits_of(e.confidence)), next, same_rule);
      if (last_rule == next) s.rules.push_back(&r);
    }
    // Several relations usually rest on one sentence, one after the other.
    const auto same_span = [&](std::uint32_t k) { return same_passage(*s.passages[k], e); };
    if (last_span == RowIndex::kNone || !same_span(last_span)) {
      const auto next = static_cast<std::uint32_t>(s.passages.size());
      last_span =
          s.passages_index.find_or_add(mix(e.range.begin * kMul, e.range.end), next, same_span);
      if (last_span == next) s.passages.push_back(&e);
    }
    w.StartArray();
    entity_ref(w, entity_row(s, x, r.source), r.source);
    entity_ref(w, entity_row(s, x, r.target), r.target);
    w.Uint(last_rule);
    w.Uint(last_span);
    if (!r.attributes.empty()) attrs(w, r.attributes);
    w.EndArray();
  }
  w.EndArray();
  key(w, "relation_rules");
  w.StartArray();
  for (const Relation* f : s.rules) {
    w.StartObject();
    key(w, "type"), str(w, f->type);
    key(w, "rule"), str(w, f->evidence.rule);
    key(w, "confidence"), number(w, f->evidence.confidence);
    w.EndObject();
  }
  w.EndArray();

  // [start, end, sentence, quote, text, document, page, element], defaults as for mentions
  // ("", null for the record's document, 0, "").
  key(w, "spans");
  w.StartArray();
  for (const Evidence* p : s.passages) {
    const Evidence& e = *p;
    const bool own = e.document == x.document_id;
    int fields = 4;
    if (!e.text.empty()) fields = 5;
    if (!own) fields = 6;
    if (e.page != 0) fields = 7;
    if (!e.element.empty()) fields = 8;
    w.StartArray();
    w.Uint64(e.range.begin);
    w.Uint64(e.range.end);
    w.Int(e.sentence);
    str(w, e.quote);
    if (fields > 4) str(w, e.text);
    if (fields > 5) {
      if (own)
        w.Null();
      else
        str(w, e.document);
    }
    if (fields > 6) w.Int(e.page);
    if (fields > 7) str(w, e.element);
    w.EndArray();
  }
  w.EndArray();
}

}  // namespace

void write_full_entity(JsonWriter& w, const Entity& e) {
  w.StartObject();
  key(w, "id"), str(w, e.id);
  key(w, "type"), str(w, e.type);
  key(w, "label"), str(w, e.label);
  key(w, "aliases"), strings(w, e.aliases);
  key(w, "attributes"), attrs(w, e.attributes);
  w.EndObject();
}

}  // namespace records

std::string extraction_to_json(const DocumentExtraction& x, const EntityCatalog* catalog) {
  using namespace records;
  Scratch& s = scratch_for_writer();
  s.buffer.Clear();  // keeps its capacity: a record is up to a few megabytes
  JsonWriter w(s.buffer);
  w.StartObject();
  key(w, "version"), w.Int(3);
  key(w, "document"), str(w, x.document_id);
  key(w, "path"), str(w, x.path);
  key(w, "sha256"), str(w, x.sha256);
  key(w, "format"), str(w, x.format);
  if (!x.title.empty()) key(w, "title"), str(w, x.title);
  if (!x.byline.empty()) key(w, "byline"), str(w, x.byline);
  if (entities(w, s, x, catalog)) key(w, "lexicon"), str(w, catalog->digest());
  mentions(w, s, x);
  relations(w, s, x);
  key(w, "warnings"), strings(w, x.warnings);
  w.EndObject();
  std::string out;
  out.reserve(s.buffer.GetSize() + 1);  // room for the newline a JSON-lines writer adds
  out.append(s.buffer.GetString(), s.buffer.GetSize());
  return out;
}

}  // namespace softgraph
