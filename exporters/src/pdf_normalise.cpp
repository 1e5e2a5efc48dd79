// graph.pdf made byte-identical across runs. cairo stamps the wall-clock /CreationDate, and the
// text positions it prints differ in the last digit between runs (642.367188 in one,
// 642.367187 in the next: the same position, one ulp apart before printing). qpdf rewrites the
// file: every decimal number in the page contents and form XObjects snapped to 1/4096 point
// (positions lie on cairo's 1/256 grid or coarser, so jitter of an ulp never crosses a snap
// boundary), the dates dropped, and the document ID derived from the content.
// qpdf 11 uses std::shared_ptr in its API; this file uses no PointerHolder, so say so (else every
// qpdf header warns, -Wcpp).
#define POINTERHOLDER_TRANSITION 4
#include "pdf_normalise.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <string>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

bool is_delimiter(char c) {
  return std::strchr(" \t\r\n\f\v()<>[]{}/%", c) != nullptr || c == '\0';
}

// The content stream with each decimal number snapped, strings and comments left as they are;
// nullopt when it holds an inline image (binary data a tokenizer cannot step over safely).
std::optional<std::string> snap_numbers(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (c == '(') {  // literal string: balanced parentheses, backslash escapes
      std::size_t j = i + 1;
      int depth = 1;
      while (j < in.size() && depth > 0) {
        if (in[j] == '\\')
          ++j;
        else if (in[j] == '(')
          ++depth;
        else if (in[j] == ')')
          --depth;
        ++j;
      }
      out.append(in, i, j - i);
      i = j;
    } else if (c == '<' && i + 1 < in.size() && in[i + 1] != '<') {  // hex string
      std::size_t j = in.find('>', i);
      j = j == std::string::npos ? in.size() : j + 1;
      out.append(in, i, j - i);
      i = j;
    } else if (c == '%') {  // comment to the end of the line
      std::size_t j = in.find_first_of("\r\n", i);
      j = j == std::string::npos ? in.size() : j;
      out.append(in, i, j - i);
      i = j;
    } else if (!is_delimiter(c) && (i == 0 || is_delimiter(in[i - 1]))) {
      std::size_t j = i;
      while (j < in.size() && !is_delimiter(in[j])) ++j;
      std::string token = in.substr(i, j - i);
      if (token == "BI") return std::nullopt;
      bool number = token.find('.') != std::string::npos &&
                    token.find_first_not_of("+-.0123456789") == std::string::npos;
      double v = 0;
      if (number) {
        auto [p, ec] =
            std::from_chars(token.data() + (token[0] == '+'), token.data() + token.size(), v);
        number = ec == std::errc() && p == token.data() + token.size() && std::isfinite(v);
      }
      if (number) {
        v = std::round(v * 4096) / 4096;
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
        std::string s(buf, ec == std::errc() ? end : buf);
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
        if (s == "-0") s.erase(0, 1);
        out += s;
      } else {
        out += token;
      }
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

void normalise_stream(QPDFObjectHandle stream) {
  std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_generalized);
  std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  if (auto snapped = snap_numbers(text))
    stream.replaceStreamData(*snapped, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

}  // namespace

std::string normalise_pdf(const std::string& pdf) {
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("graph.pdf", pdf.data(), pdf.size());
    for (auto& page : QPDFPageDocumentHelper(doc).getAllPages())
      for (auto& stream : page.getPageContents()) normalise_stream(stream);
    for (auto& obj : doc.getAllObjects())
      if (obj.isStream() && obj.getDict().getKey("/Subtype").isNameAndEquals("/Form"))
        normalise_stream(obj);
    QPDFObjectHandle trailer = doc.getTrailer();
    if (trailer.hasKey("/Info")) {
      QPDFObjectHandle info = trailer.getKey("/Info");
      info.removeKey("/CreationDate");
      info.removeKey("/ModDate");
    }
    QPDFWriter w(doc);
    w.setOutputMemory();
    w.setDeterministicID(true);
    w.setStreamDataMode(qpdf_s_compress);
    w.write();
    std::shared_ptr<Buffer> out = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
  } catch (const std::exception& e) {
    throw Error(ErrorCode::kOutput, "graph.pdf", "",
                std::string("cannot rewrite cairo's PDF for reproducibility: ") + e.what());
  }
}

}  // namespace softgraph
