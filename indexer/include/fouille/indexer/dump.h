// What the readers extract, without a database: the files index() would read,
// on the same walk, each document printed as one JSON object a line as soon
// as it is read (a JSON Lines file of any size streams through).
//
//   fouille::indexer::DumpStats s = fouille::indexer::dump({"corpus/samples"}, {}, false, std::cout, warn);
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <vector>

#include "fouille/corpus/reader.h"
#include "fouille/indexer/indexer.h"

namespace fouille::indexer {

struct DumpStats {
  std::size_t documents = 0;  ///< documents printed
  std::size_t skipped = 0;    ///< files and entries left out (each with a line to `warn`)
};

/// Prints the documents of the files under `inputs` (as list_files() lists
/// them: hidden entries, links out of the inputs unless `follow_links`,
/// loops and special files left out) to `out`, one JSON object a line, the
/// source as found under its input. Warnings, skipped files and each unknown
/// country name (once) go to `warn`. Throws CorpusError for a missing input.
DumpStats dump(const std::vector<std::filesystem::path>& inputs, const corpus::ReadOptions& read, bool follow_links,
               std::ostream& out, const Warn& warn);

}  // namespace fouille::indexer
