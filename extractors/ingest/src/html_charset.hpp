// Which encoding to read an HTML page in: a declared charset is checked against the bytes.
#pragma once

#include <string>
#include <string_view>

namespace softgraph::ingest::html {

// The charset a page declares in its first 4 KB (<meta charset>, http-equiv, <?xml encoding>),
// lower-cased, or "".
std::string declared_charset(std::string_view bytes);

// The encoding to parse `bytes` with: bytes that are valid UTF-8 are UTF-8 whatever the page
// declares; otherwise the declared charset when libxml2 knows it, else windows-1252 (what
// browsers assume). Bytes that are UTF-8 but for a few stray bytes are UTF-8 with the strays
// replaced by U+FFFD, given in `repaired` (else it is left empty). `note` says why when the
// declaration was overruled, else "".
std::string choose_encoding(std::string_view bytes, std::string& note, std::string& repaired);

}  // namespace softgraph::ingest::html
