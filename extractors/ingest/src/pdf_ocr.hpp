// Pages without a usable text layer (scanned, or fonts without a Unicode map): told apart from
// pages with text, and read by Tesseract from poppler's rendering of the page (--ocr).
#pragma once

#include <poppler/cpp/poppler-page.h>

#include <string>
#include <vector>

#include "pdf_page.hpp"

namespace softgraph::ingest::pdf {

// Whether a page's words are text: some letters, and few control or private-use characters
// (what a font without a Unicode map yields).
bool usable_text(const std::vector<Word>& words);
// The words of page `number` (1-based) as Tesseract reads them at 300 dpi, in page points; throws
// input_error naming `path` when this build has no Tesseract or its English data is missing.
std::vector<Word> ocr_page(const poppler::page& page, int number, const std::string& path);
// "page 3" or "pages 2-23, 25" for a message.
std::string page_list(const std::vector<int>& pages);

}  // namespace softgraph::ingest::pdf
