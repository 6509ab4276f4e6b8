// Fuzz target: the text layout reader and the JSON Lines reader on decoded
// input. Neither may throw: a bad record is a warning, any text a document.
#include <cstdint>
#include <string>
#include <string_view>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text;
  try {
    text = fouille::corpus::decode(bytes);
  } catch (const fouille::CorpusError&) {
    return 0;
  }
  fouille::corpus::Document doc = fouille::corpus::parse_text(text, "fuzz.txt");
  (void)fouille::corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  fouille::corpus::FileResult records = fouille::corpus::parse_jsonl(text, "fuzz.jsonl");
  for (const auto& d : records.documents) {
    (void)fouille::corpus::to_json(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return 0;
}
