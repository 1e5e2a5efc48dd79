// The metric names lexicons may not use as attributes (core/reserved_names.hpp) are the ones
// compute_metrics stores: a new metric must be added there too.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "softgraph/core/reserved_names.hpp"
#include "softgraph/metrics/metrics.hpp"

using namespace softgraph;

TEST_CASE("kMetricNames lists exactly the metrics compute_metrics stores") {
  Graph g;
  g.add_node(Entity{"actor/a", "Actor", "A", {}, {}});
  g.add_node(Entity{"institution/b", "Institution", "B", {}, {}});
  g.add_weighted_edge("actor/a", "institution/b", "OPERATES", 1, {});
  compute_metrics(g, {});
  std::set<std::string> stored, listed;
  for (const auto& [k, v] : g.node(*g.find("actor/a")).metrics) stored.insert(std::string(k));
  for (auto m : kMetricNames) listed.insert(std::string(m));
  CHECK(stored == listed);
}
