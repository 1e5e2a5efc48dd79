#include "softgraph/cli/projection_writer.hpp"

#include <fstream>
#include <optional>
#include <sstream>

#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/graph/channels.hpp"
#include "softgraph/graph/cocitation.hpp"
#include "softgraph/graph/projections.hpp"

namespace softgraph {
namespace fs = std::filesystem;

std::vector<std::string> known_projections() { return {"actor-actor", "actor-channel", "cocitation"}; }

namespace {

std::string projection_csv(const std::vector<ProjectionEdge>& edges) {
  std::ostringstream out;
  out << "source,target,weight,via\n";
  for (const auto& e : edges) {
    std::string via;
    for (const auto& v : e.via) via += (via.empty() ? "" : ";") + v;
    out << escape::csv_field(e.source) << ',' << escape::csv_field(e.target) << ','
        << escape::number(e.weight).value_or("0") << ',' << escape::csv_field(via) << '\n';
  }
  return out.str();
}

}  // namespace

std::vector<fs::path> write_projections(const Graph& g, const std::vector<std::string>& kinds,
                                        const fs::path& out_dir) {
  std::vector<std::pair<fs::path, std::string>> files;
  // The full channel report only when a projection reads it: on a large graph it is the biggest
  // thing a build holds (every actor's institutions and evidence ids, per target).
  std::optional<ChannelReport> report;
  const auto channels = [&]() -> const ChannelReport& {
    if (!report) report = compute_channels(g);
    return *report;
  };
  for (const auto& kind : kinds) {
    std::string body;
    if (kind == "actor-actor") {
      body = projection_csv(actor_actor_projection(g, channels()));
    } else if (kind == "actor-channel") {
      body = projection_csv(actor_channel_projection(channels()));
    } else if (kind == "cocitation") {
      std::ostringstream out;
      write_cocitation_csv(cocitations(g), out);
      body = out.str();
    } else {
      throw Error(ErrorCode::kUsage, "", "--projection",
                  "unknown projection '" + kind + "' (known: actor-actor, actor-channel, cocitation)");
    }
    files.emplace_back(out_dir / ("projection-" + kind + ".csv"), std::move(body));
  }
  // Temporaries first, renamed only when all are written.
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  std::vector<fs::path> written;
  for (const auto& [path, body] : files) {
    fs::path tmp = path;
    tmp += ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << body;
    out.close();
    if (!out) {
      for (const auto& [p, b] : files) fs::remove(fs::path(p).concat(".tmp"), ec);
      throw Error(ErrorCode::kOutput, path.string(), "", "cannot write");
    }
  }
  for (const auto& [path, body] : files) {
    fs::path tmp = path;
    tmp += ".tmp";
    fs::rename(tmp, path);
    written.push_back(path);
  }
  return written;
}

}  // namespace softgraph
