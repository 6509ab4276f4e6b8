// Private: the readers, one per kind of file, in a small registry. A line
// reader turns the decoded lines of one file into documents; a byte reader
// takes the file's raw bytes (binary formats, markup that names its own
// encoding, XML read as a stream). read_file picks one by a magic number
// whatever the extension (PDF, zip, IATI XML…), else by extension, else by
// sniffing the content, else text.
//
// Adding a reader: a class deriving from Reader or ByteReader in its own
// file, and a row in the table of readers.cpp with its extensions and, if
// its files can be told by their first bytes, a sniff function.
#pragma once

#include <cstdint>
#include <istream>
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

/// A reader of a file's raw bytes. Hostile input is expected: a reader
/// bounds its own time and memory, and throws CorpusError (without the file
/// name) when the file as a whole cannot be read.
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  /// Reads the file `source` from `in` (at its start; `size` bytes), handing
  /// each document and warning to `sink` as it goes. Returns what the bytes
  /// were read as ("PDF 1.7", "HTML, windows-1252"…).
  virtual std::string read(std::istream& in, std::uintmax_t size, const std::string& source, const ReadOptions& options,
                           ReadSink& sink) const = 0;
};

/// When a reader's sniff function is asked.
enum class Sniff {
  kNoExtension,  ///< only for a file with no extension (JSON Lines)
  kContent,      ///< for a file whose extension no reader claims (HTML saved as .txt)
  kMagic,        ///< whatever the extension: a magic number does not lie (PDF, zip, IATI)
};

struct ReaderEntry {
  std::string_view name;                           ///< "text", "jsonl", "html"…: Document::format
  std::vector<std::string_view> extensions;        ///< with the dot, lower case
  bool (*sniff)(std::string_view head) = nullptr;  ///< tells the reader's files by their first bytes
  Sniff when = Sniff::kNoExtension;
  const Reader* reader = nullptr;  ///< one of the two is set
  const ByteReader* byte_reader = nullptr;
  /// ReadOptions::max_bytes bounds the file; a reader of records (IATI)
  /// streams files of any size and bounds each record instead.
  bool size_limited = true;
};

/// The first bytes of a file that sniff functions see, at most.
constexpr std::size_t kSniffBytes = 4096;

/// The registered readers; the last is the fallback (text).
const std::vector<ReaderEntry>& readers();

/// The entry for `path`: by extension, else (no extension) by `head`, the
/// file's first bytes, else the fallback.
const ReaderEntry& reader_for(const std::filesystem::path& path, std::string_view head);

/// The text reader and the JSON Lines reader.
const Reader& text_reader();
const Reader& jsonl_reader();

/// The byte readers, each in its own file, with their sniff functions.
const ByteReader& html_reader();  // html_reader.cpp
bool looks_like_html(std::string_view head);
const ByteReader& pdf_reader();  // pdf_reader.cpp
bool looks_like_pdf(std::string_view head);
const ByteReader& office_reader();  // office_reader.cpp: DOCX and ODT, told apart by content
bool looks_like_zip(std::string_view head);
const ByteReader& iati_reader();  // iati_reader.cpp
bool looks_like_iati(std::string_view head);

/// Reads one JSON Lines record (a line, not blank) and hands it to `sink`.
void read_record(std::string_view line, std::size_t line_no, const std::string& source, ReadSink& sink);

}  // namespace fouille::corpus::detail
