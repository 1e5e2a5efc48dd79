// The exporters' API for the program: write a finished graph in the formats users ask for
// (graph.json, GraphML, GEXF, DOT/SVG/PNG/PDF, JSON-LD, Neo4j, CSV, CSL), and read graph.json back.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"
#include "softgraph/graph/view.hpp"

namespace softgraph {

class Sink;

struct ExportOptions {
  std::vector<std::string> formats = {"json", "graphml", "dot", "jsonld", "svg"};
  std::string layout = "sfdp";            // Graphviz engine: sfdp, neato, dot, circo, fdp
  std::string size_metric = "dominance";  // a node metric, or "dominance" (see node_dominance)
  bool clusters = false;                  // one DOT cluster per actor with its institutions
  bool legend = true;                     // a legend subgraph in DOT and the diagrams
  std::string gexf_version = "1.3";  // graph.gexf: "1.3" (Gephi), "1.2" or "1.2draft" (NetworkX)
  // The views the diagrams (dot, svg, png, pdf) draw: the first as graph.*, each other one as
  // graph-<view>.* when it has nodes. Empty: one diagram of the whole graph. The program asks
  // for {influence, literature} unless --view is given.
  std::vector<View> diagram_views;
  std::string page;         // "" (natural size), "a4", "letter", "a3": fit diagrams to it
  bool landscape = false;   // the page turned
  bool draw_large = false;  // draw diagrams even above the node limit (slow)
};

// Every format name export_graph accepts, in the order they are written.
std::vector<std::string> known_formats();
// Empty when this build can write `format`; otherwise why not ("html" needs the graph-drawing
// library the build fetches with npm).
std::string format_unavailable(const std::string& format);
// The Graphviz layout engines ExportOptions::layout accepts.
std::vector<std::string> known_layouts();
// The file (or folder, ending in '/') each format writes, e.g. "graph.json", "neo4j/".
std::string format_output_name(const std::string& format);

// Throws Error(kUsage) for an unknown format, layout or GEXF version, or a size metric no node
// has.
void check_options(const Graph& g, const ExportOptions& opt);

// Writes every requested format into `out_dir` (created if missing) as one output set: staged in
// a hidden folder and swapped in only when every writer succeeded (AtomicDirSink), so a failure
// leaves the folder as it was (Error kOutput naming the file). Returns the written paths.
// `extra`, when given, writes more files into the same set (build's projections).
std::vector<std::filesystem::path> export_graph(const Graph& g,
                                                const std::filesystem::path& out_dir,
                                                const ExportOptions& opt,
                                                const std::function<void(Sink&)>& extra = nullptr);
// Writes the requested formats into any sink (in-memory tests); the layout is computed once.
void export_to_sink(const Graph& g, const ExportOptions& opt, Sink& sink);

// Reads graph.json back into a Graph, validating it against schemas/graph.schema.json; errors
// (Error kBadInput) name the file and the JSON path.
Graph read_graph_json(const std::string& path);
// The same from text already in memory; `file` names it in errors.
Graph parse_graph_json(std::string_view text, const std::string& file);

}  // namespace softgraph
