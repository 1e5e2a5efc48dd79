// Builds small Documents by hand for extractor tests, so they do not depend on ingest: one
// section, one paragraph per blank-line block, sentences split at ". " (good enough for the
// texts written here).
#pragma once

#include <string>

#include "softgraph/core/document.hpp"
#include "softgraph/core/text_util.hpp"

namespace softgraph::test {

inline Document hand_document(const std::string& text, const std::string& id = "document/test") {
  Document d;
  d.id = id;
  d.path = id.substr(id.find('/') + 1) + ".txt";
  d.raw = text;
  d.text = text;
  d.sha256 = sha256_hex(text);
  d.map.add_copy(0, text.size());
  Section s;
  s.range = {0, text.size()};
  d.sections.push_back(s);
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t end = text.find("\n\n", p);
    if (end == std::string::npos) end = text.size();
    Paragraph para{{p, end}, 0, {}};
    // A run-in head: "Turkey. Text..." at the start of a paragraph.
    std::size_t dot = text.find(". ", p);
    if (dot != std::string::npos && dot < end && dot - p < 20 &&
        text.substr(p, dot - p).find(' ') == std::string::npos)
      para.run_in_head = {p, dot + 1};
    d.paragraphs.push_back(para);
    std::size_t s0 = p;
    while (s0 < end) {
      std::size_t stop = text.find(". ", s0);
      std::size_t e = (stop == std::string::npos || stop >= end) ? end : stop + 1;
      if (para.run_in_head.end == e) {  // the head is its own sentence
      }
      d.sentences.push_back({{s0, e}, static_cast<int>(d.paragraphs.size() - 1), 0});
      s0 = e;
      while (s0 < end && text[s0] == ' ') ++s0;
    }
    p = end;
    while (p < text.size() && text[p] == '\n') ++p;
  }
  return d;
}

}  // namespace softgraph::test
