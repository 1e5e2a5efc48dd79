// Lexicon attributes may not take a name the exports already use (issue 20, item 13).
#include <doctest/doctest.h>

#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/core/reserved_names.hpp"
#include "softgraph/entities/lexicon.hpp"

using namespace softgraph;

namespace {
std::string load_error(const std::string& attribute) {
  Lexicon lex;
  try {
    lex.add_json(R"({"lexicon":"t","entries":[{"id":"institution/x_fund","type":"Institution",
      "label":"X Fund","attributes":{"note":"fine",)" +
                     attribute + R"(:1}}]})",
                 "my-lexicon.json");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadInput);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a lexicon attribute named like a metric, a field or a computed attribute is refused") {
  const std::string msg = load_error(R"("pagerank")");
  CHECK(msg.find("my-lexicon.json") != std::string::npos);
  CHECK(msg.find("$.entries[0].attributes.pagerank") != std::string::npos);
  CHECK(msg.find("reserved") != std::string::npos);
  for (const char* name : {R"("degree")", R"("label")", R"("id")", R"("slug")", R"("labels")",
                           R"("weight")", R"("roles")", R"("hhi")", R"("channel_share_education")",
                           R"("owner")", R"("x")", R"("Label")", R"("a b")", R"("a:b")", R"("")"})
    CHECK_MESSAGE(!load_error(name).empty(), name);
  CHECK(load_error(R"("un_member")").empty());
  CHECK(load_error(R"("channel")").empty());  // the built-in lexicons name an Instrument's channel
}

TEST_CASE("every built-in lexicon attribute is allowed") {
  CHECK_NOTHROW(Lexicon::builtin());
  for (auto m : kMetricNames) CHECK(reserved_attribute_reason(m).has_value());
}
