#include "fouille/corpus/reader.h"

#include <chrono>
#include <fstream>
#include <sstream>

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
    throw CorpusError(name + ": skipped: " + std::to_string(size) + " bytes, over the limit of " +
                      std::to_string(options.max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(name + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text;
  FileResult result;
  try {
    text = decode(bytes.str(), &result.encoding);
  } catch (const CorpusError& e) {
    throw CorpusError(name + ": skipped: " + e.what());
  }
  decoded = Clock::now();
  if (path.extension() == ".jsonl") {
    FileResult jsonl = parse_jsonl(text, name);
    jsonl.encoding = result.encoding;
    return jsonl;
  }
  result.documents.push_back(parse_text(text, name));
  return result;
}

}  // namespace fouille::corpus
