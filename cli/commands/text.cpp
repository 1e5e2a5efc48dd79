// softgraph text: the text that evidence offsets index (text_command.hpp).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "text_command.hpp"

namespace softgraph::cli {

namespace {

struct TextArgs {
  std::string file, format = "auto";
  int page = 0;
  bool lossy = false, ocr = false, repaired = false;
};

void run_text(const TextArgs& a) {
  IngestOptions io;
  io.input_format = a.format;
  io.lossy = a.lossy;
  io.ocr = a.ocr;
  Document doc = load_document(a.file, io);
  std::ostringstream text;  // all or nothing: an error prints no partial text
  if (a.repaired)
    text << doc.text;
  else
    write_indexed_text(doc, text, a.page);
  std::cout << text.str();
}

}  // namespace

Command add_text_command(CLI::App& app) {
  auto a = std::make_shared<TextArgs>();
  auto* text_cmd = app.add_subcommand(
      "text",
      "Print the text that evidence offsets index: a PDF's pages (form feed between "
      "pages), an HTML page's elements, a text file as it is");
  text_cmd->add_option("file", a->file, "Text, PDF or HTML file")->required();
  text_cmd->add_option("--page", a->page, "Only this PDF page (1-based)")
      ->check(CLI::PositiveNumber);
  text_cmd->add_option("--input-format", a->format, "auto, text, pdf or html")
      ->check(CLI::IsMember({"auto", "text", "pdf", "html"}));
  text_cmd->add_flag("--lossy", a->lossy, "Replace invalid UTF-8 with U+FFFD");
  text_cmd->add_flag("--repaired", a->repaired,
                     "Print the repaired text the extractors read instead (line-end hyphens "
                     "resolved, cut paragraphs joined); offsets do not index it");
  text_cmd->add_flag("--ocr", a->ocr, "Read PDF pages without a usable text layer with Tesseract");
  return {text_cmd, [a] { run_text(*a); }};
}

}  // namespace softgraph::cli
