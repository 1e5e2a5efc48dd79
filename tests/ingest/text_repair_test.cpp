// The repairs for PDF-extraction damage, each checked on small texts of our own for the exact
// repaired text and the exact bytes its ranges map back to.
#include "text_repair.hpp"

#include <string>

#include "piece_map.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "test_support.hpp"

using namespace softgraph;

namespace {
ByteRange find(const Document& d, std::string_view s) {
  std::size_t p = d.text.find(s);
  REQUIRE(p != std::string::npos);
  return {p, p + s.size()};
}
std::string_view raw_of(const Document& d, ByteRange text_range) {
  return d.to_raw(text_range).slice(d.raw);
}
}  // namespace

TEST_CASE("joins a word hyphenated across a page break and maps both halves back") {
  Document d = make_document("abc sub-\n\nstantive def", "t.txt");
  CHECK(d.text == "abc substantive def");
  ByteRange tail = find(d, "stantive");
  CHECK(d.to_raw(tail) == ByteRange{10, 18});
  CHECK(raw_of(d, tail) == "stantive");
  CHECK(raw_of(d, find(d, "abc sub")) == "abc sub");
  // The whole joined word maps to the whole broken span in the file.
  CHECK(raw_of(d, find(d, "substantive")) == "sub-\n\nstantive");
}

TEST_CASE("joins a word hyphenated across a single line break") {
  Document d = make_document("It may be lim-\nited here.", "t.txt");
  CHECK(d.text == "It may be limited here.");
}

TEST_CASE("keeps the hyphen after a real compound prefix") {
  Document d = make_document("Their cross-\nborder ties and non-\n\nregional actors.", "t.txt");
  CHECK(d.text == "Their cross-border ties and non-regional actors.");
  CHECK(raw_of(d, find(d, "border")) == "border");
}

TEST_CASE("the dictionary joins a broken word and keeps a compound's hyphen") {
  // Joined only when the joined word is a word: "sociocultural", "interference", "without";
  // kept when it is not and the parts are words (Hunspell's en_US dictionary).
  Document d = make_document(
      "Their socio-\ncultural ties, the inter-\nference with-\nout end, a Chinese-\nfunded road, "
      "a state-\nowned bank, a Soviet-\nstyle plan and Forty-\nfour cases.",
      "t.txt");
  CHECK(d.text ==
        "Their sociocultural ties, the interference without end, a Chinese-funded road, a "
        "state-owned bank, a Soviet-style plan and Forty-four cases.");
}

TEST_CASE("a hyphen in a link or after one letter is never a syllable break") {
  Document d = make_document(
      "See www.example.org/for-\nprofit and the φ-\nnodes of the e-\nmail system.", "t.txt");
  CHECK(d.text == "See www.example.org/for-profit and the φ-nodes of the e-mail system.");
}

TEST_CASE("joins a fragment even when the continuation has its own hyphen") {
  Document d = make_document("within so-\n\ncio-humanitarian work.", "t.txt");
  CHECK(d.text == "within socio-humanitarian work.");
}

TEST_CASE("leaves a hyphen before a capitalised line alone") {
  Document d = make_document("The Sino-\nRussian border.", "t.txt");
  CHECK(d.text == "The Sino-\nRussian border.");
}

TEST_CASE("closes a paragraph cut by a page break before a lowercase continuation") {
  std::string raw = "Several agencies run programmes in the region and\n\nfund schools there.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text == "Several agencies run programmes in the region and fund schools there.");
  CHECK(raw_of(d, find(d, "fund schools")) == "fund schools");
  CHECK(d.paragraphs.size() == 1);
  CHECK(d.sentences.size() == 1);
}

TEST_CASE("closes a cut after a function word even before a capital") {
  Document d =
      make_document("Donors such as Germany, France and the\n\nUSA, Japan and Korea act.", "t.txt");
  CHECK(d.text == "Donors such as Germany, France and the USA, Japan and Korea act.");
  CHECK(raw_of(d, find(d, "USA")) == "USA");
}

TEST_CASE("does not join a heading to the paragraph after it") {
  std::string raw = "Introduction\n\nThe region matters.\n\nMethods\n\nwe read texts.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text == raw);
  CHECK(d.map.to_raw_begin(5) == 5);
}

TEST_CASE("does not join after a finished sentence") {
  std::string raw = "The first paragraph ends here.\n\nthen a lowercase start follows.";
  CHECK(make_document(raw, "t.txt").text == raw);
}

TEST_CASE("drops the tail of a paragraph repeated at the head of the next block") {
  std::string raw =
      "Aid flows grew steadily. The second donor meeting was held in the spring of\n\n"
      "ing was held in the spring of the following year in Almaty.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text ==
        "Aid flows grew steadily. The second donor meeting was held in the spring of the "
        "following year in Almaty.");
  ByteRange r = find(d, "the following year");
  CHECK(raw_of(d, r) == "the following year");
  CHECK(d.to_raw(r).begin == raw.find("the following year"));
}

TEST_CASE("normalises to NFC and maps composed characters to their decomposed bytes") {
  // "Те\u0306" -> "Тй"? Use Latin: e + combining acute -> é.
  std::string raw = "Cafe\xCC\x81 society.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text == "Caf\xC3\xA9 society.");
  ByteRange e = find(d, "\xC3\xA9");
  CHECK(d.to_raw(e) == ByteRange{3, 6});
  CHECK(raw_of(d, find(d, "society")) == "society");
}

TEST_CASE("NFC and repairs compose: offsets survive both") {
  std::string raw = "Cafe\xCC\x81 sup-\n\nport run by the\n\nstate.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text == "Caf\xC3\xA9 support run by the state.");
  CHECK(raw_of(d, find(d, "port run")) == "port run");
  CHECK(raw_of(d, find(d, "state")) == "state");
}

TEST_CASE("untouched text maps one to one") {
  std::string raw = "Plain text with nothing to repair.\n\nA second paragraph.";
  Document d = make_document(raw, "t.txt");
  CHECK(d.text == raw);
  for (std::uint64_t i = 0; i < raw.size(); i += 7) CHECK(d.map.to_raw_begin(i) == i);
}

TEST_CASE("repair statistics count each kind") {
  ingest::RepairStats st;
  auto edits = ingest::find_repairs(
      "a long line of text with a fragm-\nent and a cut in the\n\nmiddle of it and the "
      "state-\nowned.",
      {}, &st);
  CHECK(st.hyphens_joined == 1);
  CHECK(st.hyphens_kept == 1);
  CHECK(st.cuts_joined == 1);
  CHECK(edits.size() == 3);
}

TEST_CASE("offset maps compose and invert") {
  OffsetMap inner;  // mid "abXcd" from raw "ab--cd" (X replaced "--")
  inner.add_copy(0, 2);
  inner.add_replacement(1, 2, 4);
  inner.add_copy(4, 2);
  OffsetMap outer;  // out "abcd" from mid "abXcd" (X deleted)
  outer.add_copy(0, 2);
  outer.add_replacement(0, 2, 3);
  outer.add_copy(3, 2);
  OffsetMap m = outer.then(inner);
  CHECK(m.to_raw_begin(2) == 4);
  CHECK(m.to_raw_end(2) == 2);
  CHECK(m.to_text(4) == 2);
  CHECK(m.to_text(3) == 2);  // inside the deleted bytes: the next output byte
  CHECK(m.to_raw_end(4) == 6);
}

TEST_CASE("joins broken words that only look like they start with a prefix") {
  Document d = make_document(
      "An inter-\nnational pro-\ngramme met the pre-\nsident, for ex-\nample.", "t.txt");
  CHECK(d.text == "An international programme met the president, for example.");
}

TEST_CASE("the document's own spelling decides how a broken hyphen is read") {
  // Hyphenated elsewhere in the document: kept, though "co" is no compound prefix on its own.
  Document kept = make_document("Their co-operation grew. Later co-\noperation slowed.", "t.txt");
  CHECK(kept.text == "Their co-operation grew. Later co-operation slowed.");
  // Closed elsewhere: joined, though "non" usually keeps its hyphen.
  Document joined = make_document("A nonstate actor. Another non-\nstate actor.", "t.txt");
  CHECK(joined.text == "A nonstate actor. Another nonstate actor.");
  // Case does not matter for the evidence.
  Document cased = make_document("Cooperation grew. Later co-\noperation slowed.", "t.txt");
  CHECK(cased.text == "Cooperation grew. Later cooperation slowed.");
}
