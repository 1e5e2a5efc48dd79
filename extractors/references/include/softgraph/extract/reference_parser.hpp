// Parses one bibliography entry (APA, Chicago author-date, Harvard, GOST, Vancouver, IEEE; Latin
// or Cyrillic) into its fields. Tolerant: what it cannot recognise stays empty.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace softgraph::refs {

struct Author {
  std::string family;    // as written: "Nye", "Лебедева"
  std::string given;     // as written: "J. S.", "Joseph S.", "М. М."
  std::string initials;  // normalised: "J. S.", "М. М."
};

struct ParsedReference {
  std::string text;  // the entry as one line, without its bullet or number
  int number = 0;    // "1." or "[1]" label, 0 if none
  std::vector<Author> authors;
  bool et_al = false;  // "et al.", "и др."
  int year = 0;
  std::string year_suffix;  // "a" in "2004a"
  std::string title, title_translation, genre;
  std::string venue, publisher, place, volume, issue, pages, doi, url;
  std::string type = "article-journal";  // CSL type
  std::string language;                  // "ru", "kk", "en"
  std::string style;  // apa, harvard, chicago, gost, vancouver, ieee (best guess)
};

ParsedReference parse_reference(std::string_view entry);

// Parses a list of names such as "Nye, J. S., & Keohane, R." or "Иванов И.И., Петров П.П." from
// the start of `s`; returns the bytes consumed (0 when no name was found).
std::size_t parse_authors(std::string_view s, std::vector<Author>& out, bool& et_al,
                          bool whole_segment);
// parse_authors(s, out, et_al, false) > 0, without building the names: whether `s` opens with a
// name (every line of a reference list is asked).
bool starts_with_author(std::string_view s);

}  // namespace softgraph::refs
