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
  std::string year_text;    // as written when not a plain year: "1998/9", "n.d.", "forthcoming"
  // The entry opens with a dash ("———. 2011.", "—. 2011."): by the authors of the entry before.
  bool same_authors_as_previous = false;
  std::string title, title_translation, genre;
  std::string venue, publisher, place, volume, issue, pages, doi, url;
  std::string type = "article-journal";  // CSL type
  std::string language;                  // "ru", "kk", "en"
  std::string style;  // apa, harvard, chicago, gost, vancouver, ieee (best guess)
};

ParsedReference parse_reference(std::string_view entry);

// A year as a bibliography writes it: "2004", "2004a", "1998/9", "1998-99", "n.d.", "forthcoming",
// "in press" (year 0 for the last three).
struct YearForm {
  int year = 0;
  std::string suffix, text;  // text: what is written, when it is more than year and suffix
  std::size_t end = 0;       // the byte after it
};
bool read_year_form(std::string_view s, std::size_t p, YearForm& out);

// Whether `s` opens an author-date entry: names only ("Nye, J. S.; and Keohane, R.", "ALLISON,
// GRAHAM, AND MORTON HALPERIN", "Lopez, Maria, Jan Novak, eds.") up to the year that follows
// them (". 2004.", " (2004)", ", 2004."), a same-author dash before a year, or, when
// `without_year`, names alone up to the first full stop that ends no initial.
bool opens_author_date_entry(std::string_view s, bool without_year = false);
// The length of a same-author dash at the start of `s` ("———", "—", "----"), 0 if none.
std::size_t same_author_dash(std::string_view s);

// Parses a list of names such as "Nye, J. S., & Keohane, R." or "Иванов И.И., Петров П.П." from
// the start of `s`; returns the bytes consumed (0 when no name was found).
std::size_t parse_authors(std::string_view s, std::vector<Author>& out, bool& et_al,
                          bool whole_segment);
// parse_authors(s, out, et_al, false) > 0, without building the names: whether `s` opens with a
// name (every line of a reference list is asked).
bool starts_with_author(std::string_view s);

}  // namespace softgraph::refs
