// Extraction records: the hand-written writer gives exactly RapidJSON's bytes and reads back
// exactly, whatever the strings and numbers hold.
#include "softgraph/cli/extraction_jsonl.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <tuple>

#include "softgraph/core/error.hpp"

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
  CHECK(d["relations"][0]["evidence"]["span"].GetInt() == 0);
  CHECK(d["relations"][1]["evidence"]["span"].GetInt() == 0);
  CHECK(d["relations"][2]["evidence"]["span"].GetInt() == 1);
  CHECK(d["relations"][3]["evidence"]["span"].GetInt() == 2);
  // Defaults are left out: the record's own document, no repaired text, page 0, no element.
  CHECK_FALSE(d["spans"][0].HasMember("document"));
  CHECK_FALSE(d["spans"][0].HasMember("page"));
  CHECK_FALSE(d["relations"][1].HasMember("attributes"));
  CHECK(d["spans"][1]["document"] == "document/other");
  CHECK(d["spans"][1]["page"].GetInt() == 3);

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
    CHECK(what.find("/relations/0/evidence/span") != std::string::npos);
    CHECK(e.exit_code() == 1);
  }
}
