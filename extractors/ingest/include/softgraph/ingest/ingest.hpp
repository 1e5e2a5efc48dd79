// Turns an input file into a Document: checks UTF-8, repairs what PDF extraction left (hyphenated
// breaks, paragraphs cut by page breaks, repeated lines), normalises to NFC with a map back to the
// original bytes, and finds the structure (sections, paragraphs, sentences, languages).
#pragma once

#include <cstdint>
#include <string>

#include "softgraph/core/document.hpp"

namespace softgraph {

// The largest document read by default (--max-document-size): a build holds about 100 MB plus 12
// bytes per byte of a document it reads (README, "One large document"), so under 1 GB at 64 MB.
inline constexpr std::uint64_t kDefaultMaxDocumentBytes = 64'000'000;

struct IngestOptions {
  bool lossy = false;                 // replace invalid UTF-8 with U+FFFD (warn) instead of failing
  std::string input_format = "auto";  // auto, text, pdf, html
  bool ocr = false;                   // PDF pages without a usable text layer: run Tesseract
  // Files and extracted texts (PDF, HTML) larger than this are refused (Error kBadInput naming
  // the file and both sizes); 0: no limit.
  std::uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
};

// Reads `path` and builds its Document. Throws Error(kBadInput) naming the file and byte offset.
Document load_document(const std::string& path, const IngestOptions& options = {});
// Builds a Document from bytes already in memory; `path` is used for the id and in messages.
Document make_document(std::string raw, const std::string& path, const IngestOptions& options = {});

}  // namespace softgraph
