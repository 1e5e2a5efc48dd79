// Temporary and staging files that cannot be turned against the user and never outlive a run:
// unpredictable names created exclusively (O_EXCL, no symlink followed) beside their final place,
// removed when the run fails or is interrupted (SIGINT, SIGTERM, SIGHUP), and removed by a later
// run when the process that made them died (SIGKILL, power loss).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>

namespace softgraph {

// Blocks SIGINT, SIGTERM and SIGHUP in every thread and starts one thread that waits for them,
// removes every registered path, then lets the signal end the process. Call first in main().
void install_signal_cleanup();
// Registers a file or folder to be removed if a signal ends the run; unregister when it is gone.
void register_cleanup(const std::string& path);
// The same while hold_signal_cleanup() is held (`held`): made and registered with no gap between.
void register_cleanup(const std::string& path, const std::unique_lock<std::mutex>& held);
void unregister_cleanup(const std::string& path);
// Held while an output set is swapped in: a signal waits until the swap is whole.
std::unique_lock<std::mutex> hold_signal_cleanup();

// An output stream over a file descriptor it owns (temporaries opened with openat/mkostemp).
class FdOStream : public std::ostream {
 public:
  explicit FdOStream(int fd);
  ~FdOStream() override;
  int fd() const;
  // Flushes, fsyncs and closes; false (errno set) when any of it failed.
  bool sync_and_close();

 private:
  class Buf;
  std::unique_ptr<Buf> buf_;
};

// A new file in `final_path`'s folder named `.NAME.softgraph-tmp-<pid>-XXXXXX`, created with
// O_EXCL (no symlink is followed), permissions as a plain file would get (0666 less the umask),
// locked (flock) while this process lives, and registered for cleanup on a signal.
struct TempFile {
  std::filesystem::path path;
  std::unique_ptr<FdOStream> stream;
};
TempFile create_temp_beside(const std::filesystem::path& final_path);

// Whether the run that made a temporary or staging entry of `dir` named `name` is over: its pid
// (in the name) is not alive and nothing holds its lock. Names softgraph does not make: false.
// `older_names` also recognises the temporaries of earlier versions (".NAME.tmp-<pid>-<n>"),
// which only output folders hold: elsewhere that name may be another program's.
bool made_by_dead_run(const std::filesystem::path& dir, const std::string& name,
                      bool older_names = false);
// Removes the temporary files (not staging folders) of dead runs from `dir`; returns how many.
int remove_stale_temp_files(const std::filesystem::path& dir, bool older_names = false);

}  // namespace softgraph
