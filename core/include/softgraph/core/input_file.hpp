// Opening input files safely: open first, then look at what was opened (fstat on the
// descriptor), so that a FIFO, a device, a socket or a folder is refused with a clear message
// however the path changed between listing and reading, and nothing blocks or reads forever.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace softgraph {

// An open file descriptor, closed when destroyed.
class InputFd {
 public:
  explicit InputFd(int fd = -1) : fd_(fd) {}
  ~InputFd();
  InputFd(InputFd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  InputFd& operator=(InputFd&& o) noexcept;
  InputFd(const InputFd&) = delete;
  InputFd& operator=(const InputFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Opens `path` for reading without blocking on a FIFO and checks that it is a regular file;
// throws Error(kBadInput) naming the file and what it is ("a FIFO", "a folder", ...) otherwise.
// `what` names the expected content in the message ("a JSON file", "a text, PDF or HTML file").
InputFd open_regular_file(const std::string& path, const std::string& what = "a regular file");
// Reads the whole regular file `path` (see open_regular_file); throws Error(kBadInput).
// `check_size`, when given, sees the file's size before anything is read (and may throw).
std::string read_regular_file(const std::string& path, const std::string& what = "a regular file",
                              const std::function<void(std::uint64_t)>& check_size = {});

}  // namespace softgraph
