#if __has_include(<poppler/cpp/poppler-page.h>)
#include "pdf_ocr.hpp"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>

#include "softgraph/core/error.hpp"
#include "unicode_util.hpp"

#if __has_include(<tesseract/baseapi.h>) && __has_include(<leptonica/allheaders.h>)
#define SOFTGRAPH_HAVE_TESSERACT 1
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

namespace softgraph::ingest::pdf {

bool usable_text(const std::vector<Word>& words) {
  std::size_t letters = 0, bad = 0, total = 0;
  for (const Word& w : words) {
    std::string_view t = w.text;
    for (std::size_t i = 0; i < t.size();) {
      int len = 1;
      UChar32 c = cp_at(t, i, &len);
      i += len > 0 ? static_cast<std::size_t>(len) : 1;
      ++total;
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF))
        ++bad;
      else if (is_letter(c))
        ++letters;
    }
  }
  // A page with a handful of stray controls is text; a tenth of them is an unmapped font.
  return letters > 0 && bad * 10 < total;
}

std::string page_list(const std::vector<int>& pages) {
  std::string out = pages.size() == 1 ? "page " : "pages ";
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (i > 0) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) {
      out += '-';  // (not "-" + std::string: GCC 12 warns falsely of an overlapping copy)
      out += std::to_string(pages[j]);
    }
    i = j + 1;
  }
  return out;
}

#ifndef SOFTGRAPH_HAVE_TESSERACT
std::vector<Word> ocr_page(const poppler::page&, int, const std::string& path) {
  throw input_error(path, "", "--ocr needs Tesseract (libtesseract-dev), which this build lacks");
}
#else
namespace {

constexpr double kDpi = 300;

// One engine per thread: Init loads the English model (some 20 MB) once.
tesseract::TessBaseAPI& engine(const std::string& path) {
  thread_local std::unique_ptr<tesseract::TessBaseAPI> api;
  if (!api) {
    auto a = std::make_unique<tesseract::TessBaseAPI>();
    if (a->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
      throw input_error(path, "",
                        "--ocr: Tesseract has no English data (install tesseract-ocr-eng)");
    a->SetPageSegMode(tesseract::PSM_AUTO);
    api = std::move(a);
  }
  return *api;
}

}  // namespace

std::vector<Word> ocr_page(const poppler::page& page, int number, const std::string& path) {
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image img = renderer.render_page(&page, kDpi, kDpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    throw input_error(path, "page " + std::to_string(number), "--ocr: cannot render");
  tesseract::TessBaseAPI& api = engine(path);
  api.SetImage(reinterpret_cast<const unsigned char*>(img.const_data()), img.width(), img.height(),
               1, img.bytes_per_row());
  api.SetSourceResolution(static_cast<int>(kDpi));
  if (api.Recognize(nullptr) != 0)
    throw input_error(path, "page " + std::to_string(number),
                      "--ocr: Tesseract could not read the page");
  // Words with their line's top and bottom (one baseline per line for the layout that follows),
  // in points; the line's height stands for the font size.
  const double scale = 72.0 / kDpi;
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    int line_top = 0, line_bottom = 0;
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        int l, r;
        it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &line_top, &r, &line_bottom);
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      int left, top, right, bottom;
      if (!text || !it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
      Word w;
      w.x0 = left * scale;
      w.x1 = right * scale;
      w.y0 = line_top * scale;
      w.y1 = line_bottom * scale;
      w.font = 0.8 * (line_bottom - line_top) * scale;
      w.text = text.get();
      w.space_after = true;
      if (!w.text.empty()) words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  // A line's box is taller with descenders or capitals: lines within a third of the page's
  // usual height are one font size, so that a paragraph's lines are read as one paragraph.
  if (!words.empty()) {
    std::vector<double> heights;
    for (const Word& w : words) heights.push_back(w.y1 - w.y0);
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double usual = heights[heights.size() / 2];
    for (Word& w : words) {
      double h = w.y1 - w.y0;
      if (h > 0.75 * usual && h < 1.33 * usual) w.font = 0.8 * usual;
    }
  }
  return words;
}
#endif

}  // namespace softgraph::ingest::pdf
#endif
