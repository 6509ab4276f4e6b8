// Reading documents from files: encoding detection, layout detection, fields.
//
//   fouille::corpus::FileResult r = fouille::corpus::read_file("projet.txt", {});
//   for (const auto& doc : r.documents) ...
//
// Text files come in several layouts, told apart per file by what their lines
// hold, not by position: label/value pairs (with a bullet, a dash line or no
// marker; value on the next line or after the label), blocks of bare values
// recognised by shape and vocabulary, web pages with menus and footers, or
// prose alone. Files ending in .jsonl hold one JSON object a line with the
// canonical keys.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/document.h"

namespace fouille::corpus {

struct ReadOptions {
  std::uintmax_t max_bytes = 20u * 1024u * 1024u;  ///< larger files are skipped
};

struct FileResult {
  std::vector<Document> documents;
  std::vector<std::string> warnings;  ///< one line each, naming the file
  std::string encoding;               ///< what the bytes were read as
};

/// Seconds spent in read_file, by phase; read_file adds to them.
struct ReadTimes {
  double read = 0;   ///< reading the bytes and decoding them to UTF-8
  double parse = 0;  ///< layouts and fields
};

/// Reads one file. Throws CorpusError, whose message names the file and the
/// reason, when the whole file is skipped (missing, empty, binary, too large,
/// unreadable); a bad JSON Lines record only adds a warning. When `times` is
/// given, the time spent is added to it.
FileResult read_file(const std::filesystem::path& path, const ReadOptions& options, ReadTimes* times = nullptr);

/// Decodes file bytes to UTF-8 with LF line ends: UTF-8 with or without BOM,
/// UTF-16 with or without BOM, else the legacy charset ICU detects
/// (Windows-1252, Latin-1…). Mostly well-formed UTF-8 stays UTF-8: each
/// ill-formed sequence becomes U+FFFD and `*replaced` counts them. Sets
/// `*encoding` to the name used. Throws CorpusError (without a file name) for
/// empty or binary content.
std::string decode(std::string_view bytes, std::string* encoding = nullptr, std::size_t* replaced = nullptr);

/// Parses a text document of any layout. `source` becomes Document::source.
Document parse_text(std::string_view utf8, const std::string& source);

/// Parses JSON Lines; each good line gives a document whose source is
/// "source#id" (or "source#line-N" without an id); bad lines add a warning.
FileResult parse_jsonl(std::string_view utf8, const std::string& source);

}  // namespace fouille::corpus
