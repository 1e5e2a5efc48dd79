#include "evaluation.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <set>

#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/entities/tokenizer.hpp"

namespace softgraph {
namespace {

const std::set<std::string> kEntityTypes = {"Actor", "TargetCountry", "Region", "Institution",
                                            "Instrument"};
const std::set<std::string> kRelationTypes = {"OPERATES", "MEMBER_OF", "USES_INSTRUMENT",
                                              "DELIVERS", "TARGETS",   "PARTNERS_WITH"};

struct GoldEntity {
  std::string id, type;
  std::set<std::string> names;  // folded
};

std::string norm(std::string_view s) { return eval_name(s); }

// The first evidence of an edge, shortened, for the lists --details prints.
std::string evidence_note(const EdgeProps& ep) {
  if (ep.evidence().empty()) return "";
  const Evidence& ev = ep.evidence().front();
  std::string q = ev.text.empty() ? ev.quote : ev.text;
  for (char& c : q)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (q.size() > 160) {
    std::size_t cut = 157;
    while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
    q = q.substr(0, cut) + "...";
  }
  return "   [" + std::string(std::string_view(ev.rule)) + "] \"" + q + "\"";
}

}  // namespace

std::string eval_name(std::string_view s) {
  std::string f = fold_case(s);
  // "the United States" and "United States" are one name.
  if (f.rfind("the ", 0) == 0) f = f.substr(4);
  return f;
}

// The gold file's entities, each with the names it may be found under, and its neutral names.
static void read_gold_entities(const rapidjson::Document& d, std::vector<GoldEntity>& gold,
                               std::set<std::string>& neutral) {
  for (const auto& e : d["entities"].GetArray()) {
    GoldEntity ge;
    ge.id = e["id"].GetString();
    ge.type = e["type"].GetString();
    std::string name = e["name"].GetString();
    ge.names.insert(norm(name));
    // Our ids are lexicon slugs and name the node; free-form ids (CHN, I_media) name nothing.
    if (ge.id.find('/') != std::string::npos) ge.names.insert(norm(ge.id));
    // An instrument is named by its codebook id (media_information) or by its label.
    if (ge.type == "Instrument") {
      std::string code = fold_case(name);
      std::replace(code.begin(), code.end(), ' ', '_');
      ge.names.insert("instrument/" + code);
    }
    if (e.HasMember("aliases"))
      for (const auto& a : e["aliases"].GetArray()) ge.names.insert(norm(a.GetString()));
    gold.push_back(std::move(ge));
  }
  if (d.HasMember("neutral"))
    for (const auto& n : d["neutral"].GetArray()) {
      if (n.IsString()) {
        neutral.insert(norm(n.GetString()));
        continue;
      }
      neutral.insert(norm(n["name"].GetString()));
      if (n.HasMember("aliases"))
        for (const auto& a : n["aliases"].GetArray()) neutral.insert(norm(a.GetString()));
    }
}

EvalReport evaluate(const Graph& g, const std::string& gold_path) {
  std::string text = read_file(gold_path);
  rapidjson::Document d = parse_json(text, gold_path);
  validate_json(d, embedded_file("schemas/gold.schema.json"), gold_path);

  std::vector<GoldEntity> gold;
  std::set<std::string> neutral;
  read_gold_entities(d, gold, neutral);

  // Predicted entities of the counted types, with their names.
  struct Pred {
    Vertex v;
    std::set<std::string> names;
  };
  std::vector<Pred> preds;
  for (Vertex v : g.sorted_nodes()) {
    const NodeProps& n = g.node(v);
    if (!kEntityTypes.count(n.type)) continue;
    Pred p{v, {norm(n.id), norm(n.label)}};
    for (const auto& a : n.aliases) p.names.insert(norm(a));
    preds.push_back(std::move(p));
  }

  EvalReport r;
  std::map<std::string, Vertex> gold_to_pred;  // gold id -> matched node
  std::set<Vertex> matched, mismatched;  // mismatched: found for a gold entity of another type
  // Ids first, so a shared alias cannot steal a node that an exact id names.
  std::map<std::string, const Pred*> by_id_match;
  for (const auto& ge : gold)
    for (const auto& p : preds)
      if (g.node(p.v).id == ge.id) by_id_match[ge.id] = &p;
  for (const auto& [id, p] : by_id_match) matched.insert(p->v);
  for (const auto& ge : gold) {
    if (!kEntityTypes.count(ge.type)) continue;
    const Pred* best = nullptr;
    auto exact = by_id_match.find(ge.id);
    if (exact != by_id_match.end()) {
      best = exact->second;
      matched.erase(best->v);
    } else {
      for (const auto& p : preds) {
        if (matched.count(p.v)) continue;
        bool same_name = std::any_of(ge.names.begin(), ge.names.end(),
                                     [&](const std::string& n) { return p.names.count(n) > 0; });
        if (!same_name) continue;
        if (!best) best = &p;
        if (g.node(p.v).type == ge.type) {
          best = &p;
          break;
        }
      }
    }
    if (best) gold_to_pred[ge.id] = best->v;
    if (best && g.node(best->v).type == ge.type) {
      matched.insert(best->v);
      r.entities[ge.type].tp++;
    } else {
      r.entities[ge.type].fn++;
      if (best) r.type_mismatches++, mismatched.insert(best->v);
      r.missed.push_back(ge.type + " " + ge.id +
                         (best ? " (found as " + g.node(best->v).type + ")" : ""));
    }
  }
  // A prediction that matches no gold entity but a neutral name counts neither way.
  std::set<Vertex> neutral_nodes;
  for (const auto& p : preds) {
    if (matched.count(p.v)) continue;
    bool is_neutral = std::any_of(p.names.begin(), p.names.end(),
                                  [&](const std::string& n) { return neutral.count(n) > 0; });
    if (is_neutral) {
      neutral_nodes.insert(p.v);
      r.neutral_entities++;
      continue;
    }
    r.entities[g.node(p.v).type].fp++;
    r.mismatch_fp += mismatched.count(p.v) > 0;
    r.spurious.push_back(g.node(p.v).type + " " + g.node(p.v).id);
  }

  // Relations: gold triples through the entity matching.
  std::map<std::tuple<Vertex, std::string, Vertex>, std::string> predicted;  // -> evidence note
  for (EdgeDesc e : g.sorted_edges()) {
    const EdgeProps& ep = g.edge(e);
    if (!kRelationTypes.count(ep.type)) continue;
    predicted.emplace(
        std::make_tuple(boost::source(e, g.boost()), ep.type.str(), boost::target(e, g.boost())),
        evidence_note(ep));
  }
  std::set<std::tuple<Vertex, std::string, Vertex>> found;
  for (const auto& rel : d["relations"].GetArray()) {
    std::string s = rel["source"].GetString(), t = rel["target"].GetString(),
                type = rel["type"].GetString();
    if (!kRelationTypes.count(type)) continue;
    auto si = gold_to_pred.find(s), ti = gold_to_pred.find(t);
    bool hit = false;
    if (si != gold_to_pred.end() && ti != gold_to_pred.end()) {
      auto fwd = std::make_tuple(si->second, type, ti->second);
      auto bwd = std::make_tuple(ti->second, type, si->second);
      if (predicted.count(fwd)) {
        hit = true;
        found.insert(fwd);
      } else if (type == "PARTNERS_WITH" && predicted.count(bwd)) {
        hit = true;
        found.insert(bwd);
      }
    }
    if (hit)
      r.relations[type].tp++;
    else {
      r.relations[type].fn++;
      std::string note;
      if (rel.HasMember("evidence") && rel["evidence"].IsString())
        note = std::string("   \"") + rel["evidence"].GetString() + "\"";
      r.missed.push_back(type + " " + s + " -> " + t + note);
    }
  }
  for (const auto& [p, note] : predicted) {
    if (found.count(p)) continue;
    if (neutral_nodes.count(std::get<0>(p)) || neutral_nodes.count(std::get<2>(p))) {
      r.neutral_relations++;
      continue;
    }
    r.relations[std::get<1>(p)].fp++;
    r.spurious.push_back(std::get<1>(p) + " " + g.node(std::get<0>(p)).id + " -> " +
                         g.node(std::get<2>(p)).id + note);
  }
  for (const auto& [t, s] : r.entities) r.entity_total += s;
  for (const auto& [t, s] : r.relations) r.relation_total += s;
  return r;
}

void print_report(const EvalReport& r, std::ostream& out, bool details) {
  auto row = [&](const std::string& name, const Score& s) {
    out << "  " << std::left << std::setw(18) << name << std::right << std::fixed
        << std::setprecision(3) << " P " << s.precision() << "  R " << s.recall() << "  F1 "
        << s.f1() << "   (tp " << s.tp << ", fp " << s.fp << ", fn " << s.fn << ")\n";
  };
  out << "entities\n";
  for (const auto& [t, s] : r.entities) row(t, s);
  row("all entities", r.entity_total);
  if (r.type_mismatches) {
    // States typed by their roles: a found state with a missed relation often has the wrong one.
    Score any = r.entity_total;
    any.tp += r.type_mismatches, any.fn -= r.type_mismatches, any.fp -= r.mismatch_fp;
    row("all, any type", any);
  }
  out << "relations\n";
  for (const auto& [t, s] : r.relations) row(t, s);
  row("all relations", r.relation_total);
  if (r.neutral_entities || r.neutral_relations)
    out << "neutral (not counted): " << r.neutral_entities << " entities, " << r.neutral_relations
        << " relations\n";
  if (details) {
    out << "missed:\n";
    for (const auto& m : r.missed) out << "  - " << terminal_text(m) << "\n";
    out << "spurious:\n";
    for (const auto& m : r.spurious) out << "  + " << terminal_text(m) << "\n";
  }
}

}  // namespace softgraph
