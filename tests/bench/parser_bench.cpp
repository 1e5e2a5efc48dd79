// Speed of SyntaxModel::parse (tagging, lemmatising and parsing) with the built-in model, one
// thread, over the EWT dev file's gold words; and of split_words over its sentence texts.
//   parser_bench [DEV.conllu] [ROUNDS]   (default ../shared/treebanks/UD_English-EWT/..., 5)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "conllu.hpp"
#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"

int main(int argc, char** argv) {
  using namespace softgraph;
  using clock = std::chrono::steady_clock;
  const char* shared = std::getenv("SOFTGRAPH_SHARED_DIR");
  std::string path = argc > 1 ? argv[1]
                              : std::string(shared ? shared : "../shared") +
                                    "/treebanks/UD_English-EWT/en_ewt-ud-dev.conllu";
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  try {
    auto t_load = clock::now();
    auto model = SyntaxModel::builtin();
    double load_s = std::chrono::duration<double>(clock::now() - t_load).count();
    auto sentences = read_conllu(path);
    std::vector<std::vector<std::string_view>> forms;
    std::size_t words = 0;
    for (const auto& s : sentences) {
      forms.emplace_back();
      for (const auto& w : s.words) forms.back().push_back(w.form);
      words += s.words.size();
    }
    std::vector<ParsedWord> out;
    for (const auto& f : forms) model->parse(f, out);  // warm up the caches and scratch space
    auto t0 = clock::now();
    std::clock_t c0 = std::clock();
    std::size_t heads = 0;
    for (int r = 0; r < rounds; ++r)
      for (const auto& f : forms) {
        model->parse(f, out);
        heads += static_cast<std::size_t>(out[0].head);
      }
    double s = std::chrono::duration<double>(clock::now() - t0).count();
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    double total_words = static_cast<double>(words) * rounds;
    std::printf("model load: %.1f ms\n", load_s * 1e3);
    std::printf(
        "parse: %zu sentences, %zu words x %d rounds in %.2f s: %.0f words/s, %.0f "
        "sentences/s (check %zu)\n",
        sentences.size(), words, rounds, s, total_words / s,
        static_cast<double>(sentences.size()) * rounds / s, heads);
    // On a shared machine the wall clock counts other programs' time slices too.
    std::printf("parse, per CPU second: %.0f words/s, %.0f sentences/s (%.2f s of CPU)\n",
                total_words / cpu, static_cast<double>(sentences.size()) * rounds / cpu, cpu);

    std::vector<WordSpan> spans;
    std::size_t bytes = 0, split = 0;
    auto t1 = clock::now();
    for (int r = 0; r < rounds; ++r)
      for (const auto& sentence : sentences) {
        split_words(sentence.text, spans);
        bytes += sentence.text.size();
        split += spans.size();
      }
    double s1 = std::chrono::duration<double>(clock::now() - t1).count();
    std::printf("split_words: %.1f MB/s, %.0f words/s\n", static_cast<double>(bytes) / s1 / 1e6,
                static_cast<double>(split) / s1);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parser_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
