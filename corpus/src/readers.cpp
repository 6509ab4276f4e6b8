#include "readers.h"

#include <algorithm>
#include <cctype>

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

}  // namespace

const std::vector<ReaderEntry>& readers() {
  static const std::vector<ReaderEntry> table = {
      {"jsonl", {".jsonl"}, &looks_like_json_lines, &jsonl_reader()},
      {"text", {}, nullptr, &text_reader()},  // the fallback: any other file
  };
  return table;
}

const ReaderEntry& reader_for(const std::filesystem::path& path, std::string_view head) {
  const auto& table = readers();
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& entry : table) {
    if (std::find(entry.extensions.begin(), entry.extensions.end(), ext) != entry.extensions.end()) return entry;
  }
  if (ext.empty()) {
    for (const auto& entry : table) {
      if (entry.sniff && entry.sniff(head)) return entry;
    }
  }
  return table.back();
}

}  // namespace fouille::corpus::detail
