// Where writers put their files: a sink hands out one output stream per relative file name, so
// multi-file formats (the Neo4j bundle) and in-memory tests go through the same interface.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace softgraph {

class Sink {
 public:
  virtual ~Sink() = default;
  // The stream for `name` ("graph.json", "neo4j/import.sh"); opening a name twice is an error.
  virtual std::ostream& open(const std::string& name) = 0;
  // Records that `name` should be executable (scripts); a no-op where that means nothing.
  virtual void set_executable(const std::string& name) {}
};

// Keeps every file in memory: for tests and for callers that want the bytes.
class MemorySink : public Sink {
 public:
  std::ostream& open(const std::string& name) override;
  std::string contents(const std::string& name) const;
  bool has(const std::string& name) const { return files_.count(name) != 0; }
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::ostringstream> files_;
};

// Writes an output set as a whole. Every file goes into a fresh hidden staging folder inside
// `dir` (`.softgraph-stage-<pid>-XXXXXX`, 0700, files created with O_EXCL relative to its
// descriptor, so no symlink planted in a shared folder is followed); commit() fsyncs them, then,
// holding a lock on `dir` (flock), moves each top-level entry (file or format folder) into place,
// the replaced ones aside into `.softgraph-old-<pid>-XXXXXX`, and fsyncs `dir`. A failed move puts
// everything back as it was; a run killed mid-commit is completed by the next one (its staged
// files were already on disk). Destroyed without commit(), it removes its staging folder; a
// signal (SIGINT, SIGTERM, SIGHUP) does the same when install_signal_cleanup() was called.
class AtomicDirSink : public Sink {
 public:
  explicit AtomicDirSink(std::filesystem::path dir);
  ~AtomicDirSink() override;
  AtomicDirSink(const AtomicDirSink&) = delete;
  AtomicDirSink& operator=(const AtomicDirSink&) = delete;

  std::ostream& open(const std::string& name) override;
  void set_executable(const std::string& name) override;
  // Flushes, syncs and swaps in every file; throws Error(kOutput) naming the file that failed,
  // leaving the folder as it was. Returns the final paths in the order they were opened.
  std::vector<std::filesystem::path> commit();
  // For tests: the n-th move into place (0-based) fails, as a full or broken disk would make it.
  void fail_move_for_test(int n) { fail_move_ = n; }

 private:
  struct File;
  void discard() noexcept;

  std::filesystem::path dir_, stage_;
  int dir_fd_ = -1, stage_fd_ = -1;
  std::string suffix_;  // "<pid>-XXXXXX", shared by the staging and the old folder
  std::vector<std::unique_ptr<File>> files_;
  std::vector<std::string> entries_;  // top-level names in the staging folder, in opening order
  bool committed_ = false;
  int fail_move_ = -1;
};

}  // namespace softgraph
