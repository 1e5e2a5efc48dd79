// Small helpers over libxml2's HTML tree shared by the HTML reader, the main-content scorer and
// the metadata reader. Every traversal is iterative: pages may nest thousands of levels deep.
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>
#include <string_view>

namespace softgraph::ingest::html {

inline bool name_is(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

template <std::size_t N>
bool name_in(const xmlNode* n, const char* const (&names)[N]) {
  for (const char* s : names)
    if (name_is(n, s)) return true;
  return false;
}

inline bool is_heading(const xmlNode* n) {
  return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == 'h' && n->name[1] >= '1' &&
         n->name[1] <= '6' && !n->name[2];
}

// Value of attribute `name`, "" when absent.
inline std::string attr(const xmlNode* n, const char* name) {
  std::string out;
  if (n->type != XML_ELEMENT_NODE) return out;
  if (xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name))) {
    out = reinterpret_cast<const char*>(v);
    xmlFree(v);
  }
  return out;
}

inline bool has_attr(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// Next node in document order inside `root` (pre-order); `descend` false skips n's children.
inline xmlNode* next_node(xmlNode* n, const xmlNode* root, bool descend = true) {
  if (descend && n->children) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return nullptr;
}

inline bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

// Appends `s` with HTML white-space collapsing (runs become one space).
inline void append_collapsed(std::string& text, const char* s) {
  if (!s) return;
  for (; *s; ++s) {
    if (is_space(*s)) {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += *s;
    }
  }
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Collapsed text of a subtree, furniture (scripts, styles) left out.
inline std::string inner_text(xmlNode* root) {
  std::string out;
  for (xmlNode* n = root; n;) {
    bool furniture = name_is(n, "script") || name_is(n, "style") || name_is(n, "noscript");
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
      append_collapsed(out, reinterpret_cast<const char*>(n->content));
    n = next_node(n, root, !furniture);
  }
  return std::string(trim(out));
}

}  // namespace softgraph::ingest::html
