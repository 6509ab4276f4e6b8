// The PDF reader: a PDF is one document. Its text is extracted in a child
// process (pdf_extract.h: a hostile file may crash or exhaust it, never the
// indexer), laid out as plain text (pdf_text.h: reading order, paragraphs,
// no running header or footer, hyphenation undone) and read by the layout
// reader, parse_text, as a text file would be: fields are read once, the
// same way for every format.
//
// The document information fills in only the title, when the body has no
// heading: its Author is most often whoever typed the file, not the
// implementer, and its dates are when the file was written, not when the
// project starts (a converted file carries the day of conversion).
#include <algorithm>
#include <cctype>
#include <string>

#include "fouille/base/error.h"

#include "pdf_extract.h"
#include "readers.h"

namespace fouille::corpus::detail {
namespace {

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

std::string lower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}

// A Title entry worth showing: words, not a file name or a tool's default.
bool usable_title(std::string_view title) {
  if (title.size() < 8 || title.find(' ') == std::string_view::npos) return false;
  const std::string t = lower(title);
  for (std::string_view ext : {".doc", ".docx", ".odt", ".pdf", ".rtf", ".txt", ".indd", ".xls", ".ppt"}) {
    if (t.ends_with(ext)) return false;
  }
  for (std::string_view junk : {"microsoft word", "untitled", "sans titre", "document1", "powerpoint"}) {
    if (t.starts_with(junk)) return false;
  }
  return true;
}

// Does `text` open with a line that may be a heading: short, not a sentence?
bool opens_with_heading(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \n");
  if (start == std::string_view::npos) return false;
  std::string_view line = text.substr(start, text.find('\n', start) - start);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  const auto words = std::count(line.begin(), line.end(), ' ') + 1;
  return words <= 20 && !line.ends_with('.');
}

class PdfReader : public ByteReader {
 public:
  std::string read(std::istream& in, std::uintmax_t size, const std::string& source, const ReadOptions& options,
                   ReadSink& sink) const override {
    PdfExtraction x;
    {
      std::string bytes(static_cast<std::size_t>(size), '\0');
      in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      bytes.resize(static_cast<std::size_t>(in.gcount()));
      if (bytes.empty()) throw CorpusError(Message{"read.cannot_read_no_bytes", {}});
      PdfLimits limits;
      limits.max_text_bytes = options.max_text_bytes;
#if defined(__SANITIZE_ADDRESS__)
      // The sanitizer runtime's allocator is not made safe across fork: a
      // child forked while another thread allocates can wait forever on its
      // lock (seen under ASan, the child stopped by its 60 s alarm). The
      // sanitizer build looks for memory errors, so it reads in this process;
      // the child's limits are tested through extract_pdf_isolated itself.
      x = extract_pdf(bytes, limits);
#else
      x = extract_pdf_isolated(bytes, limits);
#endif
    }  // the bytes are freed before the text is parsed
    switch (x.status) {
      case PdfExtraction::Status::kEncrypted:
        throw NoContentError(Message{"read.pdf_encrypted", {}});
      case PdfExtraction::Status::kNoText:
        throw NoContentError(Message{"read.pdf_no_text", {std::to_string(x.pages)}});
      case PdfExtraction::Status::kBroken:
        throw NoContentError(Message{"read.pdf_broken", {x.failure}});
      case PdfExtraction::Status::kFailed:
        throw NoContentError(Message{"read.pdf_failed", {x.failure}});
      case PdfExtraction::Status::kText:
        break;
    }
    if (x.text.find_first_not_of(" \n") == std::string::npos) {
      throw NoContentError(Message{"read.pdf_blank", {}});
    }
    // A body opening with prose has no heading: the Title entry stands in
    // for one, ahead of the text, so that the prose stays in the body.
    if (usable_title(x.title) && !opens_with_heading(x.text)) x.text = x.title + "\n\n" + x.text;
    Document doc = parse_text(x.text, source, TextSource::kDocument);
    x.text.clear();
    x.text.shrink_to_fit();
    if (doc.title.empty() && usable_title(x.title)) doc.title = x.title;
    if (x.cut) {
      sink.warning(Message{
          "read.in_file",
          {source, x.failure.id.empty() ? MessageArg(Message{"read.text_cut", {megabytes(options.max_text_bytes)}})
                                        : MessageArg(x.failure)}});
    }
    for (const auto& w : doc.warnings) sink.warning(Message{"read.in_file", {source, w}});
    sink.document(std::move(doc));
    return x.version;
  }
};

}  // namespace

const ByteReader& pdf_reader() {
  static const PdfReader reader;
  return reader;
}

// "%PDF-" within the first 1024 bytes and a version digit after it: some
// writers put a few bytes (a BOM, a mail header) before it, and readers
// accept it there; the digit keeps a note that merely names the marker out.
bool looks_like_pdf(std::string_view head) {
  head = head.substr(0, 1024);
  for (std::size_t at = head.find("%PDF-"); at != std::string_view::npos; at = head.find("%PDF-", at + 1)) {
    if (at + 5 < head.size() && head[at + 5] >= '1' && head[at + 5] <= '9') return true;
  }
  return false;
}

}  // namespace fouille::corpus::detail
