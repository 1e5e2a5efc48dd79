// graph.svg, graph.png, graph.pdf: the laid-out scene rendered by gvc (gvRenderData).
#include <cctype>

#include "graphviz_scene.hpp"
#include "softgraph/export/writers.hpp"

namespace softgraph {
namespace {

// cairo stamps PDFs with the wall-clock /CreationDate; overwrite its 14 digits in place (same
// length, so the xref offsets stay valid) to keep two runs byte-identical.
void fix_pdf_date(std::string& pdf) {
  static const std::string kKey = "/CreationDate (D:";
  for (std::size_t pos = pdf.find(kKey); pos != std::string::npos; pos = pdf.find(kKey, pos + 1)) {
    std::size_t at = pos + kKey.size();
    const std::string fixed = "20000101000000";
    for (std::size_t i = 0; i < fixed.size() && at + i < pdf.size() &&
                            std::isdigit(static_cast<unsigned char>(pdf[at + i]));
         ++i)
      pdf[at + i] = fixed[i];
  }
}

}  // namespace

void write_rendered(ExportContext& ctx, Sink& sink, const std::string& format) {
  std::string data = ctx.scene().render(format);
  if (format == "pdf") fix_pdf_date(data);
  sink.open("graph." + format) << data;
}

}  // namespace softgraph
