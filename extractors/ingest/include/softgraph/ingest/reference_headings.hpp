#pragma once
// The headings that open a bibliography (English, Russian, Kazakh), lower-case: one list for the
// structure detector's "references" sections and for the reference list finder.
#include <string_view>

namespace softgraph {

struct ReferenceHeading {
  std::string_view name;
  // Endnotes, which hold prose as well as references: the reference list finder reads them, the
  // structure detector keeps them as body text (their sentences are mined for entities).
  bool notes = false;
};

inline constexpr ReferenceHeading kReferenceHeadings[] = {
    {"references"},
    {"reference list"},
    {"bibliography"},
    {"literature"},
    {"works cited"},
    {"sources"},
    {"notes", true},
    {"endnotes", true},
    {"notes and references", true},
    {"sources and literature"},
    {"список литературы"},
    {"литература"},
    {"список использованной литературы"},
    {"список использованных источников"},
    {"библиография"},
    {"источники"},
    {"примечания", true},
    {"әдебиеттер тізімі"},
    {"әдебиеттер"},
    {"пайдаланылған әдебиеттер тізімі"},
    {"пайдаланылған әдебиеттер"},
    {"дереккөздер"},
};

}  // namespace softgraph
