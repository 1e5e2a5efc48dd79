#include "structure_detector.hpp"

#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <span>

#include "softgraph/core/ascii_scan.hpp"
#include "softgraph/ingest/reference_headings.hpp"
#include "unicode_util.hpp"

namespace softgraph::ingest {
namespace {

enum class Role { kBody, kHeading, kKnownHeading, kRefHead, kBackHead, kKeywords, kNote };

struct Unit {
  ByteRange r;
  bool single_line = true;
  bool tabs = false;
  Role role = Role::kBody;
  int level = 2;
};

using Words = std::span<const std::string_view>;

// Headings that open a top-level section of a paper (matched lower-cased, numbering stripped).
constexpr std::string_view kKnownHeadings[] = {"introduction",
                                               "literature review",
                                               "background",
                                               "basic provisions",
                                               "methods",
                                               "methodology",
                                               "materials and methods",
                                               "description of materials and methods",
                                               "data and methods",
                                               "results",
                                               "discussion",
                                               "results and discussion",
                                               "conclusion",
                                               "conclusions",
                                               "concluding remarks",
                                               "summary",
                                               "abstract",
                                               "acknowledgements",
                                               "acknowledgments",
                                               "appendix",
                                               "notes",
                                               "введение",
                                               "заключение",
                                               "выводы",
                                               "обсуждение",
                                               "результаты",
                                               "методы",
                                               "методология",
                                               "аннотация",
                                               "кіріспе",
                                               "қорытынды",
                                               "талқылау",
                                               "нәтижелер",
                                               "әдістер",
                                               "аңдатпа"};
constexpr std::string_view kBackHeadings[] = {"information about authors",
                                              "information about the authors",
                                              "about the authors",
                                              "about the author",
                                              "author information",
                                              "authors' information",
                                              "авторлар туралы мәлімет",
                                              "автор туралы мәлімет",
                                              "информация об авторах",
                                              "сведения об авторах",
                                              "об авторах"};
constexpr std::string_view kKeywordHeads[] = {"key words",      "keywords",       "түйін сөздер",
                                              "түйінді сөздер", "ключевые слова", "кілт сөздер"};
constexpr std::string_view kNoteHeads[] = {"[note",
                                           "note:",
                                           "note.",
                                           "notes:",
                                           "примечание",
                                           "ескерту",
                                           "source:",
                                           "sources:",
                                           "источник:",
                                           "дереккөз:",
                                           "compiled by",
                                           "compiled based",
                                           "compiled from",
                                           "составлено",
                                           "the figure is based",
                                           "the table is based"};
constexpr std::string_view kCaptionHeads[] = {"figure", "fig.",    "table", "chart", "рисунок",
                                              "рис.",   "таблица", "сурет", "кесте"};
constexpr std::string_view kAffiliationWords[] = {"universit", "университет", "institute",
                                                  "институт",  "academy",     "академия",
                                                  "college",   "school of"};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }

// The first four bytes of every keyword, note and caption head, hashed into a bit set: a unit
// whose lower-cased start is not among them needs none of those compares (most units).
class HeadStarts {
 public:
  constexpr HeadStarts() {
    for (Words heads : {Words(kKeywordHeads), Words(kNoteHeads), Words(kCaptionHeads)}) {
      for (std::string_view h : heads) {
        if (h.size() < 4) throw "every head must be longer than the key";  // at compile time
        const unsigned k = key(h);
        bits_[k / 64] |= std::uint64_t{1} << (k % 64);
      }
    }
  }
  // Whether `lowered` may start with one of the heads.
  constexpr bool may_start(std::string_view lowered) const {
    if (lowered.size() < 4) return false;  // every head is longer
    const unsigned k = key(lowered);
    return (bits_[k / 64] >> (k % 64)) & 1;
  }

 private:
  static constexpr unsigned key(std::string_view s) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<unsigned char>(s[i])} << (8 * i);
    return (v * 2654435761u) >> 16;  // Fibonacci hashing to 16 bits
  }
  std::array<std::uint64_t, 65536 / 64> bits_{};
};
constexpr HeadStarts kHeadStarts;

ByteRange trim(std::string_view text, ByteRange r) {
  while (r.begin < r.end && is_ws(text[r.begin])) ++r.begin;
  while (r.end > r.begin && is_ws(text[r.end - 1])) --r.end;
  return r;
}

// Unicode lower case of a short string (headings and first words only).
std::string lower(std::string_view s) {
  std::string out;
  if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; })) {
    out.resize(s.size());  // ASCII fast path: most units of most texts
    std::transform(s.begin(), s.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return out;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

bool in(Words words, std::string_view s) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s == w; });
}
bool starts_with_any(Words words, std::string_view s) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return s.starts_with(w); });
}
bool contains_any(Words words, std::string_view s) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool inside = false;
  for (char c : s) {
    bool sp = is_ws(c);
    if (!sp && !inside) ++n;
    inside = !sp;
  }
  return n;
}

// Heading text without numbering ("2.1 ", "IV. ") or a final colon, lower-cased.
std::string heading_key(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (u_isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i > 0 && i < s.size() && s[i] == ' ') s.remove_prefix(i + 1);
  while (!s.empty() && (s.back() == ':' || s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  return lower(s);
}

// First letter after opening quotes, brackets and numbering.
UChar32 first_letter(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    int len;
    UChar32 c = cp_at(s, i, &len);
    if (is_letter(c)) return c;
    if (!(c == '"' || c == '\'' || c == 0xAB || c == 0x201C || c == 0x2018 || c == '(' ||
          c == '*' || u_isdigit(c) || c == '.' || c == ' ')) {
      return -1;
    }
    i += len;
  }
  return -1;
}

bool heading_like(std::string_view s, std::size_t max_words) {
  if (s.empty() || s.size() > 240 || word_count(s) > max_words) return false;
  if (s.find('@') != std::string_view::npos || s.find('\t') != std::string_view::npos) return false;
  UChar32 last = cp_before(s, s.size());
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return false;
  return is_upper(first_letter(s));
}

bool is_caption(std::string_view lowered) {
  for (std::string_view head : kCaptionHeads) {
    if (!lowered.starts_with(head)) continue;
    std::size_t i = head.size();
    while (i < lowered.size() && lowered[i] == ' ') ++i;
    std::size_t digits = i;
    while (i < lowered.size() &&
           (u_isdigit(static_cast<unsigned char>(lowered[i])) || lowered[i] == '.'))
      ++i;
    if (i == digits) continue;
    while (i < lowered.size() && lowered[i] == ' ') ++i;
    // "Figure 1 – Title" or "Figure 1: Title" is a caption; "Figure 1 demonstrates" is prose.
    std::string_view rest = lowered.substr(i);
    if (rest.empty() || rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
        rest.starts_with("-") || rest.starts_with(":") || lowered[i - 1] == '.')
      return true;
  }
  return false;
}

bool has_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    int len;
    if (is_letter(cp_at(s, i, &len))) return true;
    i += len;
  }
  return false;
}

// An initials token such as "K.S." or "J." or "К.С.".
bool is_initials(std::string_view tok) {
  if (tok.size() < 2 || tok.back() != '.') return false;
  std::size_t i = 0;
  int letters = 0;
  while (i < tok.size()) {
    int len;
    UChar32 c = cp_at(tok, i, &len);
    if (!is_upper(c) || i + len >= tok.size() || tok[i + len] != '.') return false;
    i += len + 1;
    ++letters;
  }
  return letters > 0;
}

bool author_like(std::string_view s, std::string_view lowered) {
  if (s.find('@') != std::string_view::npos || lowered.find("e-mail") != std::string_view::npos)
    return true;
  std::size_t words = word_count(s);
  if (words <= 12) {
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t j = i;
      while (j < s.size() && !is_ws(s[j]) && s[j] != ',') ++j;
      std::string_view tok = s.substr(i, j - i);
      while (!tok.empty() && tok.front() == '*') tok.remove_prefix(1);
      if (is_initials(tok)) return true;
      i = j + 1;
    }
  }
  UChar32 last = cp_before(s, s.size());
  return words <= 25 && last != '.' && contains_any(kAffiliationWords, lowered);
}

std::vector<Unit> split_units(std::string_view text) {
  std::vector<Unit> units;
  const bool has_tabs = text.find('\t') != std::string_view::npos;  // else no line needs a look
  std::size_t pos = 0;
  Unit cur;
  bool open = false;
  auto close = [&] {
    if (open) {
      cur.r = trim(text, cur.r);
      if (!cur.r.empty()) units.push_back(cur);
    }
    open = false;
  };
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    ByteRange line = trim(text, {pos, eol});
    if (line.empty()) {
      close();
    } else {
      UChar32 c = cp_at(text, line.begin);
      // The bullet and the en dash are three bytes in UTF-8.
      bool item = (c == '-' || c == '*' || c == 0x2022 || c == 0x2013) && line.size() > 2 &&
                  text[line.begin + (c == '-' || c == '*' ? 1 : 3)] == ' ';
      if (open && item) close();
      if (!open) {
        cur = Unit{};
        cur.r = line;
        open = true;
      } else {
        cur.single_line = false;
        cur.r.end = line.end;
      }
      cur.tabs |= has_tabs && std::string_view(text.data() + line.begin, line.size()).find('\t') !=
                                  std::string_view::npos;
    }
    pos = eol + 1;
  }
  close();
  return units;
}

void classify(std::string_view text, Unit& u, const std::vector<HeadingHint>& hints) {
  std::string_view s = u.r.slice(text);
  // The unit's first 48 bytes lower-cased: on the stack when they are ASCII (as `lower` would).
  const std::string_view first = s.substr(0, std::min<std::size_t>(s.size(), 48));
  char ascii_head[48];
  std::string other_head;
  std::string_view head;
  if (std::all_of(first.begin(), first.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::transform(first.begin(), first.end(), ascii_head,
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    head = std::string_view(ascii_head, first.size());
  } else {
    other_head = lower(first);
    head = other_head;
  }
  const bool may_have_head = kHeadStarts.may_start(head);
  bool hinted = std::any_of(hints.begin(), hints.end(), [&](const HeadingHint& h) {
    if (!h.range.overlaps(u.r)) return false;
    u.level = h.level;
    return true;
  });
  if (may_have_head && starts_with_any(kKeywordHeads, head)) {
    u.role = Role::kKeywords;
  } else if (u.tabs || (may_have_head && (starts_with_any(kNoteHeads, head) || is_caption(head))) ||
             !has_letter(s)) {
    u.role = Role::kNote;
  } else if (u.single_line && (hinted || heading_like(s, 14) || s.back() == ':')) {
    std::string key = heading_key(s);
    const bool bibliography =
        std::any_of(std::begin(kReferenceHeadings), std::end(kReferenceHeadings),
                    [&](const ReferenceHeading& h) { return !h.notes && h.name == key; });
    if (bibliography) {
      u.role = Role::kRefHead;
    } else if (in(kBackHeadings, key)) {
      u.role = Role::kBackHead;
    } else if (hinted || in(kKnownHeadings, key)) {
      u.role = Role::kKnownHeading;
      if (!hinted) u.level = 1;
    } else if (heading_like(s, 14)) {
      u.role = Role::kHeading;
    }
  }
}

bool is_kazakh_letter(UChar32 c) {
  switch (c) {
    case 0x04D9:
    case 0x04D8:
    case 0x0493:
    case 0x0492:
    case 0x049B:
    case 0x049A:
    case 0x04A3:
    case 0x04A2:
    case 0x04E9:
    case 0x04E8:
    case 0x04B1:
    case 0x04B0:
    case 0x04AF:
    case 0x04AE:
    case 0x04BB:
    case 0x04BA:
    case 0x0456:
    case 0x0406:
      return true;
    default:
      return false;
  }
}

class SectionBuilder {
 public:
  SectionBuilder(Document& doc) : doc_(doc) {}
  void open(std::string kind, ByteRange title_range, int level, std::uint64_t begin,
            std::string title = {}) {
    Section s;
    s.kind = std::move(kind);
    s.title_range = title_range;
    s.title = title.empty() ? std::string(doc_.slice(title_range)) : std::move(title);
    s.level = level;
    s.range = {begin, begin};
    doc_.sections.push_back(std::move(s));
  }
  void add(const Unit& u, ByteRange run_in = {}) {
    doc_.sections.back().range.end = u.r.end;
    doc_.paragraphs.push_back({u.r, static_cast<int>(doc_.sections.size()) - 1, run_in});
  }
  Section& current() { return doc_.sections.back(); }
  bool empty() const { return doc_.sections.empty(); }

 private:
  Document& doc_;
};

// Front matter: per language a group of author block, title, abstract and keywords.
std::size_t build_front(Document& doc, const std::vector<Unit>& units, SectionBuilder& sb) {
  std::string_view text = doc.text;
  std::size_t first_heading = units.size(), last_keywords = units.size();
  for (std::size_t i = 0; i < units.size(); ++i) {
    Role r = units[i].role;
    if (r == Role::kKnownHeading || r == Role::kRefHead || r == Role::kBackHead) {
      first_heading = i;
      break;
    }
    if (r == Role::kKeywords) last_keywords = i;
  }
  std::size_t front_end = 0;
  if (last_keywords < units.size()) {
    front_end = last_keywords + 1;
  } else if (first_heading < units.size() && first_heading <= 12) {
    front_end = first_heading;  // a short lead before the first heading: title, authors, abstract
  } else if (!units.empty() && units[0].role == Role::kHeading) {
    front_end = 1;
    while (front_end < units.size() && front_end < 6 &&
           author_like(units[front_end].r.slice(text), lower(units[front_end].r.slice(text))))
      ++front_end;
  }
  std::size_t group_begin_section = doc.sections.size();
  std::uint64_t group_begin = front_end ? units[0].r.begin : 0;
  bool have_title = false;
  for (std::size_t i = 0; i < front_end; ++i) {
    const Unit& u = units[i];
    std::string_view s = u.r.slice(text);
    std::string low = lower(s.substr(0, std::min<std::size_t>(s.size(), 400)));
    std::string kind = "abstract";
    if (u.role == Role::kKeywords) {
      kind = "keywords";
    } else if (u.role == Role::kNote) {
      kind = "notes";
    } else if (author_like(s, low)) {
      kind = "authors";
    } else if (!have_title && heading_like(s, 40)) {
      kind = "title";
      have_title = true;
    } else if (u.role == Role::kKnownHeading) {
      kind = "abstract";  // "Abstract" / "Аннотация" heading
    }
    if (sb.empty() || doc.sections.size() == group_begin_section || sb.current().kind != kind ||
        kind == "title") {
      sb.open(kind, kind == "title" ? u.r : ByteRange{u.r.begin, u.r.begin}, 1, u.r.begin);
    }
    sb.add(u);
    if (u.role == Role::kKeywords || i + 1 == front_end) {
      // One language for the whole group, judged on all of it: author lines alone mislead.
      std::string lang = detect_language(text.substr(group_begin, u.r.end - group_begin));
      for (std::size_t k = group_begin_section; k < doc.sections.size(); ++k)
        doc.sections[k].language = lang;
      group_begin_section = doc.sections.size();
      if (i + 1 < front_end) group_begin = units[i + 1].r.begin;
      have_title = false;
    }
  }
  return front_end;
}

// What the language of a text is judged on; counts add up over the pieces of a longer text.
struct ScriptCounts {
  std::size_t latin = 0, cyrillic = 0, kazakh = 0;
};

std::string language_of(const ScriptCounts& n) {
  if (n.latin + n.cyrillic == 0) return "und";
  // Kazakh-only letters make up over a tenth of Kazakh text; a Kazakh name in Russian prose
  // adds a percent or two.
  if (n.cyrillic > n.latin) return n.kazakh * 100 >= n.cyrillic * 3 ? "kk" : "ru";
  return "en";
}

bool has_ascii_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const unsigned char b = static_cast<unsigned char>(c) | 0x20;
    return b >= 'a' && b <= 'z';
  });
}

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts n;
  // The ASCII letters, counted in one pass: no byte of a multi-byte character is one. Then the
  // other code points, one by one.
  n.latin += ascii::count_ascii_letters(text);
  for (std::size_t i = ascii::find_non_ascii(text, 0); i < text.size();
       i = ascii::find_non_ascii(text, i)) {
    int len;
    UChar32 c = cp_at(text, i, &len);
    i += len;
    if (c >= 0x2000 && c <= 0x206F) continue;  // punctuation (quotes, dashes): no script
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (script == USCRIPT_LATIN) {
      ++n.latin;
    } else if (script == USCRIPT_CYRILLIC) {
      ++n.cyrillic;
      n.kazakh += is_kazakh_letter(c);
    }
  }
  return n;
}

// The language of each unit, and of a run of units (a section: its units and the white space
// between them, which has no letters), each unit's text read once for both.
class UnitLanguages {
 public:
  UnitLanguages(std::string_view text, const std::vector<Unit>& units)
      : text_(text), units_(units), seen_(units.size()) {}

  std::string of(std::size_t i) {
    const Seen& u = see(i);
    return u.ascii ? (u.letter ? "en" : "und") : language_of(u.counts);
  }

  // The language of units [first, last) and what lies between them.
  std::string of_run(std::size_t first, std::size_t last) {
    bool ascii = true, letter = false;
    for (std::size_t i = first; i < last; ++i) {
      ascii &= see(i).ascii;
      letter |= seen_[i].letter;
    }
    // ASCII text is English as soon as it has a letter.
    if (ascii) return letter ? "en" : "und";
    ScriptCounts sum;
    for (std::size_t i = first; i < last; ++i) {
      Seen& u = seen_[i];
      if (u.ascii && !u.counted) {
        u.counts = count_scripts(units_[i].r.slice(text_));
        u.counted = true;
      }
      sum.latin += u.counts.latin;
      sum.cyrillic += u.counts.cyrillic;
      sum.kazakh += u.counts.kazakh;
    }
    return language_of(sum);
  }

 private:
  struct Seen {
    bool known = false, ascii = true, letter = false, counted = false;
    ScriptCounts counts;  // when counted (always for text other than ASCII)
  };
  Seen& see(std::size_t i) {
    Seen& u = seen_[i];
    if (!u.known) {
      const std::string_view s = units_[i].r.slice(text_);
      u.known = true;
      u.ascii = ascii::all_ascii(s);
      if (u.ascii) {
        u.letter = has_ascii_letter(s);
      } else {
        u.counts = count_scripts(s);
        u.counted = true;
      }
    }
    return u;
  }

  std::string_view text_;
  const std::vector<Unit>& units_;
  std::vector<Seen> seen_;
};

void build_body(Document& doc, const std::vector<Unit>& units, std::size_t from, SectionBuilder& sb,
                UnitLanguages& languages) {
  enum class Mode { kBody, kReferences, kBack } mode = Mode::kBody;
  std::string resume_title;  // title of the body section a notes section interrupted
  int resume_level = 1, heading_level = 1;
  for (std::size_t i = from; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (u.role == Role::kRefHead) {
      sb.open("references", u.r, 1, u.r.begin);
      sb.add(u);
      mode = Mode::kReferences;
      continue;
    }
    if (u.role == Role::kBackHead) {
      sb.open("back", u.r, 1, u.r.begin);
      sb.add(u);
      mode = Mode::kBack;
      continue;
    }
    if (mode == Mode::kBack || (mode == Mode::kReferences && u.role != Role::kKnownHeading)) {
      sb.add(u);
      continue;
    }
    mode = Mode::kBody;
    if (u.role == Role::kNote) {
      if (sb.empty() || sb.current().kind != "notes") {
        sb.open("notes", {}, resume_level + 1, u.r.begin);
      }
      sb.add(u);
      continue;
    }
    if (u.role == Role::kKnownHeading || u.role == Role::kHeading) {
      heading_level = u.level;
      sb.open("body", u.r, u.level, u.r.begin);
      sb.add(u);
      resume_title = sb.current().title;
      resume_level = u.level;
      continue;
    }
    // Body paragraph (keywords after the front matter count as body too).
    ByteRange head = find_run_in_head(u.r.slice(doc.text));
    if (!head.empty()) {
      ByteRange abs{u.r.begin + head.begin, u.r.begin + head.end};
      ByteRange title_range{abs.begin, abs.end - 1};  // without the period
      sb.open("body", title_range, heading_level + 1, u.r.begin);
      sb.current().language = languages.of(i);
      resume_title = sb.current().title;
      resume_level = heading_level + 1;
      sb.add(u, abs);
      continue;
    }
    // A paragraph in another language than the section so far starts a new span of it.
    std::string lang = languages.of(i);
    bool switch_lang = !sb.empty() && sb.current().kind == "body" && lang != "und" &&
                       sb.current().language != "und" && lang != sb.current().language &&
                       sb.current().range.end > sb.current().title_range.end;
    if (sb.empty() || sb.current().kind != "body" || switch_lang) {
      sb.open("body", {}, resume_level, u.r.begin, resume_title);
      sb.current().language = lang;
    } else if (sb.current().range.empty() || sb.current().range == sb.current().title_range) {
      sb.current().language = lang;
    }
    sb.add(u);
  }
}

}  // namespace

std::string detect_language(std::string_view text) {
  // Every paragraph is classified, and most are plain ASCII: English as soon as it has a letter.
  if (ascii::all_ascii(text)) return has_ascii_letter(text) ? "en" : "und";
  return language_of(count_scripts(text));
}

ByteRange find_run_in_head(std::string_view p) {
  static constexpr std::string_view kJoiners[] = {"of", "the", "and", "for", "de",
                                                  "du", "la",  "von", "van"};
  static constexpr std::string_view kAbbrev[] = {"Dr.", "Mr.",  "Mrs.", "Ms.",  "Prof.", "St.",
                                                 "No.", "Fig.", "Vol.", "Art.", "Ch."};
  std::size_t i = 0, words = 0;
  while (i < p.size() && words < 5) {
    std::size_t j = i;
    while (j < p.size() && p[j] != ' ' && p[j] != '\n' && p[j] != '\t') ++j;
    std::string_view tok = p.substr(i, j - i);
    ++words;
    if (tok.empty()) return {};
    bool last = tok.back() == '.';
    std::string_view word = last ? tok.substr(0, tok.size() - 1) : tok;
    if (word.empty()) return {};
    UChar32 first = cp_at(word, 0);
    // The joiners are lower case: a capitalised word is none (and needs no compare).
    bool joiner = words > 1 && !is_upper(first) && in(kJoiners, word);
    if (!joiner && !is_upper(first)) return {};
    for (std::size_t k = 0; k < word.size();) {  // letters and inner hyphens/apostrophes only
      int len;
      UChar32 c = cp_at(word, k, &len);
      if (!is_letter(c) && c != '-' && c != '\'' && c != 0x2019) return {};
      k += len;
    }
    if (last) {
      if (in(kAbbrev, tok) || is_initials(tok) || word.size() < 2 || joiner) return {};
      // A capitalised sentence must follow.
      std::size_t k = j;
      while (k < p.size() && p[k] == ' ') ++k;
      if (k == j || k >= p.size()) return {};
      UChar32 next = cp_at(p, k);
      if (next == '"' || next == 0x201C || next == 0xAB) next = cp_at(p, k + (next == '"' ? 1 : 2));
      if (!is_upper(next)) return {};
      return {0, j};
    }
    i = j + 1;
  }
  return {};
}

void detect_structure(Document& doc, const std::vector<HeadingHint>& hints) {
  doc.sections.clear();
  doc.paragraphs.clear();
  std::vector<Unit> units = split_units(doc.text);
  for (Unit& u : units) classify(doc.text, u, hints);
  SectionBuilder sb(doc);
  std::size_t front_end = build_front(doc, units, sb);
  std::size_t front_sections = doc.sections.size();
  UnitLanguages languages(doc.text, units);
  build_body(doc, units, front_end, sb, languages);
  // Each body section holds a run of units, in order (each starts at its first unit).
  std::size_t next_unit = front_end;
  for (std::size_t k = front_sections; k < doc.sections.size(); ++k) {
    Section& s = doc.sections[k];
    if (s.kind == "body" && !s.title_range.empty() && s.range == s.title_range) s.kind = "heading";
    while (next_unit < units.size() && units[next_unit].r.begin < s.range.begin) ++next_unit;
    std::size_t end_unit = next_unit;
    while (end_unit < units.size() && units[end_unit].r.end <= s.range.end) ++end_unit;
    if (end_unit > next_unit && units[next_unit].r.begin == s.range.begin &&
        units[end_unit - 1].r.end == s.range.end) {
      s.language = languages.of_run(next_unit, end_unit);
      next_unit = end_unit;
    } else {
      s.language = detect_language(doc.slice(s.range));  // not a run of whole units
    }
  }
  // A heading-only or symbol-only section takes the language of the one after it.
  for (std::size_t k = doc.sections.size(); k-- > 1;) {
    if (doc.sections[k - 1].language == "und")
      doc.sections[k - 1].language = doc.sections[k].language;
  }
}

}  // namespace softgraph::ingest
