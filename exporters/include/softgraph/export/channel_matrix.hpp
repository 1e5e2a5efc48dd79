// The channel matrix: actors x channels, each cell the actor's share of the channel (shaded), the
// leader of each channel marked, the HHI and evidence sentences per channel, the actor's channels
// led and dominance; as a figure (SVG, PNG, drawn by Graphviz from an HTML-like table) and CSV.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "softgraph/export/sink.hpp"
#include "softgraph/graph/graph.hpp"

namespace softgraph {

struct ChannelMatrix {
  struct Column {
    std::string channel, label, spectrum;  // codebook id, display name, place on Nye's spectrum
    double hhi = 0, sentences = 0;         // the channel's concentration and its total raw score
    std::vector<std::string> leaders;      // actor ids ranked first (several on a tie)
  };
  struct Row {
    std::string actor, label;
    double channels_led = 0, dominance = 0;  // dominance.hpp
    std::vector<double> share;               // per column; negative: no share at all
    std::vector<bool> leads;                 // per column
  };
  std::vector<Column> columns;  // soft to hard on Nye's spectrum, then by id
  std::vector<Row> rows;        // by dominance, then id
};

// The matrix of the graph's channel report (channels.hpp), channels without actors left out.
ChannelMatrix channel_matrix(const Graph& g);

// CSV: actor,label,<channel>...,channels_led,dominance; one row per actor (shares 0-1, empty where
// it has none), then rows "hhi", "sentences" and "leader" (tied leaders joined with '|').
void write_channel_matrix_csv(const ChannelMatrix& m, std::ostream& out);
// The DOT text of the figure: one plaintext node whose label is the table.
std::string channel_matrix_dot(const ChannelMatrix& m);
// The figure rendered by gvc: "svg" or "png".
std::string render_channel_matrix(const ChannelMatrix& m, const std::string& format);
// channel-matrix.svg, channel-matrix.png and channel-matrix.csv into the sink.
void write_channel_matrix_files(const Graph& g, Sink& sink);

}  // namespace softgraph
