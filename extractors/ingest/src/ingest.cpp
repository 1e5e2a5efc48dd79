#include "softgraph/ingest/ingest.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "document_readers.hpp"
#include "piece_map.hpp"
#include "sentence_splitter.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/input_file.hpp"
#include "softgraph/core/text_util.hpp"
#include "softgraph/ingest/slug.hpp"
#include "structure_detector.hpp"
#include "text_repair.hpp"
#include "utf8_validator.hpp"

namespace softgraph {
namespace {

std::string sniff_format(std::string_view raw) {
  std::string_view head = raw.substr(0, 1024);
  // A PDF starts with its header; readers accept junk before it within the first KB, so a header
  // there counts too when the file also ends as a PDF does (%%EOF) -- a text that only mentions
  // "%PDF-" stays a text.
  if (raw.starts_with("%PDF-")) return "pdf";
  if (const auto at = head.find("%PDF-"); at != std::string_view::npos) {
    const std::size_t tail = raw.size() > 2048 ? raw.size() - 2048 : 0;
    if (raw.find("%%EOF", tail) != std::string_view::npos) return "pdf";
  }
  std::string low;
  std::size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
    ++i;
  if (i >= head.size() || head[i] != '<') return "text";
  for (char c : head.substr(i)) low.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}) {
    if (low.find(tag) != std::string::npos) return "html";
  }
  // A saved fragment ("<div>...</div>" without <html>): it opens with an HTML element and closes
  // one of them.
  auto tag_at = [&](std::size_t at) {
    static constexpr std::string_view kTags[] = {
        "div", "p",          "span", "a",      "article", "section", "main", "table",
        "ul",  "ol",         "li",   "h1",     "h2",      "h3",      "h4",   "h5",
        "h6",  "blockquote", "pre",  "figure", "em",      "strong",  "b",    "i"};
    for (std::string_view t : kTags)
      if (low.compare(at, t.size(), t) == 0 && at + t.size() < low.size() &&
          (low[at + t.size()] == '>' || low[at + t.size()] == ' ' || low[at + t.size()] == '\n'))
        return true;
    return false;
  };
  if (tag_at(1)) {
    for (std::size_t at = low.find("</"); at != std::string::npos; at = low.find("</", at + 2))
      if (tag_at(at + 2)) return "html";
  }
  return "text";
}

// The id part of a file name: ASCII as it is, other scripts transliterated ("Әдебиет" ->
// "adebiet"); a name with nothing left (symbols only, or not UTF-8) gets a digest of its bytes,
// so that distinct files never share an empty id.
std::string document_slug(const std::string& stem) {
  std::string slug = slug_any_script(stem);
  if (slug.empty()) slug = "file_" + sha256_hex(stem).substr(0, 12);
  return slug;
}

// Where a document's repaired text came from: one map per stage, composed into the final one.
struct TextPipeline {
  std::string text;
  OffsetMap map;  // text -> raw
  bool has_map = false;

  void stage(std::string&& out, OffsetMap&& m) {
    map = has_map ? m.then(map) : std::move(m);
    has_map = true;
    text = std::move(out);
  }
};

// A document over the size limit is refused before it is read further: a build holds some
// twelve times a document's size besides its fixed 100 MB.
void check_size(std::uint64_t bytes, const std::string& path, const IngestOptions& options,
                const char* what) {
  if (options.max_document_bytes == 0 || bytes <= options.max_document_bytes) return;
  const auto mb = [](std::uint64_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(b) / 1e6);
    return std::string(buf);
  };
  throw input_error(path, "",
                    std::string(what) + " is " + std::to_string(bytes) + " bytes (" + mb(bytes) +
                        " MB), over the limit of " + std::to_string(options.max_document_bytes) +
                        " bytes for one document (--max-document-size; split the document or "
                        "raise the limit: a build needs about 12 bytes of memory per byte)");
}

}  // namespace

Document make_document(std::string raw, const std::string& path, const IngestOptions& options) {
  Document doc;
  doc.path = path;
  check_size(raw.size(), path, options, "the file");
  doc.id = "document/" + document_slug(std::filesystem::path(path).stem().string());
  doc.sha256 = sha256_hex(raw);
  std::string format = options.input_format;
  if (format == "auto" || format.empty()) format = sniff_format(raw);
  if (format == "txt") format = "text";
  if (format != "text" && format != "pdf" && format != "html") {
    throw Error(ErrorCode::kUsage, path, "",
                "unknown input format '" + format + "' (expected auto, text, pdf or html)");
  }
  doc.format = format;
  if (raw.empty()) throw input_error(path, "", "empty file: there is no text to read");

  ingest::ExtractedText extracted;
  ingest::RepairOptions repair;
  if (format == "pdf") {
    extracted = ingest::read_pdf(raw, path, options.ocr);
    doc.raw = std::move(extracted.text);
  } else if (format == "html") {
    extracted = ingest::read_html(raw, path);
    doc.raw = std::move(extracted.text);
    doc.title = std::move(extracted.title);
    doc.byline = std::move(extracted.byline);
    repair = {false, false, false};  // block elements already delimit paragraphs
  } else {
    doc.raw = std::move(raw);
  }
  if (format != "text") check_size(doc.raw.size(), path, options, "its extracted text");

  TextPipeline tp;
  {
    std::string out;
    OffsetMap m;
    if (ingest::clean_utf8(doc.raw, path, options.lossy, out, m))
      tp.stage(std::move(out), std::move(m));
  }
  std::string_view current = tp.has_map ? std::string_view(tp.text) : std::string_view(doc.raw);
  auto edits = ingest::find_repairs(current, repair);
  if (!edits.empty()) {
    std::string out;
    OffsetMap m;
    ingest::apply_edits(current, edits, out, m);
    tp.stage(std::move(out), std::move(m));
    current = tp.text;
  }
  {
    std::string out;
    OffsetMap m;
    if (ingest::normalize_nfc(current, out, m)) tp.stage(std::move(out), std::move(m));
  }
  if (tp.has_map) {
    doc.text = std::move(tp.text);
    doc.map = tp.map;  // a copy: headings and reader locations are mapped with it below
  } else {
    doc.text = doc.raw;
    doc.map = OffsetMap();
    doc.map.add_copy(0, doc.raw.size());
  }
  if (std::all_of(doc.text.begin(), doc.text.end(),
                  [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\v'; })) {
    throw input_error(path, "", "no text: the file holds only white space");
  }

  // Reader locations and headings are ranges of raw; move them onto the repaired text.
  auto to_text = [&](ByteRange r) {
    if (!tp.has_map) return r;
    return ByteRange{tp.map.to_text(r.begin), tp.map.to_text(r.end)};
  };
  for (auto& h : extracted.headings) h.range = to_text(h.range);
  for (auto& loc : extracted.locations) {
    loc.raw = loc.range;
    loc.range = to_text(loc.range);
    if (!loc.range.empty()) doc.locations.push_back(std::move(loc));
  }

  ingest::detect_structure(doc, extracted.headings);
  // One splitter per thread: its ICU iterator and buffers serve document after document.
  thread_local ingest::SentenceSplitter splitter;
  splitter.split(doc);
  return doc;
}

Document load_document(const std::string& path, const IngestOptions& options) {
  // Opened once, then checked on the descriptor: a folder, a FIFO or a device is refused whatever
  // the path became after the folder was listed; a file over the size limit is refused before
  // it is read (make_document checks the bytes read again).
  std::string raw = read_regular_file(path, "a text, PDF or HTML file", [&](std::uint64_t size) {
    check_size(size, path, options, "the file");
  });
  return make_document(std::move(raw), path, options);
}

}  // namespace softgraph
