// Sentence splitting: ICU's breaks, minus those after abbreviations, initials and soft wraps.
#include "sentence_splitter.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"
#include "unicode_util.hpp"

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

namespace {
// Random paragraphs of words, several lines each: ASCII words that end in terminators, closing
// marks and digits in every order ("U.S.", "3.5", "(Lee, 2019).", "etc. and"), with a few words
// of other scripts and classes mixed in, so that lines hold several pieces for ICU to read.
std::string random_paragraph(std::uint64_t& state) {
  static const std::vector<std::string> words = {"the",
                                                 "The",
                                                 "a",
                                                 "and",
                                                 "etc.",
                                                 "e.g.",
                                                 "U.S.",
                                                 "U.S",
                                                 "Mr.",
                                                 "No.",
                                                 "3.5",
                                                 "10.",
                                                 "2019).",
                                                 "(Lee,",
                                                 "(Lee",
                                                 "word.",
                                                 "Word.",
                                                 "WORD!",
                                                 "why?",
                                                 "so?!",
                                                 "end...",
                                                 "x.y",
                                                 "a.b.c.",
                                                 "\"Quote.\"",
                                                 "'quoted.'",
                                                 "(aside.)",
                                                 "[1].",
                                                 "well-known",
                                                 "p.",
                                                 "pp.",
                                                 "I.",
                                                 "J.S.",
                                                 "1.",
                                                 "2)",
                                                 "-",
                                                 ",",
                                                 ";",
                                                 ":",
                                                 ".",
                                                 "!",
                                                 "?",
                                                 ".)",
                                                 ".\"",
                                                 "and.",
                                                 "And.",
                                                 "1st.",
                                                 "C\xC3\xB4te",
                                                 "\xC3\x89.",
                                                 "\xD0\x94.",
                                                 "\xD0\xB4.",
                                                 "\xE3\x80\x82",
                                                 "a\xCC\x81.",
                                                 "x\xC2\xAD.",
                                                 "\xE2\x80\x9CQ.\xE2\x80\x9D",
                                                 "\xC2\xBB.",
                                                 "\xE2\x80\xA6",
                                                 "\xE2\x80\xA8"};
  static const std::vector<std::string> gaps = {" ",  " ",   " ",  " ",  " ",    "  ",      "\n",
                                                "\n", " \n", "\t", ", ", "\r\n", "\xC2\xA0"};
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::string p;
  const std::size_t n = 1 + next() % 30;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) p += gaps[next() % gaps.size()];
    p += words[next() % words.size()];
  }
  return p;
}
}  // namespace

// Lines with several pieces, and pieces that meet: every cut the splitter makes is exercised.
TEST_CASE("ICU reading pieces of random wrapped paragraphs finds the breaks of whole paragraphs") {
  ingest::SentenceSplitter splitter;
  std::vector<std::uint64_t> fast, whole;
  std::uint64_t state = 0x2545F4914F6CDD1Dull;
  for (int i = 0; i < 40000; ++i) {
    const std::string p = random_paragraph(state);
    splitter.boundaries(p, fast);
    splitter.boundaries_of_whole(p, whole);
    if (fast != whole) FAIL_CHECK("boundaries differ for: " << p);
  }
}

// All paragraphs of a document are read in one pass: a piece of one paragraph is followed by
// the next paragraph's, and each must come out as ICU reading that paragraph alone finds it.
TEST_CASE("ICU reading the pieces of many paragraphs at once finds each paragraph's breaks") {
  ingest::SentenceSplitter splitter;
  std::vector<std::uint64_t> all, whole;
  std::vector<std::size_t> first;
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  for (int doc = 0; doc < 400; ++doc) {
    std::string text;
    std::vector<ByteRange> paragraphs;
    const std::size_t n = 1 + state % 60;
    for (std::size_t k = 0; k < n; ++k) {
      const std::string p = random_paragraph(state);
      text += state % 3 == 0 ? "\n\n" : state % 3 == 1 ? "\n \n" : "x";  // what lies between
      paragraphs.push_back({text.size(), text.size() + p.size()});
      text += p;
    }
    splitter.boundaries_of(text, paragraphs, all, first);
    REQUIRE(first.size() == paragraphs.size() + 1);
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
      const std::string_view p = paragraphs[k].slice(text);
      splitter.boundaries_of_whole(p, whole);
      const std::vector<std::uint64_t> got(all.begin() + static_cast<std::ptrdiff_t>(first[k]),
                                           all.begin() + static_cast<std::ptrdiff_t>(first[k + 1]));
      if (got != whole) FAIL_CHECK("boundaries differ for paragraph " << k << ": " << p);
    }
  }
}

// The abbreviations the splitter must know (written out here, not taken from it).
const std::vector<std::string> kAbbreviationList = {
    "al.",  "e.g.",  "i.e.",  "vs.",   "cf.",  "dr.",   "p.",   "pp.",     "no.",    "nos.",
    "u.s.", "u.k.",  "mr.",   "mrs.",  "ms.",  "prof.", "st.",  "jr.",     "fig.",   "figs.",
    "vol.", "vols.", "ed.",   "eds.",  "ch.",  "sec.",  "art.", "approx.", "ca.",    "inc.",
    "ltd.", "co.",   "corp.", "ibid.", "op.",  "cit.",  "viz.", "resp.",   "u.s.a.", "e.u.",
    "г.",   "гг.",   "т.д.",  "т.п.",  "т.е.", "см.",   "с.",   "др.",     "им.",    "ж.",
    "б.",   "т.б.",  "обл.",  "ул.",   "стр.", "рис.",  "табл."};

TEST_CASE("every abbreviation, in any case of its ASCII letters, keeps its sentence open") {
  const std::vector<std::string>& abbreviations = kAbbreviationList;
  using ingest::SentenceSplitter;
  for (const std::string& a : abbreviations) {
    std::string upper = a;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    for (const std::string& form : {a, upper}) {
      CHECK_MESSAGE(SentenceSplitter::suppress_break("Seen in " + form + " ", "Next"), form);
      CHECK_MESSAGE(SentenceSplitter::suppress_break("(" + form + " ", "Next"), form);
    }
    // One letter more or less, or no period, is an ordinary word.
    CHECK_FALSE(SentenceSplitter::suppress_break("Seen in x" + a + " ", "Next"));
    CHECK_FALSE(SentenceSplitter::suppress_break("Seen in " + a.substr(1) + "x ", "Next"));
  }
  CHECK_FALSE(SentenceSplitter::suppress_break("Seen in officials. ", "Next"));
  CHECK_FALSE(SentenceSplitter::suppress_break("Seen in approxx. ", "Next"));
  CHECK_FALSE(SentenceSplitter::suppress_break("Seen in табл.. ", "Next"));
  CHECK_FALSE(SentenceSplitter::suppress_break("Seen in табЛ. ", "Next"));  // Cyrillic: as spelled
}

namespace {
// suppress_break as first written: the last token cut out and compared with every abbreviation
// and with the initials pattern, whatever its last bytes. The splitter looks at the token only
// when its last bytes allow either.
bool plain_suppress_break(std::string_view before, std::string_view after) {
  const std::vector<std::string>& abbreviations = kAbbreviationList;
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; };
  while (!before.empty() && ws(before.back())) {
    if (before.back() == '\n') {
      std::string_view t = before;
      while (!t.empty() && ws(t.back())) t.remove_suffix(1);
      UChar32 last = ingest::cp_before(t, t.size());
      if (!t.empty() && last != '.' && last != '!' && last != '?' && last != 0x2026 &&
          last != ')' && last != 0x201D && last != '"' && last != 0xBB && last != ':')
        return true;
    }
    before.remove_suffix(1);
  }
  const std::size_t sp = before.find_last_of(" \t\n(");
  std::string_view tok = sp == std::string_view::npos ? before : before.substr(sp + 1);
  while (!tok.empty() && (tok.front() == '[' || tok.front() == '"' || tok.front() == '\xE2'))
    tok.remove_prefix(tok.front() == '\xE2' && tok.size() >= 3 ? 3 : 1);
  std::string low(tok);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const std::string& a : abbreviations)
    if (low == a) return true;
  if (tok.size() >= 2 && tok.back() == '.') {
    bool initials = true;
    for (std::size_t i = 0; i < tok.size() && initials;) {
      int len;
      UChar32 c = ingest::cp_at(tok, i, &len);
      initials = i + len < tok.size() && tok[i + len] == '.' && ingest::is_upper(c);
      i += len + 1;
    }
    if (initials) return true;
  }
  std::size_t i = 0;
  while (i < after.size() && ws(after[i])) ++i;
  return ingest::is_lower(ingest::cp_at(after, i));
}
}  // namespace

TEST_CASE("suppress_break looks at the last token only when its last bytes allow it") {
  static const std::vector<std::string> pieces = {"a",
                                                  "B",
                                                  "p",
                                                  "P",
                                                  "l",
                                                  "al",
                                                  "Al",
                                                  "e",
                                                  "g",
                                                  "s",
                                                  "t",
                                                  "d",
                                                  "o",
                                                  "x",
                                                  "z",
                                                  "u",
                                                  "k",
                                                  "7",
                                                  ".",
                                                  ".",
                                                  ".",
                                                  ".",
                                                  " ",
                                                  " ",
                                                  "\n",
                                                  "\t",
                                                  "(",
                                                  "[",
                                                  "\"",
                                                  ")",
                                                  ":",
                                                  "!",
                                                  "?",
                                                  "\xE2\x80\x9C",
                                                  "г",
                                                  "т",
                                                  "Д",
                                                  "д",
                                                  "б",
                                                  "\xC3\x89",
                                                  "\xC3\xA9",
                                                  "e.g",
                                                  "i.e",
                                                  "et al",
                                                  "U.S",
                                                  "vol",
                                                  "Prof",
                                                  "табл",
                                                  "K.S",
                                                  "\xE2\x80\xA6",
                                                  "\xE2\x80\x9D",
                                                  "\xC2\xBB",
                                                  "\xE2",
                                                  "\xC3",
                                                  "\x89"};
  std::uint64_t state = 0xD1B54A32D192ED03ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto random_text = [&](std::size_t most) {
    std::string s;
    for (std::size_t k = next() % most; k > 0; --k) s += pieces[next() % pieces.size()];
    return s;
  };
  for (int i = 0; i < 200000; ++i) {
    std::string before = random_text(12);
    if (next() % 2) before += ". ";  // most breaks ICU makes follow a period and a space
    const std::string after = random_text(4);
    if (ingest::SentenceSplitter::suppress_break(before, after) !=
        plain_suppress_break(before, after))
      FAIL_CHECK("suppress_break differs for [" << before << "] [" << after << "]");
  }
}
