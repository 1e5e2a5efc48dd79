#include "challenge.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <set>
#include <sstream>

#include "evaluation.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/graph/graph.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "softgraph/pipeline/pipeline.hpp"

namespace softgraph {
namespace {

const std::set<std::string> kRelationTypes = {"OPERATES", "MEMBER_OF", "USES_INSTRUMENT",
                                              "DELIVERS", "TARGETS",   "PARTNERS_WITH"};
constexpr std::string_view kInstrumentPrefix = "instrument/";

// Each JSONL line parsed on its own, errors located by line (and column within it).
template <typename F>
void for_each_line(const std::string& path, F&& f) {
  std::string text = read_file(path);
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string where = "line " + std::to_string(number);
    if (const std::size_t deep = json_depth_exceeded(line, kMaxJsonDepth); deep != line.npos)
      throw input_error(path, where + ", column " + std::to_string(deep + 1),
                        "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(line.data(),
                                                                                    line.size());
    if (d.HasParseError())
      throw input_error(
          path, where + ", column " + std::to_string(d.GetErrorOffset() + 1),
          std::string("invalid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject()) throw input_error(path, where, "expected a JSON object");
    f(d, where, number);
  }
}

std::string string_member(const rapidjson::Value& o, const char* key, const std::string& path,
                          const std::string& where) {
  if (!o.HasMember(key)) throw input_error(path, where, std::string("missing '") + key + "'");
  if (!o[key].IsString() || o[key].GetStringLength() == 0)
    throw input_error(path, where, std::string("'") + key + "' must be a non-empty string");
  return o[key].GetString();
}

std::vector<ChallengeTriple> triples(const rapidjson::Value& o, const char* key,
                                     const std::string& path, const std::string& where,
                                     bool required) {
  std::vector<ChallengeTriple> out;
  if (!o.HasMember(key)) {
    if (required) throw input_error(path, where, std::string("missing '") + key + "'");
    return out;
  }
  if (!o[key].IsArray())
    throw input_error(path, where, std::string("'") + key + "' must be an array");
  std::size_t i = 0;
  for (const auto& t : o[key].GetArray()) {
    std::string at = where + ", " + key + "[" + std::to_string(i++) + "]";
    if (!t.IsObject()) throw input_error(path, at, "expected an object {source, type, target}");
    ChallengeTriple c{string_member(t, "source", path, at), string_member(t, "type", path, at),
                      string_member(t, "target", path, at)};
    if (!kRelationTypes.count(c.type))
      throw input_error(path, at, "unknown relation type '" + c.type + "'");
    out.push_back(std::move(c));
  }
  return out;
}

// The comparison key of a triple: names normalised, PARTNERS_WITH unordered.
ChallengeTriple key(const ChallengeTriple& t) {
  ChallengeTriple k{eval_name(t.source), t.type, eval_name(t.target)};
  if (k.type == "PARTNERS_WITH" && k.target < k.source) std::swap(k.source, k.target);
  return k;
}

std::string show(const ChallengeTriple& t) {
  return terminal_text(t.source + " " + t.type + " " + t.target);
}

// A node's names as the item's names are compared with them.
std::set<std::string> node_names(const NodeProps& n) {
  std::set<std::string> names = {eval_name(n.label)};
  for (const auto& a : n.aliases) names.insert(eval_name(a));
  if (n.id.rfind(kInstrumentPrefix, 0) == 0) names.insert(n.id.substr(kInstrumentPrefix.size()));
  return names;
}

// A name the item writes matches a node name exactly or up to a plural "s".
bool same_name(const std::string& item_name, const std::string& node_name) {
  if (item_name == node_name) return true;
  auto plural = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() + 1 && a.back() == 's' && a.compare(0, b.size(), b) == 0;
  };
  return plural(item_name, node_name) || plural(node_name, item_name);
}

}  // namespace

std::vector<ChallengeItem> read_challenge(const std::string& path) {
  std::vector<ChallengeItem> items;
  std::set<std::string> ids;
  for_each_line(path, [&](const rapidjson::Document& d, const std::string& where, int number) {
    ChallengeItem item;
    item.line = number;
    item.id = string_member(d, "id", path, where);
    item.phenomenon = string_member(d, "phenomenon", path, where);
    item.text = string_member(d, "text", path, where);
    item.relations = triples(d, "relations", path, where, true);
    item.nots = triples(d, "not", path, where, true);
    if (d.HasMember("trap")) {
      if (!d["trap"].IsBool()) throw input_error(path, where, "'trap' must be true or false");
      item.trap = d["trap"].GetBool();
    } else {
      item.trap = !item.nots.empty();
    }
    if (!ids.insert(item.id).second)
      throw input_error(path, where, "id '" + item.id + "' given twice");
    items.push_back(std::move(item));
  });
  if (items.empty()) throw input_error(path, "", "no challenge item");
  return items;
}

std::map<std::string, std::vector<ChallengeTriple>> read_challenge_predictions(
    const std::string& path) {
  std::map<std::string, std::vector<ChallengeTriple>> out;
  for_each_line(path, [&](const rapidjson::Document& d, const std::string& where, int) {
    auto& list = out[string_member(d, "id", path, where)];
    auto ts = triples(d, "relations", path, where, true);
    list.insert(list.end(), ts.begin(), ts.end());
  });
  return out;
}

std::vector<ChallengeTriple> predict_challenge_item(const Pipeline& pipeline,
                                                    const ChallengeItem& item) {
  Document doc =
      make_document(item.text + "\n", "challenge/" + item.id + ".txt", pipeline.options().ingest);
  std::vector<DocumentExtraction> extractions;
  extractions.push_back(pipeline.extract(doc));
  Graph g = pipeline.build(extractions);

  // The item's names, folded, with the form it writes.
  std::map<std::string, std::string> written;
  for (const auto* list : {&item.relations, &item.nots})
    for (const auto& t : *list) {
      written.emplace(eval_name(t.source), t.source);
      written.emplace(eval_name(t.target), t.target);
    }
  // A node is named by every item name it matches; a node matching none keeps its label.
  auto names_of = [&](Vertex v) {
    std::vector<std::string> out;
    for (const auto& n : node_names(g.node(v)))
      for (const auto& [folded, form] : written)
        if (same_name(folded, n) && std::find(out.begin(), out.end(), form) == out.end())
          out.push_back(form);
    if (out.empty()) {
      const std::string& id = g.node(v).id;
      out.push_back(id.rfind(kInstrumentPrefix, 0) == 0 ? id.substr(kInstrumentPrefix.size())
                                                        : g.node(v).label);
    }
    return out;
  };
  std::set<ChallengeTriple> predicted;
  for (EdgeDesc e : g.sorted_edges()) {
    const std::string& type = g.edge(e).type;
    if (!kRelationTypes.count(type)) continue;
    for (const auto& s : names_of(boost::source(e, g.boost())))
      for (const auto& t : names_of(boost::target(e, g.boost()))) predicted.insert({s, type, t});
  }
  return {predicted.begin(), predicted.end()};
}

ChallengeItemResult score_challenge_item(const ChallengeItem& item,
                                         std::vector<ChallengeTriple> predicted) {
  ChallengeItemResult r;
  r.item = &item;
  std::set<ChallengeTriple> pred_keys, gold_keys, not_keys;
  for (const auto& p : predicted) pred_keys.insert(key(p));
  for (const auto& t : item.relations) {
    if (!gold_keys.insert(key(t)).second) continue;  // a triple listed twice counts once
    r.gold++;
    if (pred_keys.count(key(t)))
      r.found++;
    else
      r.missed.push_back(t);
  }
  for (const auto& t : item.nots)
    if (not_keys.insert(key(t)).second) {
      r.nots++;
      if (pred_keys.count(key(t))) r.errors.push_back(t);
    }
  std::set<ChallengeTriple> seen;
  for (const auto& p : predicted) {
    ChallengeTriple k = key(p);
    if (!seen.insert(k).second) continue;
    if (!gold_keys.count(k) && !not_keys.count(k)) r.unscored.push_back(p);
  }
  r.predicted = std::move(predicted);
  return r;
}

void print_challenge_report(const std::vector<ChallengeItemResult>& results,
                            const std::string& name, std::ostream& out, bool details) {
  struct Row {
    int items = 0, traps = 0, gold = 0, found = 0, nots = 0, errors = 0, trap_errors = 0,
        control_errors = 0, unscored = 0;
    void add(const ChallengeItemResult& r) {
      const ChallengeItem& it = *r.item;
      items++;
      traps += it.trap;
      gold += r.gold;
      found += r.found;
      nots += r.nots;
      errors += static_cast<int>(r.errors.size());
      (it.trap ? trap_errors : control_errors) += static_cast<int>(r.errors.size());
      unscored += static_cast<int>(r.unscored.size());
    }
  };
  std::vector<std::string> order;  // phenomena in the file's order
  std::map<std::string, Row> rows;
  Row all, trap_items, control_items;
  for (const auto& r : results) {
    const ChallengeItem& it = *r.item;
    if (!rows.count(it.phenomenon)) order.push_back(it.phenomenon);
    rows[it.phenomenon].add(r);
    all.add(r);
    (it.trap ? trap_items : control_items).add(r);
  }
  auto share = [](int a, int b) {
    std::ostringstream s;
    if (b == 0)
      s << "    -";
    else
      s << std::fixed << std::setprecision(3) << double(a) / b;
    return s.str();
  };
  out << "challenge " << terminal_text(name) << ": " << all.items << " items (" << all.traps
      << " trap, " << all.items - all.traps << " control)\n";
  out << "  relations found = gold triples predicted / gold triples; not produced = trap errors "
         "(predicted triples listed in `not`) / `not` entries\n";
  out << "  " << std::left << std::setw(22) << "phenomenon" << std::right << std::setw(6) << "items"
      << std::setw(6) << "traps" << std::setw(6) << "gold" << std::setw(7) << "found"
      << std::setw(8) << "recall" << std::setw(6) << "not" << std::setw(7) << "made" << std::setw(8)
      << "share" << std::setw(10) << "err-trap" << std::setw(10) << "err-ctrl" << std::setw(10)
      << "unscored"
      << "\n";
  auto line = [&](const std::string& label, const Row& w) {
    out << "  " << std::left << std::setw(22) << terminal_text(label) << std::right << std::setw(6)
        << w.items << std::setw(6) << w.traps << std::setw(6) << w.gold << std::setw(7) << w.found
        << std::setw(8) << share(w.found, w.gold) << std::setw(6) << w.nots << std::setw(7)
        << w.errors << std::setw(8) << share(w.errors, w.nots) << std::setw(10) << w.trap_errors
        << std::setw(10) << w.control_errors << std::setw(10) << w.unscored << "\n";
  };
  for (const auto& p : order) line(p, rows[p]);
  line("all", all);
  line("trap items", trap_items);
  line("control items", control_items);
  out << "  relations found " << share(all.found, all.gold) << " (aim >= 0.90), not produced "
      << share(all.errors, all.nots) << " (aim <= 0.05)\n";
  if (!details) return;
  out << "details (- missed gold triple, ! trap error, ? unscored prediction):\n";
  for (const auto& r : results) {
    const ChallengeItem& it = *r.item;
    out << "  " << terminal_text(it.id) << " " << terminal_text(it.phenomenon)
        << (it.trap ? " (trap)" : " (control)") << ": found " << r.found << "/" << r.gold
        << ", trap errors " << r.errors.size() << "/" << r.nots << ", unscored "
        << r.unscored.size() << "\n";
    out << "    " << terminal_text(it.text) << "\n";
    for (const auto& t : r.missed) out << "    - " << show(t) << "\n";
    for (const auto& t : r.errors) out << "    ! " << show(t) << "\n";
    for (const auto& t : r.unscored) out << "    ? " << show(t) << "\n";
  }
}

}  // namespace softgraph
