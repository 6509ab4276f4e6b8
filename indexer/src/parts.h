// Private: a file read into parts. Each part holds built documents of about
// a fixed amount of text, so that a JSON Lines file of any size is never held
// whole; the writer takes the parts as they come.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/corpus/reader.h"
#include "fouille/indexer/indexer.h"

#include "document_builder.h"
#include "file_scan.h"

namespace fouille::indexer {

// A part of a file's documents: a file is handed to the writer in parts of
// about kPartBytes of text, so a JSON Lines file of any size is never held
// whole. A text file is one part.
struct Parsed {
  std::size_t file = 0;
  bool first = true;      // the file's first part: its old documents go
  bool last = true;       // the file's last part
  std::size_t bytes = 0;  // text held (titles, bodies, warnings): what the queue counts
  std::vector<Xapian::Document> docs;
  std::vector<std::string> source_terms;
  std::vector<Message> warnings;
  std::vector<std::string> unknown_countries;  // names no table knows, kept as given
  std::optional<Message> skipped;              // why the file was skipped (or, in a later part, stopped)
  bool no_content = false;                     // skipped as empty, binary or too large: its old documents go
  // One document alone in its file is added; several are replaced by their
  // source term, so a JSON Lines file repeating an id makes no duplicate.
  bool alone() const { return first && last && docs.size() == 1; }
};

/// Reads, parses and analyses one file, handing its documents to `emit` in
/// parts as they are read, and adding the time of each phase to `times`.
/// `halted` stops the reading of a large file between parts. A failure of
/// `emit` (the writer's) is rethrown; the file's own failures are its last
/// part's `skipped`.
void parse_file(const InputFile& file, std::size_t index, DocumentBuilder& builder, const corpus::ReadOptions& read,
                PhaseTimes& times, const std::function<void(Parsed)>& emit, const std::function<bool()>& halted);

}  // namespace fouille::indexer
