#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "softgraph/core/error.hpp"
#include "softgraph/core/temp_files.hpp"

namespace softgraph {
namespace fs = std::filesystem;
namespace {

Error refused(const std::string& path, const std::string& what) {
  return Error(ErrorCode::kOutput, path, "", what);
}

// A symlink the user wrote by naming a device (/dev/stdout, /dev/fd/63 from bash's >(...)) lives
// in a system folder nobody else can write to: /dev or /proc, but not the world-writable
// /dev/shm or /dev/mqueue, where anyone may plant one.
bool named_device_path(const std::string& path) {
  std::error_code ec;
  const std::string abs = fs::absolute(fs::path(path), ec).lexically_normal().string();
  if (ec) return false;
  const bool system = abs.rfind("/dev/", 0) == 0 || abs.rfind("/proc/", 0) == 0;
  if (!system) return false;
  struct stat parent {};
  const std::string dir = fs::path(abs).parent_path().string();
  if (::stat(dir.c_str(), &parent) != 0) return false;
  return (parent.st_mode & (S_IWOTH | S_IWGRP)) == 0;
}

}  // namespace

std::unique_ptr<std::ostream> open_device_output(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) return nullptr;  // new: created beside, renamed in
  const bool is_link = S_ISLNK(link.st_mode);
  struct stat st = link;
  if (is_link && ::stat(path.c_str(), &st) != 0) return nullptr;  // dangling: the link is replaced
  // /dev/stdout (or /dev/fd/N) redirected to a file: that file is written in place, appended to
  // as the shell opened it; a temporary renamed over /dev/stdout would replace the link itself.
  const bool named = is_link && named_device_path(path);
  if (S_ISREG(st.st_mode) && !named) return nullptr;
  if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode))
    throw refused(path, "is not a regular file, a character device or a pipe: not written");
  const std::string kind = S_ISCHR(st.st_mode) ? "a character device" : "a pipe";
  if (is_link && !named) {
    std::error_code ec;
    const std::string target = fs::canonical(path, ec).string();
    throw refused(path, "is a symbolic link to " + kind +
                            (target.empty() ? "" : " (" + target + ")") +
                            ": not written through, since anyone who can write to its folder may "
                            "have planted it; remove the link, or name the device itself");
  }
  // No symlink is followed unless the user named one in /dev or /proc; what was opened must be
  // what was checked (a swap between the check and the open is refused).
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (is_link ? 0 : O_NOFOLLOW) |
                                          (S_ISREG(st.st_mode) ? O_APPEND : 0));
  if (fd < 0) throw refused(path, std::string("cannot write: ") + std::strerror(errno));
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || opened.st_dev != st.st_dev || opened.st_ino != st.st_ino) {
    ::close(fd);
    throw refused(path, "changed while it was opened: not written");
  }
  return std::make_unique<FdOStream>(fd);
}

}  // namespace softgraph
