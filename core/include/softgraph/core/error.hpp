// One error type for the whole pipeline: a numbered code, the file and the place (line, byte or
// JSON path) and what was expected. cli/ turns it into one message and an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace softgraph {

enum class ErrorCode {
  kBadInput = 1,  // unreadable, malformed or unsupported input (texts, lexicons, graph.json)
  kUsage = 2,     // wrong command line
  kOutput = 3,    // output folder or file cannot be written
  kInternal = 4,  // a bug: an invariant did not hold
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string file, std::string where, const std::string& what)
      : std::runtime_error(compose(file, where, what)),
        code_(code),
        file_(std::move(file)),
        where_(std::move(where)) {}

  ErrorCode code() const { return code_; }
  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }
  int exit_code() const { return static_cast<int>(code_); }

 private:
  static std::string compose(const std::string& file, const std::string& where,
                             const std::string& what) {
    std::string out;
    if (!file.empty()) out += file;
    if (!where.empty()) out += (out.empty() ? "" : ":") + where;
    if (!out.empty()) out += ": ";
    return out + what;
  }
  ErrorCode code_;
  std::string file_;
  std::string where_;
};

inline Error input_error(std::string file, std::string where, const std::string& what) {
  return Error(ErrorCode::kBadInput, std::move(file), std::move(where), what);
}
inline Error internal_error(const std::string& what) {
  return Error(ErrorCode::kInternal, "", "", what);
}

}  // namespace softgraph
