// A text's own definition of an acronym outranks the lexicon's reading of the same letters.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "entity_test_support.hpp"
#include "softgraph/pipeline/pipeline.hpp"

using namespace softgraph;

TEST_CASE("an acronym the text defines for a new body is that body, not the lexicon's") {
  // CDB is the China Development Bank in the lexicon; this text defines it as another bank.
  Pipeline p(PipelineOptions{});
  DocumentExtraction x = p.extract(test::hand_document(
      "The Caribbean Development Bank (CDB) lends to Barbados and Jamaica. The CDB gave new "
      "loans to Jamaica in 2019."));
  std::set<std::string> ids, triples;
  for (const auto& e : x.entities) ids.insert(e.id);
  for (const auto& r : x.relations) triples.insert(r.source + " " + r.type + " " + r.target);
  CHECK(ids.count("institution/caribbean_development_bank"));
  CHECK_FALSE(ids.count("institution/china_development_bank"));
  CHECK(triples.count("institution/caribbean_development_bank TARGETS actor/jamaica"));
  CHECK_FALSE(triples.count("actor/china OPERATES institution/china_development_bank"));
  for (const auto& m : x.mentions) CHECK(m.entity != "institution/china_development_bank");
}
