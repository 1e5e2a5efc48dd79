// Extraction records: the hand-written writer gives exactly RapidJSON's bytes and reads back
// exactly, whatever the strings and numbers hold; the compact layout (versions 2 and 3) leaves
// defaults out and names entities and table rows by number; older records still read; bad records
// are errors with their place.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <tuple>

#include "softgraph/core/error.hpp"
#include "softgraph/records/records.hpp"

using namespace softgraph;

namespace {

DocumentExtraction sample() {
  std::string every_byte;
  for (int c = 1; c < 128; ++c) every_byte.push_back(static_cast<char>(c));
  every_byte += "Қазақстан \xE2\x80\x94 Россия";
  DocumentExtraction x;
  x.document_id = "document/x";
  x.path = "dir/\"quoted\"\\file.txt";
  x.sha256 = "00ff";
  x.format = "text";
  Entity e;
  e.id = "actor/x";
  e.type = "Actor";
  e.label = every_byte;
  e.aliases = {"a\tb", "c\nd", ""};
  e.attributes = {{"flag", true},
                  {"count", std::int64_t{-42}},
                  {"share", 0.1},
                  {"tiny", 1e-300},
                  {"big", 12345678.9},
                  {"name", every_byte},
                  {"list", std::vector<std::string>{"x", "\x1f"}}};
  x.entities = {e, e};
  Mention m;
  m.range = {3, 18446744073709551615ull};
  m.entity = "actor/x";
  m.surface = every_byte;
  m.source = "lexicon";
  m.confidence = 2.0 / 3.0;
  m.sentence = -1;
  m.page = 4;
  m.element = "/html/body/p[2]";
  x.mentions = {m};
  Relation r;
  r.source = "actor/x";
  r.target = "actor/x";
  r.type = "PARTNERS_WITH";
  r.evidence.document = "document/x";
  r.evidence.range = {0, 7};
  r.evidence.quote = every_byte;
  r.evidence.text = "repaired\r\n";
  r.evidence.rule = "cue:with";
  r.evidence.confidence = 0.7;
  r.evidence.sentence = 12;
  r.attributes = {{"years", std::vector<std::string>{"2008"}}};
  x.relations = {r};
  x.warnings = {"w\x01"};
  return x;
}

// The same record written through RapidJSON's Writer from the parsed DOM.
std::string rapidjson_bytes(const std::string& json) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
  REQUIRE_FALSE(d.HasParseError());
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return {buf.GetString(), buf.GetSize()};
}

}  // namespace

TEST_CASE("extraction records are RapidJSON's bytes and round-trip exactly") {
  const DocumentExtraction x = sample();
  const std::string json = extraction_to_json(x);
  CHECK(json == rapidjson_bytes(json));
  CHECK(json.find('\n') == std::string::npos);  // one record, one line
  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  CHECK(extraction_to_json(y) == json);
  CHECK(y.entities[0].label == x.entities[0].label);
  CHECK(std::get<double>(y.entities[0].attributes.at("share")) == 0.1);
  CHECK(std::get<double>(y.entities[0].attributes.at("tiny")) == 1e-300);
  CHECK(y.mentions[0].confidence == x.mentions[0].confidence);
  CHECK(y.mentions[0].range.end == x.mentions[0].range.end);
  CHECK(y.relations[0].evidence.quote == x.relations[0].evidence.quote);
}

namespace {

// Every field of a relation's evidence, for comparing what was written with what was read.
auto evidence_fields(const Evidence& e) {
  return std::tie(e.document, e.range.begin, e.range.end, e.quote, e.text, e.rule, e.confidence,
                  e.sentence, e.page, e.element);
}

}  // namespace

TEST_CASE("relations on one passage share a row of the spans table and read back whole") {
  DocumentExtraction x = sample();
  Relation second = x.relations[0];  // same passage, another rule
  second.type = "TARGETS";
  second.evidence.rule = "cue:in";
  second.evidence.confidence = 0.5;
  second.attributes.clear();
  Relation elsewhere = x.relations[0];  // another passage, every optional field set
  elsewhere.evidence.range = {40, 90};
  elsewhere.evidence.quote = "elsewhere";
  elsewhere.evidence.text = "";
  elsewhere.evidence.document = "document/other";
  elsewhere.evidence.page = 3;
  elsewhere.evidence.element = "/html/body/div[1]/p[4]";
  Relation same_range_other_quote = x.relations[0];  // same bytes, different content: own row
  same_range_other_quote.evidence.quote = "not the same";
  x.relations = {x.relations[0], second, elsewhere, same_range_other_quote};

  const std::string json = extraction_to_json(x);
  CHECK(json == rapidjson_bytes(json));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  REQUIRE(d["spans"].IsArray());
  CHECK(d["spans"].Size() == 3);
  CHECK(d["relations"][0][3].GetInt() == 0);
  CHECK(d["relations"][1][3].GetInt() == 0);
  CHECK(d["relations"][2][3].GetInt() == 1);
  CHECK(d["relations"][3][3].GetInt() == 2);
  // One row per (type, rule, confidence), in order of first use.
  CHECK(d["relation_rules"].Size() == 2);
  CHECK(d["relations"][1][2].GetInt() == 1);
  CHECK(d["relations"][2][2].GetInt() == 0);
  CHECK(d["relation_rules"][1]["rule"] == "cue:in");
  // Defaults are left out: the record's own document, page 0, no element, no attributes.
  CHECK(d["spans"][0].Size() == 5);  // [start, end, sentence, quote, text]
  CHECK(d["relations"][1].Size() == 4);
  CHECK(d["spans"][1][4] == "");
  CHECK(d["spans"][1][5] == "document/other");
  CHECK(d["spans"][1][6].GetInt() == 3);

  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  REQUIRE(y.relations.size() == x.relations.size());
  for (std::size_t i = 0; i < x.relations.size(); ++i) {
    CHECK(evidence_fields(y.relations[i].evidence) == evidence_fields(x.relations[i].evidence));
    CHECK(y.relations[i].attributes == x.relations[i].attributes);
    CHECK(y.relations[i].type == x.relations[i].type);
  }
  CHECK(extraction_to_json(y) == json);
}

TEST_CASE("records with evidence written inline still read") {
  const std::string inline_record =
      R"({"document":"document/a","path":"a.txt","sha256":"00","format":"text","entities":[],)"
      R"("mentions":[],"relations":[{"source":"actor/x","target":"actor/y","type":"PARTNERS_WITH",)"
      R"("evidence":{"document":"document/a","start":5,"end":9,"quote":"abcd","text":"",)"
      R"("rule":"cue:with","confidence":0.7,"sentence":2,"page":0,"element":""},)"
      R"("attributes":{}}],"warnings":[]})";
  const DocumentExtraction y = extraction_from_json(inline_record, "old.jsonl", 7);
  REQUIRE(y.relations.size() == 1);
  CHECK(y.relations[0].evidence.quote == "abcd");
  CHECK(y.relations[0].evidence.range.begin == 5);
  CHECK(y.relations[0].evidence.sentence == 2);
  CHECK(y.relations[0].evidence.document == "document/a");
}

TEST_CASE("a relation naming a missing span row is an error with its place") {
  const std::string bad =
      R"({"document":"document/a","path":"a.txt","sha256":"00","format":"text","entities":[],)"
      R"("mentions":[],"relations":[{"source":"actor/x","target":"actor/y","type":"PARTNERS_WITH",)"
      R"("evidence":{"span":4,"rule":"cue:with","confidence":0.7}}],)"
      R"("spans":[{"start":0,"end":3,"sentence":0,"quote":"abc"}],"warnings":[]})";
  try {
    extraction_from_json(bad, "parts.jsonl", 12);
    FAIL("expected an error");
  } catch (const Error& e) {
    const std::string what = e.what();
    CHECK(what.find("parts.jsonl") != std::string::npos);
    CHECK(what.find("line 12") != std::string::npos);
    CHECK(what.find("$.relations[0].evidence.span") != std::string::npos);
    CHECK(e.exit_code() == 1);
  }
}

namespace {

// Every field of a mention.
auto mention_fields(const Mention& m) {
  return std::tie(m.range.begin, m.range.end, m.entity, m.surface, m.source, m.confidence,
                  m.sentence, m.page, m.element);
}

Mention mention(std::uint64_t at, const std::string& entity, const std::string& surface,
                const std::string& source, double confidence) {
  Mention m;
  m.range = {at, at + surface.size()};
  m.entity = entity;
  m.surface = surface;
  m.source = source;
  m.confidence = confidence;
  m.sentence = static_cast<int>(at / 100);
  return m;
}

std::string error_of(const std::string& json) {
  try {
    extraction_from_json(json, "parts.jsonl", 3);
  } catch (const Error& e) {
    CHECK(e.exit_code() == 1);
    return e.what();
  }
  FAIL("expected an error");
  return {};
}

}  // namespace

TEST_CASE("mentions name their entity by row and leave defaults out") {
  DocumentExtraction x = sample();
  x.entities[1].id = "actor/y";
  x.entities[1].label = "Y";
  const std::string& label = x.entities[0].label;
  Mention paged = mention(40, "actor/y", "Y", "lexicon:label", 1.0);
  paged.page = 2;
  x.mentions = {
      mention(0, "actor/x", label, "lexicon:trigger", 0.9),  // the first, not the most used
      mention(10, "actor/y", "Y", "lexicon:label", 1.0),     // the most used source: row 0
      mention(20, "actor/y", "y", "lexicon:label", 1.0),     // surface differs from the label
      mention(30, "work/unlisted", "Smith 2008", "citation:parenthetical", 1.0),  // not listed
      mention(35, "actor/y", "Y", "lexicon:label", 1.0),
      paged,
  };
  const std::string json = extraction_to_json(x);
  CHECK(json == rapidjson_bytes(json));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  CHECK(d["version"].GetInt() == 3);
  const auto& ms = d["mentions"];
  CHECK(d["mention_sources"][0]["source"] == "lexicon:label");
  CHECK(d["mention_sources"][1]["source"] == "lexicon:trigger");
  CHECK(d["mention_sources"][1]["confidence"].GetDouble() == 0.9);
  CHECK(ms[0].Size() == 5);  // [start, end, entity, sentence, source]
  CHECK(ms[0][2].GetInt() == 0);
  CHECK(ms[0][4].GetInt() == 1);
  CHECK(ms[1].Size() == 4);  // [start, end, entity, sentence]
  CHECK(ms[1][2].GetInt() == 1);
  CHECK(ms[2].Size() == 6);
  CHECK(ms[2][4].GetInt() == 0);
  CHECK(ms[2][5] == "y");
  CHECK(ms[3][2] == "work/unlisted");
  CHECK(ms[3][5] == "Smith 2008");
  CHECK(ms[5].Size() == 7);
  CHECK(ms[5][5].IsNull());  // the label, written as null because the page follows
  CHECK(ms[5][6].GetInt() == 2);

  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  REQUIRE(y.mentions.size() == x.mentions.size());
  for (std::size_t i = 0; i < x.mentions.size(); ++i)
    CHECK(mention_fields(y.mentions[i]) == mention_fields(x.mentions[i]));
  CHECK(extraction_to_json(y) == json);
}

TEST_CASE("a repeated entity id resolves through its first row, both ways") {
  DocumentExtraction x = sample();
  x.entities[1].label = "another label";
  x.mentions[0].surface = "another label";
  x.relations[0].target = "actor/unlisted";
  const std::string json = extraction_to_json(x);
  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  CHECK(mention_fields(y.mentions[0]) == mention_fields(x.mentions[0]));
  CHECK(y.relations[0].source == "actor/x");
  CHECK(y.relations[0].target == "actor/unlisted");
  CHECK(extraction_to_json(y) == json);
}

TEST_CASE("version 1 records (objects throughout) still read, and convert without loss") {
  const std::string v1 =
      R"({"document":"document/a","path":"a.txt","sha256":"00","format":"text","entities":[)"
      R"({"id":"actor/x","type":"Actor","label":"X","aliases":["X"],"attributes":{"kind":"state"}},)"
      R"({"id":"actor/y","type":"Actor","label":"Y","aliases":[],"attributes":{}}],)"
      R"("mentions":[{"start":0,"end":1,"entity":"actor/x","surface":"X","source":"lexicon:label",)"
      R"("confidence":1.0,"sentence":0},{"start":9,"end":10,"entity":"actor/y","surface":"y",)"
      R"("source":"lexicon:alias","confidence":0.9,"sentence":0,"page":2,"element":"/p"}],)"
      R"("relations":[{"source":"actor/x","target":"actor/y","type":"PARTNERS_WITH",)"
      R"("evidence":{"span":0,"rule":"cue:with","confidence":0.7},"attributes":{"years":["2008"]}}],)"
      R"("spans":[{"start":0,"end":10,"sentence":0,"quote":"X with y..","page":2}],"warnings":["w"]})";
  const DocumentExtraction y = extraction_from_json(v1, "old.jsonl", 1);
  REQUIRE(y.mentions.size() == 2);
  CHECK(y.mentions[1].surface == "y");
  CHECK(y.mentions[1].confidence == 0.9);
  CHECK(y.mentions[1].element == "/p");
  REQUIRE(y.relations.size() == 1);
  CHECK(y.relations[0].evidence.quote == "X with y..");
  CHECK(y.relations[0].evidence.page == 2);
  CHECK(y.relations[0].evidence.document == "document/a");
  CHECK(y.warnings == std::vector<std::string>{"w"});
  const DocumentExtraction z = extraction_from_json(extraction_to_json(y), "new.jsonl", 1);
  for (std::size_t i = 0; i < y.mentions.size(); ++i)
    CHECK(mention_fields(z.mentions[i]) == mention_fields(y.mentions[i]));
  CHECK(evidence_fields(z.relations[0].evidence) == evidence_fields(y.relations[0].evidence));
  CHECK(z.relations[0].attributes == y.relations[0].attributes);
  CHECK(extraction_to_json(z) == extraction_to_json(y));
}

TEST_CASE("bad version 2 records are errors with file, line and JSON path") {
  const std::string head =
      R"({"version":2,"document":"document/a","path":"a.txt","sha256":"00","format":"text",)"
      R"("entities":[{"id":"actor/x","type":"Actor","label":"X","aliases":[],"attributes":{}}],)"
      R"("mention_sources":[{"source":"lexicon:label","confidence":1.0}],)"
      R"("relation_rules":[{"type":"PARTNERS_WITH","rule":"cue:with","confidence":0.7}],)"
      R"("spans":[[0,3,0,"abc"]],"warnings":[],)";
  const auto record = [&](const std::string& mentions, const std::string& relations) {
    return head + R"("mentions":[)" + mentions + R"(],"relations":[)" + relations + "]}";
  };
  // The good record reads.
  CHECK(extraction_from_json(record("[0,1,0,0]", "[0,0,0,0]"), "ok.jsonl", 1).mentions.size() == 1);

  const auto has = [](const std::string& what, const std::string& part) {
    INFO(what);
    CHECK(what.find(part) != std::string::npos);
  };
  std::string what = error_of(record("[0,1,0,0],[0,1,0,0],[0,1,0,0],[5,9,99,0]", ""));
  has(what, "parts.jsonl:line 3");
  has(what, "$.mentions[3][2]");
  has(what, "no row 99 in \"entities\" (1 rows)");
  has(error_of(record("[0,1,0,0,1]", "")), "$.mentions[0][4]");
  has(error_of(record("[0,1,\"actor/z\",0]", "")), "$.mentions[0]");
  has(error_of(record("[0,1,0]", "")), "$.mentions[0]");                    // too short: schema
  has(error_of(record("[0,1,0,0,0,null,0,\"\",9]", "")), "$.mentions[0]");  // too long
  has(error_of(record("[0,1,0,\"0\"]", "")), "$.mentions[0][3]");
  has(error_of(record("[0,1,0,4294967296]", "")), "$.mentions[0][3]");  // not an int
  has(error_of(record(R"({"start":0,"end":1,"entity":"actor/x","surface":"X",)"
                      R"("source":"s","confidence":1,"sentence":0})",
                      "")),
      "$.mentions[0]");  // an object in a version 2 record
  has(error_of(record("", "[0,0,1,0]")), "$.relations[0][2]");
  has(error_of(record("", "[0,0,0,1]")), "$.relations[0][3]");
  has(error_of(record("", "[0,2,0,0]")), "$.relations[0][1]");
  has(error_of(record("", "[0,0,0,0,[]]")), "$.relations[0][4]");
  std::string v4 = record("", "");
  v4.replace(v4.find("\"version\":2"), 11, "\"version\":4");
  has(error_of(v4), "$.version");
  std::string no_sources = record("[0,1,0,0]", "");
  no_sources.replace(no_sources.find("\"mention_sources\""), 17, "\"unused\"");
  has(error_of(no_sources), "$.mentions[0]");
}

TEST_CASE("strings of every short length, a special byte anywhere, are RapidJSON's bytes") {
  DocumentExtraction x = sample();
  x.warnings.clear();
  for (std::size_t n = 0; n <= 40; ++n) {
    x.warnings.push_back(std::string(n, 'a'));
    for (char special : {'"', '\\', '\n', '\x01', '\x1f', '\x7f'})
      for (std::size_t at = 0; at < n; ++at) {
        std::string s(n, 'b');
        s[at] = special;
        x.warnings.push_back(s);
      }
  }
  x.mentions[0].surface = "\"";  // a short surface of its own, not the label
  const std::string json = extraction_to_json(x);
  CHECK(json == rapidjson_bytes(json));
  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  CHECK(y.warnings == x.warnings);
  CHECK(y.mentions[0].surface == "\"");
}

TEST_CASE("integers of every length are RapidJSON's bytes") {
  DocumentExtraction x = sample();
  x.mentions.clear();
  std::vector<std::uint64_t> values = {18446744073709551615ull};
  for (std::uint64_t pow = 1, p = 0; p < 20; ++p, pow *= 10)
    values.insert(values.end(), {pow - 1, pow, pow + 1});
  const int sentences[] = {-2147483647 - 1, 2147483647, -1, 0, 7};
  for (std::size_t i = 0; i < values.size(); ++i) {
    Mention m = x.mentions.empty() ? sample().mentions[0] : x.mentions.back();
    m.range = {values[i], values[values.size() - 1 - i]};
    m.sentence = sentences[i % 5];
    m.page = sentences[(i + 2) % 5];
    x.mentions.push_back(m);
  }
  const std::string json = extraction_to_json(x);
  CHECK(json == rapidjson_bytes(json));
  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1);
  REQUIRE(y.mentions.size() == x.mentions.size());
  for (std::size_t i = 0; i < x.mentions.size(); ++i)
    CHECK(mention_fields(y.mentions[i]) == mention_fields(x.mentions[i]));
}

namespace {

Entity lexicon_entity(const std::string& id, std::vector<std::string> aliases) {
  Entity e;
  e.id = id;
  e.type = "Actor";
  e.label = id.substr(id.find('/') + 1);
  e.aliases = std::move(aliases);
  e.attributes = {{"kind", std::string("state")}, {"region", std::string("asia")}};
  return e;
}

}  // namespace

TEST_CASE("lexicon entities are named by id with what differs, and read back whole") {
  const Entity china = lexicon_entity("actor/china", {"PRC", "People's Republic of China"});
  const Entity japan = lexicon_entity("actor/japan", {"Nippon"});
  const Entity korea = lexicon_entity("actor/korea", {"ROK"});
  const EntityCatalog catalog({&china, &japan, &korea});
  CHECK(catalog.digest().size() == 16);
  CHECK(catalog.find("actor/japan") == &japan);
  CHECK(catalog.find("actor/jap") == nullptr);
  CHECK(catalog.find("actor/japanese") == nullptr);

  DocumentExtraction x = sample();
  Entity seen = china;  // a form the text used, beyond the lexicon's
  seen.aliases = {"China", "PRC", "People's Republic of China"};
  Entity retyped = japan;  // another type and attributes, the lexicon's aliases
  retyped.type = "TargetCountry";
  retyped.attributes["note"] = std::string("host");
  Entity unsorted = korea;  // aliases the lexicon's cannot rebuild: written in full
  unsorted.aliases = {"ROK", "Korea", "Korea"};
  const Entity stranger = x.entities[0];  // not in the catalog: in full
  x.entities = {seen, stranger, retyped, unsorted, korea};

  const std::string json = extraction_to_json(x, &catalog);
  CHECK(json == rapidjson_bytes(json));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  CHECK(d["version"].GetInt() == 3);
  CHECK(d["lexicon"] == catalog.digest().c_str());
  const auto& es = d["entities"];
  REQUIRE(es.Size() == 5);
  CHECK(es[0]["extra_aliases"].Size() == 1);
  CHECK(es[0]["extra_aliases"][0] == "China");
  CHECK_FALSE(es[0].HasMember("type"));
  CHECK(es[1].HasMember("aliases"));
  CHECK(es[2]["type"] == "TargetCountry");
  CHECK(es[2]["attributes"]["note"] == "host");
  CHECK_FALSE(es[2].HasMember("extra_aliases"));
  CHECK(es[3].HasMember("aliases"));
  CHECK(es[4] == "actor/korea");

  const DocumentExtraction y = extraction_from_json(json, "test.jsonl", 1, &catalog);
  REQUIRE(y.entities.size() == x.entities.size());
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& a = x.entities[i];
    const Entity& b = y.entities[i];
    CHECK(std::tie(a.id, a.type, a.label, a.aliases, a.attributes) ==
          std::tie(b.id, b.type, b.label, b.aliases, b.attributes));
  }
  CHECK(extraction_to_json(y, &catalog) == json);
  // Without a catalog the same extraction is written in full, as before.
  const std::string full = extraction_to_json(x);
  CHECK(full.find(",\"lexicon\":") == std::string::npos);
  CHECK(extraction_to_json(extraction_from_json(full, "full.jsonl", 1, &catalog)) == full);
}

TEST_CASE("a record naming lexicon entities needs the same lexicon to read") {
  const Entity china = lexicon_entity("actor/china", {"PRC"});
  const EntityCatalog catalog({&china});
  DocumentExtraction x = sample();
  x.entities = {china};
  x.mentions.clear();
  x.relations.clear();
  const std::string json = extraction_to_json(x, &catalog);

  Entity changed = china;  // one alias more in the lexicon: another digest
  changed.aliases.push_back("Zhongguo");
  const EntityCatalog other({&changed});
  CHECK(other.digest() != catalog.digest());
  const Entity japan = lexicon_entity("actor/japan", {});
  const EntityCatalog without_china({&japan});

  const auto error = [](const std::string& record, const EntityCatalog* c) {
    try {
      extraction_from_json(record, "parts.jsonl", 5, c);
    } catch (const Error& e) {
      CHECK(e.exit_code() == 1);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const auto has = [](const std::string& what, const std::string& part) {
    INFO(what);
    CHECK(what.find(part) != std::string::npos);
  };
  std::string what = error(json, &other);
  has(what, "parts.jsonl:line 5");
  has(what, "$.lexicon");
  has(what, catalog.digest());
  has(what, "--lexicon");
  has(error(json, nullptr), "$.lexicon");
  // The right digest, an id the lexicon lacks (a record edited by hand).
  std::string lacking = json;
  lacking.replace(lacking.find("\"actor/china\""), 13, "\"actor/chino\"");
  has(error(lacking, &catalog), "$.entities[0]");
  has(error(lacking, &catalog), "actor/chino");
  // An entity named by id without the record's digest.
  std::string undigested = json;
  undigested.erase(undigested.find(",\"lexicon\""), 29);
  has(error(undigested, &catalog), "$.entities[0]");
  // A digest that is not 16 hex digits, and an "aliases" beside "extra_aliases": the schema.
  std::string short_digest = json;
  short_digest.replace(short_digest.find(catalog.digest()), 16, "abc");
  has(error(short_digest, &catalog), "lexicon");
  std::string both = json;
  both.replace(both.find("\"actor/china\""), 13,
               R"({"id":"actor/china","aliases":[],"extra_aliases":[]})");
  has(error(both, &catalog), "entities");
}

TEST_CASE("the catalog refuses ids out of order") {
  const Entity a = lexicon_entity("actor/a", {}), b = lexicon_entity("actor/b", {});
  CHECK_THROWS(EntityCatalog({&b, &a}));
  CHECK_THROWS(EntityCatalog({&a, &a}));
}
