// Extraction records: the hand-written writer gives exactly RapidJSON's bytes and reads back
// exactly, whatever the strings and numbers hold.
#include "softgraph/cli/extraction_jsonl.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

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
