#include "softgraph/ingest/slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "softgraph/core/text_util.hpp"

namespace softgraph {

std::string slug_any_script(const std::string& name) {
  const bool ascii = std::all_of(
      name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
  if (ascii) return ascii_slug(name);
  // Built only when a non-Latin name turns up: creating it costs ~40 ms.
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> translit;
  static std::mutex mu;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    translit.reset(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) translit.reset();
  });
  if (!translit) return ascii_slug(name);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  {
    std::lock_guard<std::mutex> lock(mu);  // Transliterator::transliterate is not const-safe
    translit->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return ascii_slug(out);
}

}  // namespace softgraph
