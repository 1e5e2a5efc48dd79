// Rewriting a rendered PDF so that identical drawings give identical bytes.
#pragma once

#include <string>

namespace softgraph {

// `pdf` (as cairo wrote it) with its page contents' numbers snapped to 1/4096 point, no dates,
// and a document ID derived from the content; Error(kOutput) when qpdf cannot read it.
std::string normalise_pdf(const std::string& pdf);

}  // namespace softgraph
