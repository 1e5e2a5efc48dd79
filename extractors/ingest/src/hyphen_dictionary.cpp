#include "hyphen_dictionary.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#if __has_include(<hunspell/hunspell.hxx>)
#define SOFTGRAPH_HAVE_HUNSPELL 1
#include <hunspell/hunspell.hxx>
#endif

namespace softgraph::ingest {

#ifndef SOFTGRAPH_HAVE_HUNSPELL
HyphenVerdict dictionary_verdict(std::string_view, std::string_view) {
  return HyphenVerdict::kUnsure;
}
#else
namespace {

// The dictionary, loaded once (some 50 000 stems, a few tens of milliseconds) when the first
// broken word needs it; Hunspell's lookups are not thread-safe, so they take a lock.
struct Dictionary {
  std::unique_ptr<Hunspell> hunspell;
  std::mutex lock;
};

Dictionary& dictionary() {
  static Dictionary d;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const char* dir : {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                            "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell"}) {
      std::string aff = std::string(dir) + "/en_US.aff", dic = std::string(dir) + "/en_US.dic";
      std::error_code ec;
      if (std::filesystem::exists(aff, ec) && std::filesystem::exists(dic, ec)) {
        d.hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
        return;
      }
    }
    spdlog::warn(
        "no English Hunspell dictionary (hunspell-en-us): words broken at line ends are joined "
        "by the document's own spelling only");
  });
  return d;
}

}  // namespace

HyphenVerdict dictionary_verdict(std::string_view head, std::string_view tail) {
  Dictionary& d = dictionary();
  if (!d.hunspell || head.empty() || tail.empty()) return HyphenVerdict::kUnsure;
  std::lock_guard<std::mutex> guard(d.lock);
  const bool joined = d.hunspell->spell(std::string(head) + std::string(tail));
  const bool parts = d.hunspell->spell(std::string(head)) && d.hunspell->spell(std::string(tail));
  // A joined word that is a word wins even when its parts are words too ("with|out",
  // "down|ward", "in|different"): a compound whose closed form is also a word is rare.
  if (joined) return HyphenVerdict::kJoin;
  if (parts) return HyphenVerdict::kKeep;
  return HyphenVerdict::kUnsure;
}
#endif

}  // namespace softgraph::ingest
