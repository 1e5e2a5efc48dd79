// figures_in against an oracle by construction, not a second scanner: sentences are put together
// from plain words and from figures and years whose expected reading is known as they are placed
// (a qualifier, a currency sign, a number, a percent, a scale, units; "hundreds of students";
// years with and without "s"), and figures_in must find exactly those, in order.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "softgraph/relations/relation_extractor.hpp"

using namespace softgraph;
using List = std::vector<std::string>;

namespace {

// Words that neither start, extend nor end a figure: no digits, number words, qualifiers, scales,
// units, "of" or "percent".
const List kPlain = {"the",   "aid",    "rose", "and",    "was",     "spent", "on",     "new",
                     "roads", "in",     "a",    "report", "said",    "while", "region", "clinics",
                     "Ports", "budget", "with", "its",    "partner", "by",    "early",  "fell"};
const List kQualifiers = {"more than", "over",  "about", "nearly",
                          "at least",  "up to", "some",  "Approximately"};
const List kNumbers = {"45", "3,000", "250", "12.5", "98", "1,250,000", "60"};
const List kScales = {"million", "billion", "thousand"};
const List kUnits = {"dollars", "schools", "students", "scholarships", "projects", "teachers"};
const List kNumberWords = {"twenty", "Thirty", "hundreds", "thousands", "dozens"};

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}
bool coin(std::mt19937& rng, int percent) {
  return std::uniform_int_distribution<int>(1, 100)(rng) <= percent;
}

// A figure and its text, as figures_in should read it.
std::string figure(std::mt19937& rng) {
  if (coin(rng, 25)) {  // a number word: with a unit, or "of" and the next word
    const std::string w = pick(rng, kNumberWords);
    if (w == "hundreds" || w == "thousands" || w == "dozens") return w + " of " + pick(rng, kPlain);
    return w + " " + pick(rng, kUnits);
  }
  std::string out;
  if (coin(rng, 40)) out += pick(rng, kQualifiers) + " ";
  const bool money = coin(rng, 30);
  if (money) out += "$";
  out += pick(rng, kNumbers);
  const bool percent = !money && coin(rng, 20);
  if (percent) out += coin(rng, 50) ? "%" : " percent";
  if (!percent && coin(rng, 40)) out += " " + pick(rng, kScales);
  if (!percent && (coin(rng, 60) || out.find(' ') == std::string::npos))
    out += " " + pick(rng, kUnits);
  return out;
}

std::string year(std::mt19937& rng) {
  static const List kYears = {"1893", "1998", "2008", "2015", "1990s", "2020s"};
  return pick(rng, kYears);
}

}  // namespace

TEST_CASE("figures_in finds exactly the figures and years a sentence was built from") {
  std::mt19937 rng(20261207);
  for (int round = 0; round < 2000; ++round) {
    std::string sentence;
    List figures, years;
    const int parts = std::uniform_int_distribution<int>(1, 8)(rng);
    for (int k = 0; k < parts; ++k) {
      if (!sentence.empty()) sentence += coin(rng, 15) ? (coin(rng, 50) ? ", " : ";\n") : " ";
      const int kind = std::uniform_int_distribution<int>(0, 5)(rng);
      if (kind == 0) {
        figures.push_back(figure(rng));
        sentence += figures.back();
      } else if (kind == 1) {
        years.push_back(year(rng));
        sentence += years.back();
      } else {
        sentence += pick(rng, kPlain);
      }
      // A plain word after each figure or year, so that it cannot run into the next one.
      if (kind <= 1) sentence += " " + pick(rng, kPlain);
    }
    sentence += ".";
    const Attributes a = figures_in(sentence);
    INFO("\"" << sentence << "\"");
    CHECK((a.count("figures") ? std::get<List>(a.at("figures")) : List{}) == figures);
    CHECK((a.count("years") ? std::get<List>(a.at("years")) : List{}) == years);
  }
}
