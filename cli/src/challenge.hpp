// Scores the relation extractor on a roles challenge set (../shared/eval/challenge/README.md, one
// JSON object a line: id, phenomenon, text, relations, not, trap). Each item's text is run through
// the pipeline as a document of its own; a predicted edge is named by the item's surface names (a
// node takes a name when the folded name is its label or one of its aliases, an instrument its
// codebook id) and scored by exact triple match: recall against `relations`, and every predicted
// triple listed in `not` is a trap error. Triples in neither list are unscored.
#pragma once

#include <compare>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace softgraph {

class Pipeline;

struct ChallengeTriple {
  std::string source, type, target;  // names as the item writes them; instruments by codebook id
  auto operator<=>(const ChallengeTriple&) const = default;
};

struct ChallengeItem {
  std::string id, phenomenon, text;
  bool trap = false;  // absent in the file: true when `not` is non-empty
  std::vector<ChallengeTriple> relations, nots;
  int line = 0;
};

struct ChallengeItemResult {
  const ChallengeItem* item = nullptr;
  std::vector<ChallengeTriple> predicted;       // every predicted triple, named
  std::vector<ChallengeTriple> missed, errors;  // gold not predicted; `not` entries predicted
  std::vector<ChallengeTriple> unscored;        // predicted, in neither list
  int gold = 0, nots = 0;                       // distinct triples in `relations`, in `not`
  int found = 0;                                // gold triples predicted
};

// Reads a challenge file. A malformed line is Error(kBadInput) naming the file and the line.
std::vector<ChallengeItem> read_challenge(const std::string& path);

// Predictions made elsewhere, scored instead of the pipeline's: one JSON object a line,
// {"id": "d001", "relations": [{"source": ..., "type": ..., "target": ...}]}.
std::map<std::string, std::vector<ChallengeTriple>> read_challenge_predictions(
    const std::string& path);

// The item's text through `pipeline` as its own document; the graph's edges named.
std::vector<ChallengeTriple> predict_challenge_item(const Pipeline& pipeline,
                                                    const ChallengeItem& item);

// Exact triple match after normalising names (case-folded, a leading "the" dropped);
// PARTNERS_WITH is symmetric.
ChallengeItemResult score_challenge_item(const ChallengeItem& item,
                                         std::vector<ChallengeTriple> predicted);

// Share of `relations` found and of `not` produced, overall, per phenomenon, and for trap and
// control items apart; with `details`, each item's missed triples, trap errors and unscored ones.
void print_challenge_report(const std::vector<ChallengeItemResult>& results,
                            const std::string& name, std::ostream& out, bool details);

}  // namespace softgraph
