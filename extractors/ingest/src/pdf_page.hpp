// The lines of a PDF page as the reader lays them out (internal to the PDF reader's files).
#pragma once

#include <string>
#include <vector>

namespace softgraph::ingest::pdf {

struct Word {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, font = 0;  // page points, y down
  std::string text;
  bool space_after = false;
};

struct Line {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, font = 0;
  std::string text;
  int column = 0;         // -1 full width, 0 left/single, 1 right, 2.. further columns
  std::string lead_mark;  // a raised footnote number opening the line, not in `text`
  bool aside = false;     // a box, pull quote, chart or caption cutting a sentence (pdf_asides)
  bool resumes = false;   // continues the sentence an aside cut
};

struct Page {
  int number = 0;  // 1-based
  double width = 612, height = 792;
  std::vector<Line> lines;  // body, in reading order
  std::vector<Line> notes;  // footnotes taken from the page's foot, in order
};

}  // namespace softgraph::ingest::pdf
