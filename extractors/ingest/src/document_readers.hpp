// Readers that turn PDF and HTML bytes into plain text plus where each stretch came from (page or
// element path) and the headings they saw; ingest then treats that text like a text file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "softgraph/core/document.hpp"
#include "structure_detector.hpp"

namespace softgraph::ingest {

struct ExtractedText {
  std::string text;                       // becomes Document::raw
  std::vector<SourceLocation> locations;  // ranges in `text`
  std::vector<HeadingHint> headings;      // ranges in `text`
  std::string title, byline;              // page metadata (HTML), kept out of `text`
};

// True when this build has poppler-cpp / libxml2 (tests skip PDF/HTML cases otherwise).
bool pdf_supported();
bool html_supported();

// Text of a PDF in reading order (two columns, no running headers, footers or page numbers).
// Pages without a usable text layer are read by Tesseract when `ocr` is set; otherwise, and for
// damaged or encrypted PDFs, throws input_error naming the pages.
ExtractedText read_pdf(std::string_view bytes, const std::string& path, bool ocr = false);
// Main text of an HTML page (no scripts, styles, navigation), one paragraph per block element.
ExtractedText read_html(std::string_view bytes, const std::string& path);

}  // namespace softgraph::ingest
