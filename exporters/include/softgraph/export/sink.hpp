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

// Writes each file to a temporary beside its final path; commit() renames them all once every
// writer has succeeded. Destroyed without commit(), it removes the temporaries (and the folders
// it created), so a failed export leaves no partial output.
class AtomicDirSink : public Sink {
 public:
  explicit AtomicDirSink(std::filesystem::path dir);
  ~AtomicDirSink() override;
  AtomicDirSink(const AtomicDirSink&) = delete;
  AtomicDirSink& operator=(const AtomicDirSink&) = delete;

  std::ostream& open(const std::string& name) override;
  void set_executable(const std::string& name) override;
  // Flushes, checks and renames every file; throws Error(kOutput) naming the file that failed.
  // Returns the final paths in the order they were opened.
  std::vector<std::filesystem::path> commit();

 private:
  struct File {
    std::string name;
    std::filesystem::path temp, final_path;
    std::unique_ptr<std::ofstream> stream;
    bool executable = false;
  };
  void discard() noexcept;

  std::filesystem::path dir_;
  std::vector<File> files_;
  std::vector<std::filesystem::path> created_dirs_;
  bool committed_ = false;
};

}  // namespace softgraph
