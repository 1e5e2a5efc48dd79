// softgraph-train-parser: trains the tagger, lemmatiser and parser of SyntaxModel on a UD
// treebank (English EWT), writes the model and prints its accuracy on the dev and test files.
// Deterministic: the same treebank, options and seed give the same bytes.
//
//   softgraph-train-parser --treebank DIR --out FILE [--seed N] [--tagger-epochs N]
//       [--parser-epochs N] [--folds N] [--lexicon-min-count N] [--min-weight X]
//       [--min-updates N] [--check-cost] [--sweep]
// Defaults (those of the shipped model): seed 1, 8 tagger epochs, 15 parser epochs, 10 folds for
// the jackknifed tags, words seen 3 times in the tag lexicon, weights pruned below 0.5 and
// features updated fewer than 4 times dropped.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>

#include "corpus.hpp"
#include "lemma_learner.hpp"
#include "model.hpp"
#include "parser.hpp"
#include "parser_trainer.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/syntax/syntax_model.hpp"
#include "tagger_trainer.hpp"

using namespace softgraph;
using namespace softgraph::syntax;

namespace {

struct Options {
  std::string treebank, out;
  std::uint64_t seed = 1;
  int tagger_epochs = 8, parser_epochs = 15, folds = 10, lexicon_min_count = 3;
  FreezeOptions freeze{0.5, 4};  // the shipped model: see --sweep in the README
  bool check_cost = false;
  bool sweep = false;  // print size and dev scores for several pruning levels
};

struct Scores {
  long words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_universal = 0;
  long no_punct = 0, uas_no_punct = 0, las_no_punct = 0;
  double pct(long v) const { return 100.0 * static_cast<double>(v) / static_cast<double>(words); }
  void print(const char* name) const {
    std::printf(
        "%-24s UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (LAS universal %.2f; without "
        "punctuation UAS %.2f LAS %.2f)\n",
        name, pct(upos), pct(xpos), pct(lemma), pct(uas), pct(las), pct(las_universal),
        100.0 * static_cast<double>(uas_no_punct) / static_cast<double>(no_punct),
        100.0 * static_cast<double>(las_no_punct) / static_cast<double>(no_punct));
  }
};

std::string universal(const std::string& label) { return label.substr(0, label.find(':')); }

// One predicted word, for scoring.
struct Predicted {
  std::string upos, xpos, lemma, deprel;
  int head;
};

Scores score(const std::vector<ConlluSentence>& gold,
             const std::function<void(const ConlluSentence&, std::vector<Predicted>&)>& annotate) {
  Scores s;
  std::vector<Predicted> pred;
  for (const auto& sentence : gold) {
    annotate(sentence, pred);
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      const ConlluWord& g = sentence.words[i];
      const Predicted& p = pred[i];
      bool head = p.head == g.head;
      ++s.words;
      s.upos += p.upos == g.upos;
      s.xpos += p.xpos == g.xpos;
      s.lemma += p.lemma == g.lemma;
      s.uas += head;
      s.las += head && p.deprel == g.deprel;
      s.las_universal += head && universal(p.deprel) == universal(g.deprel);
      if (g.upos != "PUNCT") {
        ++s.no_punct;
        s.uas_no_punct += head;
        s.las_no_punct += head && p.deprel == g.deprel;
      }
    }
  }
  return s;
}

Scores score_model(const SyntaxModel& model, const std::vector<ConlluSentence>& gold) {
  std::vector<std::string_view> forms;
  std::vector<ParsedWord> parsed;
  return score(gold, [&](const ConlluSentence& s, std::vector<Predicted>& out) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    model.parse(forms, parsed);
    out.clear();
    for (const auto& w : parsed)
      out.push_back({w.upos.str(), w.xpos.str(), w.lemma, w.deprel.str(), w.head});
  });
}

// The same with the averaged weights before pruning and quantising, at near-float resolution.
Scores score_tables(const TrainTable& tagger, const TrainTable& xtagger, const TrainTable& parser,
                    const SyntaxModel::Impl& m, const Names& names,
                    const std::vector<ConlluSentence>& gold) {
  std::vector<ConlluSentence> one(1);
  std::vector<std::int32_t> scores;
  ParseState st;
  auto table_score = [](const TrainTable& t) {
    return [&t](std::span<const std::uint64_t> keys, std::int32_t* s) { t.score(keys, s); };
  };
  return score(gold, [&](const ConlluSentence& s, std::vector<Predicted>& out) {
    one[0] = s;
    std::vector<Sentence> prepared = prepare(one, names);
    apply_tag_lexicon(m.lexicon, prepared);
    Sentence& p = prepared[0];
    auto tags = predict_tags(tagger, p), xtags = predict_tags(xtagger, p);
    tags.push_back(kRootTag);
    xtags.push_back(kRootTag);
    parse_greedy(st, p.words, tags, xtags, parser.classes(), m.root_label, scores,
                 table_score(parser));
    out.clear();
    const int n = p.size();
    for (int i = 0; i < n; ++i) {
      std::string lemma;
      m.lemmatiser.lemmatise(s.words[static_cast<std::size_t>(i)].form,
                             xtags[static_cast<std::size_t>(i)], lemma);
      int h = st.head[static_cast<std::size_t>(i)];
      out.push_back({names.tags[tags[static_cast<std::size_t>(i)]],
                     names.xtags[xtags[static_cast<std::size_t>(i)]], lemma,
                     names.labels[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])],
                     h == n ? 0 : h + 1});
    }
  });
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw Error(ErrorCode::kUsage, "", "", a + " needs a value");
      return argv[++i];
    };
    if (a == "--treebank")
      o.treebank = value();
    else if (a == "--out")
      o.out = value();
    else if (a == "--seed")
      o.seed = std::stoull(value());
    else if (a == "--tagger-epochs")
      o.tagger_epochs = std::stoi(value());
    else if (a == "--parser-epochs")
      o.parser_epochs = std::stoi(value());
    else if (a == "--folds")
      o.folds = std::stoi(value());
    else if (a == "--lexicon-min-count")
      o.lexicon_min_count = std::stoi(value());
    else if (a == "--min-weight")
      o.freeze.min_weight = std::stod(value());
    else if (a == "--min-updates")
      o.freeze.min_updates = static_cast<std::uint32_t>(std::stoul(value()));
    else if (a == "--check-cost")
      o.check_cost = true;
    else if (a == "--sweep")
      o.sweep = true;
    else
      throw Error(ErrorCode::kUsage, "", "", "unknown option " + a);
  }
  if (o.treebank.empty() || o.out.empty())
    throw Error(ErrorCode::kUsage, "", "",
                "usage: softgraph-train-parser --treebank DIR --out FILE");
  return o;
}

int run(const Options& o) {
  auto t0 = std::chrono::steady_clock::now();
  const std::string base = o.treebank + "/en_ewt-ud-";
  auto train_src = read_conllu(base + "train.conllu");
  auto dev = read_conllu(base + "dev.conllu");
  auto test = read_conllu(base + "test.conllu");
  Names names = collect_names(train_src);
  std::vector<Sentence> train = prepare(train_src, names);
  std::fprintf(stderr, "train: %zu sentences, %zu tags, %zu labels\n", train.size(),
               names.tags.size(), names.labels.size());

  auto model = std::make_unique<SyntaxModel::Impl>();
  model->tag_names = names.tags;
  model->xtag_names = names.xtags;
  model->label_names = names.labels;
  model->root_label = names.label("root");
  if (model->root_label < 0) throw input_error(base + "train.conllu", "", "no root label");
  model->lemmatiser = learn_lemmatiser(train_src, names);
  model->lexicon = build_tag_lexicon(train, o.lexicon_min_count);
  apply_tag_lexicon(model->lexicon, train);

  // The tagger on all of train; the parser trains on tags predicted by taggers that did not see
  // the sentence (k-fold jackknifing), so it learns the tagger's mistakes it will meet.
  std::vector<const Sentence*> all;
  for (const auto& s : train) all.push_back(&s);
  const int tags = static_cast<int>(names.tags.size()),
            xtags = static_cast<int>(names.xtags.size());
  TrainTable tagger = train_tagger(all, &Sentence::tags, tags, o.tagger_epochs, o.seed);
  TrainTable xtagger = train_tagger(all, &Sentence::xtags, xtags, o.tagger_epochs, o.seed);
  std::fprintf(stderr, "taggers: %zu + %zu features, %.1f s\n", tagger.features(),
               xtagger.features(), seconds_since(t0));
  for (int fold = 0; o.folds > 1 && fold < o.folds; ++fold) {
    std::vector<const Sentence*> rest;
    for (std::size_t i = 0; i < train.size(); ++i)
      if (static_cast<int>(i % static_cast<std::size_t>(o.folds)) != fold)
        rest.push_back(&train[i]);
    const std::uint64_t seed = o.seed + 1 + static_cast<std::uint64_t>(fold);
    TrainTable t = train_tagger(rest, &Sentence::tags, tags, o.tagger_epochs, seed).averaged(1000);
    TrainTable x =
        train_tagger(rest, &Sentence::xtags, xtags, o.tagger_epochs, seed).averaged(1000);
    for (std::size_t i = static_cast<std::size_t>(fold); i < train.size();
         i += static_cast<std::size_t>(o.folds)) {
      train[i].train_tags = predict_tags(t, train[i]);
      train[i].train_tags.push_back(kRootTag);
      train[i].train_xtags = predict_tags(x, train[i]);
      train[i].train_xtags.push_back(kRootTag);
    }
  }
  std::fprintf(stderr, "jackknifed tags (%d folds): %.1f s\n", o.folds, seconds_since(t0));
  ParserTraining pt;
  pt.epochs = o.parser_epochs;
  pt.seed = o.seed;
  TrainTable parser =
      train_parser(train, static_cast<int>(names.labels.size()), model->root_label, pt);
  std::fprintf(stderr, "parser: %zu features, %.1f s\n", parser.features(), seconds_since(t0));

  if (o.sweep) {
    const std::pair<double, std::uint32_t> levels[] = {{0, 0},   {0.5, 0}, {0.5, 2}, {0.5, 3},
                                                       {0.5, 4}, {1, 3},   {1, 4}};
    for (auto [w, u] : levels) {
      model->tagger = tagger.freeze({w, u});
      model->xtagger = xtagger.freeze({w, u});
      model->parser = parser.freeze({w, u});
      std::string b = write_model(*model);
      auto pruned = SyntaxModel::load(b, "sweep");
      char name[96];
      std::snprintf(name, sizeof name, "dev, w>=%.1f u>=%u %.1f MB:", w, u,
                    static_cast<double>(b.size()) / 1e6);
      score_model(*pruned, dev).print(name);
      std::snprintf(name, sizeof name, "test, w>=%.1f u>=%u %.1f MB:", w, u,
                    static_cast<double>(b.size()) / 1e6);
      score_model(*pruned, test).print(name);
    }
  }
  model->tagger = tagger.freeze(o.freeze);
  model->xtagger = xtagger.freeze(o.freeze);
  model->parser = parser.freeze(o.freeze);
  std::string bytes = write_model(*model);
  {
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(ErrorCode::kOutput, o.out, "", "cannot write the model");
  }
  std::printf(
      "model %s: %.2f MB (tagger %zu features, %zu weights; xtagger %zu features, %zu weights; "
      "parser %zu features, %zu "
      "weights; lemmatiser %zu rules, %zu suffixes, %zu exceptions); trained in %.1f s\n",
      o.out.c_str(), static_cast<double>(bytes.size()) / 1e6, model->tagger.keys().size(),
      model->tagger.entries().size(), model->xtagger.keys().size(), model->xtagger.entries().size(),
      model->parser.keys().size(), model->parser.entries().size(),
      model->lemmatiser.data().rules.size(), model->lemmatiser.data().suffixes.size(),
      model->lemmatiser.data().exceptions.size(), seconds_since(t0));

  // Read back what was written: the scores are those of the shipped bytes.
  auto shipped = SyntaxModel::load(bytes, o.out);
  score_model(*shipped, dev).print("dev:");
  score_model(*shipped, test).print("test:");
  if (o.check_cost) {
    TrainTable tagger_avg = tagger.averaged(1000), xtagger_avg = xtagger.averaged(1000),
               parser_avg = parser.averaged(1000);
    score_tables(tagger_avg, xtagger_avg, parser_avg, *model, names, dev)
        .print("dev, unpruned float:");
    score_tables(tagger_avg, xtagger_avg, parser_avg, *model, names, test)
        .print("test, unpruned float:");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_args(argc, argv));
  } catch (const Error& e) {
    std::fprintf(stderr, "softgraph-train-parser: %s\n", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "softgraph-train-parser: %s\n", e.what());
    return 4;
  }
}
