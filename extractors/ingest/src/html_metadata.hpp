// Page metadata of an HTML document: the article's title and byline, from <meta> tags (Open
// Graph, Dublin Core, Twitter, author) or the <title> with the site's name taken off.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace softgraph::ingest::html {

struct PageMetadata {
  std::string title, byline;
};

PageMetadata read_metadata(xmlDoc* doc);

}  // namespace softgraph::ingest::html
