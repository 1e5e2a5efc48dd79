#pragma once
// The headings that open a bibliography (English, Russian, Kazakh), lower-case: one list for the
// structure detector's "references" sections and for the reference list finder.
#include <string_view>

namespace softgraph {

inline constexpr std::string_view kReferenceHeadings[] = {
    "references",
    "reference list",
    "bibliography",
    "literature",
    "works cited",
    "sources",
    "notes",
    "endnotes",
    "notes and references",
    "sources and literature",
    "список литературы",
    "литература",
    "список использованной литературы",
    "список использованных источников",
    "библиография",
    "источники",
    "примечания",
    "әдебиеттер тізімі",
    "әдебиеттер",
    "пайдаланылған әдебиеттер тізімі",
    "пайдаланылған әдебиеттер",
    "дереккөздер",
};

}  // namespace softgraph
