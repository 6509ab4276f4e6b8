// read_file: opens a file, picks its reader (readers.h) and streams its
// decoded lines through it (line_reader.h).
#include "fouille/corpus/reader.h"

#include <chrono>
#include <fstream>
#include <optional>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"

#include "readers.h"

namespace fouille::corpus {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Passes everything on to `sink`, timing it: the caller's time is not ours.
class TimedSink : public ReadSink {
 public:
  explicit TimedSink(ReadSink& sink) : sink_(sink) {}
  void document(Document doc) override {
    const auto started = Clock::now();
    sink_.document(std::move(doc));
    seconds += seconds_since(started);
  }
  void warning(Message message) override {
    const auto started = Clock::now();
    sink_.warning(std::move(message));
    seconds += seconds_since(started);
  }
  double seconds = 0;

 private:
  ReadSink& sink_;
};

// Gathers a file's documents and warnings (the FileResult form).
class Collect : public ReadSink {
 public:
  explicit Collect(FileResult& result) : result_(result) {}
  void document(Document doc) override { result_.documents.push_back(std::move(doc)); }
  void warning(Message message) override { result_.warnings.push_back(std::move(message)); }

 private:
  FileResult& result_;
};

// Names the format a document came from (the reader's, unless it said).
class FormatSink : public ReadSink {
 public:
  FormatSink(ReadSink& sink, std::string_view format) : sink_(sink), format_(format) {}
  void document(Document doc) override {
    if (doc.format.empty()) doc.format = format_;
    sink_.document(std::move(doc));
  }
  void warning(Message message) override { sink_.warning(std::move(message)); }

 private:
  ReadSink& sink_;
  std::string_view format_;
};

// A reader's CorpusError, named after the file: "cannot read…" stays an
// error, anything else (empty, binary, encrypted…) is a skipped file.
[[noreturn]] void rethrow_named(const std::string& name, const CorpusError& e) {
  const Message* m = e.message();
  if (m ? innermost_id(*m).starts_with("read.cannot_read") : std::string_view(e.what()).starts_with("cannot read")) {
    throw CorpusError(Message{"read.in_file", {name, describe(e)}});
  }
  throw NoContentError(Message{"read.skipped", {name, describe(e)}});
}

}  // namespace

std::string read_file(const std::filesystem::path& path, const ReadOptions& options, ReadSink& sink, ReadTimes* times) {
  const auto started = Clock::now();
  const std::string name = path.string();
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw CorpusError(Message{"read.in_file", {name, Message{"read.cannot_read", {system_reason(ec)}}}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(Message{"read.cannot_open", {name}});
  char head[detail::kSniffBytes];
  in.read(head, sizeof head);
  const std::string_view head_bytes(head, static_cast<std::size_t>(in.gcount()));
  const detail::ReaderEntry& entry = detail::reader_for(path, head_bytes);
  if (entry.size_limited && size > options.max_bytes) {
    throw NoContentError(Message{
        "read.skipped", {name, Message{"read.over_limit", {std::to_string(size), std::to_string(options.max_bytes)}}}});
  }
  in.clear();
  in.seekg(0);
  // Opening the file and reading its head is reading: on a busy disk, or a
  // directory of a million files, it is no part of the parser's cost.
  const double open_seconds = seconds_since(started);
  TimedSink timed(sink);
  FormatSink formatted(timed, entry.name);
  double read_seconds = open_seconds;
  std::string encoding;
  try {
    if (entry.byte_reader) {
      if (size == 0) throw NoContentError(Message{"read.skipped", {name, Message{"read.empty", {}}}});
      try {
        encoding = entry.byte_reader->read(in, size, name, options, formatted);
      } catch (const CorpusError& e) {
        rethrow_named(name, e);
      }
    } else {
      std::optional<detail::LineReader> lines;
      try {
        lines.emplace(in, options.max_bytes);
      } catch (const CorpusError& e) {
        rethrow_named(name, e);  // empty, binary, grown too large
      }
      encoding = lines->encoding().name;
      try {
        entry.reader->read(*lines, name, options, formatted);
      } catch (const CorpusError& e) {
        read_seconds += lines->seconds();
        rethrow_named(name, e);
      }
      read_seconds += lines->seconds();
    }
  } catch (...) {
    if (times) {
      times->read += read_seconds;
      times->parse += std::max(0.0, seconds_since(started) - read_seconds - timed.seconds);
    }
    throw;
  }
  if (times) {
    times->read += read_seconds;
    times->parse += std::max(0.0, seconds_since(started) - read_seconds - timed.seconds);
  }
  return encoding;
}

FileResult read_file(const std::filesystem::path& path, const ReadOptions& options, ReadTimes* times) {
  FileResult result;
  Collect collect(result);
  result.encoding = read_file(path, options, collect, times);
  return result;
}

FileResult parse_jsonl(std::string_view utf8, const std::string& source) {
  FileResult result;
  Collect collect(result);
  std::size_t line_no = 0;
  while (!utf8.empty()) {
    std::size_t eol = utf8.find('\n');
    std::string_view line = utf8.substr(0, eol);
    utf8.remove_prefix(eol == std::string_view::npos ? utf8.size() : eol + 1);
    ++line_no;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    detail::read_record(line, line_no, source, collect);
  }
  return result;
}

std::string_view reader_name(const std::filesystem::path& path, std::string_view head) {
  return detail::reader_for(path, head).name;
}

}  // namespace fouille::corpus
