// A text document as the extractors see it: the original bytes, the repaired text they read, the
// map between the two, and its structure (sections, paragraphs, sentences).
#pragma once

#include <string>
#include <vector>

#include "softgraph/core/byte_range.hpp"
#include "softgraph/core/offset_map.hpp"
#include "softgraph/core/symbol.hpp"

namespace softgraph {

struct Section {
  // front, title, authors, abstract, keywords, heading, body, references, notes, back
  std::string kind = "body";
  std::string language = "en";  // en, kk, ru, or "und"
  std::string title;            // heading text, repaired ("" for front matter)
  ByteRange range;              // whole section in Document::text
  ByteRange title_range;        // heading in Document::text (empty if none)
  int level = 1;
};

struct Paragraph {
  ByteRange range;
  int section = -1;
  ByteRange run_in_head;  // "Turkey." opening the paragraph; empty if none
};

struct Sentence {
  ByteRange range;
  int paragraph = -1;
  int section = -1;
};

// Where a byte of the extracted text came from in a PDF page or an HTML element.
struct SourceLocation {
  ByteRange range;           // in Document::text
  ByteRange raw;             // in Document::raw: the reader's text of this page or element
  std::uint64_t offset = 0;  // where `raw` begins in its page's text (a page's notes follow it)
  int page = 0;              // 1-based PDF page, 0 if not a PDF
  std::string element;       // HTML element path such as "/html/body/main/p[3]"
};

struct Document {
  Symbol id;                    // "document/<slug>"
  std::string path;             // as given on the command line
  std::string sha256;           // of the original bytes
  std::string format = "text";  // text, pdf, html
  std::string title;   // HTML: the article's title (from <meta>, <title> or its <h1>); else ""
  std::string byline;  // HTML: the author line the page states, when it states one; else ""
  std::string raw;     // original bytes (for PDF/HTML: the extracted plain text)
  std::string text;    // repaired, NFC-normalised text the extractors read
  OffsetMap map;       // text offsets -> raw offsets
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<SourceLocation> locations;  // empty for plain text

  std::string_view slice(ByteRange r) const { return r.slice(text); }
  ByteRange to_raw(ByteRange r) const { return {map.to_raw_begin(r.begin), map.to_raw_end(r.end)}; }
  // Index of the sentence containing text offset `t`, or -1.
  int sentence_at(std::uint64_t t) const;
};

}  // namespace softgraph
