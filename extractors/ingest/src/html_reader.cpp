// HTML pages: libxml2's HTML parser (no depth limit, the charset checked against the bytes), the
// article found as Readability finds it (html_content.cpp), its title and byline kept as metadata,
// and its text written one paragraph per block element, each with the element's path.
#include <spdlog/spdlog.h>

#include <cstring>
#include <memory>
#include <unordered_map>

#include "document_readers.hpp"
#include "softgraph/core/error.hpp"

#if __has_include(<libxml/HTMLparser.h>)
#define SOFTGRAPH_HAVE_LIBXML2 1
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html_charset.hpp"
#include "html_content.hpp"
#include "html_dom.hpp"
#include "html_metadata.hpp"
#endif

namespace softgraph::ingest {

#ifndef SOFTGRAPH_HAVE_LIBXML2
bool html_supported() { return false; }
ExtractedText read_html(std::string_view, const std::string& path) {
  throw input_error(path, "", "HTML input needs libxml2, which this build lacks");
}
#else
namespace {

using html::name_in;
using html::name_is;

// Page furniture that is not the text: navigation, scripts, forms, embedded media. (A <header>
// is left to the content finder: an article's own header holds its lede.)
bool skipped(const xmlNode* n) {
  static const char* const kSkip[] = {
      "script", "style",  "nav",    "footer", "aside", "form",   "noscript", "template",
      "svg",    "iframe", "button", "select", "head",  "object", "canvas",   "menu"};
  return name_in(n, kSkip);
}

// Elements that make one paragraph each.
int block_kind(const xmlNode* n) {  // 0 none, 1 paragraph, 2..7 heading level + 1
  if (html::is_heading(n)) return n->name[1] - '0' + 1;
  static const char* const kBlocks[] = {
      "p", "li", "blockquote", "dd", "dt", "pre", "figcaption", "td", "th", "caption", "address"};
  return name_in(n, kBlocks) ? 1 : 0;
}

bool is_container_block(const xmlNode* n) {
  static const char* const kDivs[] = {"div",   "section", "article", "main",  "body",
                                      "ul",    "ol",      "table",   "tr",    "tbody",
                                      "thead", "dl",      "figure",  "center"};
  return name_in(n, kDivs);
}

// Element paths as xmlGetNodePath writes them ("/html/body/div[2]/p[3]"): each parent's children
// are numbered once and the path of a block's parent is kept for its siblings, so many sibling
// blocks cost linear time (xmlGetNodePath per block is quadratic in the siblings) and a deep
// page keeps no path per level.
class PathCache {
 public:
  std::string path(const xmlNode* n) {
    std::string out = parent_path(n->parent);
    append_step(out, n);
    return out;
  }

 private:
  const std::string& parent_path(const xmlNode* p) {
    if (!p || p->type != XML_ELEMENT_NODE) return empty_;
    if (auto it = parents_.find(p); it != parents_.end()) return it->second;
    std::vector<const xmlNode*> chain;
    for (const xmlNode* a = p; a && a->type == XML_ELEMENT_NODE; a = a->parent) chain.push_back(a);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) append_step(out, *it);
    return parents_[p] = std::move(out);
  }
  void append_step(std::string& out, const xmlNode* n) {
    out += '/';
    out += reinterpret_cast<const char*>(n->name);
    if (int k = ordinal(n)) {
      out += '[';
      out += std::to_string(k);
      out += ']';
    }
  }
  // Position among same-named siblings (1-based), 0 when the name is unique among them.
  int ordinal(const xmlNode* n) {
    if (auto it = ordinals_.find(n); it != ordinals_.end()) return it->second;
    const xmlNode* first = n->parent ? n->parent->children : n;
    std::unordered_map<std::string_view, int> total, seen;
    for (const xmlNode* c = first; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) ++total[reinterpret_cast<const char*>(c->name)];
    for (const xmlNode* c = first; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) {
        std::string_view name = reinterpret_cast<const char*>(c->name);
        int k = ++seen[name];
        ordinals_[c] = total[name] > 1 ? k : 0;
      }
    return ordinals_.at(n);
  }

  std::unordered_map<const xmlNode*, std::string> parents_;
  std::unordered_map<const xmlNode*, int> ordinals_;
  const std::string empty_;
};

class Walker {
 public:
  ExtractedText out;
  explicit Walker(const html::MainContent& content) : content_(content) {}

  // Iterative, as pages may nest thousands of levels deep.
  void walk(xmlNode* root) {
    for (xmlNode* n = root; n;) {
      bool descend = enter(n);
      if (descend && n->children) {
        n = n->children;
        continue;
      }
      for (;;) {
        leave(n);
        if (n == root) {
          n = nullptr;
          break;
        }
        if (n->next) {
          n = n->next;
          break;
        }
        n = n->parent;
      }
    }
    flush_loose();
  }

 private:
  bool gone(const xmlNode* n) const { return content_.dropped.count(n) > 0; }

  // Returns whether to walk n's children.
  bool enter(xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) loose_text(n);
      return false;
    }
    if (skipped(n) || gone(n)) return false;
    if (int kind = block_kind(n)) {
      flush_loose();
      std::string text;
      collect(n, text);
      emit(n, text, kind);
      return false;
    }
    if (is_container_block(n)) flush_loose();
    return true;  // containers, and inline elements outside a block (part of loose text)
  }
  void leave(xmlNode* n) {
    if (n->type == XML_ELEMENT_NODE && is_container_block(n) && !skipped(n) && !gone(n))
      flush_loose();
  }

  // Text of a block with HTML white-space collapsing; nested blocks (a list in a list item)
  // fold into it, furniture stays out.
  void collect(xmlNode* block, std::string& text) {
    for (xmlNode* n = block->children; n;) {
      bool descend = false;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        html::append_collapsed(text, reinterpret_cast<const char*>(n->content));
      } else if (n->type == XML_ELEMENT_NODE && !skipped(n) && !gone(n)) {
        if (name_is(n, "br")) text += ' ';
        descend = true;
      }
      if (descend && n->children) {
        n = n->children;
        continue;
      }
      // Leaving n (and the ancestors it closes): blocks end with a space.
      for (;;) {
        if (n->type == XML_ELEMENT_NODE && (block_kind(n) || is_container_block(n)) &&
            !skipped(n) && !gone(n))
          text += ' ';
        if (n->next) {
          n = n->next;
          break;
        }
        n = n->parent;
        if (n == block) {
          n = nullptr;
          break;
        }
      }
    }
  }
  // Text outside any block belongs to the nearest container (the one that flushes it).
  void loose_text(xmlNode* n) {
    const char* t = reinterpret_cast<const char*>(n->content);
    if (!loose_node_ && t && t[std::strspn(t, " \t\n\r\f")]) {
      loose_node_ = n->parent;
      while (loose_node_->parent && loose_node_->parent->type == XML_ELEMENT_NODE &&
             !is_container_block(loose_node_))
        loose_node_ = loose_node_->parent;
    }
    html::append_collapsed(loose_, t);
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
    if (n->type == XML_ELEMENT_NODE) loc.element = paths_.path(n);
    out.locations.push_back(std::move(loc));
    if (kind >= 2) out.headings.push_back({{begin, out.text.size()}, kind - 1});
  }

  const html::MainContent& content_;
  PathCache paths_;
  std::string loose_;
  xmlNode* loose_node_ = nullptr;
};

// libxml2 reports encoding trouble through its generic error handler; the reader says what
// matters itself.
void quiet(void*, const char*, ...) {}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

bool html_supported() { return true; }

ExtractedText read_html(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    throw input_error(path, "", "HTML larger than 2 GiB");
  std::string note, repaired;
  std::string encoding = html::choose_encoding(bytes, note, repaired);
  if (!note.empty()) spdlog::warn("{}: {}", path, note);
  if (!repaired.empty()) bytes = repaired;
  // NONET: never fetch anything. XML_PARSE_HUGE (the HTML parser honours it): no nesting limit
  // (libxml2 drops everything below 256 levels otherwise); the walks below are iterative.
  // IGNORE_ENC: the encoding chosen above.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
              HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT | XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC;
  xmlGenericErrorFunc saved = xmlGenericError;
  void* saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(nullptr, quiet);
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()),
                                                      nullptr, encoding.c_str(), flags));
  xmlSetGenericErrorFunc(saved_context, saved);
  if (!doc) throw input_error(path, "", "not a readable HTML document");

  html::PageMetadata meta = html::read_metadata(doc.get());
  std::string content_byline;
  html::MainContent content = html::find_main_content(doc.get(), content_byline);
  Walker w(content);
  for (xmlNode* root : content.roots) w.walk(root);
  ExtractedText out = std::move(w.out);
  if (out.text.empty() && !content.whole_page) {
    // The article held no block text: read the page as a whole rather than lose it.
    xmlNode* root = xmlDocGetRootElement(doc.get());
    html::MainContent none;
    for (xmlNode* n = root; n; n = html::next_node(n, root))
      if (html::is_hidden(n) || name_is(n, "header")) none.dropped.insert(n);
    Walker all(none);
    if (root) all.walk(root);
    out = std::move(all.out);
  }
  if (out.text.empty())
    throw input_error(path, "", "HTML page has no text outside navigation, scripts and styles");
  out.text += '\n';
  out.title = std::move(meta.title);
  out.byline = meta.byline.empty() ? std::move(content_byline) : std::move(meta.byline);
  return out;
}
#endif

}  // namespace softgraph::ingest
