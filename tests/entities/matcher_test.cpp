#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "entity_test_support.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/entities/entity_recognizer.hpp"
#include "softgraph/entities/phrase_matcher.hpp"
#include "softgraph/entities/tokenizer.hpp"

using namespace softgraph;

TEST_CASE("tokenizer splits words and punctuation with byte ranges") {
  std::string s = "Türkiye's TİKA, U.S. aid";
  auto t = tokenize(s);
  REQUIRE(t.size() == 10);
  CHECK(s.substr(t[0].begin, t[0].end - t[0].begin) == "Türkiye");
  CHECK(s.substr(t[1].begin, t[1].end - t[1].begin) == "'");
  CHECK(t[3].all_upper);
  CHECK(fold_case("ЁЛКА Россию") == "елка россию");
}

TEST_CASE("phrase matcher is leftmost-longest and respects case for acronyms") {
  PhraseMatcher m;
  m.add("Central Asia", 1, false);
  m.add("Central Asian countries", 2, false);
  m.add("US", 3, true);
  std::string text = "Help for central asian countries from the US, not from us.";
  auto tokens = tokenize(text);
  auto matches = m.match(text, tokens);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].payload == 2);
  CHECK(matches[1].payload == 3);
}

TEST_CASE("a surface form claimed by two entries is a conflicting-alias error") {
  Lexicon lex;
  lex.add_json(R"({"lexicon":"a","entries":[
    {"id":"actor/alpha","type":"Actor","label":"Alpha","aliases":["Northland"]},
    {"id":"actor/beta","type":"Actor","label":"Beta","aliases":["northland"]}]})",
               "two.json");
  CHECK_THROWS_WITH_AS(EntityRecognizer{lex}, doctest::Contains("conflicting aliases"), Error);
}

TEST_CASE("a malformed lexicon names the file and the JSON path") {
  Lexicon lex;
  try {
    lex.add_json(R"({"lexicon":"a","entries":[{"id":"actor/x","type":"Actor"}]})", "bad.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("bad.json") != std::string::npos);
    CHECK(std::string(e.what()).find("$.entries[0]") != std::string::npos);
    CHECK(std::string(e.what()).find("label") != std::string::npos);
  }
  try {
    lex.add_json("{\"lexicon\": \n [", "broken.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("broken.json:line 2") != std::string::npos);
  }
}

TEST_CASE("the built-in lexicon finds states by name, demonym, acronym and Russian case form") {
  Lexicon lex = Lexicon::builtin();
  EntityRecognizer rec(lex);
  Document d = test::hand_document(
      "The USA and Russia compete. Chinese banks lend to Kazakhstan. Россию и Китай обсуждают.");
  auto found = rec.run(d);
  std::set<std::string> ids;
  for (const auto& m : found.mentions) ids.insert(m.entity);
  CHECK(ids.count("actor/united_states"));
  CHECK(ids.count("actor/russia"));
  CHECK(ids.count("actor/china"));
  CHECK(ids.count("actor/kazakhstan"));
  for (const auto& m : found.mentions)
    CHECK(d.text.substr(m.range.begin, m.range.size()) == m.surface);
}

TEST_CASE("a name that prefixes a currency sign is the currency, not the state") {
  Lexicon lex = Lexicon::builtin();
  EntityRecognizer rec(lex);
  Document d = test::hand_document("Tonga got US$100,000 and NZ$5 million; the US and NZ paid.");
  auto found = rec.run(d);
  std::vector<std::string> us;
  for (const auto& m : found.mentions)
    if (m.entity == "actor/united_states") us.push_back(std::string(m.surface));
  CHECK(us == std::vector<std::string>{"US"});
  for (const auto& m : found.mentions) CHECK(d.text[m.range.end] != '$');
}

TEST_CASE("a name before -like or -style names a kind; a name alone in brackets is a key") {
  Lexicon lex = Lexicon::builtin();
  EntityRecognizer rec(lex);
  Document d = test::hand_document(
      "Soviet-style planning and OECD-like aid differ. [OECD] Roe, J., Aid. The OECD and the "
      "Soviet Union met; the US-led coalition stayed.");
  auto found = rec.run(d);
  std::vector<std::string> seen;
  for (const auto& m : found.mentions)
    if (m.entity == "actor/soviet_union" || m.entity == "institution/oecd" ||
        m.entity == "actor/united_states")
      seen.push_back(std::string(m.surface));
  CHECK(seen == std::vector<std::string>{"OECD", "Soviet Union", "US"});
}

TEST_CASE(
    "a name broken across lines is one alias with one space; aliases stay sorted, each once") {
  Lexicon lex = Lexicon::builtin();
  EntityRecognizer rec(lex);
  Document d = test::hand_document(
      "Aid reached Burkina\nFaso and Burkina  Faso. Then burkina faso again, and Burkina Faso.");
  auto found = rec.run(d);
  const Entity* burkina = nullptr;
  for (const auto& e : found.entities)
    if (e.id == "actor/burkina_faso") burkina = &e;
  REQUIRE(burkina != nullptr);
  // The mentions keep the text as written; the entity's aliases do not keep the line break.
  std::size_t mentioned = 0;
  for (const auto& m : found.mentions)
    if (m.entity == burkina->id) {
      CHECK(d.text.substr(m.range.begin, m.range.size()) == m.surface);
      ++mentioned;
    }
  CHECK(mentioned == 4);
  for (const auto& a : burkina->aliases) {
    CHECK(a.find('\n') == std::string::npos);
    CHECK(a.find("  ") == std::string::npos);
  }
  CHECK(std::is_sorted(burkina->aliases.begin(), burkina->aliases.end()));
  CHECK(std::adjacent_find(burkina->aliases.begin(), burkina->aliases.end()) ==
        burkina->aliases.end());
  CHECK(std::count(burkina->aliases.begin(), burkina->aliases.end(), "burkina faso") == 1);
  // Every prototype lists its aliases sorted, each once, as a document does.
  for (const Entity* p : rec.prototypes_by_id()) {
    CHECK(std::is_sorted(p->aliases.begin(), p->aliases.end()));
    CHECK(std::adjacent_find(p->aliases.begin(), p->aliases.end()) == p->aliases.end());
  }
}

namespace {

// A random text of ASCII words (some long), digits, spaces, punctuation and a few multi-byte
// letters, spaces and quotes, so that every path of the tokenizer is taken.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const char* const kOther[] = {"\xC3\xBC",         "\xD0\x96",    "\xE2\x80\x9C",
                                       "\xC2\xA0",         "\xC4\xB0",    "\xE2\x80\x99",
                                       "\xD0\xB6\xD0\xB8", "\xE4\xB8\xAD"};
  static const char kPunct[] = ".,;:()'\"-/&+!?";
  std::string out;
  for (std::size_t k = 0; k < pieces; ++k) {
    switch (rng() % 6) {
      case 0:
      case 1:
      case 2: {
        const std::size_t size = rng() % 4 == 0 ? 1 + rng() % 40 : 1 + rng() % 9;
        for (std::size_t i = 0; i < size; ++i) {
          const unsigned r = rng() % 64;
          out += r < 26   ? static_cast<char>('a' + r)
                 : r < 52 ? static_cast<char>('A' + r - 26)
                          : static_cast<char>('0' + r % 10);
        }
        break;
      }
      case 3:
        out += kOther[rng() % std::size(kOther)];
        break;
      case 4:
        out += kPunct[rng() % (sizeof kPunct - 1)];
        break;
      default:
        out += rng() % 8 == 0 ? "\n\t " : " ";
    }
  }
  return out;
}

bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b, std::uint32_t shift) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin + shift || a[i].end != b[i].end + shift ||
        a[i].folded_hash != b[i].folded_hash || a[i].word != b[i].word ||
        a[i].upper_initial != b[i].upper_initial || a[i].all_upper != b[i].all_upper)
      return false;
  return true;
}

}  // namespace

TEST_CASE("the tokenizer's vector and byte-by-byte paths agree") {
  // Words near the end of a text, long or not ASCII take the byte-by-byte path, the others the
  // vector one: the same tokens must come out whichever a word takes.
  std::mt19937 rng(20240611);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng, 1 + rng() % 60);
    const std::vector<Token> tokens = tokenize(text);
    // Followed by spaces, every word of the text can be read by the vector path.
    CHECK(same_tokens(tokenize(text + std::string(40, ' ')), tokens, 0));
    // Alone, a token is a text shorter than a vector (or a long word): the byte-by-byte path.
    for (const Token& t : tokens) {
      const std::string alone = text.substr(t.begin, t.end - t.begin);
      const std::vector<Token> one = tokenize(alone);
      REQUIRE(one.size() == 1);
      CHECK(same_tokens(one, {t}, 0 - t.begin));
      // A token hashes as its folded form.
      if (t.word) CHECK(tokenize(fold_case(alone))[0].folded_hash == t.folded_hash);
      // Followed by a non-ASCII byte, a word is read byte by byte (it might go on in another
      // script); by a space, with vectors.
      if (t.word) {
        const std::vector<Token> before_quote = tokenize(alone + "\xE2\x80\x9C");
        REQUIRE(before_quote.size() == 2);
        CHECK(same_tokens({before_quote[0]}, one, 0));
      }
    }
    // A range reads as if the text were only its bytes, though the vector path looks beyond.
    const auto b = static_cast<std::uint32_t>(rng() % (text.size() + 1));
    const auto e = b + static_cast<std::uint32_t>(rng() % (text.size() - b + 1));
    std::vector<Token> ranged;
    tokenize(text, b, e, ranged);
    CHECK(same_tokens(ranged, tokenize(text.substr(b, e - b)), b));
  }
}

TEST_CASE("distinct folded words hash apart") {
  std::mt19937 rng(7);
  std::map<std::uint64_t, std::string> seen;
  for (int i = 0; i < 50000; ++i) {
    std::string w;
    const std::size_t size = 1 + rng() % 24;
    for (std::size_t k = 0; k < size; ++k) w += static_cast<char>('a' + rng() % 26);
    const std::vector<Token> t = tokenize(w + "                ");
    REQUIRE(t.size() == 1);
    auto [it, fresh] = seen.emplace(t[0].folded_hash, w);
    CHECK(it->second == w);
  }
}

namespace {

// The tokenizer's hash written out from its definition: the folded form's UTF-8 bytes eight at a
// time (little-endian, the last chunk zero-padded), then the byte count, halves swapped.
std::uint64_t reference_hash(const std::string& folded) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::size_t at = 0; at < folded.size(); at += 8) {
    std::uint64_t chunk = 0;
    for (std::size_t k = 0; k < 8 && at + k < folded.size(); ++k)
      chunk |= std::uint64_t{static_cast<unsigned char>(folded[at + k])} << (8 * k);
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
  }
  h = (h ^ folded.size()) * 0x94D049BB133111EBull;
  return (h >> 32) | (h << 32);
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  std::int32_t size = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<std::uint8_t*>(buf), size, c);
  out.append(buf, static_cast<std::size_t>(size));
}

}  // namespace

TEST_CASE("two-byte letters are classified and folded as ICU says") {
  // The tokenizer reads U+0080..U+07FF from a table: each code point checked against ICU, in
  // random words that cross the hash's eight-byte chunks.
  std::vector<UChar32> letters;
  for (UChar32 c = 0x80; c < 0x800; ++c) {
    const bool word = u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
    std::string alone;
    append_utf8(alone, c);
    const std::vector<Token> t = tokenize("a" + alone + "b");
    const bool space = u_isUWhiteSpace(c);
    CHECK(t.size() == (word ? 1u : space ? 2u : 3u));
    if (word) letters.push_back(c);
  }
  auto fold = [](UChar32 c) {
    if (c == 0x02BC) return UChar32{'\''};
    const UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    return f == 0x0451 ? UChar32{0x0435} : f;
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string word, folded;
    bool lower = false;
    const std::size_t size = 1 + rng() % 12;
    for (std::size_t k = 0; k < size; ++k) {
      const UChar32 c =
          rng() % 4 == 0 ? static_cast<UChar32>('A' + rng() % 26) : letters[rng() % letters.size()];
      append_utf8(word, c);
      append_utf8(folded, fold(c));
      lower |= u_isalpha(c) && !u_isupper(c);
    }
    const std::vector<Token> t = tokenize(word);
    REQUIRE(t.size() == 1);
    CHECK(t[0].folded_hash == reference_hash(folded));
    UChar32 first;
    std::int32_t at = 0;
    U8_NEXT(word.data(), at, static_cast<std::int32_t>(word.size()), first);
    CHECK(t[0].upper_initial == static_cast<bool>(u_isupper(first)));
    CHECK(t[0].all_upper == !lower);
  }
}
