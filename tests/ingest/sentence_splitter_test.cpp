// Sentence splitting: ICU's breaks, minus those after abbreviations, initials and soft wraps.
#include <string>
#include <vector>

#include "softgraph/extract/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {
std::vector<std::string> sentences(const std::string& text) {
  Document d = make_document(text, "s.txt");
  std::vector<std::string> out;
  for (const auto& s : d.sentences) out.emplace_back(d.slice(s.range));
  return out;
}
}  // namespace

TEST_CASE("does not break after et al., p. or pp.") {
  auto s = sentences(
      "Smith et al. (2013) disagree. See the survey (Lee et al., 2013, p. 48) too. "
      "It runs pp. 10-12 in print.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Smith et al. (2013) disagree.");
  CHECK(s[1] == "See the survey (Lee et al., 2013, p. 48) too.");
}

TEST_CASE("does not break after initials") {
  auto s = sentences(
      "According to J. S. Nye, attraction works. K.S. Writer agrees. "
      "А.К. Автор тоже согласна.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "According to J. S. Nye, attraction works.");
  CHECK(s[1] == "K.S. Writer agrees.");
}

TEST_CASE("does not break after U.S., e.g., i.e., vs., cf., Dr. and No.") {
  auto s = sentences(
      "The U.S. Agency funds it. Some donors, e.g. Japan, give loans. "
      "Dr. Lee signed No. 5 today. Grants vs. Loans is a debate.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "The U.S. Agency funds it.");
  CHECK(s[2] == "Dr. Lee signed No. 5 today.");
}

TEST_CASE("does not break after Russian abbreviations") {
  auto s = sentences(
      "В 2008 г. Агентство было создано. Оно ведет курсы, гранты и т.д. Программы растут.");
  REQUIRE(s.size() >= 2);
  CHECK(s[0] == "В 2008 г. Агентство было создано.");
}

TEST_CASE("breaks at ordinary sentence ends and trims white space") {
  Document d = make_document("  First one.   Second one?  Third!  \n", "s.txt");
  REQUIRE(d.sentences.size() == 3);
  CHECK(d.slice(d.sentences[0].range) == "First one.");
  CHECK(d.slice(d.sentences[2].range) == "Third!");
}

TEST_CASE("a soft line wrap does not end a sentence") {
  auto s = sentences("Donors fund schools in\nthe region. Then they leave.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Donors fund schools in\nthe region.");
}

TEST_CASE("sentences never cross paragraphs") {
  Document d = make_document("A heading without stop\n\nBody text here.", "s.txt");
  REQUIRE(d.sentences.size() == 2);
  CHECK(d.sentences[0].paragraph == 0);
  CHECK(d.sentences[1].paragraph == 1);
}
