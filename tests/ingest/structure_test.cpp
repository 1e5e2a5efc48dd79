// Structure found in texts of our own: front matter per language, headings, notes, references,
// back matter, run-in heads and language detection.
#include <filesystem>
#include <string>

#include "softgraph/ingest/ingest.hpp"
#include "structure_detector.hpp"
#include "test_support.hpp"

using namespace softgraph;
using ingest::detect_language;
using ingest::find_run_in_head;

namespace {
int count_kind(const Document& d, std::string_view kind) {
  int n = 0;
  for (const auto& s : d.sections) n += s.kind == kind;
  return n;
}
const Section* section_titled(const Document& d, std::string_view title) {
  for (const auto& s : d.sections)
    if (s.title == title) return &s;
  return nullptr;
}
}  // namespace

TEST_CASE("detects English, Kazakh and Russian by script and Kazakh letters") {
  CHECK(detect_language("Donors fund schools across the steppe.") == "en");
  CHECK(detect_language("Бұл жоба ауылдағы мектептерге көмек көрсетеді және мұғалімдерді "
                        "оқытады.") == "kk");
  CHECK(detect_language("Этот проект помогает сельским школам и обучает учителей.") == "ru");
  CHECK(detect_language("12345 -- !!") == "und");
  // One Kazakh name inside Russian prose stays Russian.
  CHECK(detect_language("Докладчик Айгүл Сейітова рассказала о программе обменов между "
                        "университетами двух стран и о грантах для студентов.") == "ru");
}

TEST_CASE("finds run-in heads of up to five capitalised words") {
  auto head = [](std::string_view p) {
    ByteRange r = find_run_in_head(p);
    return std::string(r.slice(p));
  };
  CHECK(head("Turkey. Its agencies build schools.") == "Turkey.");
  CHECK(head("The European Union. Its programmes fund exchanges.") == "The European Union.");
  CHECK(head("USA. Exchanges began early.") == "USA.");
  CHECK(head("Republic of Korea. Its foundation funds chairs.") == "Republic of Korea.");
  CHECK(head("It works. The rest follows.").empty());
  CHECK(head("J. S. Nye wrote about it.").empty());
  CHECK(head("Dr. Smith agreed. Then left.").empty());
  CHECK(head("Aid grew in 2010. Then it fell.").empty());
  CHECK(head("Currently, the Concept is popular.").empty());
  CHECK(head("One Two Three Four Five Six. Next sentence.").empty());
}

TEST_CASE("builds front matter, headings, notes, references and back matter") {
  std::string text =
      "A.B. Writer, C. Author\n\n"
      "Steppe State University, Astana\n\n"
      "DONORS AND SCHOOLS IN THE STEPPE\n\n"
      "This paper looks at donors. It counts schools.\n\n"
      "Keywords: donors, schools.\n\n"
      "Introduction\n\n"
      "Donors came early. They stayed.\n\n"
      "[Note: a table was here.]\n\n"
      "Later programmes grew.\n\n"
      "Japan. Its agency built clinics. They are busy.\n\n"
      "Korea. Its foundation funds chairs.\n\n"
      "Conclusion\n\n"
      "Donors matter.\n\n"
      "References\n\n"
      "- Writer, A. (2020). Steppe donors. Astana.\n"
      "- Author, C. (2021). More donors. Almaty.\n\n"
      "Information about authors:\n\n"
      "Writer A.B. - professor.\n";
  Document d = make_document(text, "paper.txt");
  REQUIRE(!d.sections.empty());
  CHECK(d.sections[0].kind == "authors");
  CHECK(count_kind(d, "title") == 1);
  CHECK(count_kind(d, "abstract") == 1);
  CHECK(count_kind(d, "keywords") == 1);
  CHECK(count_kind(d, "references") == 1);
  CHECK(count_kind(d, "back") == 1);
  CHECK(count_kind(d, "notes") == 1);
  const Section* title = section_titled(d, "DONORS AND SCHOOLS IN THE STEPPE");
  REQUIRE(title);
  CHECK(title->kind == "title");
  const Section* intro = section_titled(d, "Introduction");
  REQUIRE(intro);
  CHECK(intro->kind == "body");
  CHECK(intro->level == 1);
  const Section* japan = section_titled(d, "Japan");
  REQUIRE(japan);
  CHECK(japan->level == 2);
  CHECK(d.slice(japan->title_range) == "Japan");
  int run_ins = 0;
  for (const auto& p : d.paragraphs) run_ins += !p.run_in_head.empty();
  CHECK(run_ins == 2);
  // The reference list: one paragraph per item.
  int refs = 0;
  for (const auto& p : d.paragraphs)
    refs += d.sections[p.section].kind == "references" && d.slice(p.range).starts_with("- ");
  CHECK(refs == 2);
  // Sections, paragraphs and sentences come in text order.
  for (std::size_t i = 1; i < d.sections.size(); ++i)
    CHECK(d.sections[i - 1].range.end <= d.sections[i].range.begin);
  for (std::size_t i = 1; i < d.paragraphs.size(); ++i)
    CHECK(d.paragraphs[i - 1].range.end <= d.paragraphs[i].range.begin);
  for (std::size_t i = 1; i < d.sentences.size(); ++i)
    CHECK(d.sentences[i - 1].range.end <= d.sentences[i].range.begin);
}

TEST_CASE("a heading followed directly by a subheading is a heading-only section") {
  Document d = make_document(
      "Results\n\nThe role of schools\n\nSchools teach.\n\nDiscussion\n\nIt matters.", "r.txt");
  REQUIRE(section_titled(d, "Results"));
  CHECK(section_titled(d, "Results")->kind == "heading");
  REQUIRE(section_titled(d, "The role of schools"));
  CHECK(section_titled(d, "The role of schools")->level == 2);
}

TEST_CASE("abstracts in Kazakh and Russian get their languages") {
  std::string text =
      "ДОНОРЛАР ЖӘНЕ МЕКТЕПТЕР\n\n"
      "Бұл мақала донорлардың ауылдық мектептерге көрсететін көмегін қарастырады. Зерттеу "
      "гранттар мен оқу бағдарламаларының рөлін көрсетеді.\n\n"
      "Түйін сөздер: донорлар, мектептер.\n\n"
      "ДОНОРЫ И ШКОЛЫ\n\n"
      "Статья рассматривает помощь доноров сельским школам. Исследование показывает роль "
      "грантов и учебных программ.\n\n"
      "Ключевые слова: доноры, школы.\n\n"
      "Introduction\n\n"
      "Donors help schools.\n";
  Document d = make_document(text, "abs.txt");
  int kk = 0, ru = 0;
  for (const auto& s : d.sections) {
    if (s.kind == "abstract" && s.language == "kk") ++kk;
    if (s.kind == "abstract" && s.language == "ru") ++ru;
  }
  CHECK(kk == 1);
  CHECK(ru == 1);
  CHECK(count_kind(d, "keywords") == 2);
}

TEST_CASE("a text without any structure is one body section") {
  Document d = make_document("Kazakhstan hosts forums. Uzbekistan joins them.\n", "plain.txt");
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].kind == "body");
  CHECK(d.sections[0].language == "en");
  CHECK(d.paragraphs.size() == 1);
  CHECK(d.sentences.size() == 2);
  CHECK(d.sentences[1].section == 0);
  CHECK(d.sentences[1].paragraph == 0);
}

// A body section's language is judged on its paragraphs' texts read once each, not on the
// section's text read again: the result must be what reading the section's text gives.
TEST_CASE("each body section has the language of its text") {
  std::vector<std::filesystem::path> files;
  if (test::have_article()) files.push_back(test::article_path());
  for (const auto& e :
       std::filesystem::directory_iterator(test::source_dir() / "tests" / "data" / "texts"))
    files.push_back(e.path());
  std::string mixed;  // paragraphs of all the texts, the languages mixed within sections
  for (const auto& path : files) {
    const Document d = load_document(path.string());
    for (const auto& p : d.paragraphs) mixed += std::string(d.slice(p.range)) + "\n\n";
  }
  for (std::size_t i = 0; i <= files.size(); ++i) {
    const Document d =
        i < files.size() ? load_document(files[i].string()) : make_document(mixed, "mixed.txt");
    for (std::size_t k = 0; k < d.sections.size(); ++k) {
      const Section& s = d.sections[k];
      if (s.kind != "body" && s.kind != "heading" && s.kind != "references" && s.kind != "back")
        continue;
      const std::string own = detect_language(d.slice(s.range));
      // A section without letters takes the language of the one after it.
      const std::string expected = own != "und"                ? own
                                   : k + 1 < d.sections.size() ? d.sections[k + 1].language
                                                               : "und";
      CHECK_MESSAGE(s.language == expected, d.path << " section " << k << ": " << s.title);
    }
  }
}
