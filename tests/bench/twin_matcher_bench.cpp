// Twin matching over large reference lists: the bucketed match_twins against the plain
// all-pairs match_twins_plain (issue 20: 10k entries took 1.5 s, 40k 22.5 s, 100k over 150 s).
// Usage: twin_matcher_bench [N ...]   (default 10000 40000 100000; the plain one up to 40000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "twin_matcher.hpp"

using namespace softgraph::refs;

namespace {

// A list like a large bibliography: surnames from syllables (many distinct, some shared), years
// over fifty years, titles from a word pool; one entry in twenty repeated with a slip in the
// surname, as twins and typos give.
std::vector<ParsedReference> make_entries(std::size_t n) {
  std::mt19937 rng(42);
  static const char* kSyl[] = {"an",  "dre", "ev", "le", "be", "de", "va",  "nau", "kin", "smi",
                               "th",  "ko",  "ha", "ne", "pa", "no", "zha", "ki",  "ya",  "li",
                               "gar", "bu",  "za", "ro", "mo", "ri", "ta",  "sa",  "vo",  "lu"};
  static const char* kWords[] = {"power",  "soft",   "asia",   "influence", "media",   "china",
                                 "russia", "policy", "aid",    "public",    "opinion", "state",
                                 "order",  "roles",  "bureau", "politics",  "trade",   "security"};
  auto syl = [&] { return std::string(kSyl[rng() % 30]); };
  std::vector<ParsedReference> out;
  out.reserve(n);
  while (out.size() < n) {
    ParsedReference e;
    std::string s = syl() + syl() + syl();
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    e.authors.push_back({s, "", ""});
    if (rng() % 2) e.authors.push_back({syl() + syl(), "", ""});
    e.year = 1970 + static_cast<int>(rng() % 50);
    for (int k = 0; k < 6; ++k) e.title += std::string(kWords[rng() % 18]) + " ";
    e.text = s + " " + e.title;
    out.push_back(e);
    if (rng() % 20 == 0 && out.size() < n) {
      ParsedReference t = e;
      const std::string& f = e.authors[0].family;  // a letter inserted in the middle
      t.authors[0].family = f.substr(0, f.size() / 2) + 'e' + f.substr(f.size() / 2);
      out.push_back(t);
    }
  }
  return out;
}

template <typename F>
double seconds(F&& f, std::size_t& groups) {
  auto t0 = std::chrono::steady_clock::now();
  groups = f().size();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  if (sizes.empty()) sizes = {10000, 40000, 100000};
  std::printf("%10s %14s %10s %14s %10s\n", "entries", "bucketed s", "groups", "plain s", "groups");
  for (std::size_t n : sizes) {
    auto entries = make_entries(n);
    std::vector<int> list_of(n, 0);
    std::size_t g1 = 0, g2 = 0;
    double fast = seconds([&] { return match_twins(entries, list_of); }, g1);
    if (n <= 40000) {
      double plain = seconds([&] { return match_twins_plain(entries, list_of); }, g2);
      std::printf("%10zu %14.3f %10zu %14.3f %10zu%s\n", n, fast, g1, plain, g2,
                  g1 == g2 ? "" : "  GROUPS DIFFER");
    } else {
      std::printf("%10zu %14.3f %10zu %14s %10s\n", n, fast, g1, "(skipped)", "");
    }
  }
}
