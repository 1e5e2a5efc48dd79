// The tagger, lemmatiser and parser of extractors/syntax: the built-in model's accuracy on the
// EWT dev file, word splitting, model errors, thread safety and hand-made sentences.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "conllu.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"
#include "test_support.hpp"

namespace {

using namespace softgraph;

std::filesystem::path treebank_dir() { return test::shared_dir() / "treebanks" / "UD_English-EWT"; }

// Like have_article(): skip with a message, or fail under SOFTGRAPH_REQUIRE_SHARED=1.
bool have_treebank() {
  auto dev = treebank_dir() / "en_ewt-ud-dev.conllu";
  if (std::filesystem::exists(dev)) return true;
  if (std::getenv("SOFTGRAPH_REQUIRE_SHARED")) {
    FAIL("../shared is required (SOFTGRAPH_REQUIRE_SHARED=1) but " << dev << " is missing");
  }
  MESSAGE("skipped: " << dev << " not found");
  return false;
}

std::vector<std::string> words_of(std::string_view text, SplitOptions options = {}) {
  std::vector<std::string> out;
  for (WordSpan s : split_words(text, options))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Parses a sentence split by split_words.
std::vector<ParsedWord> parse(std::string_view text) {
  static std::vector<std::string_view> forms;
  forms.clear();
  for (WordSpan s : split_words(text)) forms.push_back(text.substr(s.begin, s.end - s.begin));
  std::vector<ParsedWord> out;
  SyntaxModel::builtin()->parse(forms, out);
  return out;
}

// The 1-based index of the word `form` (the first one).
int find(const std::vector<ParsedWord>& words, std::string_view form) {
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].form == form) return static_cast<int>(i) + 1;
  return 0;
}

std::string describe(const std::vector<ParsedWord>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    out += std::to_string(i + 1) + " " + std::string(w.form) + " " + w.lemma + " " + w.upos.str() +
           " " + std::to_string(w.head) + " " + w.deprel.str() + "\n";
  }
  return out;
}

// Checks that `dependent` hangs from `head` with `deprel`.
void check_arc(const std::vector<ParsedWord>& words, std::string_view head,
               std::string_view dependent, std::string_view deprel) {
  INFO(describe(words));
  int d = find(words, dependent), h = find(words, head);
  REQUIRE(d > 0);
  REQUIRE(h > 0);
  CHECK(words[static_cast<std::size_t>(d) - 1].head == h);
  CHECK(words[static_cast<std::size_t>(d) - 1].deprel.str() == deprel);
}

}  // namespace

TEST_CASE("split_words splits punctuation, clitics and currency the way EWT does") {
  using V = std::vector<std::string>;
  CHECK(words_of("Japan granted Uzbekistan a loan.") ==
        V{"Japan", "granted", "Uzbekistan", "a", "loan", "."});
  CHECK(words_of("The U.S. didn't pay $2.5 million (about 1,200 each).") ==
        V{"The", "U.S.", "did", "n't", "pay", "$", "2.5", "million", "(", "about", "1,200", "each",
          ")", "."});
  CHECK(words_of("We can't, won't and cannot go; they're sure I'll see it.") ==
        V{"We", "ca", "n't", ",", "wo", "n't", "and", "can", "not", "go", ";", "they", "'re",
          "sure", "I", "'ll", "see", "it", "."});
  CHECK(words_of("Russia's aid and the countries' debts rose 5% \"quickly\"...") ==
        V{"Russia", "'s", "aid", "and", "the", "countries", "'", "debts", "rose", "5", "%", "\"",
          "quickly", "\"", "..."});
  CHECK(words_of("Kazakhstan\xE2\x80\x99s oil \xE2\x80\x94 see http://example.org/a.html, e.g. Mr. "
                 "Smith.") == V{"Kazakhstan", "\xE2\x80\x99s", "oil", "\xE2\x80\x94", "see",
                                "http://example.org/a.html", ",", "e.g.", "Mr.", "Smith", "."});
  CHECK(words_of("a long-term deal on 11/28/2000 at 3:30") ==
        V{"a", "long", "-", "term", "deal", "on", "11/28/2000", "at", "3:30"});
  CHECK(words_of("a long-term deal", SplitOptions{.keep_hyphenated = true}) ==
        V{"a", "long-term", "deal"});
  CHECK(words_of("I'm sure you've seen what we'd do") ==
        V{"I", "'m", "sure", "you", "'ve", "seen", "what", "we", "'d", "do"});
  CHECK(words_of("I said no. Dr. Who left etc.") ==
        V{"I", "said", "no", ".", "Dr.", "Who", "left", "etc."});
  CHECK(words_of("   ").empty());
  CHECK(words_of("").empty());
  // Spans are ordered, do not overlap and never cover white space.
  std::string text = "  Tokyo (Japan) gave\t\"aid\" -- to them!? ";
  auto spans = split_words(text);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    CHECK(spans[i].begin < spans[i].end);
    if (i > 0) CHECK(spans[i - 1].end <= spans[i].begin);
    for (auto k = spans[i].begin; k < spans[i].end; ++k) CHECK(text[k] != ' ');
  }
}

TEST_CASE("a bad model file gives an error naming the file and the byte") {
  CHECK_THROWS_WITH_AS(SyntaxModel::load("not a model", "my.model"),
                       doctest::Contains("my.model:byte 0: not a valid syntax model"), Error);
  auto path = test::source_dir() / "schemas" / "models" / "en_ewt.model";
  std::string bytes = read_file(path);
  REQUIRE(bytes.size() > 1000);
  // Cut anywhere, the model is refused with the place, never read past its end.
  for (std::size_t cut : {std::size_t{4}, std::size_t{12}, std::size_t{40}, bytes.size() / 3,
                          bytes.size() / 2, bytes.size() - 5, bytes.size() - 1}) {
    INFO("cut at " << cut);
    CHECK_THROWS_WITH_AS(SyntaxModel::load(std::string_view(bytes).substr(0, cut), "cut.model"),
                         doctest::Contains("cut.model:byte "), Error);
  }
  CHECK_THROWS_WITH_AS(SyntaxModel::load(bytes + "x", "long.model"),
                       doctest::Contains("trailing bytes"), Error);
  // The file on disk is the model built in.
  auto model = SyntaxModel::load(bytes, path.string());
  CHECK(model->tags().size() == SyntaxModel::builtin()->tags().size());
}

TEST_CASE("the built-in model parses hand-made sentences into the expected structure") {
  {
    auto w = parse("Japan granted Uzbekistan a loan.");
    check_arc(w, "granted", "Japan", "nsubj");
    check_arc(w, "granted", "Uzbekistan", "iobj");
    check_arc(w, "granted", "loan", "obj");
    CHECK(w[1].lemma == "grant");
  }
  {
    auto w = parse("Japan gave Uzbekistan a large loan.");
    check_arc(w, "gave", "Japan", "nsubj");
    check_arc(w, "gave", "Uzbekistan", "iobj");
    check_arc(w, "gave", "loan", "obj");
    CHECK(w[1].lemma == "give");
    CHECK(w[1].head == 0);
    CHECK(w[1].xpos.str() == "VBD");
  }
  {
    auto w = parse("The loans were provided by China to several Central Asian countries.");
    check_arc(w, "provided", "loans", "nsubj:pass");
    check_arc(w, "provided", "were", "aux:pass");
    check_arc(w, "provided", "China", "obl:agent");
    check_arc(w, "provided", "countries", "obl");
    CHECK(w[static_cast<std::size_t>(find(w, "countries")) - 1].lemma == "country");
  }
  {
    auto w = parse("Turkey did not build new schools in Kyrgyzstan.");
    check_arc(w, "build", "Turkey", "nsubj");
    check_arc(w, "build", "did", "aux");
    check_arc(w, "build", "not", "advmod");
    check_arc(w, "build", "schools", "obj");
    check_arc(w, "build", "Kyrgyzstan", "obl");
  }
  {
    auto w = parse("China, Russia and Turkey have funded new universities.");
    check_arc(w, "funded", "China", "nsubj");
    check_arc(w, "China", "Russia", "conj");
    check_arc(w, "China", "Turkey", "conj");
    check_arc(w, "funded", "universities", "obj");
    CHECK(w[static_cast<std::size_t>(find(w, "funded")) - 1].lemma == "fund");
  }
  {
    auto w = parse("In 2019, Kazakhstan received loans from China.");
    check_arc(w, "received", "Kazakhstan", "nsubj");
    check_arc(w, "received", "loans", "obj");
    check_arc(w, "received", "China", "obl");
    check_arc(w, "China", "from", "case");
  }
}

TEST_CASE("parse gives every word one head and exactly one root, even on odd input") {
  auto model = SyntaxModel::builtin();
  std::vector<ParsedWord> out;
  model->parse({}, out);
  CHECK(out.empty());
  std::vector<std::string_view> odd = {"!!", "\xC3\xA9t\xC3\xA9", "", "1,200", "the", "the", ")"};
  model->parse(odd, out);
  REQUIRE(out.size() == odd.size());
  int roots = 0;
  for (const auto& w : out) {
    roots += w.head == 0;
    CHECK(w.head >= 0);
    CHECK(w.head <= static_cast<int>(out.size()));
  }
  CHECK(roots == 1);
}

TEST_CASE("two threads parsing the same sentence get the same output") {
  auto model = SyntaxModel::builtin();
  std::string text =
      "Russia agreed to sell Armenia weapons, and Norway has provided Mongolia with aid.";
  std::vector<std::string_view> forms;
  for (WordSpan s : split_words(text))
    forms.push_back(std::string_view(text).substr(s.begin, s.end - s.begin));
  std::vector<ParsedWord> a, b, reference;
  model->parse(forms, reference);
  auto work = [&](std::vector<ParsedWord>& out) {
    for (int i = 0; i < 200; ++i) model->parse(forms, out);
  };
  std::thread t1(work, std::ref(a)), t2(work, std::ref(b));
  t1.join();
  t2.join();
  CHECK(describe(a) == describe(reference));
  CHECK(describe(b) == describe(reference));
}

TEST_CASE("the built-in model reaches its accuracy on the EWT dev file") {
  if (!have_treebank()) return;
  auto sentences = read_conllu((treebank_dir() / "en_ewt-ud-dev.conllu").string());
  auto model = SyntaxModel::builtin();
  long words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
  std::vector<std::string_view> forms;
  std::vector<ParsedWord> out;
  for (const auto& s : sentences) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    model->parse(forms, out);
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto& g = s.words[i];
      ++words;
      upos += out[i].upos == g.upos;
      lemma += out[i].lemma == g.lemma;
      uas += out[i].head == g.head;
      las += out[i].head == g.head && out[i].deprel == g.deprel;
    }
  }
  auto ratio = [&](long n) { return static_cast<double>(n) / static_cast<double>(words); };
  MESSAGE("EWT dev: " << words << " words, UPOS " << ratio(upos) << ", lemma " << ratio(lemma)
                      << ", UAS " << ratio(uas) << ", LAS " << ratio(las));
  CHECK(words > 25000);
  CHECK(ratio(upos) >= 0.945);
  CHECK(ratio(lemma) >= 0.96);
  CHECK(ratio(uas) >= 0.84);
  CHECK(ratio(las) >= 0.79);
}
