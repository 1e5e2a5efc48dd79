// Sentence splitting: ICU's breaks, minus those after abbreviations, initials and soft wraps.
#include "softgraph/extract/sentence_splitter.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// The splitter hands ICU only the line tails where its rules can break; the boundaries must be
// exactly those of ICU reading the whole paragraph. Random paragraphs over an alphabet of every
// Sentence_Break class that matters (terminators of several scripts, closing punctuation, spaces,
// separators, extenders and format characters, upper and lower case, digits, other letters,
// surrogate pairs), then real text from ../shared and our own texts.
TEST_CASE("ICU reading line tails finds the boundaries ICU finds reading whole paragraphs") {
  const std::vector<std::string> alphabet = {
      "a",
      "B",
      "c",
      "D",
      "x",
      "Y",
      "7",
      "0",
      " ",
      " ",
      " ",
      " ",
      "\t",
      ".",
      ".",
      "!",
      "?",
      "\n",
      "\n",
      "\r",
      ",",
      ";",
      ":",
      "-",
      "(",
      ")",
      "[",
      "]",
      "\"",
      "'",
      "\xE2\x80\x9D",  // ” Close
      "\xE2\x80\x9C",  // “
      "\xC2\xBB",      // » Close
      "\xE3\x80\x82",  // 。 STerm
      "\xE0\xA5\xA4",  // । STerm
      "\xEF\xBC\x8E",  // ． ATerm
      "\xE2\x80\xA4",  // ․ ATerm
      "\xD8\x9F",      // ؟ STerm
      "\xDB\x94",      // ۔ STerm
      "\xE2\x80\xA6",  // …
      "\xC2\xAD",      // soft hyphen: Format
      "\xCC\x80",      // combining grave: Extend
      "\xE2\x80\x8D",  // ZWJ
      "\xE2\x80\xA8",  // LS: Sep
      "\xE2\x80\xA9",  // PS: Sep
      "\xC2\x85",      // NEL: Sep
      "\xC2\xA0",      // no-break space: Sp
      "\xE2\x80\x83",  // em space: Sp
      "\xC3\xA9",
      "\xD0\x90",
      "\xD0\xB0",          // é А а
      "\xE5\xAD\x97",      // 字 OLetter
      "\xF0\x9F\x98\x80",  // emoji, a surrogate pair in UTF-16
      "\xE3\x80\x81",
      "\xEF\xBC\x8C"};  // 、 ， SContinue
  ingest::SentenceSplitter splitter;
  std::vector<std::uint64_t> fast, whole;
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int checked = 0;
  auto compare = [&](std::string_view p) {
    splitter.boundaries(p, fast);
    splitter.boundaries_of_whole(p, whole);
    ++checked;
    if (fast != whole) {
      FAIL_CHECK("boundaries differ for: " << std::string(p));
    }
  };
  for (int i = 0; i < 60000; ++i) {
    std::string p;
    const std::size_t len = next() % 40;
    for (std::size_t k = 0; k < len; ++k) p += alphabet[next() % alphabet.size()];
    compare(p);
  }
  // Real paragraphs, wrapped lines and all: the article (when ../shared is there) and our texts.
  std::vector<std::filesystem::path> files;
  if (test::have_article()) files.push_back(test::article_path());
  for (const auto& e :
       std::filesystem::directory_iterator(test::source_dir() / "tests" / "data" / "texts"))
    files.push_back(e.path());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      compare(std::string_view(text).substr(start, end - start));
      start = end + 2;
    }
  }
  CHECK(checked > 60100);
}
