// Private: listing the files under the inputs, with a stamp of their version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fouille::indexer {

struct InputFile {
  std::string path;   ///< absolute, normalised: the same file always gets the same key
  std::string stamp;  ///< size and mtime
  std::uint64_t size = 0;
};

/// Files under `inputs` (folders recursively, hidden entries skipped), sorted,
/// without duplicates. Throws CorpusError naming a missing input.
std::vector<InputFile> scan_inputs(const std::vector<std::filesystem::path>& inputs);

/// The stamp of one file as scan_inputs() makes it.
std::string stamp_of(const std::filesystem::path& path, std::uint64_t* size);

}  // namespace fouille::indexer
