// HTML input: main text without furniture, headings as sections, entities and charsets decoded,
// element paths as locations, clear errors for pages without text.
#include <string>

#include "document_readers.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {
const char* kPage = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Donors</title>
<style>p { color: red }</style><script>var x = "Hidden script text.";</script></head>
<body>
<header><p>Site header text</p></header>
<nav><ul><li>Home</li><li>About</li></ul></nav>
<main>
<h1>Donors in the Steppe</h1>
<p>Japan funds clinics &amp; trains nurses. Korea&#39;s centres teach &ldquo;language&rdquo;.</p>
<h2>Turkey</h2>
<p>Turkey opens <b>schools</b> and
   <a href="#">mosques</a>.</p>
<ul><li>TIKA builds roads.</li><li>Maarif runs schools.</li></ul>
<blockquote>Корея открыла языковые центры.</blockquote>
</main>
<aside><p>Related stories</p></aside>
<footer><p>Copyright footer</p></footer>
<form><p>Subscribe</p></form>
</body></html>)";

std::string error_of(const std::string& bytes) {
  try {
    make_document(bytes, "page.html");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("html: keeps the main text and drops scripts, styles and navigation") {
  if (!ingest::html_supported()) return;
  Document d = make_document(kPage, "page.html");
  CHECK(d.format == "html");
  CHECK(d.text ==
        "Donors in the Steppe\n\n"
        "Japan funds clinics & trains nurses. Korea's centres teach "
        "\xE2\x80\x9Clanguage\xE2\x80\x9D.\n\n"
        "Turkey\n\n"
        "Turkey opens schools and mosques.\n\n"
        "TIKA builds roads.\n\n"
        "Maarif runs schools.\n\n"
        "Корея открыла языковые центры.\n");
  for (const char* gone :
       {"Hidden", "Site header", "Home", "Related", "Copyright", "Subscribe", "color"})
    CHECK(d.text.find(gone) == std::string::npos);
}

TEST_CASE("html: headings become sections and elements become locations") {
  if (!ingest::html_supported()) return;
  Document d = make_document(kPage, "page.html");
  bool turkey = false;
  for (const auto& s : d.sections) turkey |= s.title == "Turkey" && s.level == 2;
  CHECK(turkey);
  REQUIRE(!d.locations.empty());
  std::size_t t = d.text.find("TIKA");
  std::string element;
  for (const auto& loc : d.locations)
    if (loc.range.begin <= t && t < loc.range.end) element = loc.element;
  CHECK(element == "/html/body/main/ul/li[1]");
  CHECK(d.locations.front().element == "/html/body/main/h1");
  CHECK(d.sentences.size() >= 7);
}

TEST_CASE("html: charset from meta is decoded to UTF-8") {
  if (!ingest::html_supported()) return;
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "</head><body><p>\xCA\xEE\xF0\xE5\xFF \xEF\xEB\xE0\xF2\xE8\xF2.</p></body></html>";
  Document d = make_document(page, "cp1251.html");
  CHECK(d.text == "Корея платит.\n");
  CHECK(d.sections.at(0).language == "ru");
}

TEST_CASE("html: pages without text, empty and broken pages give clear errors or recover") {
  if (!ingest::html_supported()) return;
  CHECK(error_of("<html><body><script>x()</script><nav>menu</nav></body></html>").find("no text") !=
        std::string::npos);
  CHECK(error_of("<!DOCTYPE html>").find("page.html") != std::string::npos);
  // Truncated markup recovers to what is there.
  Document d = make_document("<html><body><h1>Title</h1><p>Japan funds clin", "cut.html");
  CHECK(d.text.find("Japan funds clin") != std::string::npos);
  // Cut anywhere: an error or a document, never a crash.
  std::string page = kPage;
  for (std::size_t cut = 1; cut < page.size(); cut += 37) {
    try {
      make_document(page.substr(0, cut), "cut.html");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kBadInput);
    }
  }
}

TEST_CASE("html: sniffed from content, or forced with input_format") {
  if (!ingest::html_supported()) return;
  CHECK(make_document("  <!doctype HTML><p>Hi there.</p>", "noext").format == "html");
  IngestOptions o;
  o.input_format = "html";
  CHECK(make_document("<p>Plain paragraph.</p>", "x.txt", o).format == "html");
  o.input_format = "text";
  Document d = make_document("<p>Plain paragraph.</p>", "x.html", o);
  CHECK(d.format == "text");
  CHECK(d.text == "<p>Plain paragraph.</p>");
}
