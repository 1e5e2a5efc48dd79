// The channel report writers: table, CSV and JSON on a two-channel report.
// PENDING: needs softgraph_exporters linked into test_metrics (tests/CMakeLists.txt:
// set(area_libs_metrics softgraph_metrics softgraph_exporters)); then rename to *_test.cpp.
#include "softgraph/export/channels_writer.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <sstream>

using namespace softgraph;

namespace {

ChannelReport report() {
  ChannelReport r;
  ChannelEntry edu;
  edu.channel = "education";
  edu.instrument = "instrument/education";
  edu.label = "Education";
  edu.total = 3;
  edu.hhi = 5.0 / 9;
  ActorShare china{"actor/china",
                   "China",
                   1,
                   1,
                   2,
                   2.0 / 3,
                   1,
                   {"institution/ci"},
                   {"OPERATES:actor/china->institution/ci"},
                   4};
  ActorShare turkey{"actor/turkey", "Türkiye, \"TR\"", 1, 0, 1, 1.0 / 3, 2, {}, {"e1", "e2"}, 1};
  edu.actors = {china, turkey};
  edu.institutions = {{"institution/ci", "Confucius Institute", 1, {"actor/china"}, "d1"},
                      {"institution/x", "X", 4, {}, "d2"}};
  TargetBreakdown kz{"country/kazakhstan", "Kazakhstan", 1, 1, {china}};
  kz.actors[0].share = 1;
  edu.by_target = {kz};
  ChannelEntry empty;
  empty.channel = "hard_power";
  empty.instrument = "instrument/hard_power";
  r.channels = {edu, empty};
  return r;
}

}  // namespace

TEST_CASE("the channel table aligns columns and shows shares in percent") {
  std::ostringstream out;
  write_channels_table(report(), out, true);
  const std::string s = out.str();
  CHECK(s.find("education  (HHI 0.556, 2 actors)") == 0);
  CHECK(s.find("66.7 %") != std::string::npos);
  CHECK(s.find("carried by: X (4.00, no operator), Confucius Institute") == std::string::npos);
  CHECK(s.find("Confucius Institute (1.00, actor/china)") != std::string::npos);
  CHECK(s.find("in Kazakhstan (HHI 1.000)") != std::string::npos);
  CHECK(s.find("hard_power: no actor") != std::string::npos);
  // Every actor row of a table has the same width up to the label column's end.
  std::istringstream lines(s);
  std::string line;
  std::vector<std::size_t> share_col;
  while (std::getline(lines, line)) {
    const auto at = line.find(" %");
    if (at == std::string::npos) continue;
    // Columns are counted in code points: labels are UTF-8.
    share_col.push_back(static_cast<std::size_t>(
        std::count_if(line.begin(), line.begin() + at, [](char c) { return (c & 0xC0) != 0x80; })));
  }
  REQUIRE(share_col.size() >= 2);
  CHECK(share_col[0] == share_col[1]);
}

TEST_CASE("the channel CSV quotes labels and lists one row per channel, target and actor") {
  std::ostringstream out;
  write_channels_csv(report(), out);
  const std::string s = out.str();
  CHECK(s.rfind("channel,instrument,target,rank,actor,label,share,", 0) == 0);
  CHECK(s.find("\"Türkiye, \"\"TR\"\"\"") != std::string::npos);
  CHECK(s.find("education,instrument/education,country/kazakhstan,1,actor/china,China,1.0,") !=
        std::string::npos);
  CHECK(std::count(s.begin(), s.end(), '\n') == 4);  // header + 2 overall + 1 per target
}

TEST_CASE("the channel JSON parses, keeps key order and round-trips doubles") {
  std::ostringstream out;
  write_channels_json(report(), out);
  const std::string s = out.str();
  rapidjson::Document d;
  d.Parse(s.c_str());
  REQUIRE_FALSE(d.HasParseError());
  const auto& ch = d["channels"][0];
  CHECK(std::string(ch.MemberBegin()->name.GetString()) == "channel");
  CHECK(ch["actors"][0]["share"].GetDouble() == 2.0 / 3);
  CHECK(ch["hhi"].GetDouble() == 5.0 / 9);
  CHECK(std::string(ch["actors"][1]["label"].GetString()) == "Türkiye, \"TR\"");
  CHECK(ch["institutions"][1]["owners"].Size() == 0);
  std::ostringstream again;
  write_channels_json(report(), again);
  CHECK(again.str() == s);
}
