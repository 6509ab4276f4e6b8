// Private: reading a file as UTF-8 lines in bounded memory. The encoding is
// told from the head of the file (sniff); the bytes are then read in chunks
// and decoded as they come, so a reader holds one chunk and one line, never
// the whole file.
//
//   std::ifstream in(path, std::ios::binary);
//   LineReader lines(in, 1 << 30);
//   for (LineReader::Line l; lines.next(l, 1 << 20);) use(l.text);
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace fouille::corpus::detail {

/// Bytes the encoding is told from; a file this size or smaller is judged whole.
constexpr std::size_t kHeadBytes = 1 << 20;

/// How a file's bytes are to be read, told from its head.
struct Encoding {
  std::string name;           ///< "UTF-8", "UTF-8 (BOM)", "UTF-16LE (no BOM)", "windows-1252"…
  std::string charset;        ///< ICU converter name; empty for UTF-8 (validated and repaired, not converted)
  std::size_t bom = 0;        ///< bytes of byte order mark to skip
  bool check_binary = false;  ///< NUL and control bytes mean binary (not for UTF-16)
};

/// Tells the encoding from the head of a file: UTF-8 with or without BOM,
/// UTF-16 with or without BOM, else a legacy charset ICU detects. Mostly
/// well-formed UTF-8 stays UTF-8. Throws CorpusError (no file name) for an
/// empty head or binary content (NUL bytes, many control bytes).
Encoding sniff(std::string_view head);

/// Control bytes in `bytes` (below 0x20, but for LF, CR, tab and form feed):
/// many of them mean a binary file.
std::size_t count_control_bytes(std::string_view bytes);

/// Lines of a byte stream decoded to UTF-8, ends (LF, CR, CRLF) removed.
class LineReader {
 public:
  struct Line {
    std::string text;        ///< valid UTF-8, at most the `max` given to next()
    bool ended = false;      ///< a line end followed it (false for the file's last line)
    bool cut = false;        ///< longer than `max`: the rest was skipped unread
    std::size_t number = 0;  ///< 1-based physical line number
  };

  /// Reads `in` from where it stands, at most `max_bytes` bytes (more is
  /// CorpusError "grew over the limit"). Sniffs the encoding from the first
  /// kHeadBytes (throws as sniff() does). `in` must outlive the reader.
  LineReader(std::istream& in, std::uintmax_t max_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// The next line, at most `max` bytes (cut on a character boundary);
  /// false at the end. With check_binary, a NUL byte anywhere throws
  /// CorpusError("binary file (NUL bytes)"). Throws CorpusError on I/O errors.
  bool next(Line& line, std::size_t max);

  /// From now on, NUL and control bytes are no reason to refuse the file
  /// (the head was checked): a reader of records finds them in a record.
  void ignore_binary();

  const Encoding& encoding() const;
  /// Ill-formed UTF-8 sequences replaced by U+FFFD so far.
  std::size_t replaced() const;
  /// Raw bytes read so far (BOM excluded), and control bytes among them.
  std::uint64_t bytes() const;
  std::uint64_t control_bytes() const;
  /// Seconds spent reading and decoding (the steady clock), so far.
  double seconds() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True when `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

/// Reads a whole text document: lines joined by LF, runs of blank lines kept
/// as two, at most `max` bytes (then `*cut` is set). Throws CorpusError for
/// binary (many control bytes) or blank content.
std::string read_text(LineReader& lines, std::size_t max, bool* cut);

}  // namespace fouille::corpus::detail
