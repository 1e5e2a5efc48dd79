// The explorer page's parts, embedded at build time by exporters/explorer/embed_explorer.cmake:
// our template, script and style, and the graph-drawing library fetched with npm ci.
#pragma once

#include <string_view>

namespace softgraph {

struct ExplorerAssets {
  std::string_view page;         // exporters/explorer/explorer.html, with {{NAME}} slots
  std::string_view script;       // exporters/explorer/explorer.js
  std::string_view style;        // exporters/explorer/explorer.css
  std::string_view graphology;   // graphology's UMD bundle, empty when unavailable
  std::string_view sigma;        // sigma.js's UMD bundle, empty when unavailable
  std::string_view notice;       // the libraries' names, versions and licence texts
  std::string_view unavailable;  // why the library is missing; empty when it is embedded
};

const ExplorerAssets& explorer_assets();

}  // namespace softgraph
