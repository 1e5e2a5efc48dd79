#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "softgraph/core/error.hpp"
#include "softgraph/extract/document_readers.hpp"
#include "softgraph/extract/unicode_util.hpp"

#if __has_include(<poppler/cpp/poppler-document.h>)
#define SOFTGRAPH_HAVE_POPPLER 1
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#endif

namespace softgraph::ingest {

#ifndef SOFTGRAPH_HAVE_POPPLER
bool pdf_supported() { return false; }
ExtractedText read_pdf(std::string_view, const std::string& path) {
  throw input_error(path, "", "PDF input needs poppler-cpp, which this build lacks");
}
#else
namespace {

struct Line {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, font = 0;
  std::string text;
  int column = 0;  // -1 full width, 0 left/single, 1 right
};

// Ligatures poppler passes through; NFC keeps them, so spell them out here.
void append_word(std::string& out, std::string_view w) {
  static const std::pair<std::string_view, std::string_view> kLig[] = {{"\xEF\xAC\x80", "ff"},
                                                                       {"\xEF\xAC\x81", "fi"},
                                                                       {"\xEF\xAC\x82", "fl"},
                                                                       {"\xEF\xAC\x83", "ffi"},
                                                                       {"\xEF\xAC\x84", "ffl"}};
  for (std::size_t i = 0; i < w.size();) {
    bool done = false;
    if (static_cast<unsigned char>(w[i]) == 0xEF) {
      for (auto [from, to] : kLig) {
        if (w.substr(i).starts_with(from)) {
          out += to;
          i += from.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out += w[i++];
  }
  // A soft hyphen or U+2010 ending a word is a line-end hyphen.
  for (std::string_view h : {"\xC2\xAD", "\xE2\x80\x90"}) {
    if (std::string_view(out).ends_with(h)) {
      out.resize(out.size() - h.size());
      out += '-';
    }
  }
}

std::vector<Line> page_lines(const poppler::page& page) {
  std::vector<Line> lines;
  auto boxes = page.text_list(poppler::page::text_list_include_font);
  Line cur;
  bool open = false;
  bool space_pending = false;
  for (auto& box : boxes) {
    auto rect = box.bbox();
    auto bytes = box.text().to_utf8();
    std::string_view word(bytes.data(), bytes.size());
    double h = std::max(rect.height(), 1.0);
    double cy = rect.y() + rect.height() / 2;
    bool same_line = open && std::abs(cy - (cur.y0 + cur.y1) / 2) < 0.5 * h &&
                     rect.x() >= cur.x1 - 0.5 && rect.x() - cur.x1 < 3 * std::max(cur.font, h);
    if (!same_line) {
      if (open) lines.push_back(std::move(cur));
      cur = Line{rect.x(),
                 rect.y(),
                 rect.x() + rect.width(),
                 rect.y() + rect.height(),
                 box.has_font_info() ? box.get_font_size() : h,
                 {},
                 0};
      open = true;
    } else {
      if (space_pending || rect.x() - cur.x1 > 0.15 * h) cur.text += ' ';
      cur.x1 = std::max(cur.x1, rect.x() + rect.width());
      cur.y0 = std::min(cur.y0, rect.y());
      cur.y1 = std::max(cur.y1, rect.y() + rect.height());
    }
    append_word(cur.text, word);
    space_pending = box.has_space_after();
  }
  if (open) lines.push_back(std::move(cur));
  return lines;
}

// Assigns columns from a vertical gutter near the middle of the page that no line crosses, and
// sorts lines into reading order: full-width lines split the page into bands; in each band the
// left column is read before the right.
void order_lines(std::vector<Line>& lines, double page_width) {
  if (lines.empty()) return;
  const int bins = 200;
  std::vector<int> cover(bins, 0);
  auto bin = [&](double x) {
    return std::clamp(static_cast<int>(x / page_width * bins), 0, bins - 1);
  };
  for (const Line& l : lines)
    for (int b = bin(l.x0); b <= bin(l.x1); ++b) ++cover[b];
  int best_begin = -1, best_len = 0;
  for (int b = bins * 3 / 10; b < bins * 7 / 10; ++b) {
    if (cover[b] * 10 > static_cast<int>(lines.size())) continue;  // crossed by >10% of lines
    int e = b;
    while (e < bins * 7 / 10 && cover[e] * 10 <= static_cast<int>(lines.size())) ++e;
    if (e - b > best_len) best_begin = b, best_len = e - b;
    b = e;
  }
  bool two_columns = false;
  if (best_len >= 2) {
    double gx0 = best_begin * page_width / bins, gx1 = (best_begin + best_len) * page_width / bins;
    int left = 0, right = 0;
    for (Line& l : lines) {
      l.column = l.x1 <= gx1 ? 0 : l.x0 >= gx0 ? 1 : -1;
      left += l.column == 0;
      right += l.column == 1;
    }
    two_columns = left >= 2 && right >= 2;
  }
  if (!two_columns) {
    for (Line& l : lines) l.column = 0;
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
      return std::abs(a.y0 - b.y0) > 1 ? a.y0 < b.y0 : a.x0 < b.x0;
    });
    return;
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.y0 < b.y0; });
  std::vector<Line> out;
  out.reserve(lines.size());
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].column == -1) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() && lines[j].column != -1) ++j;
    for (int col = 0; col <= 1; ++col)
      for (std::size_t k = i; k < j; ++k)
        if (lines[k].column == col) out.push_back(std::move(lines[k]));
    i = j;
  }
  lines = std::move(out);
}

// "12", "- 12 -", "Page 3", "3 / 10": a page number line.
bool is_page_number(std::string_view s) {
  int digits = 0, letters = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
      ++letters;
  }
  if (digits == 0 || digits > 6) return false;
  if (letters == 0) return s.size() <= 12;
  std::string low;
  for (char c : s) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return (low.starts_with("page ") || low.starts_with("p. ")) && letters <= 6;
}

std::string repeat_key(std::string_view s) {
  std::string k;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (k.empty() || k.back() != '#') k += '#';
    } else {
      k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return k;
}

void drop_running_lines(std::vector<std::vector<Line> >& pages) {
  constexpr std::size_t kEdge = 2;  // lines at the top and bottom that may be running heads
  std::map<std::string, int> counts;
  for (const auto& lines : pages) {
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i >= kEdge && i + kEdge < lines.size()) continue;
      std::string k = repeat_key(lines[i].text);
      if (std::find(seen.begin(), seen.end(), k) == seen.end()) {
        ++counts[k];
        seen.push_back(k);
      }
    }
  }
  int threshold = std::max<int>(2, static_cast<int>(pages.size() + 1) / 2);
  for (auto& lines : pages) {
    std::vector<Line> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      bool edge = i < kEdge || i + kEdge >= lines.size();
      if (edge && (is_page_number(lines[i].text) || counts[repeat_key(lines[i].text)] >= threshold))
        continue;
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ')' || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

void quiet_poppler(const std::string&, void*) {}

}  // namespace

bool pdf_supported() { return true; }

ExtractedText read_pdf(std::string_view bytes, const std::string& path) {
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

  std::vector<std::vector<Line> > pages(n);
  std::vector<double> widths(n, 612);
  for (int p = 0; p < n; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    widths[p] = std::max(1.0, page->page_rect().width());
    pages[p] = page_lines(*page);
    order_lines(pages[p], widths[p]);
  }
  drop_running_lines(pages);

  std::vector<double> fonts, gaps;
  for (const auto& lines : pages) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      fonts.push_back(lines[i].font);
      if (i > 0 && lines[i].column == lines[i - 1].column && lines[i].y0 > lines[i - 1].y1)
        gaps.push_back(lines[i].y0 - lines[i - 1].y1);
    }
  }
  const double body_font = median(fonts), line_gap = median(gaps);

  ExtractedText out;
  const Line* prev = nullptr;
  double prev_col_right = 0;
  for (int p = 0; p < n; ++p) {
    const auto& lines = pages[p];
    std::uint64_t page_begin = out.text.size();
    double col_right[3] = {0, 0, 0};
    for (const Line& l : lines) col_right[l.column + 1] = std::max(col_right[l.column + 1], l.x1);
    for (const Line& l : lines) {
      bool heading = body_font > 0 && l.font > body_font * 1.15;
      bool heading_runs_on = false;
      if (prev) {
        bool same_flow = prev->column == l.column && &l != &lines.front();
        bool prev_heading = body_font > 0 && prev->font > body_font * 1.15;
        std::string_view pt = prev->text;
        if (same_flow) {
          double gap = l.y0 - prev->y1;
          bool close = gap <= line_gap + 0.5 * std::max(1.0, body_font);
          // A heading wrapped over two lines is one heading.
          heading_runs_on = heading && prev_heading && close &&
                            std::abs(l.font - prev->font) <= 0.05 * body_font;
          bool new_para = !heading_runs_on &&
                          (!close || std::abs(l.font - prev->font) > 0.15 * body_font ||
                           heading || prev_heading);
          out.text += new_para ? "\n\n" : (pt.ends_with('-') ? "\n" : " ");
        } else {
          // Column or page change: a full last line without a final stop runs on.
          bool full = prev->x1 >= prev_col_right - 2 * std::max(1.0, body_font);
          bool runs_on = full && !ends_sentence(pt) && !heading && !prev_heading;
          out.text += runs_on ? (pt.ends_with('-') ? "\n" : " ") : "\n\n";
        }
      }
      if (&l == &lines.front() && out.text.size() > page_begin) page_begin = out.text.size();
      std::uint64_t b = out.text.size();
      out.text += l.text;
      if (heading) {
        if (heading_runs_on && !out.headings.empty())
          out.headings.back().range.end = out.text.size();
        else
          out.headings.push_back({{b, out.text.size()}, l.font > body_font * 1.3 ? 1 : 2});
      }
      prev = &l;
      prev_col_right = col_right[l.column + 1];
    }
    if (out.text.size() > page_begin) {
      SourceLocation loc;
      loc.range = {page_begin, out.text.size()};
      loc.page = p + 1;
      out.locations.push_back(std::move(loc));
    }
  }
  if (out.text.find_first_not_of(" \n") == std::string::npos) {
    throw input_error(path, "", "PDF has no text layer (scanned or image-only?); OCR it first");
  }
  out.text += '\n';
  return out;
}
#endif

}  // namespace softgraph::ingest
