// The output set committed as a whole (AtomicDirSink): a move that fails puts the folder back as
// it was, a symlink planted in the output folder is never followed, a staging folder of a dead run
// is removed, and a commit a dead run left half done is finished by the next one.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>

#include "data/hostile/hostile_graph.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/core/json_io.hpp"
#include "softgraph/export/export.hpp"
#include "softgraph/export/sink.hpp"
#include "test_support.hpp"

using namespace softgraph;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string rel = fs::relative(e.path(), dir).string();
    if (e.is_directory()) {
      out[rel] = "<dir>";
    } else {
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out[rel] = ss.str();
    }
  }
  return out;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

long dead_pid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("a failed move into place leaves the output folder as it was") {
  const fs::path dir = test::scratch("output_set_rollback");
  ExportOptions opt;
  opt.formats = {"json", "csv", "neo4j"};
  export_graph(test::typed_graph(), dir, opt);
  const auto before = snapshot(dir);
  for (int fail_at : {0, 1, 2}) {
    AtomicDirSink sink(dir);
    export_to_sink(test::hostile_graph(), opt, sink);
    sink.fail_move_for_test(fail_at);
    try {
      sink.commit();
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kOutput);
      CHECK(std::string(e.what()).find("as it was") != std::string::npos);
    }
  }
  CHECK(snapshot(dir) == before);
  // Without a failure the whole new set is in place.
  AtomicDirSink sink(dir);
  export_to_sink(test::hostile_graph(), opt, sink);
  sink.commit();
  MemorySink mem;
  export_to_sink(test::hostile_graph(), opt, mem);
  const auto after = snapshot(dir);
  for (const auto& name : mem.names()) CHECK(after.at(name) == mem.contents(name));
}

TEST_CASE("an uncommitted output set leaves nothing behind") {
  const fs::path dir = test::scratch("output_set_discard");
  {
    AtomicDirSink sink(dir);
    sink.open("graph.json") << "{}";
    sink.open("neo4j/import.sh") << "#!/bin/sh";
  }
  CHECK(fs::is_empty(dir));
}

TEST_CASE("a symlink planted in the output folder is replaced, never written through") {
  const fs::path dir = test::scratch("output_set_symlink");
  const fs::path victim = test::scratch("output_set_victim") / "precious.txt";
  write(victim, "keep me");
  fs::create_directories(dir);
  fs::create_symlink(victim, dir / "graph.json");
  ExportOptions opt;
  opt.formats = {"json"};
  export_graph(test::typed_graph(), dir, opt);
  CHECK(snapshot(victim.parent_path()).at("precious.txt") == "keep me");
  CHECK(fs::is_regular_file(fs::symlink_status(dir / "graph.json")));
}

TEST_CASE("what dead runs left is removed, and a commit cut short is finished") {
  const fs::path dir = test::scratch("output_set_recovery");
  const std::string dead = std::to_string(dead_pid());
  // A run that died while writing: its staging folder goes.
  write(dir / (".softgraph-stage-" + dead + "-aaaaaa") / "graph.json", "half");
  write(dir / (".graph.json.softgraph-tmp-" + dead + "-bbbbbb"), "half");
  write(dir / (".graph.json.tmp-" + dead + "-3"), "half, from an older softgraph");
  // A run that died mid-commit: graph.json was swapped in, graph.svg not yet.
  write(dir / "graph.json", "new json");
  write(dir / "graph.svg", "old svg");
  write(dir / (".softgraph-old-" + dead + "-cccccc") / "graph.json", "old json");
  write(dir / (".softgraph-stage-" + dead + "-cccccc") / "graph.svg", "new svg");
  // A live run's temporary (ours) is kept.
  const std::string live = ".graph.json.softgraph-tmp-" + std::to_string(getpid()) + "-dddddd";
  write(dir / live, "being written");

  ExportOptions opt;
  opt.formats = {"csv"};
  export_graph(test::typed_graph(), dir, opt);
  const auto after = snapshot(dir);
  CHECK(after.at("graph.svg") == "new svg");
  CHECK(after.at("graph.json") == "new json");
  CHECK(after.count("csv/nodes.csv") == 1);
  CHECK(after.count(live) == 1);
  for (const auto& [name, text] : after)
    if (name != live) {
      const bool leftover =
          name.find("softgraph-") != std::string::npos || name.find(".tmp-") != std::string::npos;
      CHECK_MESSAGE(!leftover, name);
    }
}

TEST_CASE("JSON nesting is bounded with a located error, brackets in strings not counted") {
  CHECK(json_depth_exceeded("[[[]]]", 3) == std::string_view::npos);
  CHECK(json_depth_exceeded("[[[[]]]]", 3) == 3);
  CHECK(json_depth_exceeded(R"({"a":"[[[[[\"[[[[","b":[{}]})", 3) == std::string_view::npos);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  try {
    parse_json(deep, "deep.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadInput);
    CHECK(std::string(e.what()).find("deep.json:line 1, column 513 (byte 512)") == 0);
  }
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  CHECK(parse_json(ok, "ok.json").IsArray());
}
