// The JSON Lines reader: one object a line with the canonical keys, read and
// handed over a record at a time. A bad record is a warning naming
// file:line; the others are kept.
#include "fouille/corpus/document_json.h"
#include "fouille/base/error.h"

#include "readers.h"

namespace fouille::corpus::detail {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

class JsonLinesReader : public Reader {
 public:
  void read(LineReader& lines, const std::string& source, const ReadOptions& options, ReadSink& sink) const override {
    bool seen = false;
    lines.ignore_binary();  // past the head, a NUL byte is one bad record, not a binary file
    for (LineReader::Line line; lines.next(line, options.max_record_bytes);) {
      if (line.cut) {
        seen = true;
        sink.warning(source + ":" + std::to_string(line.number) + ": record over " +
                     std::to_string(options.max_record_bytes) + " bytes, skipped");
        continue;
      }
      if (blank(line.text)) continue;
      seen = true;
      read_record(line.text, line.number, source, sink);
    }
    if (!seen) throw CorpusError("empty file (blank)");
    if (const std::size_t replaced = lines.replaced()) {
      sink.warning(source + ": " + std::to_string(replaced) + " invalid UTF-8 byte sequence" +
                   (replaced > 1 ? "s" : "") + " replaced by U+FFFD");
    }
  }
};

}  // namespace

void read_record(std::string_view line, std::size_t line_no, const std::string& source, ReadSink& sink) {
  const std::string at = source + ":" + std::to_string(line_no) + ": ";
  Document doc;
  try {
    doc = from_json(nlohmann::json::parse(line), source);
  } catch (const nlohmann::json::exception& e) {
    sink.warning(at + "bad JSON: " + e.what());
    return;
  } catch (const CorpusError& e) {
    sink.warning(at + e.what());
    return;
  }
  if (doc.source == source + "#") doc.source += "line-" + std::to_string(line_no);
  for (const auto& w : doc.warnings) sink.warning(at + w);
  sink.document(std::move(doc));
}

const Reader& jsonl_reader() {
  static const JsonLinesReader reader;
  return reader;
}

}  // namespace fouille::corpus::detail
