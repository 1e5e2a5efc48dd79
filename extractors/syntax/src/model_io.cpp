// The binary model format, little-endian:
//   "SGSYNTAX" u32 version
//   tags (UPOS): u32 count, strings (u32 length, bytes); xtags (XPOS), labels: the same;
//   u32 root label
//   tag lexicon: u32 words, then per word u64 form hash (increasing) and u32 tag set
//   three weight tables (tagger, xtagger, parser): u32 classes, f32 scale, u32 features,
//     u48 keys (strictly increasing), u8 row lengths, then per entry u8 class and i16 weight
//   lemmatiser (by XPOS): u32 xtags then one keep-case byte each; u32 rules (u8 strip, string
//   append);
//     u32 suffixes (string, u8 tag, u32 rule); u32 exceptions (string form, u8 tag, string lemma)
//   "END."
// Every count and index is checked on reading, so a truncated or corrupt file gives an error
// with its byte offset instead of a crash.
#include <algorithm>
#include <bit>
#include <cstring>

#include "model.hpp"
#include "softgraph/core/error.hpp"

namespace softgraph::syntax {
namespace {

constexpr std::string_view kMagic = "SGSYNTAX", kEnd = "END.";
constexpr std::uint32_t kVersion = 2;

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& origin) : bytes_(bytes), origin_(origin) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw input_error(origin_, "byte " + std::to_string(pos_), "not a valid syntax model: " + what);
  }
  std::uint64_t uint(int size) {
    need(static_cast<std::size_t>(size), "the file ends early");
    std::uint64_t v = 0;
    for (int i = 0; i < size; ++i)
      v |= std::uint64_t{static_cast<unsigned char>(bytes_[pos_ + i])} << (8 * i);
    pos_ += static_cast<std::size_t>(size);
    return v;
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(uint(4)); }
  // A count of items of at least `item_size` bytes each: must fit in what is left.
  std::uint32_t count(std::size_t item_size, const char* what) {
    std::uint32_t n = u32();
    if (n > (bytes_.size() - pos_) / item_size) fail(std::string("impossible count of ") + what);
    return n;
  }
  std::string str() {
    std::uint32_t n = u32();
    need(n, "a string runs past the end");
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void expect(std::string_view text, const char* what) {
    need(text.size(), "the file ends early");
    if (bytes_.substr(pos_, text.size()) != text) fail(std::string("expected ") + what);
    pos_ += text.size();
  }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  void need(std::size_t n, const char* what) const {
    if (bytes_.size() - pos_ < n) fail(what);
  }
  std::string_view bytes_;
  const std::string& origin_;
  std::size_t pos_ = 0;
};

class Writer {
 public:
  void uint(std::uint64_t v, int size) {
    for (int i = 0; i < size; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void u32(std::size_t v) { uint(v, 4); }
  void str(std::string_view s) {
    u32(s.size());
    out_.append(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

std::vector<std::string> read_names(Reader& in, const char* what) {
  std::vector<std::string> names(in.count(4, what));
  for (auto& s : names) s = in.str();
  return names;
}

TagLexicon read_lexicon(Reader& in) {
  std::uint32_t n = in.count(12, "lexicon words");
  std::unordered_map<std::uint64_t, std::uint32_t> sets;
  sets.reserve(n);
  std::uint64_t last = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint64_t key = in.uint(8);
    if (i > 0 && key <= last) in.fail("lexicon words out of order");
    last = key;
    sets.emplace(key, in.u32());
  }
  return TagLexicon(std::move(sets));
}

void write_lexicon(Writer& out, const TagLexicon& lexicon) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(lexicon.sets().begin(),
                                                              lexicon.sets().end());
  std::sort(sorted.begin(), sorted.end());
  out.u32(sorted.size());
  for (const auto& [key, set] : sorted) out.uint(key, 8), out.uint(set, 4);
}

WeightTable read_table(Reader& in, std::size_t max_classes) {
  std::uint32_t classes = in.u32();
  if (classes == 0 || classes > max_classes) in.fail("class count does not match the names");
  // (Classes are stored in a byte, and the scorer's sums are sized for that.)
  if (classes > 256) in.fail("more than 256 classes in a weight table");
  float scale = std::bit_cast<float>(in.u32());
  std::uint32_t n = in.count(7, "features");
  std::vector<std::uint64_t> keys(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    keys[i] = in.uint(6);
    if (keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1])) in.fail("feature keys out of order");
  }
  std::vector<std::uint32_t> offsets(n + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint64_t len = in.uint(1);
    if (len == 0 || len > classes) in.fail("a weight row empty or longer than the classes");
    offsets[i + 1] = offsets[i] + static_cast<std::uint32_t>(len);
  }
  std::vector<WeightEntry> entries(offsets[n]);
  for (auto& e : entries) {
    e.cls = static_cast<std::uint16_t>(in.uint(1));
    if (e.cls >= classes) in.fail("a weight of an unknown class");
    e.weight = static_cast<std::int16_t>(static_cast<std::uint16_t>(in.uint(2)));
  }
  return WeightTable(static_cast<int>(classes), scale, std::move(keys), std::move(offsets),
                     std::move(entries));
}

void write_table(Writer& out, const WeightTable& t) {
  out.u32(static_cast<std::size_t>(t.classes()));
  out.uint(std::bit_cast<std::uint32_t>(t.scale()), 4);
  out.u32(t.keys().size());
  for (std::uint64_t k : t.keys()) out.uint(k, 6);
  for (std::size_t i = 0; i + 1 < t.offsets().size(); ++i)
    out.uint(t.offsets()[i + 1] - t.offsets()[i], 1);
  for (const auto& e : t.entries()) {
    out.uint(e.cls, 1);
    out.uint(static_cast<std::uint16_t>(e.weight), 2);
  }
}

LemmaData read_lemmas(Reader& in, std::size_t tags) {
  LemmaData d;
  d.keep_case.resize(in.count(1, "keep-case flags"));
  if (d.keep_case.size() != tags) in.fail("keep-case flags do not match the tags");
  for (auto& k : d.keep_case) k = static_cast<std::uint8_t>(in.uint(1));
  d.rules.resize(in.count(5, "lemma rules"));
  for (auto& r : d.rules) {
    r.strip = static_cast<std::uint8_t>(in.uint(1));
    r.append = in.str();
  }
  d.suffixes.resize(in.count(9, "lemma suffixes"));
  for (auto& s : d.suffixes) {
    s.suffix = in.str();
    s.tag = static_cast<std::uint8_t>(in.uint(1));
    s.rule = in.u32();
    if (s.tag >= tags || s.rule >= d.rules.size()) in.fail("a lemma suffix out of range");
  }
  d.exceptions.resize(in.count(9, "lemma exceptions"));
  for (auto& e : d.exceptions) {
    e.form = in.str();
    e.tag = static_cast<std::uint8_t>(in.uint(1));
    e.lemma = in.str();
    if (e.tag >= tags) in.fail("a lemma exception of an unknown tag");
  }
  return d;
}

}  // namespace

std::unique_ptr<SyntaxModel::Impl> read_model(std::string_view bytes, const std::string& origin) {
  Reader in(bytes, origin);
  in.expect(kMagic, "the magic bytes SGSYNTAX at the start");
  if (in.u32() != kVersion) in.fail("unsupported version (this program reads version 2)");
  auto m = std::make_unique<SyntaxModel::Impl>();
  m->tag_names = read_names(in, "tags");
  m->xtag_names = read_names(in, "xtags");
  m->label_names = read_names(in, "labels");
  if (m->tag_names.empty() || m->tag_names.size() > 32) in.fail("tag count out of range");
  if (m->xtag_names.empty() || m->xtag_names.size() > 250) in.fail("xtag count out of range");
  if (m->label_names.empty() || m->label_names.size() > 127) in.fail("label count out of range");
  m->root_label = static_cast<int>(in.u32());
  if (static_cast<std::size_t>(m->root_label) >= m->label_names.size()) in.fail("bad root label");
  m->lexicon = read_lexicon(in);
  m->tagger = read_table(in, m->tag_names.size());
  if (static_cast<std::size_t>(m->tagger.classes()) != m->tag_names.size())
    in.fail("tagger classes do not match the tags");
  m->xtagger = read_table(in, m->xtag_names.size());
  if (static_cast<std::size_t>(m->xtagger.classes()) != m->xtag_names.size())
    in.fail("xtagger classes do not match the xtags");
  m->parser = read_table(in, 1 + 2 * m->label_names.size());
  if (static_cast<std::size_t>(m->parser.classes()) != 1 + 2 * m->label_names.size())
    in.fail("parser classes do not match the labels");
  m->lemmatiser = Lemmatiser(read_lemmas(in, m->xtag_names.size()));
  in.expect(kEnd, "END. after the lemmatiser");
  if (!in.at_end()) in.fail("trailing bytes after the model");
  m->intern_names();
  return m;
}

std::string write_model(const SyntaxModel::Impl& m) {
  Writer out;
  out.raw(kMagic);
  out.u32(kVersion);
  for (const auto* names : {&m.tag_names, &m.xtag_names, &m.label_names}) {
    out.u32(names->size());
    for (const auto& s : *names) out.str(s);
  }
  out.u32(static_cast<std::size_t>(m.root_label));
  write_lexicon(out, m.lexicon);
  write_table(out, m.tagger);
  write_table(out, m.xtagger);
  write_table(out, m.parser);
  const LemmaData& d = m.lemmatiser.data();
  out.u32(d.keep_case.size());
  for (auto k : d.keep_case) out.uint(k, 1);
  out.u32(d.rules.size());
  for (const auto& r : d.rules) {
    out.uint(r.strip, 1);
    out.str(r.append);
  }
  out.u32(d.suffixes.size());
  for (const auto& s : d.suffixes) {
    out.str(s.suffix);
    out.uint(s.tag, 1);
    out.u32(s.rule);
  }
  out.u32(d.exceptions.size());
  for (const auto& e : d.exceptions) {
    out.str(e.form);
    out.uint(e.tag, 1);
    out.str(e.lemma);
  }
  out.raw(kEnd);
  return out.take();
}

}  // namespace softgraph::syntax
