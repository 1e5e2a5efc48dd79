#include <cstring>

#include "softgraph/core/error.hpp"
#include "softgraph/extract/document_readers.hpp"

#if __has_include(<libxml/HTMLparser.h>)
#define SOFTGRAPH_HAVE_LIBXML2 1
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif

namespace softgraph::ingest {

#ifndef SOFTGRAPH_HAVE_LIBXML2
bool html_supported() { return false; }
ExtractedText read_html(std::string_view, const std::string& path) {
  throw input_error(path, "", "HTML input needs libxml2, which this build lacks");
}
#else
namespace {

bool name_is(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

// Page furniture that is not the text: navigation, scripts, forms, embedded media.
bool skipped(const xmlNode* n) {
  static const char* kSkip[] = {"script", "style",    "nav",      "header", "footer", "aside",
                                "form",   "noscript", "template", "svg",    "iframe", "button",
                                "select", "head",     "object",   "canvas", "menu"};
  for (const char* s : kSkip)
    if (name_is(n, s)) return true;
  return false;
}

// Elements that make one paragraph each.
int block_kind(const xmlNode* n) {  // 0 none, 1 paragraph, 2..7 heading level + 1
  if (n->name && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2])
    return n->name[1] - '0' + 1;
  static const char* kBlocks[] = {"p",          "li", "blockquote", "dd",      "dt",     "pre",
                                  "figcaption", "td", "th",         "caption", "address"};
  for (const char* s : kBlocks)
    if (name_is(n, s)) return 1;
  return 0;
}

bool is_container_block(const xmlNode* n) {
  static const char* kDivs[] = {"div",   "section", "article", "main",  "body", "ul",     "ol",
                                "table", "tr",      "tbody",   "thead", "dl",   "figure", "center"};
  for (const char* s : kDivs)
    if (name_is(n, s)) return true;
  return false;
}

class Walker {
 public:
  ExtractedText out;

  void walk(xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) loose_text(n);
        continue;
      }
      if (skipped(n)) continue;
      if (int kind = block_kind(n)) {
        flush_loose();
        std::string text;
        collect(n->children, text);
        emit(n, text, kind);
      } else if (is_container_block(n)) {
        flush_loose();
        walk(n->children);
        flush_loose();
      } else {
        walk(n->children);  // inline element outside a block: part of loose text
      }
    }
  }
  void finish() { flush_loose(); }

 private:
  // Text of a block with HTML white-space collapsing; nested blocks (a list in a list item)
  // fold into it, furniture stays out.
  void collect(xmlNode* n, std::string& text) {
    for (; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        append_collapsed(text, reinterpret_cast<const char*>(n->content));
      } else if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
        if (name_is(n, "br")) text += ' ';
        collect(n->children, text);
        if (block_kind(n) || is_container_block(n)) text += ' ';
      }
    }
  }
  static void append_collapsed(std::string& text, const char* s) {
    if (!s) return;
    for (; *s; ++s) {
      char c = *s;
      bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (ws) {
        if (!text.empty() && text.back() != ' ') text += ' ';
      } else {
        text += c;
      }
    }
  }
  void loose_text(xmlNode* n) {
    if (!loose_node_) loose_node_ = n->parent;
    append_collapsed(loose_, reinterpret_cast<const char*>(n->content));
  }
  void flush_loose() {
    if (loose_node_) emit(loose_node_, loose_, 1);
    loose_.clear();
    loose_node_ = nullptr;
  }
  void emit(xmlNode* n, std::string& text, int kind) {
    std::size_t b = text.find_first_not_of(' ');
    if (b == std::string::npos) return;
    std::size_t e = text.find_last_not_of(' ') + 1;
    if (!out.text.empty()) out.text += "\n\n";
    std::uint64_t begin = out.text.size();
    out.text.append(text, b, e - b);
    SourceLocation loc;
    loc.range = {begin, out.text.size()};
    if (xmlChar* p = xmlGetNodePath(n)) {
      loc.element = reinterpret_cast<const char*>(p);
      xmlFree(p);
    }
    out.locations.push_back(std::move(loc));
    if (kind >= 2) out.headings.push_back({{begin, out.text.size()}, kind - 1});
  }

  std::string loose_;
  xmlNode* loose_node_ = nullptr;
};

}  // namespace

bool html_supported() { return true; }

ExtractedText read_html(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    throw input_error(path, "", "HTML larger than 2 GiB");
  // NONET: never fetch anything; the charset comes from the BOM or <meta charset>.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
              HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
  htmlDocPtr doc =
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, flags);
  if (!doc) throw input_error(path, "", "not a readable HTML document");
  Walker w;
  if (xmlNode* root = xmlDocGetRootElement(doc)) w.walk(root);
  w.finish();
  xmlFreeDoc(doc);
  if (w.out.text.empty())
    throw input_error(path, "", "HTML page has no text outside navigation, scripts and styles");
  w.out.text += '\n';
  return std::move(w.out);
}
#endif

}  // namespace softgraph::ingest
