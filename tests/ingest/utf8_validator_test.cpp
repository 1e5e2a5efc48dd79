// UTF-8 checking and the clean-up stage: strict rejection with byte offsets, lossy replacement,
// BOM and CRLF handling with exact offsets back into the file.
#include "utf8_validator.hpp"

#include <string>

#include "softgraph/core/error.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"
#include "unicode_util.hpp"

using namespace softgraph;
using softgraph::ingest::find_invalid_utf8;

namespace {
std::string error_of(const std::string& raw, IngestOptions o = {}) {
  try {
    make_document(raw, "in.txt", o);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadInput);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("accepts valid UTF-8 of every length") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xD2\x9B") ==
        std::string_view::npos);
  CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == std::string_view::npos);  // U+10FFFF
}

TEST_CASE("rejects overlongs, surrogates, out-of-range and truncated sequences at their offset") {
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);            // overlong '/'
  CHECK(find_invalid_utf8("abc\xE0\x80\xAF") == 3);       // overlong 3-byte
  CHECK(find_invalid_utf8("x\xF0\x80\x80\xAF") == 1);     // overlong 4-byte
  CHECK(find_invalid_utf8("12345678\xED\xA0\x80") == 8);  // surrogate U+D800
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);      // U+110000
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
  CHECK(find_invalid_utf8("ok \x80") == 3);       // lone continuation
  CHECK(find_invalid_utf8("end \xE2\x82") == 4);  // truncated at end
  CHECK(find_invalid_utf8("\xC3(") == 0);         // bad continuation
}

TEST_CASE("invalid UTF-8 is an input error naming the byte offset") {
  std::string msg = error_of("Hello world\xFF and more");
  CHECK(msg.find("in.txt") != std::string::npos);
  CHECK(msg.find("byte 11") != std::string::npos);
  CHECK(msg.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("lossy mode replaces each invalid sequence with U+FFFD and keeps offsets") {
  IngestOptions o;
  o.lossy = true;
  Document d = make_document("Ab\xE2\x82 cd\xFF.", "in.txt", o);
  CHECK(d.text == "Ab\xEF\xBF\xBD cd\xEF\xBF\xBD.");
  // "cd" sits after the 3-byte replacement in the text, after 2 bad bytes in the file.
  std::size_t t = d.text.find("cd");
  CHECK(d.to_raw({t, t + 2}) == ByteRange{5, 7});
  CHECK(d.to_raw({2, 5}) == ByteRange{2, 4});  // the replacement covers both bad bytes
}

TEST_CASE("empty, whitespace-only, NUL and UTF-16 inputs get a clear error") {
  CHECK(error_of("").find("empty file") != std::string::npos);
  CHECK(error_of(" \n\n\t").find("no text") != std::string::npos);
  CHECK(error_of(std::string("abc\0def", 7)).find("byte 3") != std::string::npos);
  CHECK(error_of("\xFF\xFEh\0i\0").find("UTF-16") != std::string::npos);
  std::string binary;
  for (int i = 0; i < 200; ++i) binary.push_back(static_cast<char>(1 + i % 8));
  CHECK(error_of(binary).find("binary") != std::string::npos);
}

TEST_CASE("BOM is stripped and CRLF becomes LF with offsets into the original bytes") {
  Document d = make_document("\xEF\xBB\xBFOne line.\r\nTwo line.\r\n", "in.txt");
  CHECK(d.text == "One line.\nTwo line.\n");
  CHECK(d.raw.starts_with("\xEF\xBB\xBF"));
  std::size_t t = d.text.find("Two");
  CHECK(d.to_raw({t, t + 3}) == ByteRange{14, 17});
  CHECK(d.raw.substr(14, 3) == "Two");
  CHECK(d.to_raw({0, 3}) == ByteRange{3, 6});
}

TEST_CASE("id and sha256 come from the path and the original bytes") {
  Document d = make_document("Some text.", "/tmp/My Report-2024.txt");
  CHECK(d.id == "document/my_report_2024");
  CHECK(d.sha256 == sha256_hex("Some text."));
  CHECK(d.format == "text");
}

TEST_CASE("load_document reports missing files and folders") {
  CHECK_THROWS_AS(load_document("/nonexistent/file.txt"), Error);
  CHECK_THROWS_AS(load_document("/tmp"), Error);
  auto dir = test::scratch("ingest_load");
  std::string p = (dir / "short.txt").string();
  {
    std::FILE* f = std::fopen(p.c_str(), "wb");
    std::fputs("Kazakhstan signed it. Then it left.", f);
    std::fclose(f);
  }
  Document d = load_document(p);
  CHECK(d.sentences.size() == 2);
}

TEST_CASE("an unknown forced input format is a usage error") {
  IngestOptions o;
  o.input_format = "docx";
  try {
    make_document("text", "in.txt", o);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kUsage);
  }
}

// The ASCII answers of the code-point classes, given without asking ICU, are ICU's.
TEST_CASE("is_lower, is_upper and is_letter answer ASCII as ICU does") {
  for (UChar32 c = -1; c < 0x80; ++c) {
    const bool icu_lower = c >= 0 && u_islower(c);
    const bool icu_upper = c >= 0 && (u_isupper(c) || u_istitle(c));
    const bool icu_letter = c >= 0 && u_isalpha(c);
    CHECK(ingest::is_lower(c) == icu_lower);
    CHECK(ingest::is_upper(c) == icu_upper);
    CHECK(ingest::is_letter(c) == icu_letter);
  }
}

// The scans pass blocks of plain bytes at once: a CR, form feed, NUL or invalid byte is found
// wherever it falls in or across a block, LFs and tabs around it or not.
TEST_CASE("control and invalid bytes are found at every position within the scanned blocks") {
  for (std::size_t at = 0; at < 70; ++at) {
    std::string base(80, 'a');
    for (std::size_t k = 3; k < base.size(); k += 7) base[k] = k % 2 ? '\n' : '\t';
    std::string cr = base;
    cr[at] = '\r';
    std::string out;
    OffsetMap map;
    REQUIRE(ingest::clean_utf8(cr, "in.txt", false, out, map));
    std::string expected = cr;
    expected[at] = '\n';
    if (at + 1 < cr.size() && cr[at + 1] == '\n') expected.erase(at, 1);  // CR LF: one break
    CHECK(out == expected);
    std::string nul = base;
    nul[at] = '\0';
    CHECK_THROWS_AS(ingest::clean_utf8(nul, "in.txt", false, out, map), Error);
    std::string bad = base;
    bad[at] = '\xC3';  // a lead byte without its continuation
    CHECK(find_invalid_utf8(bad) == at);
    bad[at + 1] = '\xA9';  // é: valid
    CHECK(find_invalid_utf8(bad) == std::string::npos);
    CHECK_FALSE(ingest::clean_utf8(base, "in.txt", false, out, map));
  }
}
