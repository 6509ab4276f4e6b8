// The text reader: a text file is one document, its lines decoded as they
// are read into one buffer (at most ReadOptions::max_text_bytes), then
// classified and laid out (text_lines.h, text_layout.cpp).
#include "readers.h"

namespace fouille::corpus::detail {
namespace {

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

class TextReader : public Reader {
 public:
  void read(LineReader& lines, const std::string& source, const ReadOptions& options, ReadSink& sink) const override {
    bool cut = false;
    Document doc;
    {
      const std::string text = read_text(lines, options.max_text_bytes, &cut);
      doc = parse_text(text, source);
    }  // the text is freed before the document goes on
    if (const std::size_t replaced = lines.replaced()) {
      sink.warning(Message{"read.in_file", {source, Message{"read.bad_utf8", {replaced}}}});
    }
    if (cut) {
      sink.warning(Message{"read.in_file", {source, Message{"read.text_cut", {megabytes(options.max_text_bytes)}}}});
    }
    for (const auto& w : doc.warnings) sink.warning(Message{"read.in_file", {source, w}});
    sink.document(std::move(doc));
  }
};

}  // namespace

const Reader& text_reader() {
  static const TextReader reader;
  return reader;
}

}  // namespace fouille::corpus::detail
