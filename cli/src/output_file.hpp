// Where `extract --jsonl PATH` may write: a regular file (or a new one) is written to a temporary
// beside it and renamed over PATH, so a symlink at PATH is replaced, never followed. A character
// device or a pipe is written directly, but only when the user names it: a symlink that leads to
// one from anywhere but /dev or /proc (a link someone planted in a shared output folder, pointing
// at /dev/null or a device) is refused. /dev/stdout redirected to a file writes that file.
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace softgraph {

// nullptr: PATH is (or will be) a regular file; write a temporary and rename it over PATH.
// Otherwise a stream over the opened device or pipe. Throws Error (kOutput, naming PATH) for a
// folder, a block device, a socket, or a symlink to a device or pipe that the user did not name.
std::unique_ptr<std::ostream> open_device_output(const std::string& path);

}  // namespace softgraph
