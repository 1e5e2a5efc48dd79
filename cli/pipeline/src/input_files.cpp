// The inputs of a run: files, folders (walked recursively), globs and "-" (paths on stdin), made
// into one sorted list of files. Folders are walked by (device, inode), never canonicalised: a
// symlink loop or a folder reached twice is read once, in time linear in the tree.
#include <glob.h>
#include <limits.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "softgraph/core/error.hpp"
#include "softgraph/pipeline/pipeline.hpp"

namespace softgraph {
namespace fs = std::filesystem;

namespace {

using FileKey = std::pair<dev_t, ino_t>;

bool key_of(const std::string& path, FileKey* key, mode_t* mode = nullptr, int* err = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (err) *err = errno;
    return false;
  }
  *key = {st.st_dev, st.st_ino};
  if (mode) *mode = st.st_mode;
  return true;
}

// A name with its control characters made visible: "a.txt\r" is shown as a.txt\r, not as a.txt.
std::string visible(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Error missing_input(const std::string& in) {
  std::string what = "no such file or directory";
  if (!in.empty() && in.back() == '\r')
    what += " (the name ends in a carriage return, \\r: a list of paths with Windows line ends?)";
  else if (visible(in) != in)
    what += " (the name holds control characters, shown escaped)";
  return input_error(visible(in), "", what);
}

class FolderWalk {
 public:
  FolderWalk(const std::set<FileKey>& excluded, std::vector<std::string>& files)
      : excluded_(excluded), files_(files) {}

  // Adds the files under `root`; false when there were none.
  bool walk(const std::string& root, FileKey root_key) {
    bool any = false;
    seen_.emplace(root_key, root);
    std::vector<std::string> stack{root};
    while (!stack.empty()) {
      const std::string dir = std::move(stack.back());
      stack.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      if (ec) {
        if (ec.value() == ENAMETOOLONG) {
          spdlog::warn("{}: folder path longer than the system allows (PATH_MAX), skipped",
                       visible(dir.substr(0, 200)) + "...");
          continue;
        }
        throw input_error(visible(dir), "", "cannot list folder: " + ec.message());
      }
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string path = it->path().string();
        if (path.size() >= PATH_MAX) {
          spdlog::warn("{}: path longer than the system allows (PATH_MAX, {} bytes), skipped",
                       visible(path.substr(0, 200)) + "...", PATH_MAX);
          continue;
        }
        FileKey key;
        mode_t mode = 0;
        if (!key_of(path, &key, &mode)) continue;  // a dangling symlink, or gone since listed
        // Hidden files and folders are not inputs (softgraph's own staging folders among them).
        if (name.empty() || name[0] == '.') continue;
        if (excluded_.count(key)) {
          spdlog::info("{}: the run's own output, not read as input", visible(path));
          continue;
        }
        if (S_ISDIR(mode)) {
          auto [place, fresh] = seen_.emplace(key, path);
          if (!fresh) {
            spdlog::warn("{}: symlink loop or folder reached twice, already read as {}",
                         visible(path), visible(place->second));
            continue;
          }
          stack.push_back(path);
        } else if (S_ISREG(mode)) {
          files_.push_back(path);
          any = true;
        }
      }
      if (ec) throw input_error(visible(dir), "", "cannot list folder: " + ec.message());
    }
    return any;
  }

 private:
  const std::set<FileKey>& excluded_;
  std::vector<std::string>& files_;
  std::map<FileKey, std::string> seen_;
};

}  // namespace

bool is_embedded_input(const std::string& path) { return !path.empty() && path[0] == '\0'; }

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       const std::vector<std::string>& excluded) {
  std::set<FileKey> skip;
  for (const auto& e : excluded) {
    FileKey k;
    if (!e.empty() && key_of(e, &k)) skip.insert(k);
  }
  std::vector<std::string> queue;
  for (const auto& in : inputs) {
    if (in == "-") {
      std::string line;
      int number = 0;
      while (std::getline(std::cin, line)) {
        ++number;
        if (line.find('\0') != std::string::npos)
          throw input_error("<stdin>", "line " + std::to_string(number),
                            "a path cannot hold a NUL byte");
        if (!line.empty()) queue.push_back(line);
      }
    } else {
      queue.push_back(in);
    }
  }
  std::vector<std::string> files;
  FolderWalk walker(skip, files);
  for (const auto& in : queue) {
    if (is_embedded_input(in)) {  // --example: never a name a user can give
      files.push_back(in);
      continue;
    }
    if (in.empty()) throw input_error("", "", "an input path is empty");
    FileKey key;
    mode_t mode = 0;
    int err = 0;
    if (!key_of(in, &key, &mode, &err)) {
      if (err == ENAMETOOLONG)
        throw input_error(visible(in.substr(0, 200)) + "...", "", "path too long");
      if (in.find_first_of("*?[") != std::string::npos) {
        glob_t g{};
        std::size_t matched = 0;
        if (::glob(in.c_str(), 0, nullptr, &g) == 0) {
          for (std::size_t i = 0; i < g.gl_pathc; ++i) {
            FileKey k;
            mode_t m = 0;
            if (key_of(g.gl_pathv[i], &k, &m) && S_ISREG(m) && !skip.count(k)) {
              files.push_back(g.gl_pathv[i]);
              ++matched;
            }
          }
        }
        globfree(&g);
        // Each pattern on its own: one that matches nothing is a mistake even beside others.
        if (matched == 0) throw input_error(visible(in), "", "the pattern matches no file");
        continue;
      }
      throw missing_input(in);
    }
    if (S_ISDIR(mode)) {
      if (!walker.walk(in, key)) throw input_error(visible(in), "", "folder holds no input files");
      continue;
    }
    if (!S_ISREG(mode))
      throw input_error(visible(in), "", "not a regular file (FIFO, device or socket)");
    files.push_back(in);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  if (files.empty()) throw input_error("", "", "no input files");
  return files;
}

}  // namespace softgraph
