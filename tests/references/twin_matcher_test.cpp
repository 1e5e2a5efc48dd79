// The bucketed twin matcher against the plain one that compares every pair, on random lists made
// to hold near-twins: surnames one letter apart, transliterated, Cyrillic, repeated titles.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "softgraph/extract/twin_matcher.hpp"

using namespace softgraph::refs;

namespace {

std::vector<ParsedReference> random_entries(std::mt19937& rng, std::size_t n) {
  static const std::vector<std::string> kSurnames = {
      "Nye",     "Andreev", "Andreyev", "Andreeva", "Андреев", "Lebedeva", "Лебедева", "Lebedev",
      "Naumkin", "Naumkn",  "Naumkina", "Smith",    "Smyth",   "Garbuzarova", "Garbuzarowa",
      "Ivanov",  "Ivanow",  "Иванов",   "Li",       "Lu",      "Zhakiyanova", "Жакиянова",
      "Keohane", "Keohan",  "Kohane",   "Liu",      "Panova",  "Панова"};
  static const std::vector<std::string> kTitles = {
      "Soft power",         "Soft power in Central Asia", "Мягкая сила",
      "Bound to lead",      "The paradox of power",       "Power and interdependence",
      "Soft Power: means",  "Мягкая сила в Центральной Азии"};
  std::vector<ParsedReference> out(n);
  auto pick = [&](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  std::uniform_int_distribution<int> small(0, 9);
  for (auto& e : out) {
    int authors = small(rng) % 4;  // 0 to 3
    for (int k = 0; k < authors; ++k) e.authors.push_back({pick(kSurnames), "", ""});
    e.et_al = small(rng) == 0;
    e.year = 2000 + small(rng) % 4;
    if (small(rng) < 2) e.year_suffix = small(rng) < 5 ? "a" : "b";
    e.title = pick(kTitles);
    if (small(rng) < 3) e.title_translation = pick(kTitles);
    e.text = e.authors.empty() ? e.title : e.authors[0].family + " " + e.title;
  }
  return out;
}

}  // namespace

TEST_CASE("the bucketed twin matcher groups as the plain one does, on random lists") {
  std::mt19937 rng(20261207);
  std::size_t grouped = 0;
  for (int round = 0; round < 60; ++round) {
    std::size_t n = 1 + static_cast<std::size_t>(rng() % 120);
    auto entries = random_entries(rng, n);
    std::vector<int> list_of(n);
    for (auto& l : list_of) l = static_cast<int>(rng() % 2);
    if (round % 5 == 0) list_of.resize(n / 2);  // list_of may be shorter than the entries
    auto fast = match_twins(entries, list_of);
    auto plain = match_twins_plain(entries, list_of);
    REQUIRE(fast == plain);
    grouped += n - plain.size();
  }
  CHECK(grouped > 100);  // the lists did hold twins (strong and weak) to find
}
