// Reading documents from files: encoding detection, layout detection, fields.
//
//   fouille::corpus::FileResult r = fouille::corpus::read_file("projet.txt", {});
//   for (const auto& doc : r.documents) ...
//
// Files are read in bounded memory: a chunk at a time, decoded as they come;
// a JSON Lines file a record at a time, handed over as read (the ReadSink
// form of read_file), never whole. A text file is one document and is read up
// to ReadOptions::max_text_bytes of text.
//
// Text files come in several layouts, told apart per file by what their lines
// hold, not by position: label/value pairs (with a bullet, a dash line or no
// marker; value on the next line or after the label), blocks of bare values
// recognised by shape and vocabulary, web pages with menus and footers, or
// prose alone. Files ending in .jsonl hold one JSON object a line with the
// canonical keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/document.h"

namespace fouille::corpus {

/// Text read from one text file, at most: the rest is not indexed (with a
/// warning). A document's memory while it is indexed is about ten times its
/// text (positions, terms, the stored copy); this keeps a job well under 1 GiB.
constexpr std::size_t kMaxTextBytes = 20u * 1024u * 1024u;
/// A JSON Lines record longer than this is skipped with a warning.
constexpr std::size_t kMaxRecordBytes = 4u * 1024u * 1024u;

struct ReadOptions {
  std::uintmax_t max_bytes = 20u * 1024u * 1024u;  ///< larger files are skipped
  std::size_t max_text_bytes = kMaxTextBytes;      ///< text of one text document, at most
  std::size_t max_record_bytes = kMaxRecordBytes;  ///< one JSON Lines record, at most
};

/// Where read_file hands what it reads, as it reads it.
class ReadSink {
 public:
  virtual ~ReadSink() = default;
  /// One document; its warnings have been passed to warning() already.
  virtual void document(Document doc) = 0;
  /// One message naming the file (and the line of a JSON Lines record),
  /// rendered in the user's language by whoever shows it.
  virtual void warning(Message message) = 0;
};

struct FileResult {
  std::vector<Document> documents;
  std::vector<Message> warnings;  ///< one each, naming the file
  std::string encoding;           ///< what the bytes were read as
};

/// Seconds spent in read_file, by phase; read_file adds to them.
struct ReadTimes {
  double read = 0;   ///< opening the file, reading its bytes and decoding them to UTF-8
  double parse = 0;  ///< layouts and fields
};

/// Reads one file. Throws CorpusError, whose Message names the file and the
/// reason, when the whole file is skipped (missing, empty, binary, too large,
/// unreadable); a bad JSON Lines record only adds a warning. When `times` is
/// given, the time spent is added to it.
FileResult read_file(const std::filesystem::path& path, const ReadOptions& options, ReadTimes* times = nullptr);

/// Reads one file as above, handing each document and warning to `sink` as
/// soon as it is read: memory stays bounded whatever the file's size. A JSON
/// Lines file's records before an error stay handed over. Returns the
/// encoding the bytes were read as. Time spent in `sink` is not counted in
/// `times`.
std::string read_file(const std::filesystem::path& path, const ReadOptions& options, ReadSink& sink,
                      ReadTimes* times = nullptr);

/// The name of the reader read_file uses for `path` ("text", "jsonl"): by
/// extension, else by what the file's first bytes `head` hold.
std::string_view reader_name(const std::filesystem::path& path, std::string_view head = {});

/// Decodes file bytes to UTF-8 with LF line ends (runs of blank lines as two): UTF-8 with or without BOM,
/// UTF-16 with or without BOM, else the legacy charset ICU detects
/// (Windows-1252, Latin-1…). Mostly well-formed UTF-8 stays UTF-8: each
/// ill-formed sequence becomes U+FFFD and `*replaced` counts them. Sets
/// `*encoding` to the name used. Throws CorpusError (without a file name) for
/// empty or binary content.
std::string decode(std::string_view bytes, std::string* encoding = nullptr, std::size_t* replaced = nullptr);

/// Where a text comes from, for parse_text: a page saved from a site may end
/// with a footer of short lines (links, « Lire aussi »), dropped; a document
/// (PDF, DOCX, ODT) has no site around it, and a closing list or table stays.
enum class TextSource { kPage, kDocument };

/// Parses a text document of any layout. `source` becomes Document::source.
Document parse_text(std::string_view utf8, const std::string& source, TextSource from = TextSource::kPage);

/// Parses JSON Lines; each good line gives a document whose source is
/// "source#id" (or "source#line-N" without an id); bad lines add a warning.
FileResult parse_jsonl(std::string_view utf8, const std::string& source);

}  // namespace fouille::corpus
