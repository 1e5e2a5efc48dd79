// The power iteration that NetworkX 2.8 runs for PageRank, eigenvector centrality and HITS, shared
// by the three: what differs is one round's step, given here as a function.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

// Iterates from x = 1/n: each round moves x into `last` and calls step(last, x), which writes the
// next iterate into x and returns its L1 distance from `last`, or nothing to stop (unconverged).
// Stops, converged, when the distance is below n * tol (NetworkX's rule), or after max_iter
// rounds; the result holds the last iterate and the rounds that completed. n > 0.
template <class Step>
IterativeResult power_iteration(std::uint32_t n, double tol, int max_iter, Step step) {
  IterativeResult r;
  std::vector<double> x(n, 1.0 / n), last(n);
  r.converged = false;
  for (int it = 1; it <= max_iter; ++it) {
    last.swap(x);
    const std::optional<double> err = step(std::as_const(last), x);
    if (!err) break;
    r.iterations = it;
    if (*err < n * tol) {
      r.converged = true;
      break;
    }
  }
  r.values = std::move(x);
  return r;
}

}  // namespace softgraph
