// PDF input: PDFs written by hand here (two columns, Cyrillic, running header and page numbers,
// a word hyphenated across the column break) read back as the text placed in them.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "document_readers.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

// poppler substitutes the non-embedded test font through fontconfig, which keeps a process-wide
// cache LeakSanitizer reports at exit; it is not ours and not per document.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace {

struct PdfLine {
  double x, y, size;
  std::string text;  // UTF-8; ASCII and up to 128 other characters per file
};
using PdfPage = std::vector<PdfLine>;

// A minimal PDF writer: one simple font whose codes >= 128 stand for the non-ASCII characters
// used, with a ToUnicode CMap so text extraction gets them back. Glyphs are not embedded: these
// files are for text extraction, not for looking at.
class PdfWriter {
 public:
  std::string write(const std::vector<PdfPage>& pages, bool encrypted = false) {
    std::vector<std::string> objects;  // object i+1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (std::size_t p = 0; p < pages.size(); ++p) kids += std::to_string(5 + 2 * p) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    std::vector<std::string> contents;
    for (const PdfPage& page : pages) {
      std::string c;
      for (const PdfLine& l : page) {
        c += "BT /F1 " + num(l.size) + " Tf " + num(l.x) + " " + num(l.y) + " Td <" +
             encode(l.text) + "> Tj ET\n";
      }
      contents.push_back(c);
    }
    std::string widths;
    for (int i = 32; i <= 255; ++i) widths += i == ' ' ? "250 " : "500 ";  // a space is 1/4 em
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 "
        "/Widths [" +
        widths + "] /ToUnicode 4 0 R >>");
    objects.push_back(stream(cmap()));
    for (std::size_t p = 0; p < pages.size(); ++p) {
      objects.push_back(
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
          "<< /F1 3 0 R >> >> /Contents " +
          std::to_string(6 + 2 * p) + " 0 R >>");
      objects.push_back(stream(contents[p]));
    }
    std::string trailer_extra;
    if (encrypted) {
      std::string o(64, 'A'), u(64, '7');
      objects.push_back("<< /Filter /Standard /V 1 /R 2 /O <" + o + "> /U <" + u + "> /P -44 >>");
      trailer_extra =
          " /Encrypt " + std::to_string(objects.size()) +
          " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
      out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
           trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  static std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
  }
  static std::string stream(const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  }
  std::string encode(const std::string& utf8) {
    std::string hex;
    for (std::size_t i = 0; i < utf8.size();) {
      auto c = static_cast<unsigned char>(utf8[i]);
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
      for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
      i += len;
      int code = cp;
      if (cp >= 0x80) {
        auto it = codes_.find(cp);
        if (it == codes_.end())
          it = codes_.emplace(cp, 128 + static_cast<int>(codes_.size())).first;
        code = it->second;
      }
      char buf[4];
      std::snprintf(buf, sizeof buf, "%02X", code);
      hex += buf;
    }
    return hex;
  }
  std::string cmap() const {
    std::string m =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        "1 beginbfrange\n<20> <7E> <0020>\nendbfrange\n";
    m += std::to_string(codes_.size()) + " beginbfchar\n";
    for (auto [cp, code] : codes_) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "<%02X> <%04X>\n", code, cp);
      m += buf;
    }
    m += "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return m;
  }
  std::map<std::uint32_t, int> codes_;
};

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ws = c == ' ' || c == '\n' || c == '\t';
    if (ws) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

PdfPage column(double x, double top, const std::vector<std::string>& lines, double size = 10) {
  PdfPage page;
  double y = top;
  for (const auto& l : lines) {
    if (l.empty()) {
      y -= size * 1.4;  // a paragraph gap
      continue;
    }
    page.push_back({x, y, size, l});
    y -= size * 1.4;
  }
  return page;
}

void add(PdfPage& to, const PdfPage& from) { to.insert(to.end(), from.begin(), from.end()); }

// Typesets `text` justified into a column `width` points wide, one PdfLine per word placed where a
// typesetter puts it (the test font is 1/2 em wide for every character but the space, 1/4 em).
PdfPage justified(double x, double top, double width, const std::string& text, double size = 10) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t e = text.find(' ', i);
    if (e == std::string::npos) e = text.size();
    if (e > i) words.push_back(text.substr(i, e - i));
    i = e + 1;
  }
  auto w = [&](const std::string& s) { return 0.5 * size * static_cast<double>(s.size()); };
  const double space = 0.25 * size;
  PdfPage page;
  double y = top;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    double used = w(words[j++]);
    while (j < words.size() && used + space + w(words[j]) <= width) used += space + w(words[j++]);
    bool last = j == words.size();
    double gap =
        last || j - i < 2 ? space : space + (width - used) / static_cast<double>(j - i - 1);
    double wx = x;
    for (std::size_t k = i; k < j; ++k) {
      page.push_back({wx, y, size, words[k]});
      wx += w(words[k]) + gap;
    }
    y -= size * 1.4;
    i = j;
  }
  return page;
}

std::string error_of(const std::string& bytes) {
  try {
    make_document(bytes, "in.pdf");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Page 1: running header, a full-width title, two columns with a word hyphenated across them.
// Page 2: running header, one column of Kazakh and Russian, a page number.
std::vector<PdfPage> two_column_article() {
  PdfPage p1, p2;
  p1.push_back({50, 760, 8, "Journal of Steppe Studies 12"});
  p1.push_back({50, 720, 16, "Donors and Schools in the Steppe Region"});
  add(p1,
      column(50, 680,
             {"Donor states compete for attention in the", "steppe. Japan funds clinics and trains",
              "nurses in three provinces. Korea builds", "language centres and pays for teachers",
              "who stay for two years. These are sub-"}));
  add(p1, column(320, 680,
                 {"stantive programmes with lasting effects", "on local elites and students.", "",
                  "Turkey opens schools and mosques, while",
                  "China offers loans for roads and rails."}));
  p1.push_back({300, 40, 8, "1"});
  p2.push_back({50, 760, 8, "Journal of Steppe Studies 13"});
  add(p2, column(50, 700,
                 {"Жапония агенттігі үш облыста емханалар", "салды және мейірбикелерді оқытты.", "",
                  "Корея открыла языковые центры и платит", "учителям за два года работы."}));
  p2.push_back({300, 40, 8, "2"});
  return {p1, p2};
}

}  // namespace

TEST_CASE("pdf: two columns, running header, page numbers and a hyphenated break") {
  if (!ingest::pdf_supported()) return;
  std::string pdf = PdfWriter().write(two_column_article());
  Document d = make_document(pdf, "steppe.pdf");
  CHECK(d.format == "pdf");
  CHECK(d.sha256 == sha256_hex(pdf));
  std::string expected =
      "Donors and Schools in the Steppe Region "
      "Donor states compete for attention in the steppe. Japan funds clinics and trains nurses in "
      "three provinces. Korea builds language centres and pays for teachers who stay for two "
      "years. These are substantive programmes with lasting effects on local elites and students. "
      "Turkey opens schools and mosques, while China offers loans for roads and rails. "
      "Жапония агенттігі үш облыста емханалар салды және мейірбикелерді оқытты. "
      "Корея открыла языковые центры и платит учителям за два года работы.";
  CHECK(squeeze(d.text) == expected);
  CHECK(d.text.find("Journal") == std::string::npos);
  // Pages are recorded for text ranges; the Russian sentence is on page 2.
  REQUIRE(d.locations.size() == 2);
  std::size_t ru = d.text.find("Корея");
  bool on_page_2 = false;
  for (const auto& loc : d.locations)
    if (loc.range.begin <= ru && ru < loc.range.end) on_page_2 = loc.page == 2;
  CHECK(on_page_2);
  // Offsets map into Document::raw, the extracted text.
  std::size_t t = d.text.find("substantive");
  CHECK(d.to_raw({t + 3, t + 11}).slice(d.raw) == "stantive");
  // Languages by section or by paragraph text.
  bool kk = false, ru_lang = false;
  for (const auto& s : d.sections) {
    kk |= s.language == "kk";
    ru_lang |= s.language == "ru";
  }
  CHECK((kk || ru_lang));
}

TEST_CASE("pdf: the same text as plain text gives the same sentences") {
  if (!ingest::pdf_supported()) return;
  std::vector<PdfPage> pages = {
      column(72, 700,
             {"Kazakhstan hosts the forum each year and", "invites Uzbekistan.", "",
              "The Goethe-Institut teaches German in", "Almaty."})};
  Document pdf = make_document(PdfWriter().write(pages), "forum.pdf");
  Document txt = make_document(
      "Kazakhstan hosts the forum each year and invites Uzbekistan.\n\nThe Goethe-Institut teaches "
      "German in Almaty.\n",
      "forum.txt");
  REQUIRE(pdf.sentences.size() == txt.sentences.size());
  for (std::size_t i = 0; i < pdf.sentences.size(); ++i)
    CHECK(squeeze(pdf.slice(pdf.sentences[i].range)) == squeeze(txt.slice(txt.sentences[i].range)));
}

TEST_CASE("pdf: encrypted, image-only, broken, truncated and empty PDFs give clear errors") {
  if (!ingest::pdf_supported()) return;
  std::string good = PdfWriter().write(two_column_article());
  CHECK(error_of(PdfWriter().write(two_column_article(), true)).find("encrypted") !=
        std::string::npos);
  const std::string image_only = error_of(PdfWriter().write({PdfPage{}}));
  CHECK(image_only.find("page 1") != std::string::npos);
  CHECK(image_only.find("no text layer") != std::string::npos);
  CHECK(image_only.find("--ocr") != std::string::npos);
  CHECK(error_of("%PDF-1.4\nthis is not really a pdf\n").find("in.pdf") != std::string::npos);
  CHECK(error_of("%PDF-").find("in.pdf") != std::string::npos);
  // Cut anywhere: an error or a document, never a crash.
  for (std::size_t cut = 8; cut < good.size(); cut += good.size() / 17) {
    try {
      Document d = make_document(good.substr(0, cut), "cut.pdf");
      CHECK(d.format == "pdf");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kBadInput);
    }
  }
}

TEST_CASE("pdf: format comes from the content; --input-format forces it") {
  if (!ingest::pdf_supported()) return;
  std::string pdf = PdfWriter().write({column(72, 700, {"Japan funds clinics."})});
  CHECK(make_document(pdf, "no-extension").format == "pdf");
  IngestOptions o;
  o.input_format = "text";
  CHECK_THROWS_AS(make_document(pdf, "x.pdf", o), Error);  // binary-ish bytes as text
}

TEST_CASE("pdf: two justified columns with a narrow gutter are read column by column") {
  if (!ingest::pdf_supported()) return;
  // Left and right lines share baselines and the gutter is narrow, so poppler can put words of
  // both columns into one line; they must not be joined across the gutter.
  const std::string left =
      "Japan funds clinics and trains nurses in three provinces of the steppe. Korea builds "
      "language centres and pays for teachers who stay for two years in the villages. Germany "
      "sends engineers who repair the old water pipes of the regional capital.";
  const std::string right =
      "Turkey opens schools and mosques in the small towns along the river. China offers loans "
      "for roads and rails that cross the mountains into the valley. India trains diplomats "
      "and doctors at its universities every year.";
  const std::string title = "Donors and Schools in the Steppe Region";
  // Body sizes from 9 to 12 pt: the gutter may be narrower than one line's height.
  for (double size : {9.0, 10.0, 11.0, 12.0})
    for (double gutter : {7.0, 8.0, 9.0, 10.0, 12.0, 15.0, 20.0, 30.0}) {
      CAPTURE(size);
      CAPTURE(gutter);
      PdfPage page;
      page.push_back({50, 740, 16, title});
      add(page, justified(50, 700, 250, left, size));
      add(page, justified(300 + gutter, 700, 250, right, size));
      page.push_back({150, 40, 8, "7"});  // a page number under the left column, not in its text
      Document d = make_document(PdfWriter().write({page}), "narrow.pdf");
      CHECK(squeeze(d.text) == title + " " + left + " " + right);
    }
  // One column of the same justified text, as wide as the two, or as narrow as one with loose
  // spacing: read line by line, whatever the rivers between its words.
  for (double size : {9.0, 10.0, 11.0, 12.0})
    for (double width : {510.0, 250.0, 180.0}) {
      CAPTURE(size);
      CAPTURE(width);
      PdfPage one;
      add(one, justified(50, 700, width, left + " " + right, size));
      Document d = make_document(PdfWriter().write({one}), "wide.pdf");
      CHECK(squeeze(d.text) == left + " " + right);
    }
}

namespace {

// Two lines of body text, different on every page.
std::vector<std::string> body_of_page(int p) {
  static const char* donors[] = {"Japan", "Korea", "Turkey", "China",
                                 "India", "Qatar", "Egypt",  "Chile"};
  static const char* works[] = {"clinics", "schools", "roads", "wells",
                                "ports",   "farms",   "mines", "dams"};
  std::string d = donors[(p - 1) % 8], w = works[(p * 3) % 8];
  return {d + " funds " + w + " in the province",
          "and " + std::string(works[p % 8]) + " near the border for " + d + "."};
}

// A report of `pages` pages: on even pages the author's name heads the page on the left, on odd
// pages the short title on the right (each on half the pages), a page number "- N -" or "N | Short
// Title" at the foot, and a three-line footer on every page; a sentence of body text per page.
std::vector<PdfPage> report_with_furniture(int pages) {
  std::vector<PdfPage> out;
  for (int p = 1; p <= pages; ++p) {
    PdfPage page;
    if (p % 2 == 0)
      page.push_back({50, 760, 8, "ALMA NURLANOVA"});
    else
      page.push_back({380, 760, 8, "Donors in the Steppe"});
    add(page, column(50, 700, body_of_page(p)));
    page.push_back({280, 60, 8,
                    p % 3 == 0 ? std::to_string(p + 40) + " | Steppe Review"
                               : "- " + std::to_string(p + 40) + " -"});
    page.push_back({400, 48, 7, "Institute of Steppe Studies"});
    page.push_back({400, 40, 7, "12 Abai Avenue, Almaty"});
    page.push_back({400, 32, 7, "www.steppe-studies.example"});
    out.push_back(page);
  }
  return out;
}

}  // namespace

TEST_CASE("pdf: alternating running heads, multi-line footers and page numbers in any style") {
  if (!ingest::pdf_supported()) return;
  Document d = make_document(PdfWriter().write(report_with_furniture(8)), "report.pdf");
  for (std::string_view furniture :
       {"ALMA", "Donors in the Steppe", "Steppe Review", "Institute of Steppe", "Abai Avenue",
        "www.steppe", "- 4", "43"})
    CHECK_MESSAGE(d.text.find(furniture) == std::string::npos, furniture);
  for (int p = 1; p <= 8; ++p) {
    std::vector<std::string> lines = body_of_page(p);
    std::string body = lines[0] + " " + lines[1];
    CHECK_MESSAGE(squeeze(d.text).find(body) != std::string::npos, body);
  }
}

TEST_CASE("pdf: footnotes become notes after the text, their raised marks leave the body") {
  if (!ingest::pdf_supported()) return;
  PdfPage p1, p2;
  add(p1,
      column(50, 700,
             {"Korea opened language centres in Almaty in", "2019 and pays teachers there.",
              "The programme grew quickly and by now the", "centres teach in four cities of the"}));
  p1.push_back({50 + 0.5 * 10 * 40 + 1, 704, 6, "1"});  // raised after "...Almaty in"
  p1.push_back({50, 80, 8, "1 A report of the ministry gives the figures."});
  p1.push_back({50, 70, 8, "2 Teachers stay for two years."});
  add(p2, column(50, 700, {"country, from the north to the south."}));
  Document d = make_document(PdfWriter().write({p1, p2}), "notes.pdf");
  const std::string text = squeeze(d.text);
  // The mark left the body, and the sentence cut by the page's notes is whole.
  CHECK(text.find("language centres in Almaty in 2019 and pays") != std::string::npos);
  CHECK(text.find("four cities of the country, from the north") != std::string::npos);
  // The notes follow the text under a heading of their own, each a paragraph with its mark.
  std::size_t notes = text.find("Notes 1 A report of the ministry gives the figures.");
  CHECK(notes != std::string::npos);
  CHECK(notes > text.find("to the south."));
  std::size_t note2 = d.text.find("2 Teachers");
  REQUIRE(note2 != std::string::npos);
  bool own_paragraph = false;
  for (const auto& para : d.paragraphs) own_paragraph |= para.range.begin == note2;
  CHECK(own_paragraph);
  // Page 1's text is its body, a blank line and its notes: the notes' location says where.
  int page1_parts = 0;
  for (const auto& loc : d.locations)
    if (loc.page == 1) {
      ++page1_parts;
      if (loc.offset > 0) CHECK(d.raw.substr(loc.raw.begin, 2) == "1 ");
    }
  CHECK(page1_parts == 2);
}

TEST_CASE("pdf: a reference list in small print under the body is no footnote block") {
  if (!ingest::pdf_supported()) return;
  // Continuation lines that open with digits: a URL broken after a hyphen, a page range, a date.
  PdfPage p;
  // More body lines than small ones, so that the body's font is the page's usual one.
  add(p,
      column(50, 700,
             {"Korea opened language centres in Almaty in", "2019 and pays teachers there.",
              "Japan funds clinics and trains nurses in", "three provinces of the south, and",
              "Turkey opens schools and mosques, while", "China offers loans for roads and rails",
              "that cross the steppe from east to west.", "The donors compete for the favour of",
              "local elites and of students.", "", "References"}));
  add(p, column(50, 560,
                {"[1] Centre roadmap - http://example.org/lists/2008-", "02/msg00051.html.",
                 "[2] A. Author. Schools abroad, in Proceedings, pages", "15-26, 2005.",
                 "[3] B. Writer. Loans and roads. Report of the bank, issued", "12/2019 in Astana.",
                 "[4] C. Scholar. Soft power in Central Asia, 2011."},
                8));
  Document d = make_document(PdfWriter().write({p}), "refs.pdf");
  const std::string text = squeeze(d.text);
  CHECK(text.find("Notes") == std::string::npos);
  CHECK(text.find("lists/2008- 02/msg00051.html. [2] A. Author") != std::string::npos);
  CHECK(text.find("pages 15-26, 2005. [3] B. Writer") != std::string::npos);
  CHECK(text.find("issued 12/2019 in Astana. [4] C. Scholar") != std::string::npos);
}

TEST_CASE("pdf: a page with a font that maps to no text is named, and --ocr suggested") {
  if (!ingest::pdf_supported()) return;
  // Two pages of text and one of control characters only, as a font without a Unicode map gives.
  std::vector<PdfPage> pages = report_with_furniture(3);
  pages[1] = PdfPage{{50, 700, 10, std::string("\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10", 10)}};
  Document d = make_document(PdfWriter().write(pages), "unmapped.pdf");
  CHECK(squeeze(d.text).find(body_of_page(3)[0]) != std::string::npos);
  for (const auto& loc : d.locations) CHECK(loc.page != 2);
  std::vector<PdfPage> only_bad = {pages[1]};
  std::string e = error_of(PdfWriter().write(only_bad));
  CHECK(e.find("page 1") != std::string::npos);
  CHECK(e.find("--ocr") != std::string::npos);
  CHECK(e.find("binary") == std::string::npos);
}

TEST_CASE("pdf: a drop cap joins the rest of its word") {
  if (!ingest::pdf_supported()) return;
  PdfPage page;
  page.push_back({50, 676, 36, "F"});
  add(page, column(74, 700,
                   {"reedom of the press in the region has", "declined since the new law, the",
                    "report finds, and editors leave."}));
  add(page, column(50, 650, {"Kazakhstan and Uzbekistan signed a trade", "agreement in May."}));
  Document d = make_document(PdfWriter().write({page}), "dropcap.pdf");
  CHECK(squeeze(d.text).find("Freedom of the press in the region has declined") !=
        std::string::npos);
  CHECK(squeeze(d.text).find("F reedom") == std::string::npos);
}

TEST_CASE("pdf: three columns are read column by column") {
  if (!ingest::pdf_supported()) return;
  // Three columns of notes, 160 points wide with 20-point gutters; rows share their baselines.
  std::vector<std::string> cols[3];
  const char* donors[] = {"Japan", "Korea", "Turkey"};
  for (int c = 0; c < 3; ++c)
    for (int i = 0; i < 8; ++i)
      cols[c].push_back(std::string(donors[c]) + " note " + std::to_string(i + 1) +
                        " line of the col");
  PdfPage page;
  page.push_back({50, 740, 16, "Endnotes"});
  for (int c = 0; c < 3; ++c) add(page, column(50 + 180.0 * c, 700, cols[c], 9));
  Document d = make_document(PdfWriter().write({page}), "three.pdf");
  std::string text = squeeze(d.text);
  std::size_t at = 0;
  for (int c = 0; c < 3; ++c)
    for (const std::string& line : cols[c]) {
      std::size_t found = text.find(line, at);
      CHECK_MESSAGE(found != std::string::npos, line);
      if (found != std::string::npos) at = found;
    }
}

TEST_CASE("pdf: a pull quote that cuts a sentence is read after the paragraph, on its page") {
  if (!ingest::pdf_supported()) return;
  PdfPage p1, p2;
  add(p1, column(50, 700,
                 {"Japan funds clinics and trains nurses in",
                  "three provinces and builds roads to the"}));
  add(p1, column(70, 650, {"Aid buys goodwill in", "the steppe, they say."}, 14));
  add(p1,
      column(50, 600,
             {"villages that the clinics serve each day.", "", "",
              "Korea pays for teachers of its language", "in four cities and the teachers stay for",
              "two years. Turkey opens schools while the",
              "centres of Iran teach Persian and by now"}));
  // A chart opens the next page before the sentence goes on.
  add(p2, column(50, 700, {"Loans by year", "2019 2020 2021"}, 8));
  add(p2,
      column(50, 650,
             {"their pupils come from the north and the", "south of the country to learn there."}));
  Document d = make_document(PdfWriter().write({p1, p2}), "quote.pdf");
  const std::string text = squeeze(d.text);
  CHECK(text.find("builds roads to the villages that the clinics") != std::string::npos);
  CHECK(text.find("and by now their pupils come from") != std::string::npos);
  // The quote is a paragraph of its own after the paragraph it cut, the chart after the one it cut.
  const std::size_t quote = d.text.find("Aid buys goodwill in the steppe, they say.");
  REQUIRE(quote != std::string::npos);
  CHECK(quote > d.text.find("each day."));
  CHECK(quote < d.text.find("Korea pays"));
  const std::size_t chart = d.text.find("Loans by year");
  REQUIRE(chart != std::string::npos);
  CHECK(chart > d.text.find("to learn there."));
  bool own_paragraph = false;
  for (const auto& para : d.paragraphs) own_paragraph |= para.range.begin == quote;
  CHECK(own_paragraph);
  // Each page's text is its running text, then its asides: the quote is a part of page 1 after
  // the running text, the chart a part of page 2.
  std::map<int, std::vector<const SourceLocation*> > parts;
  for (const auto& loc : d.locations) parts[loc.page].push_back(&loc);
  REQUIRE(parts[1].size() == 3);  // the running text before and after the quote, the quote
  const SourceLocation* aside = nullptr;
  for (const auto* loc : parts[1])
    if (d.raw.substr(loc->raw.begin, 3) == "Aid") aside = loc;
  REQUIRE(aside != nullptr);
  std::uint64_t body_end = 0;
  for (const auto* loc : parts[1])
    if (loc != aside) body_end = std::max(body_end, loc->offset + loc->raw.size());
  CHECK(aside->offset == body_end + 2);
  bool chart_on_2 = false;
  for (const auto* loc : parts[2]) chart_on_2 |= d.raw.substr(loc->raw.begin, 5) == "Loans";
  CHECK(chart_on_2);
}

// Issue 20, item 16: a PDF whose every page carries one and the same line was "no text layer":
// the line, repeated at the same height on every page, went as a running head, and nothing was
// left. A line that is all the document has is its text, wherever it sits on the page.
TEST_CASE("pdf: pages that all carry the same line keep it, at the top, middle or foot") {
  if (!ingest::pdf_supported()) return;
  for (double y : {760.0, 400.0, 40.0}) {
    std::vector<PdfPage> pages(4, PdfPage{{50, y, 10, "Turkey funds schools in Azerbaijan."}});
    std::string err;
    try {
      Document d = make_document(PdfWriter().write(pages), "same.pdf");
      CHECK_MESSAGE(d.text.find("Turkey funds schools in Azerbaijan.") != std::string::npos, y);
    } catch (const Error& e) {
      err = e.what();
    }
    CHECK_MESSAGE(err.empty(), y, ": ", err);
  }
}
