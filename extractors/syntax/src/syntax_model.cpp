// SyntaxModel: tags, lemmatises and parses one sentence with the frozen weights of a model.
#include "softgraph/syntax/syntax_model.hpp"

#include "model.hpp"
#include "parse_cached.hpp"
#include "parser.hpp"
#include "tagger.hpp"

namespace softgraph {

using namespace syntax;

void SyntaxModel::Impl::intern_names() {
  tags.assign(tag_names.begin(), tag_names.end());
  xtags.assign(xtag_names.begin(), xtag_names.end());
  labels.assign(label_names.begin(), label_names.end());
  auto index = [&](std::string_view name) {
    for (std::size_t i = 0; i < label_names.size(); ++i)
      if (label_names[i] == name) return static_cast<int>(i);
    return -1;
  };
  iobj = index("iobj"), obj = index("obj"), ccomp = index("ccomp"), xcomp = index("xcomp");
}

namespace {

// In UD an indirect object comes with a direct object or a clausal complement ("gave him a
// loan", "told him that ..."). The greedy parser sometimes labels the only object of a verb
// iobj ("France occupied Laos" after training on many "X sent Y Z"): make that one obj.
void repair_iobj(const SyntaxModel::Impl& m, ParseState& st) {
  if (m.iobj < 0 || m.obj < 0) return;
  for (int i = 0; i < st.n; ++i) {
    if (st.label[static_cast<std::size_t>(i)] != m.iobj) continue;
    const int h = st.head[static_cast<std::size_t>(i)];
    bool completed = false;
    for (int k = 0; k < st.n && !completed; ++k) {
      const int l = st.label[static_cast<std::size_t>(k)];
      completed =
          st.head[static_cast<std::size_t>(k)] == h && (l == m.obj || l == m.ccomp || l == m.xcomp);
    }
    if (!completed) st.label[static_cast<std::size_t>(i)] = m.obj;
  }
}

}  // namespace

SyntaxModel::SyntaxModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyntaxModel::~SyntaxModel() = default;

std::shared_ptr<const SyntaxModel> SyntaxModel::load(std::string_view bytes,
                                                     const std::string& origin) {
  return std::make_shared<const SyntaxModel>(read_model(bytes, origin));
}

const std::vector<Symbol>& SyntaxModel::tags() const { return impl_->tags; }
const std::vector<Symbol>& SyntaxModel::xtags() const { return impl_->xtags; }
const std::vector<Symbol>& SyntaxModel::labels() const { return impl_->labels; }

namespace {

// Per-thread buffers, grown to the longest sentence seen and then reused: no allocation per word.
struct Scratch {
  std::vector<WordInfo> words;
  std::vector<std::uint8_t> tags, xtags;
  ParseState state;
  std::vector<std::int32_t> scores;
  ParseCache cache;
};

// Tags, parses and lemmatises; `reference`: by the plain paths (parse_greedy, score_reference),
// which the tuned ones (parse_cached, score) must match.
void analyse(const SyntaxModel::Impl& m, std::span<const std::string_view> forms,
             std::vector<ParsedWord>& out, bool reference) {
  const std::size_t n = forms.size();
  out.resize(n);
  if (n == 0) return;
  thread_local Scratch s;

  s.words.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    describe_word(forms[i], s.words[i]);
    s.words[i].tag_set = m.lexicon.find(s.words[i].lower);
  }
  s.words[n] = root_word();
  auto scorer = [reference](const WeightTable& t) {
    return [&t, reference](std::span<const std::uint64_t> keys, std::int32_t* scores) {
      if (reference)
        t.score_reference(keys, scores);
      else
        t.score(keys, scores);
    };
  };
  // The universal tags, then the language's own, each by its weights; the root's tag closes both.
  auto tag = [&](const WeightTable& weights, std::vector<std::uint8_t>& tags) {
    tags.resize(n + 1);
    tag_greedy(std::span<const WordInfo>(s.words.data(), n), weights.classes(),
               std::span<std::uint8_t>(tags.data(), n), scorer(weights));
    tags[n] = kRootTag;
  };
  tag(m.tagger, s.tags);
  tag(m.xtagger, s.xtags);

  ParseState& st = s.state;
  if (reference)
    parse_greedy(st, s.words, s.tags, s.xtags, m.parser.classes(), m.root_label, s.scores,
                 scorer(m.parser));
  else
    parse_cached(st, s.words, s.tags, s.xtags, m.root_label, m.parser, s.cache);
  repair_iobj(m, st);

  for (std::size_t i = 0; i < n; ++i) {
    ParsedWord& w = out[i];
    w.form = forms[i];
    w.upos = m.tags[s.tags[i]];
    w.xpos = m.xtags[s.xtags[i]];
    m.lemmatiser.lemmatise(forms[i], s.xtags[i], w.lemma);
    int h = st.head[i];
    w.head = h == static_cast<int>(n) ? 0 : h + 1;
    w.deprel = m.labels[static_cast<std::size_t>(st.label[i])];
  }
}

}  // namespace

void SyntaxModel::parse(std::span<const std::string_view> forms,
                        std::vector<ParsedWord>& out) const {
  analyse(*impl_, forms, out, false);
}

void SyntaxModel::parse_reference(std::span<const std::string_view> forms,
                                  std::vector<ParsedWord>& out) const {
  analyse(*impl_, forms, out, true);
}

}  // namespace softgraph
