// JSON writing and SHA-256 speed: `json_bench GRAPH.json [REPEAT]` reads a graph.json, writes it
// again (graph.json's writer) REPEAT times to /dev/null, and hashes a 64 MB buffer REPEAT times;
// prints the best time of each, and the time of what the writer does besides JSON (the graph's
// order and the edges' ids), so that the JSON part can be told apart. Built from the same source in
// two trees, json_bench.sh runs it against a baseline build side by side.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "softgraph/core/text_util.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/graph/graph.hpp"
#include "writers.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: json_bench GRAPH.json [REPEAT]\n";
    return 2;
  }
  const int repeat = argc > 2 ? std::stoi(argv[2]) : 5;
  const softgraph::Graph g = softgraph::read_graph_json(argv[1]);

  // The writer's bytes, once, for the size.
  std::ostringstream sized;
  softgraph::write_graph_json(g, sized);
  const double mb = static_cast<double>(sized.str().size()) / 1e6;

  double best_json = 1e300;
  for (int i = 0; i < repeat; ++i) {
    std::ofstream out("/dev/null", std::ios::binary);
    const auto t0 = std::chrono::steady_clock::now();
    softgraph::write_graph_json(g, out);
    out.flush();
    best_json = std::min(best_json, seconds_since(t0));
  }

  // What the writer does besides JSON: the graph's order and the edges' ids.
  double best_order = 1e300;
  std::size_t id_bytes = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    id_bytes += g.sorted_nodes().size();
    for (softgraph::EdgeDesc e : g.sorted_edges()) id_bytes += g.edge_id(e).size();
    best_order = std::min(best_order, seconds_since(t0));
  }

  std::string data(64 << 20, '\0');
  for (std::size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<char>((i * 2654435761u) >> 13);
  double best_sha = 1e300;
  std::string digest;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    digest = softgraph::sha256_hex(data);
    best_sha = std::min(best_sha, seconds_since(t0));
  }
  std::cout << "graph_json_mb " << mb << "\n"
            << "graph_json_s " << best_json << "\n"
            << "graph_order_s " << best_order << "\n"
            << "graph_order_bytes " << id_bytes << "\n"
            << "sha256_s " << best_sha << "\n"
            << "sha256_mb " << data.size() / 1e6 << "\n"
            << "sha256_digest " << digest << "\n";
  return 0;
}
