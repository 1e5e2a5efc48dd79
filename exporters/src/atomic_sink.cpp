#include <unistd.h>

#include <algorithm>

#include "softgraph/core/error.hpp"
#include "softgraph/export/sink.hpp"

namespace softgraph {
namespace fs = std::filesystem;

namespace {
Error output_error(const fs::path& file, const std::string& what) {
  return Error(ErrorCode::kOutput, file.string(), "", what);
}
// A relative name without "..", absolute parts or empty components.
void check_name(const std::string& name) {
  fs::path p(name);
  bool bad = name.empty() || p.is_absolute() ||
             std::any_of(p.begin(), p.end(),
                         [](const fs::path& c) { return c == ".." || c == "." || c.empty(); });
  if (bad) throw internal_error("bad output file name '" + name + "'");
}
}  // namespace

std::ostream& MemorySink::open(const std::string& name) {
  check_name(name);
  if (files_.count(name)) throw internal_error("output file opened twice: " + name);
  return files_[name];
}

std::string MemorySink::contents(const std::string& name) const {
  auto it = files_.find(name);
  if (it == files_.end()) throw internal_error("no output file " + name);
  return it->second.str();
}

std::vector<std::string> MemorySink::names() const {
  std::vector<std::string> out;
  for (const auto& [name, stream] : files_) out.push_back(name);
  return out;
}

AtomicDirSink::AtomicDirSink(fs::path dir) : dir_(std::move(dir)) {}

AtomicDirSink::~AtomicDirSink() {
  if (!committed_) discard();
}

std::ostream& AtomicDirSink::open(const std::string& name) {
  check_name(name);
  for (const auto& f : files_)
    if (f.name == name) throw internal_error("output file opened twice: " + name);
  File f;
  f.name = name;
  f.final_path = dir_ / name;
  fs::path parent = f.final_path.parent_path();
  // Create missing folders one by one, remembering them so that a failure removes them again.
  std::vector<fs::path> missing;
  for (fs::path p = parent; !p.empty() && !fs::exists(p); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  std::reverse(missing.begin(), missing.end());
  for (const auto& p : missing) {
    std::error_code ec;
    fs::create_directory(p, ec);
    if (ec) throw output_error(p, "cannot create folder: " + ec.message());
    created_dirs_.push_back(p);
  }
  f.temp = parent / ("." + f.final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                     "-" + std::to_string(files_.size()));
  f.stream = std::make_unique<std::ofstream>(f.temp, std::ios::binary | std::ios::trunc);
  if (!*f.stream) throw output_error(f.final_path, "cannot open for writing");
  files_.push_back(std::move(f));
  return *files_.back().stream;
}

void AtomicDirSink::set_executable(const std::string& name) {
  for (auto& f : files_)
    if (f.name == name) f.executable = true;
}

std::vector<fs::path> AtomicDirSink::commit() {
  for (auto& f : files_) {
    f.stream->flush();
    f.stream->close();
    if (f.stream->fail()) throw output_error(f.final_path, "write failed");
    if (f.executable) {
      std::error_code ec;
      fs::permissions(f.temp,
                      fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                      fs::perm_options::add, ec);
    }
  }
  std::vector<fs::path> out;
  for (auto& f : files_) {
    std::error_code ec;
    fs::rename(f.temp, f.final_path, ec);
    if (ec) throw output_error(f.final_path, "cannot rename temporary file: " + ec.message());
    out.push_back(f.final_path);
  }
  committed_ = true;
  return out;
}

void AtomicDirSink::discard() noexcept {
  std::error_code ec;
  for (auto& f : files_) {
    if (f.stream) f.stream->close();
    fs::remove(f.temp, ec);
  }
  for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) fs::remove(*it, ec);
}

}  // namespace softgraph
