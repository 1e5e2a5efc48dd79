#include "softgraph/pipeline/pipeline.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "progress.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/probe_table.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/entities/discovery.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/graph/graph_builder.hpp"
#include "softgraph/records/records.hpp"
#include "softgraph/refs/references.hpp"
#include "softgraph/relations/relation_extractor.hpp"
#if __has_include("softgraph/metrics/metrics.hpp")
#include "softgraph/metrics/metrics.hpp"
#define SOFTGRAPH_HAVE_METRICS 1
#endif
#if __has_include("softgraph/analysis/channels.hpp")
#include "softgraph/analysis/channels.hpp"
#define SOFTGRAPH_HAVE_CHANNELS 1
#endif

namespace softgraph {
namespace fs = std::filesystem;

namespace {
// The embedded brief's marker: a NUL byte, which no path given on the command line or on stdin can
// hold, so a real file named "embedded:..." is read as the file it is.
constexpr std::string_view kEmbeddedPrefix{"\0embedded:", 10};
constexpr std::string_view kDefaultBrief = "examples/central-asia-brief.txt";
// Spans of discovered names, sorted by start, with running maxima of their ends: "is this range
// strictly inside one of them?" takes two binary searches instead of a scan of every name.
class NameSpans {
 public:
  explicit NameSpans(const std::vector<Mention>& sorted) : names_(sorted) {
    std::uint64_t best = 0;
    for (const auto& d : sorted) max_end_.push_back(best = std::max(best, d.range.end));
  }
  bool strictly_contain(ByteRange r) const {
    std::size_t le = starting_before(r.begin, true);
    if (le == 0 || max_end_[le - 1] < r.end) return false;
    if (max_end_[le - 1] > r.end) return true;
    // A name ends exactly where r does: it must start before r to hold it strictly.
    std::size_t lt = starting_before(r.begin, false);
    return lt > 0 && max_end_[lt - 1] >= r.end;
  }
  // Whether a name the text defined itself covers exactly m's words as another entity: the
  // text's "Caribbean Development Bank (CDB)" makes its CDB that bank, not the lexicon's China
  // Development Bank.
  bool redefine(const Mention& m) const {
    for (std::size_t k = starting_before(m.range.begin, false); k < names_.size(); ++k) {
      if (names_[k].range.begin != m.range.begin) break;
      if (names_[k].range.end == m.range.end && names_[k].entity != m.entity) return true;
    }
    return false;
  }

 private:
  // How many names start before `b` (or at it, when `inclusive`).
  std::size_t starting_before(std::uint64_t b, bool inclusive) const {
    auto it = std::partition_point(names_.begin(), names_.end(), [&](const Mention& d) {
      return inclusive ? d.range.begin <= b : d.range.begin < b;
    });
    return static_cast<std::size_t>(it - names_.begin());
  }
  const std::vector<Mention>& names_;
  std::vector<std::uint64_t> max_end_;
};

// Entity ids -> places in their list (ids unique), looked up for every mention and relation end.
// Ids are symbols, equal exactly when their pointers are: the pointer, spread by a
// multiplication, is the hash.
class IdIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // At most a quarter full: a look-up mostly reads one slot.
  explicit IdIndex(const std::vector<Entity>& list) : table_(list.size(), 1) {
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      const void* id = list[i].id.identity();
      *table_.insert(hash(id), [&](const Slot& s) { return s.id == id; }).first = {id, i};
    }
  }
  std::uint32_t find(Symbol id) const {
    const Slot* s =
        table_.get(hash(id.identity()), [&](const Slot& slot) { return slot.id == id.identity(); });
    return s ? s->index : kNone;
  }

 private:
  struct Slot {
    const void* id = nullptr;
    std::uint32_t index = kNone;
  };
  static std::uint64_t hash(const void* id) {
    return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(id)) * 0x9E3779B97F4A7C15ULL;
  }
  struct Traits {
    static bool empty(const Slot& s) { return s.index == kNone; }
    static std::uint64_t hash(const Slot& s) { return IdIndex::hash(s.id); }
  };
  ProbeTable<Slot, Traits> table_;
};

// The sorted lists `a` and `b` merged (among equals, those of `a` first), each element moved once
// into a list with room for `spare` more: in place, std::inplace_merge would move most of them
// twice (into a buffer and back), and one more time to grow.
template <typename T, typename Less>
std::vector<T> merge_moving(std::vector<T>& a, std::vector<T>& b, Less less, std::size_t spare) {
  std::vector<T> out;
  out.reserve(a.size() + b.size() + spare);
  auto next_b = b.begin();
  for (T& x : a) {
    for (; next_b != b.end() && less(*next_b, x); ++next_b) out.push_back(std::move(*next_b));
    out.push_back(std::move(x));
  }
  for (; next_b != b.end(); ++next_b) out.push_back(std::move(*next_b));
  return out;
}

// The PDF page or HTML element that text offset `t` came from (locations are in text order).
const SourceLocation* location_of(const Document& doc, std::uint64_t t) {
  const auto& locs = doc.locations;
  auto it = std::partition_point(locs.begin(), locs.end(),
                                 [&](const SourceLocation& l) { return l.range.end <= t; });
  for (; it != locs.end() && it->range.begin <= t; ++it)
    if (t < it->range.end) return &*it;
  return nullptr;
}

}  // namespace

std::string default_input_path() {
  return std::string(kEmbeddedPrefix) + std::string(kDefaultBrief);
}

unsigned effective_threads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

struct Pipeline::LazyCatalog {
  std::once_flag once;
  std::unique_ptr<EntityCatalog> catalog;
};

Pipeline::Pipeline(PipelineOptions options)
    : options_(std::move(options)),
      lexicon_(Lexicon::builtin()),
      catalog_(std::make_unique<LazyCatalog>()) {
  // Checked before any document is read: a typo should not cost a whole extraction.
  for (const auto& type : options_.metrics_skip)
    if (!Ontology::builtin().has_edge_type(type))
      throw Error(ErrorCode::kUsage, "", "--metrics-skip", "unknown edge type '" + type + "'");
  for (const auto& f : options_.lexicon_files) lexicon_.add_file(f);
  recognizer_ = std::make_unique<EntityRecognizer>(lexicon_);
}

Pipeline::~Pipeline() = default;

const EntityCatalog& Pipeline::entity_catalog() const {
  std::call_once(catalog_->once, [this] {
    catalog_->catalog = std::make_unique<EntityCatalog>(recognizer_->prototypes_by_id());
  });
  return *catalog_->catalog;
}

namespace {

bool entity_id_less(const Entity& a, const Entity& b) { return a.id < b.id; }

bool mention_position_less(const Mention& a, const Mention& b) {
  return std::tie(a.page, a.range.begin, a.range.end, a.entity) <
         std::tie(b.page, b.range.begin, b.range.end, b.entity);
}

// Reference lists are read by the reference extractor, not mined for entities.
std::vector<ByteRange> reference_sections(const Document& doc) {
  std::vector<ByteRange> skip;
  for (const auto& s : doc.sections)
    if (s.kind == "references") skip.push_back(s.range);
  return skip;
}

// The entities in one list sorted by id, each id once: the recognizer's first (sorted and
// unique already), then the discovered ones in the order given (the first of an id wins).
std::vector<Entity> merge_entities(std::vector<Entity>&& recognized,
                                   std::vector<Entity>& discovered) {
  std::vector<Entity> entity_list = std::move(recognized);
  const auto lexicon_end = static_cast<std::ptrdiff_t>(entity_list.size());
  std::vector<Entity*> extra;
  extra.reserve(discovered.size());
  for (auto& e : discovered) extra.push_back(&e);
  std::stable_sort(extra.begin(), extra.end(),
                   [](const Entity* a, const Entity* b) { return a->id < b->id; });
  for (std::size_t i = 0; i < extra.size(); ++i) {
    if (i > 0 && extra[i]->id == extra[i - 1]->id) continue;
    if (std::binary_search(entity_list.begin(), entity_list.begin() + lexicon_end, *extra[i],
                           entity_id_less))
      continue;
    entity_list.push_back(std::move(*extra[i]));
  }
  std::inplace_merge(entity_list.begin(), entity_list.begin() + lexicon_end, entity_list.end(),
                     entity_id_less);
  return entity_list;
}

// Words inside a discovered name belong to that name ("ASEAN" in "ASEAN-Korea Centre"); the
// attribution to a country inside it was made by discovery already. Both lists are in text
// order (discovered sorted here): merged (the lexicon's first among equals) into a new list, each
// mention moved once.
std::vector<Mention> merge_mentions(std::vector<Mention>& lexicon,
                                    std::vector<Mention>& discovered) {
  std::sort(discovered.begin(), discovered.end(), mention_position_less);
  if (discovered.empty()) return std::move(lexicon);
  std::vector<Mention> mentions;
  const NameSpans names(discovered);
  mentions.reserve(lexicon.size() + discovered.size());
  auto next_found = discovered.begin();
  const auto found_end = discovered.end();
  for (Mention& m : lexicon) {
    for (; next_found != found_end && mention_position_less(*next_found, m); ++next_found)
      mentions.push_back(std::move(*next_found));
    if (!names.strictly_contain(m.range) && !names.redefine(m)) mentions.push_back(std::move(m));
  }
  for (; next_found != found_end; ++next_found) mentions.push_back(std::move(*next_found));
  return mentions;
}

// What the text says of each entity of entity_list (one flag byte each), with each mention's and
// each relation end's place in that list (IdIndex::kNone: not in it).
enum : std::uint8_t { kStrong = 1, kNamed = 2, kRelated = 4 };
struct EntityPlaces {
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> mention_entity;
  std::vector<std::array<std::uint32_t, 2>> ends;
};

EntityPlaces place_entities(const IdIndex& index, std::size_t entity_count,
                            const std::vector<Mention>& mentions,
                            const std::vector<Relation>& relations) {
  EntityPlaces p;
  p.flags.assign(entity_count, 0);
  p.mention_entity.resize(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const std::uint32_t e = p.mention_entity[i] = index.find(m.entity);
    if (e == IdIndex::kNone) continue;
    const bool demonym = m.source == "lexicon:demonym";
    if (!demonym) p.flags[e] |= kNamed;
    if (!demonym && m.source != "lexicon:city") p.flags[e] |= kStrong;
  }
  // Each relation's ends as places in entity_list, looked up once.
  p.ends.resize(relations.size());
  for (std::size_t i = 0; i < relations.size(); ++i)
    p.ends[i] = {index.find(relations[i].source), index.find(relations[i].target)};
  return p;
}

// A place named only by its capital or an adjective may act ("Moscow's toolkit") but is not
// taken as a target: "a summit in Prague" does not aim anything at the Czech Republic.
void drop_weak_targets(std::vector<Relation>& relations, EntityPlaces& p,
                       const std::vector<Entity>& entity_list) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const std::uint32_t t = p.ends[i][1];
    if (t != IdIndex::kNone && !(p.flags[t] & kStrong) && relations[i].type != "OPERATES") {
      const Symbol type = entity_list[t].type;
      if (type == "Actor" || type == "TargetCountry") continue;
    }
    if (out != i) {
      relations[out] = std::move(relations[i]);
      p.ends[out] = p.ends[i];
    }
    ++out;
  }
  relations.erase(relations.begin() + static_cast<std::ptrdiff_t>(out), relations.end());
  p.ends.resize(out);
}

// An entity named only by an adjective ("Asian players") and in no relation is not a subject of
// the text: drop it and its mentions. Every relation's ends are thus kept entities or unknown
// ids (owners named only by the lexicon, added later). An instrument channel no one uses in the
// text is not part of its influence graph either.
void keep_subjects(std::vector<Entity>& entity_list, std::vector<Mention>& mentions,
                   EntityPlaces& p) {
  for (const auto& pair : p.ends)
    for (std::uint32_t e : pair)
      if (e != IdIndex::kNone) p.flags[e] |= kRelated;
  std::vector<std::uint32_t> kept_as(entity_list.size(), IdIndex::kNone);
  std::uint32_t kept = 0;
  for (std::uint32_t i = 0; i < entity_list.size(); ++i) {
    const bool keep =
        (p.flags[i] & kRelated) || ((p.flags[i] & kNamed) && entity_list[i].type != "Instrument");
    if (!keep) continue;
    if (kept != i) entity_list[kept] = std::move(entity_list[i]);
    kept_as[i] = kept++;
  }
  entity_list.erase(entity_list.begin() + kept, entity_list.end());
  std::size_t out = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const std::uint32_t e = p.mention_entity[i];
    if (e == IdIndex::kNone || kept_as[e] == IdIndex::kNone) continue;
    if (out != i) mentions[out] = std::move(mentions[i]);
    ++out;
  }
  mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(out), mentions.end());
}

// A discovered organisation without an owner in its name is attributed by the relation that
// gave it one: a possessive or subject in its sentence, or the actor of its section.
void attribute_owners(std::vector<Entity>& entity_list, const std::vector<Relation>& relations) {
  std::map<std::string_view, std::vector<const Relation*>> operated_by;  // in relation order
  for (const auto& r : relations)
    if (r.type == "OPERATES") operated_by[r.target].push_back(&r);
  for (auto& e : entity_list) {
    if (!e.attributes.count("discovered") || e.attributes.count("owner")) continue;
    auto ops = operated_by.find(e.id);
    if (ops == operated_by.end()) continue;
    std::vector<std::string> owners;
    std::string method;
    double confidence = 0;
    for (const Relation* rp : ops->second) {
      const Relation& r = *rp;
      if (std::find(owners.begin(), owners.end(), r.source) == owners.end())
        owners.push_back(r.source);
      bool by_scope = r.evidence.rule.rfind("scope:", 0) == 0;
      if (!by_scope || method.empty()) {
        method = by_scope ? "section" : "sentence";
        confidence = r.evidence.confidence;
      }
    }
    if (owners.empty()) continue;
    std::sort(owners.begin(), owners.end());
    e.attributes["owner"] = owners;
    e.attributes["attribution"] = method;
    e.attributes["attribution_confidence"] = confidence;
  }
}

// Owners named only by the lexicon still become nodes, merged in by id (room left for `spare`
// more entities).
void add_lexicon_owners(std::vector<Entity>& entity_list, const std::vector<Relation>& relations,
                        const EntityPlaces& p, const Lexicon& lexicon, std::size_t spare) {
  std::vector<Entity> owners;
  std::unordered_set<std::string_view> owners_added;
  for (std::size_t i = 0; i < relations.size(); ++i)
    for (int end = 0; end < 2; ++end) {
      if (p.ends[i][static_cast<std::size_t>(end)] != IdIndex::kNone) continue;  // a kept entity
      const std::string& id = end == 0 ? relations[i].source : relations[i].target;
      if (owners_added.insert(id).second)
        if (const LexiconEntry* e = lexicon.find(id)) owners.push_back(entity_from_entry(*e));
    }
  std::sort(owners.begin(), owners.end(), entity_id_less);
  if (!owners.empty()) entity_list = merge_moving(entity_list, owners, entity_id_less, spare);
}

// Mentions in raw offsets, with the page or element they came from, the citations merged in.
// Mentions come in text order: the offset map is searched from the piece of the one before.
std::vector<Mention> place_mentions(const Document& doc, std::vector<Mention>& mentions,
                                    std::vector<Mention>& citations) {
  std::size_t begin_piece = 0, end_piece = 0;
  auto place = [&](Mention& m) {
    const SourceLocation* loc = doc.locations.empty() ? nullptr : location_of(doc, m.range.begin);
    if (loc) {
      m.page = loc->page;
      m.element = loc->element;
    }
    m.range = {doc.map.to_raw_begin(m.range.begin, begin_piece),
               doc.map.to_raw_end(m.range.end, end_piece)};
    // Offsets into the page's or element's text, as for evidence (core/evidence.cpp).
    if (loc && !loc->raw.empty() && m.range.begin >= loc->raw.begin)
      m.range = {m.range.begin - loc->raw.begin + loc->offset,
                 std::min(m.range.end, loc->raw.end) - loc->raw.begin + loc->offset};
  };
  // (Most plain texts are their own raw bytes: nothing to do then.)
  const bool placed_as_is = doc.map.maps_text_to_itself() && doc.locations.empty();
  if (!placed_as_is)
    for (auto& m : mentions) place(m);
  if (citations.empty()) return std::move(mentions);
  // Raw offsets keep the text order (the offset map is monotonic): the citations, sorted, are
  // merged in after the entity mentions they tie with.
  if (!placed_as_is)
    for (auto& m : citations) place(m);
  std::stable_sort(citations.begin(), citations.end(), mention_position_less);
  return merge_moving(mentions, citations, mention_position_less, 0);
}

template <typename T>
void append_moving(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

// Recognise and discover entities, find relations among them, keep the entities the text is about,
// read its references, attribute owners, and give every mention its raw offsets.
DocumentExtraction Pipeline::extract(const Document& doc) const {
  DocumentExtraction x;
  x.document_id = doc.id;
  x.path = doc.path;
  x.sha256 = doc.sha256;
  x.format = doc.format;
  x.title = doc.title;
  x.byline = doc.byline;

  const std::vector<ByteRange> skip = reference_sections(doc);
  EntityExtraction found = recognizer_->run(doc, skip);
  Discovery discovered = discover_entities(doc, *recognizer_, found, skip);
  std::vector<Entity> entity_list = merge_entities(std::move(found.entities), discovered.entities);
  // Entity ids -> places in entity_list: every membership test below is one hashed look-up of an
  // index, and what is known of each entity is a flag beside it.
  const IdIndex index(entity_list);
  std::vector<Mention> mentions = merge_mentions(found.mentions, discovered.mentions);

  // The sentences' tokens served the recognizer and discovery; the relation extractor parses
  // with its own tokenizer. Freed here: on a large document they are five times its size.
  found.tokens = SentenceTokens();
  std::vector<Relation> relations =
      extract_relations(doc, entity_list, mentions, nullptr, options_.relations);
  for (auto& r : discovered.relations) relations.push_back(std::move(r));

  EntityPlaces places = place_entities(index, entity_list.size(), mentions, relations);
  drop_weak_targets(relations, places, entity_list);
  keep_subjects(entity_list, mentions, places);

  // From here on the entities live in one list sorted by id, without copies.
  ReferenceExtraction refs = extract_references(doc, mentions, entity_list);
  attribute_owners(entity_list, relations);
  add_lexicon_owners(entity_list, relations, places, lexicon_, refs.entities.size());

  x.entities = std::move(entity_list);
  append_moving(x.entities, refs.entities);
  x.relations = std::move(relations);
  append_moving(x.relations, refs.relations);
  x.mentions = place_mentions(doc, mentions, refs.mentions);
  x.warnings = std::move(discovered.warnings);
  append_moving(x.warnings, refs.warnings);
  return x;
}

namespace {

Document load_any(const std::string& path, const IngestOptions& options) {
  if (path.rfind(kEmbeddedPrefix, 0) == 0) {
    std::string rel = path.substr(kEmbeddedPrefix.size());
    return make_document(std::string(embedded_file(rel)), rel, options);
  }
  return load_document(path, options);
}

}  // namespace

template <typename Prepared>
std::size_t Pipeline::run_stream(const std::vector<std::string>& paths,
                                 const std::function<Prepared(DocumentExtraction&&)>& prepare,
                                 const std::function<void(Prepared&&)>& sink,
                                 std::vector<std::string>* skipped) const {
  std::uint64_t total_bytes = 0;
  std::vector<std::uint64_t> sizes(paths.size(), 0);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::error_code ec;
    auto size = fs::file_size(paths[i], ec);
    if (!ec) sizes[i] = size, total_bytes += size;
  }
  Progress progress(paths.size(), total_bytes, options_.progress && isatty(2), stderr);
  const unsigned n =
      std::min<unsigned>(effective_threads(options_.threads),
                         static_cast<unsigned>(std::max<std::size_t>(1, paths.size())));
  // Workers run at most `window` documents ahead of the one the sink waits for: what is held
  // at once is bounded by the thread count, not by the corpus.
  const std::size_t window = 4 * static_cast<std::size_t>(n);
  struct Slot {
    std::optional<Prepared> result;
    std::exception_ptr error;
  };
  std::mutex m;
  std::condition_variable cv;
  std::map<std::size_t, Slot> ready;
  std::size_t next_emit = 0, emitted_ok = 0;
  bool emitting = false, aborted = false;
  std::exception_ptr failure;
  std::atomic<std::size_t> next{0};

  // Hands finished documents to the sink in input order; one thread at a time does it.
  auto drain = [&](std::unique_lock<std::mutex>& lock) {
    if (emitting) return;
    emitting = true;
    for (auto it = ready.find(next_emit); it != ready.end() && !aborted;
         it = ready.find(next_emit)) {
      Slot slot = std::move(it->second);
      ready.erase(it);
      lock.unlock();
      try {
        if (slot.error) {
          // One document's failure: skip it and go on, unless strict or it was the only input.
          if (options_.strict || paths.size() == 1) std::rethrow_exception(slot.error);
          try {
            std::rethrow_exception(slot.error);
          } catch (const std::exception& e) {
            spdlog::warn("skipped {}", e.what());
            if (skipped) skipped->push_back(e.what());
          }
        } else {
          sink(std::move(*slot.result));
          lock.lock();
          ++emitted_ok;
          lock.unlock();
        }
      } catch (...) {
        lock.lock();
        if (!failure) failure = std::current_exception();
        aborted = true;
        lock.unlock();
      }
      lock.lock();
      ++next_emit;
      cv.notify_all();
    }
    emitting = false;
  };
  auto worker = [&] {
    for (;;) {
      std::size_t i = next++;
      if (i >= paths.size()) return;
      {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return aborted || i < next_emit + window; });
        if (aborted) return;
      }
      Slot slot;
      try {
        Document doc = load_any(paths[i], options_.ingest);
        slot.result = prepare(extract(doc));
      } catch (...) {
        slot.error = std::current_exception();
      }
      progress.done(sizes[i]);
      std::unique_lock<std::mutex> lock(m);
      ready.emplace(i, std::move(slot));
      drain(lock);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  {
    // Workers may all have left while the last results wait: hand them over.
    std::unique_lock<std::mutex> lock(m);
    drain(lock);
  }
  progress.finish();
  if (const ParseStats p = parse_stats(); p.sentences > 0) {
    auto share = [](std::uint64_t part, std::uint64_t whole) {
      return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    };
    spdlog::info(
        "parsed {} of {} sentences that name an entity ({:.1f} %; {:.1f} % of all {} sentences), "
        "{} words in {:.2f} s of parsing CPU ({:.0f} words/s)",
        p.parsed, p.sentences, share(p.parsed, p.sentences), share(p.parsed, p.all_sentences),
        p.all_sentences, p.words, p.parse_seconds,
        p.parse_seconds > 0 ? static_cast<double>(p.words) / p.parse_seconds : 0.0);
  }
  if (failure) std::rethrow_exception(failure);
  if (emitted_ok == 0) throw input_error("", "", "no document could be read");
  return emitted_ok;
}

std::size_t Pipeline::extract_stream(const std::vector<std::string>& paths,
                                     const ExtractionSink& sink,
                                     std::vector<std::string>* skipped) const {
  return run_stream<DocumentExtraction>(
      paths, [](DocumentExtraction&& x) { return std::move(x); }, sink, skipped);
}

std::size_t Pipeline::extract_stream_as(
    const std::vector<std::string>& paths,
    const std::function<std::string(DocumentExtraction&&)>& prepare,
    const std::function<void(std::string&&)>& sink, std::vector<std::string>* skipped) const {
  return run_stream<std::string>(paths, prepare, sink, skipped);
}

std::vector<DocumentExtraction> Pipeline::extract_all(const std::vector<std::string>& paths,
                                                      std::vector<std::string>* skipped) const {
  std::vector<DocumentExtraction> out;
  extract_stream(
      paths, [&](DocumentExtraction&& x) { out.push_back(std::move(x)); }, skipped);
  return out;
}

GraphBuilder Pipeline::make_builder() const {
  GraphBuilderOptions o;
  o.max_evidence = options_.max_evidence;
  return GraphBuilder(Ontology::builtin(), o);
}

Graph Pipeline::finish(GraphBuilder& builder) const {
  Graph g = builder.finish();
  spdlog::info("graph: {} nodes, {} edges", g.node_count(), g.edge_count());
#ifdef SOFTGRAPH_HAVE_METRICS
  MetricsOptions mo;
  mo.threads = effective_threads(options_.threads);
  mo.skip_edge_types.insert(options_.metrics_skip.begin(), options_.metrics_skip.end());
  if (!mo.skip_edge_types.empty())
    g.attributes["metrics_skip_edge_types"] =
        std::vector<std::string>(mo.skip_edge_types.begin(), mo.skip_edge_types.end());
  compute_metrics(g, mo);
  spdlog::info("metrics computed");
#endif
#ifdef SOFTGRAPH_HAVE_CHANNELS
  annotate_channels(g, compute_channels(g, /*details=*/false));
  spdlog::info("channel shares computed");
#endif
  return g;
}

Graph Pipeline::build(const std::vector<DocumentExtraction>& extractions) const {
  GraphBuilder b = make_builder();
  for (const auto& x : extractions) b.add(x);
  return finish(b);
}

}  // namespace softgraph
