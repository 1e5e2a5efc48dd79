#include "softgraph/core/temp_files.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace fs = std::filesystem;

namespace {

std::mutex& cleanup_mutex() {
  static std::mutex m;
  return m;
}
std::set<std::string>& cleanup_paths() {
  static std::set<std::string> paths;
  return paths;
}

sigset_t cleanup_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// The signal thread: remove what is registered, then die of the signal as if it had not been
// caught (the shell sees 130 for Ctrl-C, 143 for SIGTERM).
void wait_for_signals() {
  sigset_t set = cleanup_signals();
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  {
    std::lock_guard<std::mutex> lock(cleanup_mutex());
    for (const auto& p : cleanup_paths()) {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
    cleanup_paths().clear();
  }
  std::signal(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  raise(sig);
  std::_Exit(128 + sig);
}

bool pid_alive(long pid) {
  if (pid <= 0) return true;  // not ours to judge
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// "<digits>-" at `at` in `name`: the pid, or -1.
long pid_at(const std::string& name, std::size_t at) {
  std::size_t end = at;
  while (end < name.size() && name[end] >= '0' && name[end] <= '9') ++end;
  if (end == at || end >= name.size() || name[end] != '-' || end - at > 9) return -1;
  return std::stol(name.substr(at, end - at));
}

// The pid named by a temporary or staging entry, or -1 when softgraph does not make such names:
// ".softgraph-stage-<pid>-X", ".softgraph-old-<pid>-X", ".NAME.softgraph-tmp-<pid>-X", and the
// names of versions before these (".NAME.tmp-<pid>-<n>").
long pid_in_name(const std::string& name, bool* lockable, bool older_names) {
  *lockable = true;
  if (name.empty() || name[0] != '.') return -1;
  for (const char* prefix : {".softgraph-stage-", ".softgraph-old-"})
    if (name.rfind(prefix, 0) == 0) return pid_at(name, std::strlen(prefix));
  if (auto at = name.rfind(".softgraph-tmp-"); at != std::string::npos && at > 0)
    return pid_at(name, at + std::strlen(".softgraph-tmp-"));
  if (auto at = name.rfind(".tmp-"); older_names && at != std::string::npos && at > 1) {
    const long pid = pid_at(name, at + 5);
    const std::size_t n = name.find('-', at + 5) + 1;
    if (pid < 0 || n >= name.size() || name.find_first_not_of("0123456789", n) != std::string::npos)
      return -1;
    *lockable = false;
    return pid;
  }
  return -1;
}

}  // namespace

void install_signal_cleanup() {
  sigset_t set = cleanup_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(wait_for_signals).detach();
}

void register_cleanup(const std::string& path) {
  std::lock_guard<std::mutex> lock(cleanup_mutex());
  cleanup_paths().insert(path);
}

void register_cleanup(const std::string& path, const std::unique_lock<std::mutex>& held) {
  if (!held.owns_lock() || held.mutex() != &cleanup_mutex())
    throw internal_error("register_cleanup: the cleanup lock is not held");
  cleanup_paths().insert(path);
}

void unregister_cleanup(const std::string& path) {
  std::lock_guard<std::mutex> lock(cleanup_mutex());
  cleanup_paths().erase(path);
}

std::unique_lock<std::mutex> hold_signal_cleanup() {
  return std::unique_lock<std::mutex>(cleanup_mutex());
}

class FdOStream::Buf : public std::streambuf {
 public:
  explicit Buf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  ~Buf() override {
    if (fd_ >= 0) {
      sync();
      ::close(fd_);
    }
  }
  int fd() const { return fd_; }
  bool close_synced() {
    const bool ok = sync() == 0 && ::fsync(fd_) == 0;
    const int err = errno;
    const bool closed = ::close(fd_) == 0;
    fd_ = -1;
    errno = ok ? errno : err;
    return ok && closed;
  }

 protected:
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > static_cast<std::streamsize>(epptr() - pptr())) {
      if (sync() != 0) return 0;
      if (n >= static_cast<std::streamsize>(buf_.size())) return write_all(s, n) ? n : 0;
    }
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override {
    if (fd_ < 0) return -1;
    const std::streamsize n = pptr() - pbase();
    if (n > 0 && !write_all(pbase(), n)) return -1;
    setp(buf_.data(), buf_.data() + buf_.size());
    return 0;
  }

 private:
  bool write_all(const char* s, std::streamsize n) {
    while (n > 0) {
      const ssize_t w = ::write(fd_, s, static_cast<std::size_t>(n));
      if (w < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      s += w;
      n -= w;
    }
    return true;
  }
  int fd_;
  std::vector<char> buf_;
};

FdOStream::FdOStream(int fd) : std::ostream(nullptr), buf_(std::make_unique<Buf>(fd)) {
  rdbuf(buf_.get());
}
FdOStream::~FdOStream() = default;
int FdOStream::fd() const { return buf_->fd(); }
bool FdOStream::sync_and_close() {
  flush();
  if (fail()) {
    if (errno == 0) errno = EIO;
    return false;
  }
  return buf_->close_synced();
}

TempFile create_temp_beside(const fs::path& final_path) {
  fs::path dir = final_path.parent_path();
  if (dir.empty()) dir = ".";
  // Appended, not "." + filename: GCC 12 warns falsely about the latter (-Wrestrict).
  std::string name = ".";
  name += final_path.filename().string();
  name += ".softgraph-tmp-";
  name += std::to_string(::getpid());
  name += "-XXXXXX";
  std::string templ = (dir / name).string();
  int fd;
  {
    // Created and registered at once: a signal in between would leave it behind.
    auto lock = hold_signal_cleanup();
    fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0)
      throw Error(ErrorCode::kOutput, final_path.string(), "",
                  std::string("cannot create a temporary file beside it: ") + std::strerror(errno));
    cleanup_paths().insert(templ);
  }
  ::flock(fd, LOCK_EX | LOCK_NB);  // held while this process lives: the file is not stale
  // mkostemp makes 0600; the final file gets what a plain file would (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return {fs::path(templ), std::make_unique<FdOStream>(fd)};
}

bool made_by_dead_run(const fs::path& dir, const std::string& name, bool older_names) {
  bool lockable = true;
  const long pid = pid_in_name(name, &lockable, older_names);
  if (pid < 0 || pid_alive(pid)) return false;
  if (!lockable) return true;
  // A live run in another pid namespace holds its lock: only a free lock means the run is over.
  const int fd = ::open((dir / name).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno == ELOOP;  // a symlink under our name is removed, never followed
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

int remove_stale_temp_files(const fs::path& dir, bool older_names) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(".softgraph-stage-", 0) == 0 || name.rfind(".softgraph-old-", 0) == 0) continue;
    std::error_code e2;
    if (entry.is_directory(e2) && !entry.is_symlink(e2)) continue;
    if (made_by_dead_run(entry.path().parent_path(), name, older_names) &&
        fs::remove(entry.path(), e2))
      ++removed;
  }
  return removed;
}

}  // namespace softgraph
