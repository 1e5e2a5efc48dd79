#include "projection_writer.hpp"

#include <optional>
#include <sstream>

#include "softgraph/analysis/channels.hpp"
#include "softgraph/analysis/cocitation.hpp"
#include "softgraph/analysis/projections.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"
#include "softgraph/export/sink.hpp"

namespace softgraph {
namespace fs = std::filesystem;

std::vector<std::string> known_projections() {
  return {"actor-actor", "actor-channel", "cocitation"};
}

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

void write_projections(const Graph& g, const std::vector<std::string>& kinds, Sink& sink) {
  if (kinds.empty()) return;
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
      throw Error(
          ErrorCode::kUsage, "", "--projection",
          "unknown projection '" + kind + "' (known: actor-actor, actor-channel, cocitation)");
    }
    sink.open("projection-" + kind + ".csv") << body;
  }
}

}  // namespace softgraph
