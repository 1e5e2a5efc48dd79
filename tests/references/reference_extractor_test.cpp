// extract_references on small documents built by hand (text, one section, paragraphs and
// sentences from a trivial splitter), so these tests do not depend on the ingest.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "softgraph/refs/references.hpp"
#include "twin_matcher.hpp"

using namespace softgraph;

namespace {

// Paragraphs at blank lines, sentences at ". " inside them: enough for these texts.
Document hand_document(const std::string& text) {
  Document d;
  d.id = "document/test";
  d.path = "test.txt";
  d.raw = d.text = text;
  d.sections.push_back({"body", "en", "", {0, text.size()}, {}, 1});
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t e = text.find("\n\n", p);
    if (e == std::string::npos) e = text.size();
    if (e > p) {
      int para = static_cast<int>(d.paragraphs.size());
      d.paragraphs.push_back({{p, e}, 0, {}});
      std::size_t s = p;
      for (std::size_t i = p; i < e; ++i)
        if (text[i] == '.' && (i + 1 == e || text[i + 1] == ' ') &&
            !(i >= 2 && text.compare(i - 2, 2, "al") == 0)) {
          d.sentences.push_back({{s, i + 1}, para, 0});
          s = i + 2;
        }
      if (s < e) d.sentences.push_back({{s, e}, para, 0});
    }
    p = e + 2;
  }
  return d;
}

std::size_t count(const ReferenceExtraction& x, const std::string& type,
                  const std::string& target) {
  return static_cast<std::size_t>(
      std::count_if(x.relations.begin(), x.relations.end(), [&](const Relation& r) {
        return r.type == type && (r.target == target || r.source == target);
      }));
}

const Entity* entity(const ReferenceExtraction& x, const std::string& id) {
  for (const auto& e : x.entities)
    if (e.id == id) return &e;
  return nullptr;
}

bool has_warning(const ReferenceExtraction& x, const std::string& part) {
  return std::any_of(x.warnings.begin(), x.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

const std::string kText =
    "Intro\n\n"
    "Turkey. The agency works in the region. Smith (2015) describes it.\n\n"
    "China builds institutes (Smith, 2015; Andreyev & Petrov, 2010). Brown (2019) disagrees.\n\n"
    "Note: the translator kept Smith (2015) as written.\n\n"
    "References\n\n"
    "- Smith, J. (2015). Soft power in practice. *Journal of Tests*, 4(2), 1-10.\n"
    "- Андреев, И. А., & Петров, П. П. (2010). Мягкая сила России. *Вестник*, 3, 5-9.\n"
    "- Lee, K. (2001). Never cited here. Test Press.\n\n"
    "Список литературы\n\n"
    "- Smith, J. (2015). Soft power in practice. *Journal of Tests*, 4(2), 1-10.\n"
    "- Andreyev, I. A., & Petrov, P. P. (2010). Myagkaya sila Rossii [Russia's soft power].\n"
    "  *Vestnik*, 3, 5-9.\n"
    "- Lee, K. (2001). Never cited here. Test Press.\n";

}  // namespace

TEST_CASE("merges Cyrillic and transliterated twins into one reference with both entries") {
  Document d = hand_document(kText);
  auto x = extract_references(d, {}, {});
  CHECK(x.reference_sections.size() == 2);
  const Entity* r = entity(x, "reference/andreyev_petrov_2010");
  REQUIRE(r != nullptr);
  CHECK(r->type == "Reference");
  CHECK(r->label == "Andreyev & Petrov (2010)");
  REQUIRE(r->aliases.size() == 2);
  CHECK(r->aliases[0].find("Андреев") != std::string::npos);
  CHECK(r->aliases[1].find("Andreyev") != std::string::npos);
  CHECK(r->aliases[1].find("  ") == std::string::npos);  // the wrapped line is joined
  CHECK(std::get<std::string>(r->attributes.at("title_original")) == "Мягкая сила России");
  CHECK(std::get<std::string>(r->attributes.at("title_translation")) == "Russia's soft power");
  CHECK(std::get<std::string>(r->attributes.at("language")) == "ru");
  CHECK(std::get<std::int64_t>(r->attributes.at("year")) == 2010);
  auto authors = std::get<std::vector<std::string>>(r->attributes.at("authors"));
  CHECK(authors == std::vector<std::string>{"Andreyev, I. A.", "Petrov, P. P."});
  CHECK(entity(x, "reference/smith_2015") != nullptr);
  CHECK(entity(x, "reference/lee_2001") != nullptr);
  // Persons: the Cyrillic form is an alias of the Latin one.
  const Entity* p = entity(x, "person/andreyev_ia");
  REQUIRE(p != nullptr);
  CHECK(std::find(p->aliases.begin(), p->aliases.end(), "Андреев, И. А.") != p->aliases.end());
  CHECK(count(x, "AUTHORED", "reference/andreyev_petrov_2010") == 4);  // 2 authors x 2 entries
}

TEST_CASE("links citations, skips translator notes, warns about unresolved and uncited works") {
  Document d = hand_document(kText);
  auto x = extract_references(d, {}, {});
  CHECK(count(x, "CITES", "reference/smith_2015") == 2);  // not the one in the Note:
  CHECK(count(x, "CITES", "reference/andreyev_petrov_2010") == 1);
  CHECK(x.mentions.size() == 3);
  CHECK(has_warning(x, "unresolved citation Brown (2019)"));
  CHECK(has_warning(x, "reference never cited: reference/lee_2001"));
  for (const Relation& r : x.relations) {
    if (r.type != "CITES") continue;
    CHECK(r.source == "document/test");
    CHECK(std::get<std::int64_t>(r.attributes.at("citations")) == 1);
    CHECK(r.evidence.quote == kText.substr(r.evidence.range.begin, r.evidence.range.size()));
    CHECK(r.evidence.sentence >= 0);
  }
}

TEST_CASE("DISCUSSES links a cited work to the actors of its sentence, else of the run-in head") {
  Document d = hand_document(kText);
  std::vector<Entity> entities = {{"actor/turkey", "Actor", "Turkey", {}, {}},
                                  {"actor/china", "Actor", "China", {}, {}},
                                  {"region/central_asia", "Region", "Central Asia", {}, {}}};
  std::vector<Mention> mentions;
  auto mention = [&](const std::string& surface, const std::string& id) {
    std::size_t at = kText.find(surface);
    mentions.push_back(
        {{at, at + surface.size()}, id, surface, "lexicon", 1.0, d.sentence_at(at), 0, {}});
  };
  mention("Turkey", "actor/turkey");
  mention("China", "actor/china");
  mention("region", "region/central_asia");
  auto x = extract_references(d, mentions, entities);
  auto discusses = [&](const std::string& ref, const std::string& actor) {
    return std::any_of(x.relations.begin(), x.relations.end(), [&](const Relation& r) {
      return r.type == "DISCUSSES" && r.source == ref && r.target == actor;
    });
  };
  CHECK(discusses("reference/smith_2015", "actor/turkey"));  // via "Turkey." run-in head
  CHECK(discusses("reference/smith_2015", "actor/china"));
  CHECK(discusses("reference/andreyev_petrov_2010", "actor/china"));
  CHECK_FALSE(discusses("reference/smith_2015", "region/central_asia"));  // not an actor
}

TEST_CASE("numbered lists: [n] citations resolve by number") {
  std::string text =
      "Body cites [1] and [2, 3] and [4].\n\nReferences\n\n"
      "1. Smith JA. Soft power now. Asian Survey. 2015;55(3):512-30.\n"
      "2. Brown K. Other work. Asian Survey. 2016;56(1):1-5.\n"
      "3. Green L. Third work. Asian Survey. 2017;57(1):6-9.\n";
  auto x = extract_references(hand_document(text), {}, {});
  CHECK(count(x, "CITES", "reference/smith_2015") == 1);
  CHECK(count(x, "CITES", "reference/brown_2016") == 1);
  CHECK(count(x, "CITES", "reference/green_2017") == 1);
  CHECK(has_warning(x, "unresolved citation [4]"));
}

TEST_CASE("two works of one author in one year get a and b suffixes") {
  std::string text =
      "Both (Smith, 2015a, 2015b).\n\nReferences\n\n"
      "Smith, J. (2015a). First study of soft power. Test Press.\n\n"
      "Smith, J. (2015b). Second and different inquiry. Test Press.\n";
  auto x = extract_references(hand_document(text), {}, {});
  CHECK(count(x, "CITES", "reference/smith_2015a") == 1);
  CHECK(count(x, "CITES", "reference/smith_2015b") == 1);
  std::size_t persons = static_cast<std::size_t>(std::count_if(
      x.entities.begin(), x.entities.end(), [](const Entity& e) { return e.type == "Person"; }));
  CHECK(persons == 1);
}

TEST_CASE("twin matching forgives transliteration schemes but not different works") {
  using softgraph::refs::parse_reference;
  std::vector<softgraph::refs::ParsedReference> e = {
      parse_reference("Жакиянова, А. М. (2020). Академическая мобильность. Алматы."),
      parse_reference(
          "Zhakiyanova, A. M. (2020). Akademicheskaya mobil'nost' [Academic mobility]. Almaty."),
      parse_reference(
          "Zhakiyanova, A. M. (2020). Something else entirely about other matters. Almaty."),
  };
  auto groups = softgraph::refs::match_twins(e, {0, 1, 1});
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == std::vector<std::size_t>{0, 1});
}
