// The output set committed as a whole: staged in a hidden folder, synced, swapped in under a lock
// with a way back (see sink.hpp), and what dead runs left behind is finished or removed.
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"
#include "softgraph/export/sink.hpp"

namespace softgraph {
namespace fs = std::filesystem;

namespace {
Error output_error(const fs::path& file, const std::string& what) {
  return Error(ErrorCode::kOutput, file.string(), "", what);
}
std::string os_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// A relative name without "..", absolute parts or empty components.
void check_name(const std::string& name) {
  fs::path p(name);
  bool bad = name.empty() || p.is_absolute() ||
             std::any_of(p.begin(), p.end(),
                         [](const fs::path& c) { return c == ".." || c == "." || c.empty(); });
  if (bad) throw internal_error("bad output file name '" + name + "'");
}

constexpr const char* kStagePrefix = ".softgraph-stage-";
constexpr const char* kOldPrefix = ".softgraph-old-";

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::vector<std::string> list_names(int dir_fd) {
  std::vector<std::string> out;
  const int fd = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return out;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    ::close(fd);
    return out;
  }
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") out.push_back(std::move(n));
  }
  ::closedir(d);
  return out;
}

bool exists_at(int dir_fd, const std::string& name) {
  struct stat st {};
  return ::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
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

// Staging and old folders of dead runs: a staging folder whose run never reached its commit is
// removed; one with an old folder beside it was cut short mid-commit, and its remaining staged
// entries (synced before the commit began) are moved into place, so the set is whole again.
void recover_dead_runs(int dir_fd, const fs::path& dir) {
  for (const std::string& name : list_names(dir_fd)) {
    if (name.rfind(kOldPrefix, 0) != 0 || !made_by_dead_run(dir, name)) continue;
    const std::string suffix = name.substr(std::strlen(kOldPrefix));
    const std::string stage = kStagePrefix + suffix;
    Fd stage_fd(::openat(dir_fd, stage.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    Fd old_fd(::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (stage_fd.get() >= 0 && old_fd.get() >= 0) {
      for (const std::string& e : list_names(stage_fd.get())) {
        if (exists_at(dir_fd, e) && !exists_at(old_fd.get(), e))
          ::renameat(dir_fd, e.c_str(), old_fd.get(), e.c_str());
        ::renameat(stage_fd.get(), e.c_str(), dir_fd, e.c_str());
      }
      ::fsync(dir_fd);
    }
    std::error_code ec;
    fs::remove_all(dir / name, ec);
    fs::remove_all(dir / stage, ec);
  }
  for (const std::string& name : list_names(dir_fd)) {
    if (name.rfind(kStagePrefix, 0) != 0 || !made_by_dead_run(dir, name)) continue;
    std::error_code ec;
    fs::remove_all(dir / name, ec);
  }
  remove_stale_temp_files(dir, true);
}

struct AtomicDirSink::File {
  std::string name;
  fs::path final_path;
  std::unique_ptr<FdOStream> stream;
  bool executable = false;
};

AtomicDirSink::AtomicDirSink(fs::path dir) : dir_(std::move(dir)) {
  dir_fd_ = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd_ < 0) throw output_error(dir_, os_error("cannot open the output folder"));
  std::string templ =
      (dir_ / (std::string(kStagePrefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
  {
    // Made and registered at once: a signal in between would leave it behind.
    auto hold = hold_signal_cleanup();
    if (!::mkdtemp(templ.data())) {
      const std::string msg = os_error("cannot create a staging folder in it");
      ::close(dir_fd_);
      throw output_error(dir_, msg);
    }
    register_cleanup(templ, hold);
  }
  stage_ = templ;
  suffix_ = stage_.filename().string().substr(std::strlen(kStagePrefix));
  stage_fd_ = ::open(stage_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (stage_fd_ < 0) {
    discard();
    throw output_error(stage_, os_error("cannot open the staging folder"));
  }
  ::flock(stage_fd_, LOCK_EX | LOCK_NB);  // held while this run lives: the folder is not stale
}

AtomicDirSink::~AtomicDirSink() {
  if (!committed_) discard();
  if (stage_fd_ >= 0) ::close(stage_fd_);
  if (dir_fd_ >= 0) ::close(dir_fd_);
}

std::ostream& AtomicDirSink::open(const std::string& name) {
  check_name(name);
  for (const auto& f : files_)
    if (f->name == name) throw internal_error("output file opened twice: " + name);
  auto f = std::make_unique<File>();
  f->name = name;
  f->final_path = dir_ / name;
  // Sub-folders of the staging folder, made and entered by descriptor, never by path.
  std::vector<std::string> parts;
  for (const auto& c : fs::path(name)) parts.push_back(c.string());
  int parent = stage_fd_;
  std::vector<std::unique_ptr<Fd>> held;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (::mkdirat(parent, parts[i].c_str(), 0777) != 0 && errno != EEXIST)
      throw output_error(dir_ / parts[i], os_error("cannot create folder"));
    held.push_back(std::make_unique<Fd>(
        ::openat(parent, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)));
    if (held.back()->get() < 0) throw output_error(dir_ / parts[i], os_error("cannot open folder"));
    parent = held.back()->get();
  }
  const int fd = ::openat(parent, parts.back().c_str(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) throw output_error(f->final_path, os_error("cannot open for writing"));
  f->stream = std::make_unique<FdOStream>(fd);
  if (std::find(entries_.begin(), entries_.end(), parts.front()) == entries_.end())
    entries_.push_back(parts.front());
  files_.push_back(std::move(f));
  return *files_.back()->stream;
}

void AtomicDirSink::set_executable(const std::string& name) {
  for (auto& f : files_)
    if (f->name == name) f->executable = true;
}

std::vector<fs::path> AtomicDirSink::commit() {
  // 1. Every file complete and on disk before anything is moved.
  std::set<std::string> folders;
  for (auto& f : files_) {
    if (f->executable) {
      struct stat st {};
      if (::fstat(f->stream->fd(), &st) == 0) ::fchmod(f->stream->fd(), st.st_mode | 0111);
    }
    if (!f->stream->sync_and_close()) throw output_error(f->final_path, os_error("write failed"));
    const fs::path parent = fs::path(f->name).parent_path();
    if (!parent.empty()) folders.insert(parent.string());
  }
  for (const auto& folder : folders) {
    Fd fd(::openat(stage_fd_, folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
      throw output_error(dir_ / folder, os_error("cannot sync"));
  }
  if (::fsync(stage_fd_) != 0) throw output_error(dir_, os_error("cannot sync"));

  // A file is replaced by a file, a format folder by a folder: what is in the way otherwise (a
  // folder named graph.json) is the user's and is refused, before and again under the lock.
  auto check_kinds = [&] {
    for (const std::string& e : entries_) {
      struct stat now {
      }, staged{};
      if (::fstatat(dir_fd_, e.c_str(), &now, AT_SYMLINK_NOFOLLOW) != 0) continue;
      if (::fstatat(stage_fd_, e.c_str(), &staged, AT_SYMLINK_NOFOLLOW) != 0)
        throw output_error(dir_ / e, os_error("staged file missing"));
      if (S_ISDIR(staged.st_mode) != S_ISDIR(now.st_mode))
        throw output_error(dir_ / e,
                           S_ISDIR(now.st_mode)
                               ? "a folder is in the way of this file; nothing was replaced"
                               : "a file is in the way of this folder; nothing was replaced");
    }
  };
  check_kinds();

  // 2. One commit at a time in this folder: two runs on it each leave a whole set.
  // The lock is the output folder itself (flock on its descriptor): no lock file is left in it.
  while (::flock(dir_fd_, LOCK_EX) != 0)
    if (errno != EINTR) throw output_error(dir_, os_error("cannot lock the output folder"));
  struct Unlock {
    int fd;
    ~Unlock() { ::flock(fd, LOCK_UN); }
  } unlock{dir_fd_};
  recover_dead_runs(dir_fd_, dir_);
  check_kinds();

  // 3. The swap; a signal waits until it is whole.
  {
    auto hold = hold_signal_cleanup();
    const std::string old_name = kOldPrefix + suffix_;
    if (::mkdirat(dir_fd_, old_name.c_str(), 0700) != 0)
      throw output_error(dir_ / old_name, os_error("cannot create folder"));
    Fd old_fd(::openat(dir_fd_, old_name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (old_fd.get() < 0) {
      const std::string msg = os_error("cannot open folder");
      ::unlinkat(dir_fd_, old_name.c_str(), AT_REMOVEDIR);
      throw output_error(dir_ / old_name, msg);
    }
    ::flock(old_fd.get(), LOCK_EX | LOCK_NB);
    std::vector<std::string> moved_aside, placed;
    int moves = 0;
    auto roll_back = [&] {
      for (auto it = placed.rbegin(); it != placed.rend(); ++it)
        ::renameat(dir_fd_, it->c_str(), stage_fd_, it->c_str());
      for (auto it = moved_aside.rbegin(); it != moved_aside.rend(); ++it)
        ::renameat(old_fd.get(), it->c_str(), dir_fd_, it->c_str());
      ::fsync(dir_fd_);
      ::unlinkat(dir_fd_, old_name.c_str(), AT_REMOVEDIR);
    };
    for (const std::string& e : entries_) {
      if (exists_at(dir_fd_, e)) {
        if (::renameat(dir_fd_, e.c_str(), old_fd.get(), e.c_str()) != 0) {
          const std::string msg = os_error("cannot move the previous version aside");
          roll_back();
          throw output_error(dir_ / e, msg);
        }
        moved_aside.push_back(e);
      }
      const bool injected = moves++ == fail_move_;
      if (injected) errno = EIO;
      if (injected || ::renameat(stage_fd_, e.c_str(), dir_fd_, e.c_str()) != 0) {
        const std::string msg = os_error("cannot move into place");
        roll_back();
        throw output_error(dir_ / e, msg + "; the output folder is as it was");
      }
      placed.push_back(e);
    }
    ::fsync(dir_fd_);
    committed_ = true;
    std::error_code ec;
    fs::remove_all(dir_ / old_name, ec);
    ::unlinkat(dir_fd_, stage_.filename().c_str(), AT_REMOVEDIR);
  }
  unregister_cleanup(stage_.string());
  std::vector<fs::path> out;
  for (const auto& f : files_) out.push_back(f->final_path);
  return out;
}

void AtomicDirSink::discard() noexcept {
  files_.clear();  // closes the descriptors
  std::error_code ec;
  if (!stage_.empty()) {
    fs::remove_all(stage_, ec);
    unregister_cleanup(stage_.string());
  }
}

}  // namespace softgraph
