// HTML main content (issue 17 item 4, issue 20 items 6 and 11): the article without related
// stories, sharing widgets, comment policies, ads and hidden content; title and byline as
// metadata; fragments and mislabelled charsets; deep nesting; many siblings; element paths that
// name the element whose text holds each paragraph.
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <chrono>
#include <string>

#include "document_readers.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {

// Our own article text: long paragraphs with commas, as a story body has.
std::string story_paragraphs(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i)
    out += "<p>Paragraph " + std::to_string(i) +
           " of the story: the ministry of the island republic, after long talks, opened a "
           "second training centre for nurses, paid for by a grant from its northern neighbour, "
           "and the governor said the clinics would open next spring.</p>\n";
  return out;
}

std::string news_page() {
  return R"(<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Island opens nurse centre | Harbour Daily</title>
<meta property="og:title" content="Island opens nurse centre">
<meta name="author" content="Mara Quill">
</head><body>
<div class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></div>
<div id="main-column" class="article-content">
<h1>Island opens nurse centre</h1>
<div class="byline">By Mara Quill</div>
<figure><img src="nurses.jpg"><figcaption>Nurses at the new centre on Monday.
<span class="photo-credit">Lens Agency</span></figcaption></figure>
)" + story_paragraphs(6) +
         R"(<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
<p style="display: none">Hidden teaser that a browser never shows.</p>
<div hidden>Hidden by attribute, never shown.</div>
<div aria-hidden="true">Screen-reader-hidden decoration text.</div>
<div style="visibility:hidden">Invisible paragraph about subscriptions.</div>
)" + story_paragraphs(3, 6) +
         R"(</div>
<div class="related-stories"><h3>Related</h3><ul>
<li><a href="/a">Northern neighbour builds a port in the south</a></li>
<li><a href="/b">Governor visits the capital of the eastern federation</a></li>
<li><a href="/c">Second neighbour sends doctors to the archipelago</a></li></ul></div>
<div id="comments"><p>Comment policy: be civil, comments are moderated and may be removed.</p></div>
<div class="ad-slot -ad-"><p>Advertisement: buy the best ferry tickets here today.</p></div>
</body></html>)";
}

bool has(const Document& d, const std::string& s) { return d.text.find(s) != std::string::npos; }

}  // namespace

TEST_CASE("html content: the article without furniture or hidden parts; title and byline") {
  if (!ingest::html_supported()) return;
  Document d = make_document(news_page(), "news.html");
  CHECK(has(d, "Paragraph 0 of the story"));
  CHECK(has(d, "Paragraph 8 of the story"));  // after the widgets: still the article
  CHECK(has(d, "Nurses at the new centre"));  // a caption stays (Readability keeps them)...
  for (const char* gone : {"Home", "Share on Facebook", "Hidden teaser", "Hidden by attribute",
                           "Screen-reader", "Invisible paragraph", "Northern neighbour builds",
                           "Comment policy", "Advertisement", "By Mara Quill", "Lens Agency"})
    CHECK_MESSAGE(!has(d, gone), gone);  // ... its photo credit does not
  CHECK(d.title == "Island opens nurse centre");
  CHECK(d.byline == "Mara Quill");
  CHECK(d.text.starts_with("Island opens nurse centre\n\n"));  // the headline stays a heading
}

TEST_CASE("html content: an article's own <header> keeps its lede; the page's goes") {
  if (!ingest::html_supported()) return;
  std::string page =
      "<html><body><header><p>Masthead of the site with its motto.</p></header>"
      "<article><header><h1>Ferries resume</h1><p>The lede: ferries to the outer "
      "islands resume on Monday after a week of storms.</p></header>" +
      story_paragraphs(4) + "</article></body></html>";
  Document d = make_document(page, "lede.html");
  CHECK(has(d, "The lede: ferries"));
  CHECK(!has(d, "Masthead"));
}

TEST_CASE("html content: title from <title> without the site name; byline from the page") {
  if (!ingest::html_supported()) return;
  std::string page =
      "<html><head><title>Clinics reopen across the valley | Harbour Daily</title>"
      "</head><body><article><p class=\"byline\">Jon Reed</p>" +
      story_paragraphs(4) + "</article></body></html>";
  Document d = make_document(page, "t.html");
  CHECK(d.title == "Clinics reopen across the valley");
  CHECK(d.byline == "Jon Reed");
  CHECK(!has(d, "Jon Reed"));
  CHECK(has(d, "Paragraph 3 of the story"));
}

TEST_CASE("html content: hidden content is dropped even when no article stands out") {
  if (!ingest::html_supported()) return;
  Document d = make_document(
      "<html><body><header><p>Page header line.</p></header><p>Short visible line.</p><p "
      "style='DISPLAY : NONE'>Gone one.</p>"
      "<span hidden>Gone two.</span><p aria-hidden='true'>Gone three.</p></body></html>",
      "small.html");
  CHECK(has(d, "Short visible line."));
  for (const char* gone : {"Gone one", "Gone two", "Gone three", "Page header"})
    CHECK_MESSAGE(!has(d, gone), gone);
}

TEST_CASE("html content: a fragment without <html> is sniffed as HTML") {
  if (!ingest::html_supported()) return;
  Document d = make_document(
      "<div class=\"post\">\n<p>First <b>bold</b> point.</p>\n"
      "<p>Second point.</p></div>\n",
      "fragment");
  CHECK(d.format == "html");
  CHECK(d.text == "First bold point.\n\nSecond point.\n");
  // Text that merely starts with a bracket stays text.
  CHECK(make_document("<note> to self: call Ana.\n", "n").format == "text");
  CHECK(make_document("<3 this city.\n", "n").format == "text");
}

TEST_CASE("html content: a declared charset is checked against the bytes") {
  if (!ingest::html_supported()) return;
  // Declares windows-1251, is UTF-8: valid UTF-8 wins.
  Document a = make_document(
      "<html><head><meta charset=\"windows-1251\"></head><body><p>Корея платит.</p></body></html>",
      "utf8-as-1251.html");
  CHECK(a.text == "Корея платит.\n");
  // Declares UTF-8, is windows-1252: the bytes are not UTF-8, so the legacy charset.
  Document b = make_document(
      "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xE9 na\xEFve r\xE9sum\xE9, "
      "\x93quoted\x94.</p></body></html>",
      "1252-as-utf8.html");
  CHECK(b.text == "Café naïve résumé, \xE2\x80\x9Cquoted\xE2\x80\x9D.\n");
  // UTF-8 with one stray byte: UTF-8, the stray replaced.
  Document c = make_document(
      "<html><head><meta charset=\"utf-8\"></head><body><p>Алматы и Астана \xFF сегодня, "
      "Бишкек и Ош.</p></body></html>",
      "stray.html");
  CHECK(c.text == "Алматы и Астана \xEF\xBF\xBD сегодня, Бишкек и Ош.\n");
  // A declared legacy charset that matches the bytes is still honoured.
  Document e = make_document(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
      "</head><body><p>\xEB\xCF\xD2\xC5\xD1.</p></body></html>",
      "koi8.html");
  CHECK(e.text == "Корея.\n");
}

TEST_CASE("html content: nesting deeper than libxml2's 256 levels loses nothing") {
  if (!ingest::html_supported()) return;
  for (int depth : {300, 5000, 100000}) {
    std::string page = "<html><body>";
    for (int i = 0; i < depth; ++i) page += "<div>";
    page += "<p>Deep paragraph text.</p>";
    for (int i = 0; i < depth; ++i) page += "</div>";
    page += "<p>Text after the deep part.</p></body></html>";
    Document d = make_document(page, "deep.html");
    CHECK_MESSAGE(has(d, "Deep paragraph text."), depth);
    CHECK_MESSAGE(has(d, "Text after the deep part."), depth);
  }
}

TEST_CASE("html content: many sibling blocks take linear time, with the right paths") {
  if (!ingest::html_supported()) return;
  const int n = 40000;
  std::string page = "<html><body><div>";
  for (int i = 1; i <= n; ++i) page += "<p>Line " + std::to_string(i) + " of the list.</p>";
  page += "</div></body></html>";
  auto t0 = std::chrono::steady_clock::now();
  ingest::ExtractedText x = ingest::read_html(page, "wide.html");
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(s < 5.0);  // was 26.6 s with a path computed per block from scratch
  REQUIRE(x.locations.size() == static_cast<std::size_t>(n));
  CHECK(x.locations.front().element == "/html/body/div/p[1]");
  CHECK(x.locations.back().element == "/html/body/div/p[40000]");
}

TEST_CASE("html content: every location's element path names the element holding its text") {
  if (!ingest::html_supported()) return;
  std::string page = news_page();
  ingest::ExtractedText x = ingest::read_html(page, "news.html");
  htmlDocPtr doc = htmlReadMemory(
      page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  REQUIRE(doc);
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  REQUIRE(!x.locations.empty());
  for (const auto& loc : x.locations) {
    xmlXPathObjectPtr r =
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(loc.element.c_str()), ctx);
    REQUIRE(r);
    REQUIRE(r->nodesetval);
    REQUIRE(r->nodesetval->nodeNr == 1);
    xmlChar* content = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
    std::string collapsed;
    for (const char* p = reinterpret_cast<const char*>(content); *p; ++p) {
      bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
      if (!ws || (!collapsed.empty() && collapsed.back() != ' ')) collapsed += ws ? ' ' : *p;
    }
    xmlFree(content);
    std::string text(loc.range.slice(x.text));
    CHECK_MESSAGE(collapsed.find(text) != std::string::npos,
                  std::string(loc.element + ": " + text));
    // xmlGetNodePath of that node is the same path.
    xmlChar* p = xmlGetNodePath(r->nodesetval->nodeTab[0]);
    CHECK(loc.element == reinterpret_cast<const char*>(p));
    xmlFree(p);
    xmlXPathFreeObject(r);
  }
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
}
