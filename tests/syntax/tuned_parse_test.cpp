// The tuned parsing paths (WeightTable::score's AVX2 sweep over padded dense rows, parse_cached's
// cached template groups) against the plain ones they replace, on real input: every row of the
// built-in model's tables, and the EWT dev file and the real dev texts parsed both ways.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "conllu.hpp"
#include "model.hpp"
#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"
#include "test_support.hpp"

namespace {

using namespace softgraph;

std::string analysis(const std::vector<ParsedWord>& words) {
  std::string out;
  for (const auto& w : words) {
    out += std::string(w.form) + ' ' + w.lemma + ' ' + w.upos.str() + ' ' + w.xpos.str() + ' ';
    out += std::to_string(w.head);
    out += ' ';
    out += w.deprel.str();
    out += '\n';
  }
  return out;
}

// Scores with score(), with score_reference() and from the rows as read (keys(), offsets(),
// entries()), for the keys in batches of `batch` (the parser scores 103 at once, the taggers 32).
void check_table(const syntax::WeightTable& t, std::size_t batch) {
  std::unordered_map<std::uint64_t, std::size_t> row;
  for (std::size_t k = 0; k < t.keys().size(); ++k) row[t.keys()[k]] = k;
  std::vector<std::uint64_t> keys;
  std::uint64_t absent = 0x9e3779b97f4a7c15ULL;
  for (std::size_t k = 0; k < t.keys().size(); ++k) {
    keys.push_back(t.keys()[k]);
    if (k % 5 == 0) {  // a key of no row (most rare features are)
      absent = absent * 6364136223846793005ULL + 1442695040888963407ULL;
      const std::uint64_t key = (absent >> 16) | 1;
      if (!row.contains(key)) keys.push_back(key);
    }
  }
  const auto classes = static_cast<std::size_t>(t.classes());
  std::vector<std::int32_t> tuned(classes), plain(classes), rows(classes);
  std::size_t differ = 0, batches = 0;
  for (std::size_t at = 0; at < keys.size(); at += batch, ++batches) {
    const std::span<const std::uint64_t> some(keys.data() + at, std::min(batch, keys.size() - at));
    std::fill(tuned.begin(), tuned.end(), 7);  // score() adds to what is there
    std::fill(plain.begin(), plain.end(), 7);
    std::fill(rows.begin(), rows.end(), 7);
    t.score(some, tuned.data());
    t.score_reference(some, plain.data());
    for (std::uint64_t key : some) {
      auto it = row.find(key);
      if (it == row.end()) continue;
      for (std::uint32_t e = t.offsets()[it->second]; e < t.offsets()[it->second + 1]; ++e)
        rows[t.entries()[e].cls] += t.entries()[e].weight;
    }
    differ += tuned != plain || plain != rows;
  }
  CHECK(batches > 100);
  CHECK(differ == 0);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Counts the sentences whose tuned and plain analyses differ.
struct Compare {
  std::shared_ptr<const SyntaxModel> model = SyntaxModel::builtin();
  std::vector<ParsedWord> tuned, plain;
  std::size_t sentences = 0, words = 0, differ = 0;
  void operator()(std::span<const std::string_view> forms) {
    model->parse(forms, tuned);
    model->parse_reference(forms, plain);
    ++sentences;
    words += forms.size();
    if (analysis(tuned) != analysis(plain)) {
      if (++differ <= 3) MESSAGE("differs:\n" << analysis(tuned) << "plain:\n" << analysis(plain));
    }
  }
};

}  // namespace

TEST_CASE("score() sums the same rows as the plain reference, for every row of every table") {
  const auto& m = SyntaxModel::builtin()->impl();
  check_table(m.tagger, 32);
  check_table(m.xtagger, 32);
  check_table(m.parser, 103);
  check_table(m.parser, 7);
}

TEST_CASE("the tuned parse equals the plain reference parse on the EWT dev file and real texts") {
  Compare compare;
  const auto shared = test::shared_dir();
  const auto dev = shared / "treebanks" / "UD_English-EWT" / "en_ewt-ud-dev.conllu";
  const auto texts = shared / "eval" / "dev";
  if (!std::filesystem::exists(dev) || !std::filesystem::exists(texts)) {
    if (std::getenv("SOFTGRAPH_REQUIRE_SHARED")) FAIL("../shared is required but missing");
    MESSAGE("skipped: " << dev << " or " << texts << " not found");
    return;
  }
  std::vector<std::string_view> forms;
  for (const auto& s : read_conllu(dev.string())) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    compare(forms);
  }
  // The real texts as softgraph sees them: split into words by split_words, a "sentence" per
  // full stop (cruder than the ingest's splitter, which is not this library's; long pieces too).
  for (const auto& entry : std::filesystem::recursive_directory_iterator(texts)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = read_file(entry.path());
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find(". ", start);
      end = end == std::string::npos ? text.size() : end + 1;
      const std::string_view piece = std::string_view(text).substr(start, end - start);
      forms.clear();
      for (WordSpan s : split_words(piece)) forms.push_back(piece.substr(s.begin, s.end - s.begin));
      compare(forms);
      start = end + 1;
    }
  }
  MESSAGE(compare.sentences << " sentences, " << compare.words << " words compared");
  CHECK(compare.sentences > 2500);
  CHECK(compare.differ == 0);
}
