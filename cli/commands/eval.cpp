// softgraph eval: a build scored against a hand annotation, or the extractor on a challenge set.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "challenge.hpp"
#include "command.hpp"
#include "common.hpp"
#include "evaluation.hpp"
#include "softgraph/core/error.hpp"

namespace fs = std::filesystem;

namespace softgraph::cli {

namespace {

struct EvalArgs {
  Common common;
  std::string gold, challenge, challenge_predictions;
  bool details = false;
};

void run_challenge(const EvalArgs& a) {
  if (!a.common.inputs.empty())
    throw Error(ErrorCode::kUsage, "", "eval", "--challenge takes no input files");
  std::vector<ChallengeItem> items = read_challenge(a.challenge);
  std::vector<ChallengeItemResult> results;
  if (a.challenge_predictions.empty()) {
    Pipeline p = make_pipeline(a.common);
    for (const auto& item : items)
      results.push_back(score_challenge_item(item, predict_challenge_item(p, item)));
  } else {
    auto given = read_challenge_predictions(a.challenge_predictions);
    for (const auto& item : items) results.push_back(score_challenge_item(item, given[item.id]));
  }
  print_challenge_report(results, fs::path(a.challenge).filename().string(), std::cout, a.details);
}

void run_eval(const EvalArgs& a) {
  if (!a.challenge.empty()) return run_challenge(a);
  if (a.gold.empty() || a.common.inputs.empty())
    throw Error(ErrorCode::kUsage, "", "eval",
                "give --gold GOLD.json and the input(s), or --challenge FILE.jsonl");
  Pipeline p = make_pipeline(a.common);
  Graph g = build_from_inputs(p, a.common.inputs);
  print_report(evaluate(g, a.gold), std::cout, a.details);
}

}  // namespace

Command add_eval_command(CLI::App& app) {
  auto a = std::make_shared<EvalArgs>();
  auto* eval = add_reading_command(
      app, "eval", "Score a build against a hand annotation, or the extractor on a challenge set",
      a->common, Inputs::kOptional);
  auto* gold_opt =
      eval->add_option("--gold", a->gold, "Gold annotation JSON (schemas/gold.schema.json)");
  auto* challenge_opt = eval->add_option(
      "--challenge", a->challenge,
      "Roles challenge set (JSONL, ../shared/eval/challenge/README.md): each item's text is run "
      "as a document of its own and scored against its relations and traps");
  gold_opt->excludes(challenge_opt);
  eval->add_option("--predictions", a->challenge_predictions,
                   "With --challenge: score these predictions (JSONL: id, relations) instead of "
                   "running the pipeline")
      ->needs(challenge_opt);
  eval->add_flag("--details", a->details,
                 "List missed and spurious items (with --challenge: per item)");
  return {eval, [a] { run_eval(*a); }};
}

}  // namespace softgraph::cli
