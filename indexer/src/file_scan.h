// Private: listing the files under the inputs, with a stamp of their version.
// What cannot be listed or read as a file (an unreadable folder, a FIFO, a
// link loop, a link out of the inputs) is left out with one warning line
// naming it; the listing goes on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "fouille/base/message.h"

namespace fouille::indexer {

struct InputFile {
  std::string path;    ///< absolute, normalised: the same file always gets the same key
  std::string listed;  ///< the path as found under its input (what --dump shows)
  std::string stamp;   ///< size and mtime (store::encode_stamp)
  std::uint64_t size = 0;
};

struct Scan {
  std::vector<InputFile> files;   ///< sorted, without duplicates
  std::vector<Message> warnings;  ///< one per entry left out, naming it
};

/// Files under `inputs` (folders recursively, hidden entries skipped).
/// Symbolic links are read when they lead to a file or folder inside one of
/// the inputs, or anywhere with `follow_links`; others, loops and dangling
/// links are left out with a warning. Throws CorpusError naming a missing
/// input.
Scan scan_inputs(const std::vector<std::filesystem::path>& inputs, bool follow_links = false);

/// The stamp of one file as scan_inputs() makes it.
std::string stamp_of(const std::filesystem::path& path, std::uint64_t* size);

}  // namespace fouille::indexer
