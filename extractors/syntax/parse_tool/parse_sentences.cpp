// softgraph-parse: prints the built-in model's analysis of each input line as CoNLL-U, for
// writing and checking relation patterns (schemas/relations.json) against real sentences.
//   echo "Japan granted Laos a loan." | softgraph-parse
#include <iostream>
#include <string>
#include <vector>

#include "softgraph/syntax/syntax_model.hpp"
#include "softgraph/syntax/word_splitter.hpp"

int main() {
  using namespace softgraph;
  auto model = SyntaxModel::builtin();
  std::string line;
  std::vector<ParsedWord> parsed;
  std::vector<std::string_view> words;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    words.clear();
    for (const WordSpan& s : split_words(line))
      words.emplace_back(line.data() + s.begin, s.end - s.begin);
    model->parse(words, parsed);
    std::cout << "# text = " << line << '\n';
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const ParsedWord& w = parsed[i];
      std::cout << i + 1 << '\t' << w.form << '\t' << w.lemma << '\t' << std::string_view(w.upos)
                << '\t' << std::string_view(w.xpos) << "\t_\t" << w.head << '\t'
                << std::string_view(w.deprel) << "\t_\t_\n";
    }
    std::cout << '\n';
  }
}
