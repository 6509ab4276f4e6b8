#include "readers.h"

#include <algorithm>
#include <cctype>

#include "fouille/base/error.h"

namespace fouille::corpus::detail {
namespace {

// A JSON object opening the file: `{"`, after a BOM and white space.
bool looks_like_json_lines(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t at = head.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return false;
  head.remove_prefix(at);
  if (!head.starts_with('{')) return false;
  head.remove_prefix(1);
  const std::size_t key = head.find_first_not_of(" \t");
  return key != std::string_view::npos && head[key] == '"';
}

// OLE2 compound files: legacy Word, Excel and PowerPoint, and the container
// Office wraps an encrypted .docx in.
bool looks_like_ole2(std::string_view head) { return head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

bool looks_like_rtf(std::string_view head) { return head.starts_with("{\\rtf"); }

// Formats fouille recognises and does not read: one clear line each.
class RefusedReader : public ByteReader {
 public:
  explicit RefusedReader(const char* why) : why_(why) {}
  std::string read(std::istream&, std::uintmax_t, const std::string&, const ReadOptions&, ReadSink&) const override {
    throw NoContentError(Message{why_, {}});
  }

 private:
  const char* why_;  // a catalogue id
};

const RefusedReader kOle2("read.ole2");
const RefusedReader kRtf("read.rtf");

}  // namespace

const std::vector<ReaderEntry>& readers() {
  // Magic numbers first (they hold whatever the extension says), then
  // extensions, then content sniffing; text is the fallback.
  static const std::vector<ReaderEntry> table = {
      {.name = "pdf",
       .extensions = {".pdf"},
       .sniff = &looks_like_pdf,
       .when = Sniff::kMagic,
       .byte_reader = &pdf_reader()},
      // The reader names the format (docx, odt) from what the archive holds.
      {.name = "office",
       .extensions = {".docx", ".odt"},
       .sniff = &looks_like_zip,
       .when = Sniff::kContent,
       .byte_reader = &office_reader()},
      {.name = "iati",
       .extensions = {},
       .sniff = &looks_like_iati,
       .when = Sniff::kMagic,
       .byte_reader = &iati_reader(),
       .size_limited = false},
      {.name = "ole2",
       .extensions = {".doc", ".xls", ".ppt"},
       .sniff = &looks_like_ole2,
       .when = Sniff::kMagic,
       .byte_reader = &kOle2},
      {.name = "rtf", .extensions = {".rtf"}, .sniff = &looks_like_rtf, .when = Sniff::kMagic, .byte_reader = &kRtf},
      {.name = "html",
       .extensions = {".html", ".htm", ".xhtml", ".shtml"},
       .sniff = &looks_like_html,
       .when = Sniff::kContent,
       .byte_reader = &html_reader()},
      {.name = "jsonl", .extensions = {".jsonl"}, .sniff = &looks_like_json_lines, .reader = &jsonl_reader()},
      {.name = "text", .extensions = {}, .reader = &text_reader()},  // the fallback: any other file
  };
  return table;
}

const ReaderEntry& reader_for(const std::filesystem::path& path, std::string_view head) {
  const auto& table = readers();
  for (const auto& entry : table) {
    if (entry.when == Sniff::kMagic && entry.sniff && entry.sniff(head)) return entry;
  }
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& entry : table) {
    if (std::find(entry.extensions.begin(), entry.extensions.end(), ext) != entry.extensions.end()) return entry;
  }
  for (const auto& entry : table) {
    if (!entry.sniff) continue;
    if (entry.when == Sniff::kContent || (entry.when == Sniff::kNoExtension && ext.empty())) {
      if (entry.sniff(head)) return entry;
    }
  }
  return table.back();
}

}  // namespace fouille::corpus::detail
