// The hints Readability reads from a page: words in class and id names that mark content or
// furniture, ARIA roles, element groups, and text statistics (characters, commas). Data for
// html_content.cpp, kept apart from the algorithm.
#pragma once

#include <cstring>
#include <string>

#include "html_dom.hpp"

namespace softgraph::ingest::html {

// Readability's REGEXPS, as literal alternatives over the lower-cased "class id" string.
inline constexpr const char* kUnlikely[] = {
    "-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
    "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
    "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
    "pager",      "popup",   "yom-remote"};
inline constexpr const char* kMaybe[] = {"and",     "article", "body",    "column",
                                         "content", "main",    "mathjax", "shadow"};
inline constexpr const char* kPositive[] = {"article", "body", "content", "entry",      "hentry",
                                            "h-entry", "main", "page",    "pagination", "post",
                                            "text",    "blog", "story"};
inline constexpr const char* kNegative[] = {
    "-ad-",     "banner",  "combx",      "comment",  "com-",     "contact", "footer", "gdpr",
    "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget"};
inline constexpr const char* kByline[] = {"byline", "author", "dateline", "writtenby", "p-author"};
inline constexpr const char* kUnlikelyRoles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
// Elements that keep a div from being read as a paragraph.
inline constexpr const char* kDivToP[] = {"blockquote", "dl",  "div",   "img", "ol",
                                          "p",          "pre", "table", "ul"};
inline constexpr const char* kTextish[] = {"span", "li", "td", "blockquote", "dl",    "div",
                                           "img",  "ol", "p",  "pre",        "table", "ul"};
inline constexpr const char* kPhrasing[] = {
    "abbr",     "audio",    "b",    "bdo",      "br",     "button",   "cite",   "code",
    "data",     "datalist", "dfn",  "em",       "embed",  "i",        "img",    "input",
    "kbd",      "label",    "mark", "math",     "meter",  "noscript", "object", "output",
    "progress", "q",        "ruby", "samp",     "script", "select",   "small",  "span",
    "strong",   "sub",      "sup",  "textarea", "time",   "var",      "wbr",    "a",
    "del",      "ins",      "font", "u",        "s",      "strike",   "tt",     "big"};
inline constexpr const char* kInvisible[] = {"script", "style", "noscript", "template",
                                             "head",   "title", "meta",     "link"};

inline bool contains_any(const std::string& s, const char* const* begin, const char* const* end) {
  for (auto it = begin; it != end; ++it)
    if (s.find(*it) != std::string::npos) return true;
  return false;
}
template <std::size_t N>
inline bool matches(const std::string& s, const char* const (&words)[N]) {
  return contains_any(s, words, words + N);
}

// Readability's negative pattern also has the whole word "hid".
inline bool negative(const std::string& s) {
  if (matches(s, kNegative) || s.find("hidden") != std::string::npos) return true;
  std::size_t at = 0;
  while ((at = s.find("hid", at)) != std::string::npos) {
    bool left = at == 0 || s[at - 1] == ' ';
    bool right = at + 3 == s.size() || s[at + 3] == ' ';
    if (left && right) return true;
    at += 3;
  }
  return false;
}

// "share" or "sharedaddy" as a word (between separators).
inline bool share_widget(const std::string& s) {
  for (const char* w : {"share", "sharedaddy"}) {
    std::size_t len = std::strlen(w), at = 0;
    while ((at = s.find(w, at)) != std::string::npos) {
      auto sep = [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); };
      bool left = at == 0 || sep(s[at - 1]) || s[at - 1] == '_';
      bool right = at + len == s.size() || sep(s[at + len]) || s[at + len] == '_';
      if (left && right) return true;
      at += len;
    }
  }
  return false;
}

// Code points of a text with white-space runs counted once, and its commas.
inline void text_stats(const char* t, double& chars, double& commas) {
  bool space = false;
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(t); p && *p; ++p) {
    if (is_space(static_cast<char>(*p))) {
      if (!space) chars += 1;
      space = true;
      continue;
    }
    space = false;
    if ((*p & 0xC0) != 0x80) chars += 1;
    if (*p == ',') commas += 1;
    // U+060C Arabic comma, U+FF0C fullwidth comma, U+3001 ideographic comma
    if ((p[0] == 0xD8 && p[1] == 0x8C) || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
        (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
      commas += 1;
  }
}

}  // namespace softgraph::ingest::html
