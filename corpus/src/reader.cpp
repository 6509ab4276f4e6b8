#include "fouille/corpus/reader.h"

#include <chrono>
#include <fstream>

#include "fouille/corpus/document_json.h"
#include "fouille/stemming/error.h"

namespace fouille::corpus {

FileResult parse_jsonl(std::string_view utf8, const std::string& source) {
  FileResult result;
  std::size_t line_no = 0;
  while (!utf8.empty()) {
    std::size_t eol = utf8.find('\n');
    std::string_view line = utf8.substr(0, eol);
    utf8.remove_prefix(eol == std::string_view::npos ? utf8.size() : eol + 1);
    ++line_no;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    try {
      Document doc = from_json(nlohmann::json::parse(line), source);
      if (doc.source == source + "#") doc.source += "line-" + std::to_string(line_no);
      for (const auto& w : doc.warnings) {
        result.warnings.push_back(source + ":" + std::to_string(line_no) + ": " + w);
      }
      result.documents.push_back(std::move(doc));
    } catch (const nlohmann::json::exception& e) {
      result.warnings.push_back(source + ":" + std::to_string(line_no) + ": bad JSON: " + e.what());
    } catch (const CorpusError& e) {
      result.warnings.push_back(source + ":" + std::to_string(line_no) + ": " + e.what());
    }
  }
  return result;
}

FileResult read_file(const std::filesystem::path& path, const ReadOptions& options, ReadTimes* times) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  auto decoded = started;
  // Adds the time since `decoded` to the parse phase, the rest to reading.
  struct Timer {
    ReadTimes* times;
    const Clock::time_point& started;
    const Clock::time_point& decoded;
    ~Timer() {
      if (!times) return;
      const auto now = Clock::now();
      const auto read_end = decoded > started ? decoded : now;
      times->read += std::chrono::duration<double>(read_end - started).count();
      times->parse += std::chrono::duration<double>(now - read_end).count();
    }
  } timer{times, started, decoded};
  const std::string name = path.string();
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw CorpusError(name + ": cannot read: " + ec.message());
  if (size > options.max_bytes) {
    throw NoContentError(name + ": skipped: " + std::to_string(size) + " bytes, over the limit of " +
                      std::to_string(options.max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(name + ": cannot open");
  // Read straight into one buffer (no stream copies); the file may have
  // grown since its size was taken, so read to its end, within the limit.
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  for (char buf[65536]; in && bytes.size() <= options.max_bytes;) {
    in.read(buf, sizeof buf);
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw CorpusError(name + ": cannot read: I/O error");
  if (bytes.size() > options.max_bytes) {
    throw NoContentError(name + ": skipped: grew over the limit of " + std::to_string(options.max_bytes) + " bytes while read");
  }
  std::string text;
  FileResult result;
  std::size_t replaced = 0;
  try {
    text = decode(bytes, &result.encoding, &replaced);
  } catch (const CorpusError& e) {
    throw NoContentError(name + ": skipped: " + e.what());
  }
  std::string().swap(bytes);  // the raw bytes are no longer needed while parsing
  if (replaced) {
    result.warnings.push_back(name + ": " + std::to_string(replaced) + " invalid UTF-8 byte sequence" +
                              (replaced > 1 ? "s" : "") + " replaced by U+FFFD");
  }
  decoded = Clock::now();
  if (path.extension() == ".jsonl") {
    FileResult jsonl = parse_jsonl(text, name);
    jsonl.encoding = result.encoding;
    jsonl.warnings.insert(jsonl.warnings.begin(), result.warnings.begin(), result.warnings.end());
    return jsonl;
  }
  result.documents.push_back(parse_text(text, name));
  for (const auto& w : result.documents.back().warnings) result.warnings.push_back(name + ": " + w);
  return result;
}

}  // namespace fouille::corpus
