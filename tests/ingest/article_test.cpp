// The article softgraph was built for (read from ../shared at run time, never copied): its
// repairs read whole, its structure is found, and every sentence maps back to its bytes.
#include <set>
#include <string>

#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {
const Document& article() {
  static const Document doc = load_document(test::article_path().string());
  return doc;
}
bool some_sentence_contains(const Document& d, std::string_view s) {
  for (const auto& x : d.sentences)
    if (d.slice(x.range).find(s) != std::string_view::npos) return true;
  return false;
}
std::string_view first_word(std::string_view s) {
  std::size_t e = s.find_first_of(" \n\t");
  return s.substr(0, e);
}
}  // namespace

TEST_CASE("article: hyphenated and page-cut sentences read whole") {
  if (!test::have_article()) return;
  const Document& d = article();
  CHECK(some_sentence_contains(d, "substantive"));
  CHECK(some_sentence_contains(d, "Russia, the USA, Turkey"));
  CHECK(some_sentence_contains(d, "according to Andreev (2023)"));
  CHECK(some_sentence_contains(d, "socio-humanitarian interactions"));
  CHECK(some_sentence_contains(d, "(TACIS) program"));
  CHECK(some_sentence_contains(d, "student exchanges"));  // "student", blank line, "exchanges"
  CHECK(d.text.find("sub-") == std::string::npos);
  // The Kazakh abstract's line repeated at the page join is gone: the joined phrase appears once.
  std::string_view kk = "кешенді тәсілдерді";
  CHECK(d.text.find(kk) != std::string::npos);
  CHECK(d.text.find("кешенді\n") == std::string::npos);
}

TEST_CASE("article: no English body sentence starts lowercase") {
  if (!test::have_article()) return;
  const Document& d = article();
  for (const auto& s : d.sentences) {
    const Section& sec = d.sections[s.section];
    if (sec.kind != "body" || sec.language != "en") continue;
    auto c = static_cast<unsigned char>(d.text[s.range.begin]);
    INFO(d.slice(s.range));
    CHECK(!(c >= 'a' && c <= 'z'));
  }
}

TEST_CASE("article: two reference sections, abstracts in kk and ru, back matter") {
  if (!test::have_article()) return;
  const Document& d = article();
  int refs = 0, back = 0, notes = 0;
  std::set<std::string> abstract_langs, keyword_langs;
  for (const auto& s : d.sections) {
    refs += s.kind == "references";
    back += s.kind == "back";
    notes += s.kind == "notes";
    if (s.kind == "abstract") abstract_langs.insert(s.language);
    if (s.kind == "keywords") keyword_langs.insert(s.language);
  }
  CHECK(refs == 2);
  CHECK(back >= 1);
  CHECK(notes >= 2);
  CHECK(abstract_langs == std::set<std::string>{"en", "kk", "ru"});
  CHECK(keyword_langs == std::set<std::string>{"en", "kk", "ru"});
  std::set<std::string> headings;
  for (const auto& s : d.sections)
    if (!s.title_range.empty() && s.level == 1) headings.insert(s.title);
  for (const char* h : {"Introduction", "Literature review", "Results", "Discussion", "Conclusion"})
    CHECK(headings.count(h) == 1);
  // Translator notes are notes, not body.
  for (const auto& p : d.paragraphs) {
    if (d.slice(p.range).starts_with("[Note:")) CHECK(d.sections[p.section].kind == "notes");
  }
}

TEST_CASE("article: run-in heads for every power") {
  if (!test::have_article()) return;
  const Document& d = article();
  std::set<std::string> heads;
  for (const auto& p : d.paragraphs)
    if (!p.run_in_head.empty()) heads.insert(std::string(d.slice(p.run_in_head)));
  for (const char* h :
       {"Iran.", "China.", "Russia.", "USA.", "Turkey.", "Japan.", "The European Union."})
    CHECK(heads.count(h) == 1);
}

TEST_CASE("article: every sentence maps back to raw bytes starting with its first word") {
  if (!test::have_article()) return;
  const Document& d = article();
  REQUIRE(d.sentences.size() > 200);
  for (const auto& s : d.sentences) {
    ByteRange raw = d.to_raw(s.range);
    REQUIRE(raw.end <= d.raw.size());
    std::string_view w = first_word(d.slice(s.range));
    INFO(d.slice(s.range));
    CHECK(raw.slice(d.raw).starts_with(w));
    CHECK(s.paragraph >= 0);
    CHECK(s.section >= 0);
    CHECK(d.paragraphs[s.paragraph].range.contains(s.range));
  }
}

TEST_CASE("article: the substantive sentence quotes the broken bytes of the file") {
  if (!test::have_article()) return;
  const Document& d = article();
  std::size_t t = d.text.find("substantive");
  REQUIRE(t != std::string::npos);
  ByteRange raw = d.to_raw({t, t + 11});
  CHECK(raw.slice(d.raw) == "sub-\n\nstantive");
  ByteRange tail = d.to_raw({t + 3, t + 11});
  CHECK(tail.slice(d.raw) == "stantive");
}
