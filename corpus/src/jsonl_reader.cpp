// The JSON Lines reader: one object a line with the canonical keys, read and
// handed over a record at a time. A bad record is a warning naming
// file:line; the others are kept.
#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"

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
        sink.warning(Message{"read.at_line",
                             {source, line.number, Message{"read.record_too_long", {options.max_record_bytes}}}});
        continue;
      }
      if (blank(line.text)) continue;
      seen = true;
      read_record(line.text, line.number, source, sink);
    }
    if (!seen) throw CorpusError(Message{"read.blank", {}});
    if (const std::size_t replaced = lines.replaced()) {
      sink.warning(Message{"read.in_file", {source, Message{"read.bad_utf8", {replaced}}}});
    }
  }
};

}  // namespace

void read_record(std::string_view line, std::size_t line_no, const std::string& source, ReadSink& sink) {
  auto at = [&](MessageArg what) { return Message{"read.at_line", {source, line_no, std::move(what)}}; };
  Document doc;
  try {
    doc = from_json(nlohmann::json::parse(line), source);
  } catch (const nlohmann::json::parse_error& e) {
    sink.warning(at(Message{"read.bad_json", {e.byte}}));
    return;
  } catch (const nlohmann::json::exception& e) {
    sink.warning(at(Message{"read.bad_json_value", {}}));
    return;
  } catch (const CorpusError& e) {
    sink.warning(at(describe(e)));
    return;
  }
  if (doc.source == source + "#") doc.source += "line-" + std::to_string(line_no);
  for (const auto& w : doc.warnings) sink.warning(at(w));
  sink.document(std::move(doc));
}

const Reader& jsonl_reader() {
  static const JsonLinesReader reader;
  return reader;
}

}  // namespace fouille::corpus::detail
