#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "softgraph/extract/discovery.hpp"
#include "softgraph/extract/entity_recognizer.hpp"
#include "softgraph/extract/relation_extractor.hpp"
#include "entity_test_support.hpp"

using namespace softgraph;

namespace {

struct Run {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::set<std::string> triples;
};

Run run(const std::string& text) {
  static Lexicon lex = Lexicon::builtin();
  static EntityRecognizer rec(lex);
  Document d = test::hand_document(text);
  EntityExtraction found = rec.run(d);
  Discovery disc = discover_entities(d, rec, found, {});
  Run r;
  r.entities = found.entities;
  r.entities.insert(r.entities.end(), disc.entities.begin(), disc.entities.end());
  std::vector<Mention> mentions = found.mentions;
  mentions.insert(mentions.end(), disc.mentions.begin(), disc.mentions.end());
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
  // Sorted by id, each id once (the last of an id wins, as the pipeline's lists never repeat one).
  std::map<std::string, const Entity*> by_id;
  for (const auto& e : r.entities) by_id[e.id] = &e;
  std::vector<Entity> sorted;
  for (const auto& [id, e] : by_id) sorted.push_back(*e);
  r.relations = extract_relations(d, sorted, mentions);
  for (const auto& x : r.relations) r.triples.insert(x.source + " " + x.type + " " + x.target);
  return r;
}

}  // namespace

TEST_CASE("an institution's owner from the lexicon gives OPERATES with evidence") {
  Run r = run("Japan is active in Uzbekistan. JICA lends for railways and trains officials.");
  CHECK(r.triples.count("actor/japan OPERATES institution/jica"));
  for (const auto& x : r.relations)
    if (x.type == "OPERATES") CHECK(x.evidence.quote.find("JICA") != std::string::npos);
}

TEST_CASE("a channel trigger links the sentence's actor and institution") {
  Run r = run("France promotes language learning abroad. The Alliance Française offers language courses in Kazakhstan.");
  CHECK(r.triples.count("actor/france USES_INSTRUMENT instrument/language_promotion"));
  CHECK(r.triples.count("institution/alliance_francaise DELIVERS instrument/language_promotion"));
}

TEST_CASE("every relation of a sentence carries that sentence's figures, and only those") {
  // (The extractor gives the last relation of a sentence the figures themselves and the others
  // copies: each must still hold them all, and a sentence without figures none.)
  Run r = run(
      "The Alliance Française offers language courses to 3,000 students in Kazakhstan since 2015. "
      "France also funds the Alliance Française in Uzbekistan.");
  std::size_t with_figures = 0;
  for (const auto& x : r.relations) {
    if (x.evidence.quote.find("3,000") != std::string::npos) {
      ++with_figures;
      REQUIRE(x.attributes.count("figures"));
      CHECK(std::get<std::vector<std::string>>(x.attributes.at("figures")) ==
            std::vector<std::string>{"3,000 students"});
      CHECK(std::get<std::vector<std::string>>(x.attributes.at("years")) ==
            std::vector<std::string>{"2015"});
    } else {
      CHECK(x.attributes.empty());
    }
  }
  CHECK(with_figures >= 2);
}

TEST_CASE("a run-in head carries its actor over the paragraph") {
  Run r = run("Norway. The government funds scholarships for students. It also supports independent media.");
  CHECK(r.triples.count("actor/norway USES_INSTRUMENT instrument/scholarships_grants"));
}

TEST_CASE("a long list of powers is an enumeration, not a claim about each") {
  Run r = run("France, Germany, Italy, Spain and Poland all give scholarships.");
  CHECK_FALSE(r.triples.count("actor/italy USES_INSTRUMENT instrument/scholarships_grants"));
}

TEST_CASE("discovery finds an organisation defined with its acronym and attributes it by name") {
  Run r = run("The Norwegian Refugee Assistance Fund (NRAF) opened an office. Later NRAF expanded.");
  const Entity* found = nullptr;
  for (const auto& e : r.entities)
    if (e.id == "institution/norwegian_refugee_assistance_fund") found = &e;
  REQUIRE(found);
  CHECK(std::find(found->aliases.begin(), found->aliases.end(), "NRAF") != found->aliases.end());
  CHECK(r.triples.count("actor/norway OPERATES institution/norwegian_refugee_assistance_fund"));
}

TEST_CASE("figures stated in a sentence stay on the edge") {
  Attributes a = figures_in("The fund built over 40 mosques and invested exceeding $10 billion in 2008.");
  auto figures = std::get<std::vector<std::string>>(a.at("figures"));
  CHECK(std::find(figures.begin(), figures.end(), "over 40 mosques") != figures.end());
  CHECK(std::find(figures.begin(), figures.end(), "exceeding $10 billion") != figures.end());
  CHECK(std::get<std::vector<std::string>>(a.at("years")) == std::vector<std::string>{"2008"});
}

TEST_CASE("figures: number words in any case, digits only where a word starts") {
  using List = std::vector<std::string>;
  Attributes a = figures_in("Hundreds of\nstudents came; Twenty schools and THOUSANDS of teachers.");
  CHECK(std::get<List>(a.at("figures")) ==
        List{"Hundreds of\nstudents", "Twenty schools", "THOUSANDS of teachers"});
  Attributes b = figures_in(
      "The G20 and covid-19 and 2008s and 1990s-era and 3 and 45 percent rose by 12% in 2019.");
  CHECK(std::get<List>(b.at("figures")) == List{"1990", "45 percent", "12%"});
  CHECK(std::get<List>(b.at("years")) == List{"2008s", "2019"});
  CHECK(figures_in("No figures here, just words like tenets, fifteenth, democracy, help.").empty());
}

TEST_CASE("a partnership cue ties a pair, not a list, and not a broken relation") {
  Run pair = run("Norway. The Norwegian-Danish partnership runs teacher exchanges.");
  CHECK(pair.triples.count("actor/norway PARTNERS_WITH actor/denmark"));
  Run list = run("France, Italy, Spain and Greece signed an agreement on fisheries.");
  CHECK_FALSE(list.triples.count("actor/spain PARTNERS_WITH actor/greece"));
  Run broken = run("Chile and Peru cut ties with Bolivia after the war.");
  CHECK_FALSE(broken.triples.count("actor/peru PARTNERS_WITH actor/bolivia"));
}

TEST_CASE("states that are no power of the text are targets of the powers beside them") {
  Run r = run("Japan. Japan lends to Laos, Cambodia and Myanmar for new railways.");
  CHECK(r.triples.count("actor/japan TARGETS actor/laos"));
  CHECK(r.triples.count("actor/japan TARGETS actor/myanmar"));
  CHECK_FALSE(r.triples.count("actor/laos USES_INSTRUMENT instrument/development_projects"));
}

TEST_CASE("a membership cue needs the state before it and the organisation after it") {
  Run r = run("Kazakhstan is a member of the Shanghai Cooperation Organisation. The members of ASEAN trade with Japan.");
  CHECK(r.triples.count("actor/kazakhstan MEMBER_OF institution/sco"));
  CHECK_FALSE(r.triples.count("actor/japan MEMBER_OF institution/asean"));
}

namespace {
bool partners(const Run& r, const std::string& a, const std::string& b) {
  return r.triples.count(a + " PARTNERS_WITH " + b) || r.triples.count(b + " PARTNERS_WITH " + a);
}
}  // namespace

TEST_CASE("a signing ties its signatories, the two states, and the party signed with") {
  Run three = run("Chile, Peru and Bolivia signed an agreement on a railway in 2024.");
  CHECK(partners(three, "actor/chile", "actor/peru"));
  CHECK(partners(three, "actor/chile", "actor/bolivia"));
  Run two = run("Norway backed Denmark in the talks, and the two states signed a treaty in 2020.");
  CHECK(partners(two, "actor/norway", "actor/denmark"));
  Run with = run("Morocco signed an Association Agreement with the EU in 2000.");
  CHECK(partners(with, "actor/morocco", "actor/eu"));
  Run others = run("Tehran views Baku's close ties with Turkey and Israel with suspicion.");
  CHECK_FALSE(partners(others, "actor/turkey", "actor/israel"));
  // One edge per pair, whatever the order the sentences name them in.
  Run both = run("Norway and Denmark signed a treaty. Denmark and Norway signed an agreement.");
  CHECK(both.triples.count("actor/norway PARTNERS_WITH actor/denmark") +
            both.triples.count("actor/denmark PARTNERS_WITH actor/norway") ==
        1);
}

TEST_CASE("membership stops at a negation and needs a body with members") {
  Run r = run("Serbia is a member of the OSCE, but it has not joined the Collective Security "
              "Treaty Organization.");
  CHECK(r.triples.count("actor/serbia MEMBER_OF institution/osce"));
  CHECK_FALSE(r.triples.count("actor/serbia MEMBER_OF institution/csto"));
  Run agency = run("Germany is the most active EU member state in aid, working through GIZ.");
  CHECK(agency.triples.count("actor/germany MEMBER_OF actor/eu"));
  CHECK_FALSE(agency.triples.count("actor/germany MEMBER_OF institution/giz"));
}

TEST_CASE("coordinated subjects are all actors, not targets of the last one") {
  Run r = run("Turkey. Saudi Arabia, Qatar and Turkey have all offered to build mosques.");
  CHECK_FALSE(r.triples.count("actor/turkey TARGETS actor/qatar"));
  CHECK_FALSE(r.triples.count("actor/turkey TARGETS actor/saudi_arabia"));
}

TEST_CASE("an institution worked through delivers what comes before it, not the next clause") {
  Run r = run("The EU funds student mobility through Erasmus+ and supports the rule of law.");
  CHECK(r.triples.count("institution/erasmus_plus DELIVERS instrument/academic_exchange"));
  CHECK_FALSE(r.triples.count("institution/erasmus_plus DELIVERS instrument/values_promotion"));
}

// The scanner figures_in() had before it looked for word starts many bytes at a time and
// stopped folding whole sentences, kept as the reference the fast one must agree with.
namespace reference {
using namespace std::string_view_literals;
// Words around a number that belong to the figure ("over 40 mosques", "$10 billion").
const std::vector<std::string> kQualifiers = {"more than", "exceeding", "approximately", "at least",
                                              "up to",     "roughly",   "nearly",        "almost",
                                              "around",    "about",     "over",          "some"};
constexpr std::string_view kScales[] = {"million", "billion", "trillion", "thousand", "hundred"};
constexpr std::string_view kUnits[] = {
    "dollars",    "euros",        "usd",       "mosques",  "schools",    "universities",
    "students",   "scholarships", "meetings",  "projects", "institutes", "centers",
    "centres",    "branches",     "grants",    "people",   "volunteers", "programs",
    "programmes", "high-level",   "countries", "teachers"};

// Number words: ten, twenty ... ninety, hundreds, thousands, dozens, millions. Most words fail
// on their length or first letter, without a compare.
bool is_number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0]) {
    case 't':
      return w == "ten"sv || w == "twenty"sv || w == "thirty"sv || w == "thousands"sv;
    case 'f':
      return w == "forty"sv || w == "fifty"sv;
    case 's':
      return w == "sixty"sv || w == "seventy"sv;
    case 'e':
      return w == "eighty"sv;
    case 'n':
      return w == "ninety"sv;
    case 'h':
      return w == "hundreds"sv;
    case 'd':
      return w == "dozens"sv;
    case 'm':
      return w == "millions"sv;
    default:
      return false;
  }
}

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// ASCII classes as the C locale's <cctype> has them (the program never sets a locale), and the
// folding figures_in() reads with, as byte tables: one load per byte instead of range tests.
struct FigureBytes {
  enum : std::uint8_t { kDigit = 1, kAlpha = 2, kWord = 4 };
  std::array<std::uint8_t, 256> cls{}, folded{};
  constexpr FigureBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool digit = c >= '0' && c <= '9';
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      cls[c] = static_cast<std::uint8_t>((digit ? kDigit : 0) | (alpha ? kAlpha : 0) |
                                         (digit || alpha || c == '-' ? kWord : 0));
      // Lower case, and wrapped lines read as spaces.
      folded[c] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z'                  ? c + 32
                                            : c == '\n' || c == '\t' || c == '\r' ? ' '
                                                                                  : c);
    }
  }
};
constexpr FigureBytes kFigureBytes;
std::uint8_t figure_class(char c) { return kFigureBytes.cls[static_cast<unsigned char>(c)]; }
bool is_digit(char c) { return figure_class(c) & FigureBytes::kDigit; }
bool is_word_byte(char c) { return figure_class(c) & FigureBytes::kWord; }

// The word that starts at `pos` (letters, digits, hyphens), lower-cased.
std::string_view word_from(std::string_view lower, std::size_t pos) {
  std::size_t e = pos;
  while (e < lower.size() && is_word_byte(lower[e])) ++e;
  return lower.substr(pos, e - pos);
}

Attributes reference_figures_in(std::string_view sentence) {
  // A hand-written scanner: std::regex took most of the extraction time.
  // Folding keeps every byte's class (it changes case and makes line breaks spaces): words are
  // found in `sentence` itself, and the folded copy is made only once a figure may start.
  thread_local std::string lower;  // one buffer for every sentence
  bool lowered = false;
  auto fold_sentence = [&] {
    if (lowered) return;
    lowered = true;
    lower.resize(sentence.size());
    char* const dst = lower.data();  // (through the string, every store would reload its pointer)
    for (std::size_t k = 0; k < sentence.size(); ++k)
      dst[k] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[k])]);
  };
  std::vector<std::string> figures, years;
  const std::size_t n = sentence.size();
  std::size_t i = 0;
  while (i < n) {
    // Only a digit or a letter opening a word can start a figure.
    const std::uint8_t c = figure_class(sentence[i]);
    if (!(c & (FigureBytes::kDigit | FigureBytes::kAlpha)) ||
        (i > 0 && is_word_byte(sentence[i - 1]))) {
      ++i;
      continue;
    }
    bool number_word = false;
    std::size_t begin = i, end = i;
    if (c & FigureBytes::kDigit) {
      fold_sentence();
      while (end < lower.size() &&
             (is_digit(lower[end]) || ((lower[end] == ',' || lower[end] == '.') &&
                                       end + 1 < lower.size() && is_digit(lower[end + 1]))))
        ++end;
    } else {
      std::size_t e = i + 1;
      while (e < n && is_word_byte(sentence[e])) ++e;
      // A number word has 3 to 9 letters and starts with one of "defhmnst": only such words
      // are folded and compared.
      char w[9];
      const std::size_t size = e - i;
      bool candidate = size >= 3 && size <= 9;
      if (candidate) {
        w[0] = static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i])]);
        candidate = w[0] == 'd' || w[0] == 'e' || w[0] == 'f' || w[0] == 'h' || w[0] == 'm' ||
                    w[0] == 'n' || w[0] == 's' || w[0] == 't';
      }
      if (candidate)
        for (std::size_t k = 1; k < size; ++k)
          w[k] =
              static_cast<char>(kFigureBytes.folded[static_cast<unsigned char>(sentence[i + k])]);
      if (!candidate || !is_number_word(std::string_view(w, size))) {
        i = e;
        continue;
      }
      fold_sentence();
      number_word = true;
      end = e;
    }
    std::string_view digits = std::string_view(lower).substr(begin, end - begin);
    bool year = !number_word && digits.size() == 4 &&
                (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"));
    if (year) {
      std::size_t ye = end;
      if (ye < lower.size() && lower[ye] == 's') ++ye;
      if (ye >= lower.size() || !is_word_byte(lower[ye])) {
        years.push_back(std::string(sentence.substr(begin, ye - begin)));
        i = ye;
        continue;
      }
    }
    // Extend backwards over a currency sign and a qualifier.
    if (begin > 0 && sentence[begin - 1] == '$')
      --begin;
    else if (begin >= 3 && sentence.substr(begin - 3, 3) == "\u20AC")
      begin -= 3;  // euro sign
    else if (begin >= 2 && sentence.substr(begin - 2, 2) == "\u00A3")
      begin -= 2;  // pound sign
    for (const auto& q : kQualifiers) {
      std::size_t qs = begin >= q.size() + 1 ? begin - q.size() - 1 : std::string::npos;
      if (qs != std::string::npos && lower.compare(qs, q.size(), q) == 0 &&
          lower[qs + q.size()] == ' ' && (qs == 0 || !is_word_byte(lower[qs - 1]))) {
        begin = qs;
        break;
      }
    }
    // Forwards over "%", a scale and a unit noun (or "of <noun>" after "hundreds").
    std::size_t j = end;
    auto next_word = [&](std::size_t at, std::string_view& w) {
      std::size_t k = at;
      while (k < lower.size() && lower[k] == ' ') ++k;
      w = word_from(lower, k);
      return w.empty() ? std::string::npos : k + w.size();
    };
    if (j < lower.size() && lower[j] == '%') ++j;
    std::string_view w;
    std::size_t after = next_word(j, w);
    if (after != std::string::npos && (w == "percent")) j = after, after = next_word(j, w);
    if (after != std::string::npos && one_of(kScales, w)) j = after, after = next_word(j, w);
    for (int units = 0; units < 2 && after != std::string::npos && one_of(kUnits, w); ++units)
      j = after, after = next_word(j, w);
    if (number_word && after != std::string::npos && w == "of") {
      std::string_view noun;
      std::size_t n2 = next_word(after, noun);
      if (n2 != std::string::npos) j = n2;
    }
    bool bare_small = !number_word && digits.size() < 2 && j == end && begin == i;
    bool bare_word = number_word && j == end && begin == i;
    if (!bare_small && !bare_word)
      figures.push_back(std::string(sentence.substr(begin, j - begin)));
    i = std::max(j, end);
  }
  Attributes out;
  if (!figures.empty()) out["figures"] = figures;
  if (!years.empty()) out["years"] = years;
  return out;
}

}  // namespace reference

TEST_CASE("figures_in agrees with the byte-at-a-time scanner on random and real text") {
  // Bytes that matter to the scanner, with runs of letters long enough to make number words.
  const std::string_view pieces[] = {
      "ten",    "Twenty", "THIRTY",    "thousands", "forty",    "fifty",   "sixty",    "seventy",
      "eighty", "ninety", "hundreds",  "dozens",    "millions", "the",     "tenets",   "a",
      "of",     "over",   "more than", "at least",  "up to",    "some",    "$",        "\u20AC",
      "\u00A3", "%",      "percent",   "million",   "billion",  "mosques", "students", "high-level",
      " ",      "  ",     "\n",        "\t",        ",",        ".",       "-",        "'s",
      "0",      "7",      "12",        "1990",      "2008",     "2019s",   "18",       "3.5",
      "1,000",  "\u00E9", "x",         "G",         "_",        "s",       "e"};
  std::uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  std::string text;
  for (int round = 0; round < 20000; ++round) {
    text.clear();
    const std::size_t parts = next() % 24;
    for (std::size_t k = 0; k < parts; ++k) {
      const std::string_view piece = pieces[next() % std::size(pieces)];
      text += piece;
      if (next() % 3 == 0) text += ' ';
    }
    // Any offset: the eight-byte steps meet words at every alignment.
    const std::size_t from = text.empty() ? 0 : next() % (text.size() + 1);
    const std::string_view sentence = std::string_view(text).substr(from);
    INFO(sentence);
    REQUIRE(figures_in(sentence) == reference::reference_figures_in(sentence));
  }
  const char* source_dir = std::getenv("SOFTGRAPH_SOURCE_DIR");
  if (!source_dir) return;  // (set by ctest)
  for (const char* name : {"gulf-states-horn-of-africa.txt", "korea-japan-southeast-asia.txt",
                           "kyrgyzstan-foreign-relations.txt", "south-caucasus-soft-power.txt",
                           "tajikistan-foreign-relations.txt", "uzbekistan-soft-power-essay.txt"}) {
    std::ifstream in(std::string(source_dir) + "/tests/data/texts/" + name, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    const std::string body = all.str();
    // Every line, and windows of it at every start within the first bytes.
    std::size_t begin = 0;
    while (begin < body.size()) {
      std::size_t end = body.find('\n', begin);
      if (end == std::string::npos) end = body.size();
      const std::string_view line = std::string_view(body).substr(begin, end + 1 - begin);
      for (std::size_t k = 0; k < 8 && k < line.size(); ++k)
        REQUIRE(figures_in(line.substr(k)) == reference::reference_figures_in(line.substr(k)));
      begin = end + 1;
    }
  }
}

TEST_CASE("each relation's figures are figures_in() of its sentence, whatever the sentence holds") {
  // The extractor reads a sentence's figures by a shorter way when its words and bytes allow
  // (ASCII, no number word among the words, digits or none): every relation must still carry
  // exactly what figures_in() reads, on number words glued to other bytes, in any case, with
  // digits or without, in ASCII text or not.
  const std::string_view pieces[] = {
      "ten",       "Twenty",  "THIRTY",  "thousands", "forty",    "fifty",    "sixty",
      "seventy",   "eighty",  "ninety",  "hundreds",  "dozens",   "millions", "tenets",
      "of",        "over",    "about",   "more than", "at least", "$",        "\u20AC",
      "%",         "percent", "million", "billion",   "schools",  "students", "high-level",
      " ",         "\n",      ",",       "-",         "'s",       "(",        ")",
      "_",         "0",       "7",       "12",        "1990",     "2008",     "2019s",
      "3.5",       "1,000",   "x40",     "\u00E9",    "\u2019",   "\u2014",   "\u00C9ten",
      "ten\u00E9", "a",       "the",     "and",       "hundred",  "Dozens of"};
  std::uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  std::size_t relations = 0, with_figures = 0;
  for (int document = 0; document < 150; ++document) {
    std::string text;
    for (int sentence = 0; sentence < 12; ++sentence) {
      text += "France funds scholarships in Kazakhstan";
      const std::size_t parts = next() % 10;
      for (std::size_t k = 0; k < parts; ++k) {
        text += next() % 2 ? " " : "";
        text += pieces[next() % std::size(pieces)];
      }
      text += ". ";
    }
    Run r = run(text);
    for (const auto& x : r.relations) {
      if (x.evidence.rule.rfind("lexicon:", 0) == 0) continue;  // (a sentence's own rules only)
      const std::string& sentence = x.evidence.text.empty() ? x.evidence.quote : x.evidence.text;
      INFO(sentence);
      REQUIRE(x.attributes == reference::reference_figures_in(sentence));
      ++relations;
      with_figures += !x.attributes.empty();
    }
  }
  CHECK(relations > 1000);
  CHECK(with_figures > 300);
}
