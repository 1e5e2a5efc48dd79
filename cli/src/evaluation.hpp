// Scores a built graph against a hand annotation (schemas/gold.schema.json): precision, recall
// and F1 per node type and per edge type, names matched through labels and aliases (case-folded, a
// leading "the" dropped), instruments also through their codebook id. Reads our own gold files
// (lexicon ids) and the annotations made elsewhere (../shared/eval/dev/gold: free-form ids, a
// `neutral` list of names that count neither way).
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct Score {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 0.0 : double(tp) / (tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Score& operator+=(const Score& o) {
    tp += o.tp, fp += o.fp, fn += o.fn;
    return *this;
  }
};

struct EvalReport {
  std::map<std::string, Score> entities;   // per node type
  std::map<std::string, Score> relations;  // per edge type
  Score entity_total, relation_total;
  int neutral_entities = 0, neutral_relations = 0;  // predictions left uncounted by `neutral`
  int type_mismatches = 0;  // gold entities found under another type (each a fn) ...
  int mismatch_fp = 0;      // ... and the false positives those nodes made
  std::vector<std::string> missed, spurious;  // readable lists for tuning
};

// A name as the scorers compare names: case-folded, a leading "the " dropped.
std::string eval_name(std::string_view s);

EvalReport evaluate(const Graph& g, const std::string& gold_path);
void print_report(const EvalReport& r, std::ostream& out, bool details);

}  // namespace softgraph
