// Name lists at the start of a bibliography entry: "Surname, I. I.", "Surname I.I.", "Surname IJ",
// "I. I. Surname", Chicago's "Surname, Given" and "Given Surname", joined by ",", "&", "and", "и",
// closed by "et al." or "и др.".
#include <array>
#include <utility>

#include "ref_text.hpp"
#include "reference_parser.hpp"

namespace softgraph::refs {
namespace {

std::size_t skip_spaces(std::string_view s, std::size_t p) {
  while (p < s.size()) {
    if (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')
      ++p;
    else if (s.compare(p, 2, "\xC2\xA0") == 0)
      p += 2;
    else
      break;
  }
  return p;
}

char32_t cp(std::string_view s, std::size_t p, int& len) { return code_point_at(s, p, &len); }

// A capitalised word with inner hyphens or apostrophes ("O'Brien", "Garcia-Lopez"); at least two
// letters. Returns the end, or `p` when there is none.
std::size_t read_word(std::string_view s, std::size_t p) {
  int len = 0;
  if (p >= s.size() || !is_upper(cp(s, p, len))) return p;
  std::size_t q = p + len;
  int letters = 1;
  while (q < s.size()) {
    char32_t c = cp(s, q, len);
    if (is_letter(c)) {
      q += len;
      ++letters;
      continue;
    }
    if (c == U'-' || c == U'\'' || c == U'\u2019') {
      int l2 = 0;
      if (q + len < s.size() && is_letter(cp(s, q + len, l2))) {
        q += len;
        continue;
      }
    }
    break;
  }
  return letters >= 2 ? q : p;
}

// One initial: an upper-case letter, at most one lower-case letter ("Zh."), a full stop. Appended
// to `norm` unless it is null (a caller that only asks whether there is one).
std::size_t read_initial(std::string_view s, std::size_t p, std::string* norm) {
  int len = 0;
  if (p >= s.size() || !is_upper(cp(s, p, len))) return p;
  std::size_t q = p + len;
  int l2 = 0;
  if (q < s.size() && is_lower(cp(s, q, l2))) q += l2;
  if (q >= s.size() || s[q] != '.') return p;
  if (norm) {
    *norm += s.substr(p, q - p);
    *norm += '.';
  }
  return q + 1;
}

// "J. S.", "И.И.", "J.-P."; normalised to "J. S." (into `norm` unless it is null).
std::size_t read_initials(std::string_view s, std::size_t p, std::string* norm) {
  std::string out;
  std::string* const out_ptr = norm ? &out : nullptr;
  std::size_t q = read_initial(s, p, out_ptr);
  if (q == p) return p;
  std::string next;
  while (true) {
    std::size_t r = q;
    char sep = ' ';
    if (r < s.size() && s[r] == '-') {
      ++r;
      sep = '-';
    } else if (r < s.size() && s[r] == ' ') {
      ++r;
    }
    next.clear();
    std::size_t e = read_initial(s, r, norm ? &next : nullptr);
    if (e == r) break;
    // "J. Smith" must not read "Smith" as an initial: read_initial needs a full stop, so fine.
    if (norm) {
      out += sep;
      out += next;
    }
    q = e;
  }
  if (norm) *norm = std::move(out);
  return q;
}
std::size_t read_initials(std::string_view s, std::size_t p, std::string& norm) {
  return read_initials(s, p, &norm);
}

// Vancouver initials without full stops: "JA" in "Smith JA,".
std::size_t read_bare_initials(std::string_view s, std::size_t p, std::string* norm) {
  std::size_t q = p;
  std::string out;
  int n = 0, len = 0;
  while (q < s.size() && n < 3 && is_upper(cp(s, q, len))) {
    if (norm) {
      if (!out.empty()) out += ' ';
      out += s.substr(q, static_cast<std::size_t>(len));
      out += '.';
    }
    q += len;
    ++n;
  }
  if (n == 0) return p;
  if (q < s.size() && (is_letter(cp(s, q, len)) || s[q] == '\'')) return p;
  if (q < s.size() && s[q] != ',' && s[q] != '.' && s[q] != ' ' && s[q] != ';') return p;
  if (norm) *norm = std::move(out);
  return q;
}

std::size_t read_surname(std::string_view s, std::size_t p) {
  static const std::array<std::string_view, 21> kParticles = {
      "van ", "von ", "de ",  "da ",  "di ",  "del ", "der ", "den ", "la ",  "le ", "du ",
      "dos ", "ten ", "ter ", "Van ", "Von ", "De ",  "Da ",  "Di ",  "Del ", "Du "};
  std::size_t q = p;
  // All particles start with d, l, t or v ("De Cristofaro, E.", "van der Berg").
  for (bool more = q < s.size() && std::string_view("dltvDV").find(s[q]) != std::string_view::npos;
       more;) {
    more = false;
    for (auto part : kParticles)
      if (s.compare(q, part.size(), part) == 0) {
        q += part.size();
        more = true;
      }
  }
  std::size_t e = read_word(s, q);
  if (e == q) return p;
  // "Bueno de Mesquita": a particle and a capitalised word after the first word belong to it.
  for (bool more = true; more;) {
    more = false;
    if (e + 1 >= s.size() || s[e] != ' ') break;
    for (auto part : kParticles)
      if (part[0] >= 'a' && s.compare(e + 1, part.size(), part) == 0) {
        const std::size_t w = read_word(s, e + 1 + part.size());
        if (w != e + 1 + part.size()) {
          e = w;
          more = true;
        }
        break;
      }
  }
  return e;
}

// Given names in Chicago's inverted first author: "Joseph S." up to "," "." or a conjunction.
std::size_t read_given_names(std::string_view s, std::size_t p, std::string& given) {
  std::size_t q = p, last = p;
  while (true) {
    std::string init;
    std::size_t e = read_initials(s, q, init);
    if (e == q) e = read_word(s, q);
    if (e == q) break;
    last = e;
    std::size_t r = e;
    if (r < s.size() && s[r] == ' ') ++r;
    q = r;
    if (q >= s.size() || s[q] == ',' || s[q] == '(') break;
  }
  if (last == p) return p;
  given = std::string(trim(s.substr(p, last - p)));
  return last;
}

std::string initials_of(std::string_view given) {
  std::string out;
  bool at_start = true;
  for (std::size_t i = 0; i < given.size();) {
    int len = 1;
    char32_t c = code_point_at(given, i, &len);
    if (at_start && is_upper(c)) {
      if (!out.empty()) out += ' ';
      out += given.substr(i, static_cast<std::size_t>(len));
      out += '.';
    }
    at_start = !is_letter(c);
    i += std::max(len, 1);
  }
  return out;
}

// Tokens of a name written given-first: "Robert O. Keohane", "J. S. Nye", "И. И. Иванов".
std::size_t read_given_first(std::string_view s, std::size_t p, bool allow_words, Author& a) {
  std::string init;
  std::size_t q = read_initials(s, p, init);
  std::string given;
  if (q != p) {
    given = init;
  } else if (allow_words) {
    q = read_given_names(s, p, given);
    if (q == p) return p;
    // The last word read is the surname: split it off.
    std::size_t sp = given.rfind(' ');
    if (sp == std::string::npos) return p;
    a.family = given.substr(sp + 1);
    a.given = given.substr(0, sp);
    a.initials = initials_of(a.given);
    return read_word(s, p + sp + 1) == q ? q : p;
  } else {
    return p;
  }
  std::size_t r = q;
  if (r < s.size() && s[r] == ' ') ++r;
  std::size_t e = read_surname(s, r);
  if (e == r) return p;
  a.family = std::string(s.substr(r, e - r));
  a.given = given;
  a.initials = init;
  return e;
}

std::size_t read_inverted(std::string_view s, std::size_t p, bool whole_segment, bool first,
                          Author& a);

std::size_t read_name(std::string_view s, std::size_t p, bool whole_segment, bool first,
                      Author& a) {
  Author inverted;
  std::size_t e = read_inverted(s, p, whole_segment, first, inverted);
  // In a known author segment a later name may be written given-first (Chicago's "Daniel H.
  // Nexon"): the reading that goes further wins.
  if (whole_segment && !first) {
    Author b;
    std::size_t g = read_given_first(s, p, true, b);
    if (g > e) {
      a = std::move(b);
      return g;
    }
  }
  if (e != p) {
    a = std::move(inverted);
    return e;
  }
  Author b;
  std::size_t g = read_given_first(s, p, false, b);
  if (g != p) a = std::move(b);
  return g;
}

// "Surname, I.", "Surname I.I.", "Surname IJ", Chicago's first "Surname, Given".
std::size_t read_inverted(std::string_view s, std::size_t p, bool whole_segment, bool first,
                          Author& a) {
  std::size_t w = read_surname(s, p);
  if (w != p) {
    std::string init;
    std::size_t q = w;
    if (q < s.size() && s[q] == ',') {  // "Nye, J. S." or Chicago "Nye, Joseph S."
      std::size_t r = skip_spaces(s, q + 1);
      std::size_t e = read_initials(s, r, init);
      std::string given;
      // "FRAVEL, M. TAYLOR": an initial then a given name, where names alone are known to stand.
      std::size_t g = e != r && whole_segment ? read_given_names(s, r, given) : r;
      if (g > e) {
        a = {std::string(s.substr(p, w - p)), given, initials_of(given)};
        return g;
      }
      if (e != r) {
        a = {std::string(s.substr(p, w - p)), init, init};
        return e;
      }
      // Given names in full only where the segment is known to hold names alone: a later name
      // so read competes with its given-first reading (read_name), the longer wins.
      if (whole_segment && (e = read_given_names(s, r, given)) != r) {
        a = {std::string(s.substr(p, w - p)), given, initials_of(given)};
        return e;
      }
    } else if (q < s.size() && s[q] == ' ') {  // "Иванов И.И." or "Smith JA"
      std::size_t r = q + 1;
      std::size_t e = read_initials(s, r, init);
      if (e == r) e = read_bare_initials(s, r, &init);
      if (e != r) {
        a = {std::string(s.substr(p, w - p)), init, init};
        return e;
      }
    }
    if (whole_segment && first && skip_spaces(s, w) >= s.size()) {  // "Nye" alone
      a = {std::string(s.substr(p, w - p)), "", ""};
      return w;
    }
  }
  return p;
}

bool starts_with_at(std::string_view s, std::size_t p, std::string_view word) {
  return s.compare(p, word.size(), word) == 0;
}

}  // namespace

std::size_t parse_authors(std::string_view s, std::vector<Author>& out, bool& et_al,
                          bool whole_segment) {
  std::size_t p = skip_spaces(s, 0);
  Author a;
  std::size_t e = read_name(s, p, whole_segment, true, a);
  if (e == p) return 0;
  out.push_back(std::move(a));
  std::size_t end = e;
  while (true) {
    std::size_t t = end;
    // "," between names; ";" in AAAI's "Badawy, A.; Ferrara, E.; and Lerman, K."
    bool comma = t < s.size() && (s[t] == ',' || s[t] == ';');
    if (comma) ++t;
    t = skip_spaces(s, t);
    for (std::string_view marker : {"et al.", "et al", "и др.", "и др", "[и др.]"})
      if (starts_with_at(s, t, marker)) {
        et_al = true;
        return t + marker.size();
      }
    bool conj = false;
    if (starts_with_at(s, t, "&")) {
      t = skip_spaces(s, t + 1);
      conj = true;
    } else if (starts_with_at(s, t, "and ") || starts_with_at(s, t, "AND ") ||
               starts_with_at(s, t, "\xD0\xB8 ")) {  // "и "
      t = skip_spaces(s, t + (s[t] == 'a' || s[t] == 'A' ? 4 : 3));
      conj = true;
    }
    if (!comma && !conj) return end;
    Author next;
    std::size_t n = read_name(s, t, whole_segment, false, next);
    if (n == t) return end;
    out.push_back(std::move(next));
    end = n;
  }
}

bool starts_with_author(std::string_view s) {
  // parse_authors(s, ..., false) reads a first name through read_name(s, p, false, true): an
  // inverted name (read_inverted without its whole-segment readings) or initials and a surname
  // (read_given_first without given-name words). The same tests, with nothing built.
  const std::size_t p = skip_spaces(s, 0);
  const std::size_t w = read_surname(s, p);
  if (w != p && w < s.size()) {
    if (s[w] == ',') {
      const std::size_t r = skip_spaces(s, w + 1);
      if (read_initials(s, r, nullptr) != r) return true;
    } else if (s[w] == ' ') {
      const std::size_t r = w + 1;
      if (read_initials(s, r, nullptr) != r || read_bare_initials(s, r, nullptr) != r) return true;
    }
  }
  const std::size_t q = read_initials(s, p, nullptr);
  if (q == p) return false;
  std::size_t r = q;
  if (r < s.size() && s[r] == ' ') ++r;
  return read_surname(s, r) != r;
}

}  // namespace softgraph::refs
