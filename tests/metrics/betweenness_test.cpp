// Parallel betweenness: bit-identical for every thread count and equal to Boost's Brandes.
#include <doctest/doctest.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cmath>
#include <cstring>
#include <random>

#include "softgraph/metrics/metrics.hpp"

using namespace softgraph;

namespace {

// A reproducible random digraph (raw mt19937 draws, so every standard library agrees).
std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> random_edges(std::uint32_t n,
                                                                           std::uint32_t m,
                                                                           std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edges;
  for (std::uint32_t i = 0; i < m; ++i) edges.emplace_back(rng() % n, rng() % n, 1.0 + rng() % 3);
  return edges;
}

bool bit_identical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("betweenness, closeness and harmonic are bit-identical for 1, 2, 3 and 4 threads") {
  const MetricGraph g = MetricGraph::from_edges(1500, random_edges(1500, 6000, 7));
  const PathMetrics one = path_metrics(g, 1, true, true);
  for (unsigned t : {2u, 3u, 4u}) {
    const PathMetrics p = path_metrics(g, t, true, true);
    CHECK_MESSAGE(bit_identical(one.betweenness, p.betweenness), t << " threads");
    CHECK_MESSAGE(bit_identical(one.closeness, p.closeness), t << " threads");
    CHECK_MESSAGE(bit_identical(one.harmonic, p.harmonic), t << " threads");
  }
  CHECK(bit_identical(one.betweenness, betweenness(g, 4)));
}

TEST_CASE("betweenness equals Boost's brandes_betweenness_centrality on a random digraph") {
  const std::uint32_t n = 400;
  const auto edges = random_edges(n, 1600, 11);
  const MetricGraph g = MetricGraph::from_edges(n, edges);
  const std::vector<double> ours = betweenness(g, 2);

  // Boost on a CSR copy of the merged graph (Boost counts directed paths unnormalised).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t u = 0; u < n; ++u)
    for (auto i = g.out_offsets[u]; i < g.out_offsets[u + 1]; ++i)
      pairs.emplace_back(u, g.out_targets[i]);
  using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
  Csr csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), n);
  std::vector<double> boost_bc(n, 0.0);
  boost::brandes_betweenness_centrality(
      csr, boost::make_iterator_property_map(boost_bc.begin(), get(boost::vertex_index, csr)));
  const double scale = 1.0 / ((n - 1.0) * (n - 2.0));
  for (std::uint32_t v = 0; v < n; ++v)
    CHECK(ours[v] == doctest::Approx(boost_bc[v] * scale).epsilon(1e-12));
}
