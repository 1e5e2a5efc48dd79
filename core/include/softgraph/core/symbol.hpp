// An interned string, for the short names that recur across a run's mentions, relations and
// evidence: entity ids, node and edge types, rule and source names, document ids. Copying one
// copies a pointer and equal symbols are one pointer, so the extraction records of a document
// cost no allocation per name. Symbols live until the program ends: they are names of a graph,
// never running text.
#pragma once

#include <compare>
#include <cstddef>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace softgraph {

class Symbol {
 public:
  Symbol() noexcept : p_(empty_string()) {}
  Symbol(std::string_view s) : p_(s.empty() ? empty_string() : intern(s)) {}  // NOLINT: implicit
  Symbol(const std::string& s) : Symbol(std::string_view(s)) {}               // NOLINT: implicit
  Symbol(const char* s) : Symbol(std::string_view(s)) {}                      // NOLINT: implicit

  const std::string& str() const noexcept { return *p_; }
  operator const std::string&() const noexcept { return *p_; }  // NOLINT: implicit
  operator std::string_view() const noexcept { return *p_; }    // NOLINT: implicit
  const char* c_str() const noexcept { return p_->c_str(); }
  const char* data() const noexcept { return p_->data(); }
  std::size_t size() const noexcept { return p_->size(); }
  bool empty() const noexcept { return p_->empty(); }
  std::string::const_iterator begin() const noexcept { return p_->begin(); }
  std::string::const_iterator end() const noexcept { return p_->end(); }
  char operator[](std::size_t i) const noexcept { return (*p_)[i]; }
  std::size_t find(std::string_view s, std::size_t at = 0) const noexcept {
    return p_->find(s, at);
  }
  std::size_t find(char c, std::size_t at = 0) const noexcept { return p_->find(c, at); }
  std::size_t rfind(std::string_view s, std::size_t at = std::string::npos) const noexcept {
    return p_->rfind(s, at);
  }
  std::size_t rfind(char c, std::size_t at = std::string::npos) const noexcept {
    return p_->rfind(c, at);
  }
  std::string substr(std::size_t at, std::size_t n = std::string::npos) const {
    return p_->substr(at, n);
  }
  int compare(std::string_view s) const noexcept { return std::string_view(*p_).compare(s); }
  bool starts_with(std::string_view s) const noexcept {
    return std::string_view(*p_).starts_with(s);
  }
  // The interned text's address: equal symbols, equal addresses (for hashing by identity).
  const void* identity() const noexcept { return p_; }

  // Interned: the same text is the same pointer. Order is the text's, so sorting by symbols
  // sorts as the strings would.
  friend bool operator==(Symbol a, Symbol b) noexcept { return a.p_ == b.p_; }
  friend std::strong_ordering operator<=>(Symbol a, Symbol b) noexcept {
    return a.p_ == b.p_ ? std::strong_ordering::equal : *a.p_ <=> *b.p_;
  }
  friend bool operator==(Symbol a, std::string_view b) noexcept { return *a.p_ == b; }
  friend bool operator==(Symbol a, const std::string& b) noexcept { return *a.p_ == b; }
  // Against a literal: the sizes first (always inlined, so a literal's size is a constant), then
  // the bytes.
  [[gnu::always_inline]] friend bool operator==(Symbol a, const char* b) noexcept {
    const std::size_t n = std::char_traits<char>::length(b);
    return a.p_->size() == n && std::memcmp(a.p_->data(), b, n) == 0;
  }
  friend std::strong_ordering operator<=>(Symbol a, std::string_view b) noexcept {
    return std::string_view(*a.p_) <=> b;
  }
  friend std::strong_ordering operator<=>(Symbol a, const std::string& b) noexcept {
    return *a.p_ <=> b;
  }
  friend std::strong_ordering operator<=>(Symbol a, const char* b) noexcept {
    return std::string_view(*a.p_) <=> std::string_view(b);
  }
  friend std::string operator+(const std::string& a, Symbol b) { return a + *b.p_; }
  friend std::string operator+(Symbol a, const std::string& b) { return *a.p_ + b; }
  friend std::string operator+(const char* a, Symbol b) { return a + *b.p_; }
  friend std::string operator+(Symbol a, const char* b) { return *a.p_ + b; }
  friend std::ostream& operator<<(std::ostream& out, Symbol s);

 private:
  static const std::string* empty_string() noexcept;
  static const std::string* intern(std::string_view s);
  static const std::string* intern_hashed(std::string_view s);
  const std::string* p_;
};

}  // namespace softgraph

template <>
struct std::hash<softgraph::Symbol> {
  std::size_t operator()(softgraph::Symbol s) const noexcept {
    return std::hash<std::string_view>()(s);  // by text: a Symbol and its string hash alike
  }
};
