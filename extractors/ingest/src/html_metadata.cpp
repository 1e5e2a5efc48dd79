// Title and byline as Readability reads them (_getArticleMetadata, _getArticleTitle): the page's
// own metadata first, else the <title> without the site's name that a separator sets off.
#include "html_metadata.hpp"

#include <vector>

#include "html_dom.hpp"

namespace softgraph::ingest::html {
namespace {

int word_count(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    if (is_space(c)) {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

std::string collapse(std::string_view s) {
  std::string out;
  append_collapsed(out, std::string(s).c_str());
  return std::string(trim(out));
}

// Offsets of " X " separators (X one of | - – — \ / > ») in `t`, with their byte lengths.
std::vector<std::pair<std::size_t, std::size_t>> separators(const std::string& t,
                                                            bool hierarchical_only) {
  static const std::string_view kAll[] = {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\\",
                                          "/", ">", "\xC2\xBB"};
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') continue;
    for (std::size_t k = hierarchical_only ? 4 : 0; k < std::size(kAll); ++k) {
      std::string_view sep = kAll[k];
      if (t.compare(i + 1, sep.size(), sep) == 0 && i + 1 + sep.size() < t.size() &&
          t[i + 1 + sep.size()] == ' ')
        out.push_back({i, sep.size() + 2});
    }
  }
  return out;
}

std::string title_from_title_tag(const std::string& orig, const std::vector<std::string>& h1s,
                                 const std::vector<std::string>& headings) {
  std::string cur = orig;
  bool hierarchical = false;
  auto seps = separators(orig, false);
  if (!seps.empty()) {
    hierarchical = !separators(orig, true).empty();
    cur = orig.substr(0, seps.back().first);
    if (word_count(cur) < 3) cur = orig.substr(seps.front().first + seps.front().second);
  } else if (orig.find(": ") != std::string::npos) {
    bool heading_is_title = false;
    for (const auto& h : headings) heading_is_title |= h == orig;
    if (!heading_is_title) {
      cur = orig.substr(orig.rfind(':') + 1);
      if (word_count(cur) < 3)
        cur = orig.substr(orig.find(':') + 1);
      else if (word_count(orig.substr(0, orig.find(':'))) > 5)
        cur = orig;
    }
  } else if ((orig.size() > 150 || orig.size() < 15) && h1s.size() == 1) {
    cur = h1s.front();
  }
  cur = collapse(cur);
  int words = word_count(cur);
  if (words <= 4) {
    std::string stripped;
    for (char c : orig)
      if (c != '|' && c != '-' && c != '\\' && c != '/' && c != '>') stripped += c;
    if (!hierarchical || words != word_count(stripped) - 1) cur = orig;
  }
  return cur;
}

}  // namespace

PageMetadata read_metadata(xmlDoc* doc) {
  PageMetadata m;
  xmlNode* root = xmlDocGetRootElement(doc);
  std::string title_tag;
  std::vector<std::string> h1s, headings;
  // Preferred sources first: the lower the rank, the better.
  int title_rank = 99, byline_rank = 99;
  auto offer = [](std::string& slot, int& rank, int r, std::string v) {
    v = collapse(v);
    if (!v.empty() && r < rank) slot = std::move(v), rank = r;
  };
  for (xmlNode* n = root; n; n = next_node(n, root)) {
    if (name_is(n, "title") && title_tag.empty()) {
      title_tag = inner_text(n);
    } else if (name_is(n, "h1") || name_is(n, "h2")) {
      std::string t = inner_text(n);
      if (name_is(n, "h1")) h1s.push_back(t);
      headings.push_back(std::move(t));
    } else if (name_is(n, "meta")) {
      std::string key = lower(attr(n, "property") + " " + attr(n, "name"));
      std::string content = attr(n, "content");
      if (content.empty()) continue;
      // Ranks: Dublin Core, Open Graph, Twitter, Parse.ly; "author" names are bylines.
      if (key.find("dc:title") != std::string::npos || key.find("dc.title") != std::string::npos ||
          key.find("dcterm:title") != std::string::npos)
        offer(m.title, title_rank, 1, content);
      else if (key.find("og:title") != std::string::npos)
        offer(m.title, title_rank, 2, content);
      else if (key.find("twitter:title") != std::string::npos)
        offer(m.title, title_rank, 3, content);
      else if (key.find("parsely-title") != std::string::npos)
        offer(m.title, title_rank, 4, content);
      bool url = content.starts_with("http://") || content.starts_with("https://");
      if (!url) {
        if (key.find("dc:creator") != std::string::npos ||
            key.find("dc.creator") != std::string::npos)
          offer(m.byline, byline_rank, 1, content);
        else if (key == " author" || key.find("article:author") != std::string::npos)
          offer(m.byline, byline_rank, 2, content);
        else if (key.find("parsely-author") != std::string::npos)
          offer(m.byline, byline_rank, 3, content);
      }
    }
  }
  if (m.title.empty() && !title_tag.empty())
    m.title = title_from_title_tag(title_tag, h1s, headings);
  return m;
}

}  // namespace softgraph::ingest::html
