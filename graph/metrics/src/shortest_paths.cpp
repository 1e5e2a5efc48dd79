// Betweenness, closeness and harmonic centrality from one sweep of breadth-first searches, one
// per source, run in parallel. Sources are cut into chunks whose bounds depend on n alone; each
// chunk sums into its own buffer and the buffers are added to the totals in chunk order, so the
// result is bit-identical for every thread count.
#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "softgraph/metrics/metrics.hpp"

namespace softgraph {

namespace {

constexpr std::uint32_t kChunks = 256;  // upper bound on chunks; fixed so results never depend
                                        // on the thread count

struct Sums {
  std::vector<double> betweenness, dist_sum, reached, harmonic;
  Sums(std::size_t n, bool want_b, bool want_c)
      : betweenness(want_b ? n : 0, 0.0),
        dist_sum(want_c ? n : 0, 0.0),
        reached(want_c ? n : 0, 0.0),
        harmonic(want_c ? n : 0, 0.0) {}
  void zero() {
    for (auto* v : {&betweenness, &dist_sum, &reached, &harmonic})
      std::fill(v->begin(), v->end(), 0.0);
  }
  void add(const Sums& o) {
    for (std::size_t i = 0; i < betweenness.size(); ++i) betweenness[i] += o.betweenness[i];
    for (std::size_t i = 0; i < harmonic.size(); ++i) {
      dist_sum[i] += o.dist_sum[i];
      reached[i] += o.reached[i];
      harmonic[i] += o.harmonic[i];
    }
  }
};

// Per-thread scratch for one BFS (Brandes) from one source; reset touches only what was reached.
class Bfs {
 public:
  Bfs(const MetricGraph& g, bool want_b, bool want_c)
      : g_(g), want_b_(want_b), want_c_(want_c), dist_(g.n, -1), order_(g.n) {
    if (want_b_) {
      sigma_.assign(g.n, 0.0);
      delta_.assign(g.n, 0.0);
    }
  }

  void run(std::uint32_t s, Sums& sums) {
    const std::uint32_t* off = g_.out_offsets.data();
    const std::uint32_t* tgt = g_.out_targets.data();
    std::int32_t* dist = dist_.data();
    std::uint32_t* order = order_.data();
    double* sigma = sigma_.data();
    std::uint32_t head = 0, tail = 0;
    dist[s] = 0;
    order[tail++] = s;
    if (want_b_) sigma[s] = 1.0;
    while (head < tail) {
      const std::uint32_t v = order[head++];
      const std::int32_t next = dist[v] + 1;
      for (std::uint32_t i = off[v]; i < off[v + 1]; ++i) {
        const std::uint32_t w = tgt[i];
        if (dist[w] < 0) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (want_b_ && dist[w] == next) sigma[w] += sigma[v];
      }
    }
    if (want_c_) {
      for (std::uint32_t i = 1; i < tail; ++i) {
        const std::uint32_t u = order[i];
        sums.dist_sum[u] += dist[u];
        sums.reached[u] += 1.0;
        sums.harmonic[u] += 1.0 / dist[u];
      }
    }
    if (want_b_) accumulate(tail, sums);
    for (std::uint32_t i = 0; i < tail; ++i) {
      const std::uint32_t u = order[i];
      dist[u] = -1;
      if (want_b_) sigma[u] = delta_[u] = 0.0;
    }
  }

 private:
  // Brandes' dependency accumulation in reverse BFS order, pulling from successors on shortest
  // paths: delta(w) = sigma(w) * sum_x (1 + delta(x)) / sigma(x). The source is left out.
  void accumulate(std::uint32_t tail, Sums& sums) {
    const std::uint32_t* off = g_.out_offsets.data();
    const std::uint32_t* tgt = g_.out_targets.data();
    const std::int32_t* dist = dist_.data();
    const double* sigma = sigma_.data();
    double* delta = delta_.data();
    for (std::uint32_t i = tail; i-- > 1;) {
      const std::uint32_t w = order_[i];
      const std::int32_t next = dist[w] + 1;
      double acc = 0.0;
      for (std::uint32_t k = off[w]; k < off[w + 1]; ++k) {
        const std::uint32_t x = tgt[k];
        if (dist[x] == next) acc += (1.0 + delta[x]) / sigma[x];
      }
      delta[w] = sigma[w] * acc;
      sums.betweenness[w] += delta[w];
    }
  }

  const MetricGraph& g_;
  bool want_b_, want_c_;
  std::vector<std::int32_t> dist_;
  std::vector<std::uint32_t> order_;
  std::vector<double> sigma_, delta_;
};

// Runs every source once and returns the totals, summed chunk by chunk in chunk order.
Sums sweep(const MetricGraph& g, unsigned threads, bool want_b, bool want_c) {
  const std::uint32_t n = g.n;
  Sums total(n, want_b, want_c);
  if (n == 0) return total;
  const std::uint32_t chunk = (n + kChunks - 1) / kChunks;
  const std::uint32_t chunks = (n + chunk - 1) / chunk;
  std::atomic<std::uint32_t> next_chunk{0};
  std::mutex mu;
  std::map<std::uint32_t, std::unique_ptr<Sums>> ready;
  std::vector<std::unique_ptr<Sums>> spare;
  std::uint32_t next_merge = 0;
  std::exception_ptr failure;

  auto work = [&] {
    try {
      Bfs bfs(g, want_b, want_c);
      for (;;) {
        const std::uint32_t k = next_chunk.fetch_add(1);
        if (k >= chunks) return;
        std::unique_ptr<Sums> sums;
        {
          std::lock_guard<std::mutex> lock(mu);
          if (failure) return;
          if (!spare.empty()) {
            sums = std::move(spare.back());
            spare.pop_back();
          }
        }
        if (sums) {
          sums->zero();
        } else {
          sums = std::make_unique<Sums>(n, want_b, want_c);
        }
        const std::uint32_t end = std::min(n, (k + 1) * chunk);
        for (std::uint32_t s = k * chunk; s < end; ++s) bfs.run(s, *sums);
        std::lock_guard<std::mutex> lock(mu);
        ready.emplace(k, std::move(sums));
        for (auto it = ready.find(next_merge); it != ready.end(); it = ready.find(next_merge)) {
          total.add(*it->second);
          spare.push_back(std::move(it->second));
          ready.erase(it);
          ++next_merge;
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
    }
  };

  const unsigned t = std::min<unsigned>(resolve_threads(threads), chunks);
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < t; ++i) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
  return total;
}

}  // namespace

PathMetrics path_metrics(const MetricGraph& g, unsigned threads, bool want_betweenness,
                         bool want_closeness) {
  PathMetrics out;
  if (!want_betweenness && !want_closeness) return out;
  Sums sums = sweep(g, threads, want_betweenness, want_closeness);
  const double n = g.n;
  if (want_betweenness) {
    out.betweenness = std::move(sums.betweenness);
    // NetworkX: normalized=True scales by 1/((n-1)(n-2)) when n > 2.
    if (g.n > 2) {
      const double scale = 1.0 / ((n - 1) * (n - 2));
      for (double& b : out.betweenness) b *= scale;
    }
  }
  if (want_closeness) {
    out.closeness.assign(g.n, 0.0);
    for (std::uint32_t v = 0; v < g.n; ++v) {
      const double r = sums.reached[v], tot = sums.dist_sum[v];
      // NetworkX: (r-1)/tot, then times (r-1)/(n-1) (wf_improved); r-1 = nodes reaching v.
      if (tot > 0.0 && g.n > 1) out.closeness[v] = (r / tot) * (r / (n - 1));
    }
    out.harmonic = std::move(sums.harmonic);
  }
  return out;
}

std::vector<double> betweenness(const MetricGraph& g, unsigned threads) {
  return path_metrics(g, threads, true, false).betweenness;
}

}  // namespace softgraph
