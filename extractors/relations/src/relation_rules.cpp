#include "relation_rules.hpp"

#include <algorithm>

#include "softgraph/core/json_io.hpp"
#include "softgraph/core/resources.hpp"

namespace softgraph {
namespace {

WordSet words_of(const rapidjson::Value& v) {
  WordSet out;
  if (v.IsArray())
    for (const auto& w : v.GetArray()) out.emplace(w.GetString());
  return out;
}

std::vector<std::string> list_of(const rapidjson::Value& v) {
  std::vector<std::string> out;
  for (const auto& w : v.GetArray()) out.emplace_back(w.GetString());
  return out;
}

}  // namespace

bool RelationPattern::yields(std::string_view type) const {
  return std::find(relations.begin(), relations.end(), type) != relations.end();
}

std::string RelationPattern::fixed_instrument(std::string_view lemma) const {
  if (auto it = instrument.find(std::string(lemma)); it != instrument.end()) return it->second;
  if (auto it = instrument.find("*"); it != instrument.end()) return it->second;
  return "";
}

bool RelationRules::takes(const RelationPattern& p, std::string_view lemma, std::string_view upos) {
  if (!p.upos.contains(upos)) return false;
  return p.lemmas.empty() ? !p.inert.contains(lemma) : p.lemmas.contains(lemma);
}

const RelationPattern* RelationRules::match(std::string_view kind, std::string_view lemma,
                                            std::string_view upos) const {
  for (const RelationPattern& p : patterns)
    if (p.kind == kind && takes(p, lemma, upos)) return &p;
  return nullptr;
}

RelationRules RelationRules::parse(std::string_view json, const std::string& origin) {
  rapidjson::Document d = parse_json(json, origin);
  validate_json(d, embedded_file("schemas/relations.schema.json"), origin);
  RelationRules r;
  const auto& m = d["modality"];
  r.negators = words_of(m["negators"]);
  r.modals = words_of(m["modals"]);
  r.announcing = words_of(m["announcing"]);
  r.plans = words_of(m["plans"]);
  r.plan_nouns = words_of(m["plan_nouns"]);
  r.plan_adjectives = words_of(m["plan_adjectives"]);
  r.discontinue = words_of(m["discontinue"]);
  r.positive_after_not = words_of(m["positive_after_not"]);
  r.locative_nouns = words_of(d["locative_nouns"]);
  r.venues = words_of(d["venues"]);
  r.proxies = words_of(d["proxies"]);
  r.policy_nouns = words_of(d["policy_nouns"]);
  r.singular_anaphors = words_of(d["anaphors"]["singular"]);
  r.plural_anaphors = words_of(d["anaphors"]["plural"]);
  r.owner_participles = words_of(d["operates"]["participles"]);
  r.owner_nouns = words_of(d["operates"]["nouns"]);
  r.groups = words_of(d["groups"]);
  r.frame_nouns = words_of(d["frame_nouns"]);
  r.furniture = {list_of(d["furniture"]["cues"]), words_of(d["furniture"]["sections"]),
                 words_of(d["furniture"]["function_words"])};
  const auto& cmp = d["comparison"];
  r.comparison = {words_of(cmp["markers"]),        words_of(cmp["equative_markers"]),
                  words_of(cmp["ranked_markers"]), words_of(cmp["ranks"]),
                  words_of(cmp["excluded"]),       words_of(cmp["denials"]),
                  words_of(cmp["verbs"]),          words_of(cmp["as_predicate_verbs"])};
  r.learners = words_of(d["learners"]);
  r.collectives = words_of(d["collectives"]);
  r.duty_nouns = words_of(d["duty_nouns"]);
  r.quantifiers = words_of(d["quantifiers"]);
  r.showing_adjectives = words_of(d["showing_adjectives"]);
  r.topic_nouns = words_of(d["topic_nouns"]);
  r.caption_words = words_of(d["caption_words"]);
  r.source_cues = words_of(d["source_cues"]);
  r.amount_nouns = words_of(d["amount_nouns"]);
  r.capacity_nouns = words_of(d["capacity_nouns"]);
  r.request_nouns = words_of(d["request_nouns"]);
  r.siting_verbs = words_of(d["siting_verbs"]);
  r.mutual_verbs = words_of(d["mutual_verbs"]);
  r.license_nouns = words_of(d["license_nouns"]);
  r.holding_verbs = words_of(d["holding_verbs"]);
  r.dependence_words = words_of(d["dependence_words"]);
  r.research_words = words_of(d["research_words"]);
  r.spending_nouns = words_of(d["spending_nouns"]);
  r.spending_channels = words_of(d["spending_channels"]);
  r.relations_titles = words_of(d["relations_titles"]);
  r.copulas = words_of(d["copulas"]);
  r.counterpart_nouns = words_of(d["counterpart_nouns"]);
  r.asides = words_of(d["asides"]);
  r.region_anaphors = words_of(d["region_anaphors"]);
  r.parts = words_of(d["parts"]);
  r.possessor_is_place = words_of(d["possessor_is_place"]);
  r.sector_nouns = words_of(d["sector_nouns"]);
  r.tie_nouns = words_of(d["tie_nouns"]);
  r.languages = words_of(d["languages"]);
  r.non_arguments = words_of(d["non_arguments"]);
  for (const auto& p : d["patterns"].GetArray()) {
    RelationPattern x;
    x.id = p["id"].GetString();
    x.kind = p["kind"].GetString();
    x.lemmas = words_of(p["lemmas"]);
    if (x.lemmas.contains("*")) x.lemmas.clear();
    x.upos = words_of(p["upos"]);
    if (p.HasMember("inert")) x.inert = words_of(p["inert"]);
    if (p.HasMember("objects")) x.objects = words_of(p["objects"]);
    if (p.HasMember("subjects")) x.subjects = words_of(p["subjects"]);
    if (p.HasMember("not_with")) x.not_with = words_of(p["not_with"]);
    if (p.HasMember("keep_instrument")) x.keep_instrument = words_of(p["keep_instrument"]);
    x.agent = list_of(p["agent"]);
    x.recipient = list_of(p["recipient"]);
    if (p.HasMember("instrument"))
      for (const auto& [k, v] : p["instrument"].GetObject())
        x.instrument[k.GetString()] = v.GetString();
    x.relations = list_of(p["relations"]);
    x.confidence = p["confidence"].GetDouble();
    x.dative = p.HasMember("dative") && p["dative"].GetBool();
    x.intransitive = p.HasMember("intransitive") && p["intransitive"].GetBool();
    x.requires_agent = p.HasMember("requires_agent") && p["requires_agent"].GetBool();
    x.all_agents = p.HasMember("all_agents") && p["all_agents"].GetBool();
    x.rule = Symbol("pattern:" + x.id);
    r.patterns.push_back(std::move(x));
  }
  return r;
}

const RelationRules& RelationRules::builtin() {
  static const RelationRules rules =
      parse(embedded_file("schemas/relations.json"), "schemas/relations.json");
  return rules;
}

}  // namespace softgraph
