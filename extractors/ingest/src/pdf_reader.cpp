#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "document_readers.hpp"
#include "softgraph/core/error.hpp"
#include "unicode_util.hpp"

#if __has_include(<poppler/cpp/poppler-document.h>)
#define SOFTGRAPH_HAVE_POPPLER 1
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "pdf_asides.hpp"
#include "pdf_furniture.hpp"
#include "pdf_layout.hpp"
#include "pdf_ocr.hpp"
#include "pdf_page.hpp"
#endif

namespace softgraph::ingest {

#ifndef SOFTGRAPH_HAVE_POPPLER
bool pdf_supported() { return false; }
ExtractedText read_pdf(std::string_view, const std::string& path, bool) {
  throw input_error(path, "", "PDF input needs poppler-cpp, which this build lacks");
}
#else
namespace {

using pdf::Line;
using pdf::median;
using pdf::Page;
using pdf::page_lines;

using pdf::Word;

std::vector<Word> page_words(const poppler::page& page) {
  std::vector<Word> words;
  for (auto& box : page.text_list(poppler::page::text_list_include_font)) {
    auto rect = box.bbox();
    auto bytes = box.text().to_utf8();
    Word w{rect.x(),
           rect.y(),
           rect.x() + rect.width(),
           rect.y() + rect.height(),
           0,
           std::string(bytes.data(), bytes.size()),
           box.has_space_after()};
    // A damaged or hostile page can put text at infinite or NaN positions: left out, since they
    // would break the sorts and bins below.
    if (!std::isfinite(w.x0) || !std::isfinite(w.y0) || !std::isfinite(w.x1) ||
        !std::isfinite(w.y1))
      continue;
    double h = std::max(w.y1 - w.y0, 1.0);
    w.font = box.has_font_info() ? box.get_font_size() : h;
    if (!std::isfinite(w.font)) w.font = h;
    words.push_back(std::move(w));
  }
  return words;
}

void quiet_poppler(const std::string&, void*) {}

}  // namespace

bool pdf_supported() { return true; }

namespace {

// Every page's lines, read from its text layer (or by OCR when asked); pages without usable
// text are named in a warning, or the whole document is refused when none has any.
std::vector<Page> read_pages(poppler::document& pdf, const std::string& path, bool ocr) {
  const int n = pdf.pages();
  std::vector<Page> pages(n);
  std::vector<int> unreadable;  // pages whose text layer is missing or cannot be mapped to text
  for (int p = 0; p < n; ++p) {
    pages[p].number = p + 1;
    std::unique_ptr<poppler::page> page(pdf.create_page(p));
    if (!page) continue;
    auto rect = page->page_rect();
    pages[p].width = std::max(1.0, rect.width());
    pages[p].height = std::max(1.0, rect.height());
    std::vector<Word> words = page_words(*page);
    if (!pdf::usable_text(words)) {
      if (ocr) {
        words = pdf::ocr_page(*page, p + 1, path);
      } else {
        unreadable.push_back(p + 1);
        continue;
      }
    }
    pages[p].lines = page_lines(std::move(words), pages[p].width);
  }
  const bool any_text =
      std::any_of(pages.begin(), pages.end(), [](const Page& pg) { return !pg.lines.empty(); });
  if (!unreadable.empty()) {
    std::string which = pdf::page_list(unreadable);
    if (!any_text)
      throw input_error(path, which,
                        "no text layer, or none that maps to text (scanned, or fonts without a "
                        "Unicode map); run again with --ocr to read the pages with Tesseract");
    spdlog::warn(
        "{}: {} left out: no text layer, or none that maps to text (scanned, or fonts "
        "without a Unicode map); run again with --ocr to read them with Tesseract",
        path, which);
  }
  return pages;
}

// The body font is the one most of the text is set in (counted in characters: a report's
// endnotes can be more lines than its running text, in shorter lines).
// Returns it and the usual gap between lines of one column.
std::pair<double, double> body_metrics(const std::vector<Page>& pages) {
  std::map<long, std::size_t> chars_by_font;
  std::vector<double> gaps;
  for (const Page& pg : pages) {
    const auto& lines = pg.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      chars_by_font[std::lround(lines[i].font * 10)] += lines[i].text.size();
      if (i > 0 && lines[i].column == lines[i - 1].column && lines[i].y0 > lines[i - 1].y1)
        gaps.push_back(lines[i].y0 - lines[i - 1].y1);
    }
  }
  long body_key = 0;
  std::size_t most = 0;
  for (auto [font, chars] : chars_by_font)
    if (chars > most) body_key = font, most = chars;
  return {body_key / 10.0, median(gaps)};
}

// A run of one page's text in the output: its running text, or the asides it was cut by.
struct Segment {
  int page = 0;
  bool aside = false;
  std::uint64_t begin = 0, end = 0;
};

// Segments to locations: each page's running text, then its asides, each at its offset in the
// page's text. Returns the size of each page's text so far.
std::vector<std::uint64_t> locate_segments(const std::vector<Segment>& segments, int n,
                                           ExtractedText& out) {
  std::vector<std::uint64_t> at(n, 0);
  for (int pass = 0; pass < 2; ++pass)
    for (const Segment& sg : segments) {
      if (sg.aside != (pass == 1) || sg.end <= sg.begin) continue;
      std::uint64_t& a = at[sg.page - 1];
      SourceLocation loc;
      loc.range = {sg.begin, sg.end};
      loc.page = sg.page;
      loc.offset = a > 0 ? a + 2 : 0;
      a = loc.offset + loc.range.size();
      out.locations.push_back(std::move(loc));
    }
  std::stable_sort(out.locations.begin(), out.locations.end(),
                   [](const SourceLocation& x, const SourceLocation& y) {
                     return x.range.begin < y.range.begin;
                   });
  return at;
}

// Footnotes after the running text (so that a sentence cut by a page's notes stays whole),
// under a heading of their own; each page's notes follow its body in that page's text: they
// are a second location of the page, at the offset after the body and a blank line.
void append_notes(const std::vector<Page>& pages, const std::vector<std::uint64_t>& body_size,
                  ExtractedText& out) {
  bool notes_open = false;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& notes = pages[p].notes;
    if (notes.empty()) continue;
    if (!notes_open) {
      out.text += "\n\nNotes";
      out.headings.push_back({{out.text.size() - 5, out.text.size()}, 1});
      notes_open = true;
    }
    out.text += "\n\n";
    std::uint64_t begin = out.text.size();
    for (std::size_t i = 0; i < notes.size(); ++i) {
      if (i > 0) {
        bool opens = !pdf::note_mark(notes[i]).empty() || notes[i].column != notes[i - 1].column;
        out.text += opens ? "\n\n" : (notes[i - 1].text.ends_with('-') ? "\n" : " ");
      }
      out.text += notes[i].text;
    }
    SourceLocation loc;
    loc.range = {begin, out.text.size()};
    loc.page = static_cast<int>(p) + 1;
    loc.offset = body_size[p] > 0 ? body_size[p] + 2 : 0;
    out.locations.push_back(std::move(loc));
  }
}

}  // namespace

ExtractedText read_pdf(std::string_view bytes, const std::string& path, bool ocr) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    throw input_error(path, "", "PDF larger than 2 GiB");
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    throw input_error(path, "", "not a readable PDF (damaged, truncated or not a PDF at all)");
  }
  if (pdf->is_locked()) {
    throw input_error(path, "",
                      "encrypted PDF: it needs a password; decrypt it first (for example "
                      "with qpdf --decrypt) and run again");
  }
  int n = pdf->pages();
  if (n <= 0) throw input_error(path, "", "PDF has no pages");

  std::vector<Page> pages = read_pages(*pdf, path, ocr);
  const bool any_text =
      std::any_of(pages.begin(), pages.end(), [](const Page& pg) { return !pg.lines.empty(); });
  // Furniture is what repeats around a body of text; when it is all there is (every page carries
  // one and the same line), it is the text, not "no text layer".
  std::vector<std::vector<Line> > all_lines;
  all_lines.reserve(pages.size());
  for (const Page& pg : pages) all_lines.push_back(pg.lines);
  pdf::drop_furniture(pages);
  if (any_text &&
      std::all_of(pages.begin(), pages.end(), [](const Page& pg) { return pg.lines.empty(); }))
    for (std::size_t p = 0; p < pages.size(); ++p) pages[p].lines = std::move(all_lines[p]);
  all_lines.clear();

  const std::pair<double, double> metrics = body_metrics(pages);
  const double body_font = metrics.first, line_gap = metrics.second;
  pdf::separate_footnotes(pages, body_font);

  pdf::set_asides(pages, body_font, line_gap);

  ExtractedText out;
  // The text is written in segments, each of one page: the running text of a page, cut where the
  // asides its sentences interrupted are given (at the next paragraph break), and those asides.
  // A page's text (what offsets index) is its running text, then its asides, then its notes,
  // a blank line between each.
  std::vector<Segment> segments;
  auto write_line = [&](const Line& l, int page, bool aside) {
    if (segments.empty() || segments.back().page != page || segments.back().aside != aside)
      segments.push_back({page, aside, out.text.size(), out.text.size()});
    out.text += l.text;
    segments.back().end = out.text.size();
  };
  // Asides waiting for the paragraph they cut to end, with their pages.
  std::vector<std::pair<const Line*, int> > pending;
  auto flush_asides = [&]() {
    const Line* last = nullptr;
    int last_page = 0;
    for (auto [l, page] : pending) {
      // Lines of one box run on as the running text's do: same column, font and spacing.
      bool run_on = last && last_page == page && last->column == l->column &&
                    std::abs(l->font - last->font) <= 0.15 * std::max(1.0, body_font) &&
                    l->y0 - last->y1 <= line_gap + 0.5 * std::max(1.0, body_font);
      if (last) out.text += run_on ? (last->text.ends_with('-') ? "\n" : " ") : "\n\n";
      write_line(*l, page, true);
      last = l;
      last_page = page;
    }
    pending.clear();
  };
  const Line* prev = nullptr;
  double prev_col_right = 0;
  for (int p = 0; p < n; ++p) {
    const auto& lines = pages[p].lines;
    double col_right[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    auto right_of = [&](int column) -> double& { return col_right[std::clamp(column + 1, 0, 7)]; };
    for (const Line& l : lines) right_of(l.column) = std::max(right_of(l.column), l.x1);
    bool page_started = false;
    for (const Line& l : lines) {
      if (l.aside) {
        pending.emplace_back(&l, p + 1);
        continue;
      }
      bool heading = body_font > 0 && l.font > body_font * 1.15;
      bool heading_runs_on = false;
      if (prev) {
        bool same_flow = prev->column == l.column && page_started;
        bool prev_heading = body_font > 0 && prev->font > body_font * 1.15;
        std::string_view pt = prev->text;
        bool new_para;
        if (l.resumes) {
          new_para = false;  // the sentence an aside cut goes on
        } else if (same_flow) {
          double gap = l.y0 - prev->y1;
          bool close = gap <= line_gap + 0.5 * std::max(1.0, body_font);
          // A heading wrapped over two lines is one heading.
          heading_runs_on =
              heading && prev_heading && close && std::abs(l.font - prev->font) <= 0.05 * body_font;
          new_para =
              !heading_runs_on && (!close || std::abs(l.font - prev->font) > 0.15 * body_font ||
                                   heading || prev_heading);
        } else {
          // Column or page change: a full last line without a final stop runs on.
          bool full = prev->x1 >= prev_col_right - 2 * std::max(1.0, body_font);
          new_para = !(full && !pdf::ends_sentence(pt) && !heading && !prev_heading);
        }
        if (new_para) {
          out.text += "\n\n";
          if (!pending.empty()) {
            flush_asides();
            out.text += "\n\n";
          }
        } else {
          out.text += pt.ends_with('-') ? "\n" : " ";
        }
      }
      page_started = true;
      std::uint64_t b = out.text.size();
      write_line(l, p + 1, false);
      if (heading) {
        if (heading_runs_on && !out.headings.empty())
          out.headings.back().range.end = out.text.size();
        else
          out.headings.push_back({{b, out.text.size()}, l.font > body_font * 1.3 ? 1 : 2});
      }
      prev = &l;
      prev_col_right = right_of(l.column);
    }
  }
  if (!pending.empty()) {
    out.text += "\n\n";
    flush_asides();
  }
  // Segments to locations: each page's running text, then its asides, each at its offset in the
  // page's text.
  const std::vector<std::uint64_t> body_size = locate_segments(segments, n, out);
  append_notes(pages, body_size, out);
  if (out.text.find_first_not_of(" \n") == std::string::npos) {
    throw input_error(path, "",
                      ocr ? "PDF has no text, and OCR found none either"
                          : "PDF has no text layer (scanned or image-only?); run again with --ocr "
                            "to read it with Tesseract");
  }
  out.text += '\n';
  return out;
}
#endif

}  // namespace softgraph::ingest
