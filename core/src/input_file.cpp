#include "softgraph/core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "softgraph/core/error.hpp"

namespace softgraph {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

InputFd::~InputFd() {
  if (fd_ >= 0) ::close(fd_);
}

InputFd& InputFd::operator=(InputFd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

InputFd open_regular_file(const std::string& path, const std::string& what) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It is
  // cleared again below; it means nothing for the regular files that get that far.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) throw input_error(path, "", "no such file");
    if (err == ENAMETOOLONG) throw input_error(path, "", "path too long to open");
    throw input_error(path, "", std::string("cannot open: ") + std::strerror(err));
  }
  InputFd owned(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    throw input_error(path, "", std::string("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw input_error(path, "", "is " + kind_of(st.st_mode) + ", expected " + what);
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return owned;
}

std::string read_regular_file(const std::string& path, const std::string& what,
                              const std::function<void(std::uint64_t)>& check_size) {
  InputFd fd = open_regular_file(path, what);
  struct stat st {};
  ::fstat(fd.get(), &st);
  if (check_size && st.st_size > 0) check_size(static_cast<std::uint64_t>(st.st_size));
  // The size is a hint: a file that grows or shrinks while read is read to its end as it is then.
  std::string out(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 0), '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == out.size()) out.resize(out.size() + (1 << 16));
    const ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw input_error(path, "", std::string("read error: ") + std::strerror(errno));
    }
    used += static_cast<std::size_t>(n);
  }
  out.resize(used);
  return out;
}

}  // namespace softgraph
