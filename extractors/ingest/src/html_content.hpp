// Main-content extraction in the manner of Mozilla Readability: which parts of a parsed HTML page
// are the article and which are furniture (menus, related stories, comment policies, sharing
// widgets, ads, hidden content). The tree is not modified, so element paths stay those of the file.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace softgraph::ingest::html {

struct MainContent {
  std::vector<xmlNode*> roots;                 // the article's top nodes, in document order
  std::unordered_set<const xmlNode*> dropped;  // subtrees inside the roots left out
  bool whole_page = false;  // no article found: roots is the body and only hidden parts dropped
};

// `byline_out` receives the author line found in the content (dropped from it), when there is one.
MainContent find_main_content(xmlDoc* doc, std::string& byline_out);

// Hidden by the page itself: display:none or visibility:hidden, the hidden attribute,
// aria-hidden="true".
bool is_hidden(const xmlNode* n);

}  // namespace softgraph::ingest::html
