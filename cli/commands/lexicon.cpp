// softgraph lexicon check|suggest: validate a lexicon file; suggest entries it lacks.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "common.hpp"
#include "lexicon_suggest.hpp"
#include "softgraph/core/terminal_text.hpp"

namespace softgraph::cli {

namespace {

struct LexiconArgs {
  CLI::App* check = nullptr;
  CLI::App* suggest = nullptr;
  std::string file;
  Common suggest_c;
};

void run_lexicon(const LexiconArgs& a) {
  if (*a.check) {
    Lexicon lex = Lexicon::builtin();
    lex.add_file(a.file);
    check_lexicon(lex);
    check_lexicon_references(lex, a.file);
    std::cout << terminal_text(a.file) << ": ok\n";
  } else if (*a.suggest) {
    Pipeline p = make_pipeline(a.suggest_c);
    std::cout << suggest_lexicon(p, expand_inputs(a.suggest_c.inputs)) << "\n";
  }
}

}  // namespace

Command add_lexicon_command(CLI::App& app) {
  auto a = std::make_shared<LexiconArgs>();
  auto* lexicon = app.add_subcommand("lexicon", "Check lexicons and suggest entries");
  lexicon->require_subcommand(1);
  a->check = lexicon->add_subcommand("check", "Validate a lexicon file");
  a->check->add_option("file", a->file, "Lexicon JSON")->required();
  a->suggest = add_reading_command(*lexicon, "suggest",
                                   "Print discovered entities the lexicon lacks, as lexicon JSON",
                                   a->suggest_c, Inputs::kRequired);
  return {lexicon, [a] { run_lexicon(*a); }};
}

}  // namespace softgraph::cli
