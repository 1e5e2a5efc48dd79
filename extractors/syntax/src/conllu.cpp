// CoNLL-U reading for training and evaluation (see conllu.hpp).
#include "conllu.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "softgraph/core/error.hpp"

namespace softgraph {

std::vector<ConlluSentence> parse_conllu(std::string_view text, const std::string& origin) {
  std::vector<ConlluSentence> out;
  ConlluSentence current;
  std::size_t line_no = 0;
  auto flush = [&] {
    if (!current.words.empty()) out.push_back(std::move(current));
    current = ConlluSentence{};
  };
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# text = ")) current.text = std::string(line.substr(9));
      continue;
    }
    std::string_view fields[10];
    std::size_t count = 0;
    for (std::size_t start = 0; count < 10;) {
      std::size_t tab = line.find('\t', start);
      fields[count++] = line.substr(start, tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    auto where = "line " + std::to_string(line_no);
    if (count != 10) throw input_error(origin, where, "expected 10 tab-separated CoNLL-U fields");
    // Multiword-token ranges (1-2) and empty nodes (1.1) are not syntactic words.
    if (fields[0].find_first_of("-.") != std::string_view::npos) continue;
    ConlluWord w;
    w.form = fields[1];
    w.lemma = fields[2];
    w.upos = fields[3];
    w.xpos = fields[4];
    w.deprel = fields[7];
    auto [p, ec] = std::from_chars(fields[6].data(), fields[6].data() + fields[6].size(), w.head);
    if (ec != std::errc() || p != fields[6].data() + fields[6].size() || w.head < 0)
      throw input_error(origin, where, "HEAD is not a number");
    current.words.push_back(std::move(w));
  }
  flush();
  for (const auto& s : out)
    for (const auto& w : s.words)
      if (static_cast<std::size_t>(w.head) > s.words.size())
        throw input_error(origin, "", "a HEAD points past the end of its sentence");
  return out;
}

std::vector<ConlluSentence> read_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path, "", "cannot read the treebank file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_conllu(buf.str(), path);
}

}  // namespace softgraph
