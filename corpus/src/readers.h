// Private: the readers, one per kind of file, in a small registry. A reader
// turns the decoded lines of one file into documents; read_file picks it by
// the file's extension, else by sniffing its first bytes, else text.
//
// Adding a reader (HTML, IATI XML): a class deriving from Reader in its own
// file, and a row in the table of readers.cpp with its extensions and, if
// its files can be told by their first bytes, a sniff function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/reader.h"

#include "line_reader.h"

namespace fouille::corpus::detail {

class Reader {
 public:
  virtual ~Reader() = default;
  /// Reads the file `source` from `lines`, handing each document and
  /// warning to `sink` as it goes. Throws CorpusError (without the file
  /// name) when the file as a whole cannot be read (binary, blank).
  virtual void read(LineReader& lines, const std::string& source, const ReadOptions& options, ReadSink& sink) const = 0;
};

struct ReaderEntry {
  std::string_view name;                           ///< "text", "jsonl"
  std::vector<std::string_view> extensions;        ///< with the dot, lower case
  bool (*sniff)(std::string_view head) = nullptr;  ///< for files with no extension
  const Reader* reader = nullptr;
};

/// The registered readers; the last is the fallback (text).
const std::vector<ReaderEntry>& readers();

/// The entry for `path`: by extension, else (no extension) by `head`, the
/// file's first bytes, else the fallback.
const ReaderEntry& reader_for(const std::filesystem::path& path, std::string_view head);

/// The text reader and the JSON Lines reader.
const Reader& text_reader();
const Reader& jsonl_reader();

/// Reads one JSON Lines record (a line, not blank) and hands it to `sink`.
void read_record(std::string_view line, std::size_t line_no, const std::string& source, ReadSink& sink);

}  // namespace fouille::corpus::detail
