// Fuzz target: the HTML reader on any bytes. It may refuse a whole page
// (CorpusError: blank, binary, no text), never crash, hang or grow without
// bound; the document it hands over must turn into JSON.
#include <cstdint>
#include <sstream>
#include <string>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"

#include "../corpus/src/readers.h"  // the reader itself, past read_file's sniffing

namespace {

class JsonSink : public fouille::corpus::ReadSink {
 public:
  void document(fouille::corpus::Document doc) override {
    (void)fouille::corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  void warning(fouille::Message) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)fouille::corpus::detail::looks_like_html(bytes);
  std::istringstream in(bytes);
  JsonSink sink;
  try {
    fouille::corpus::detail::html_reader().read(in, size, "fuzz.html", fouille::corpus::ReadOptions{}, sink);
  } catch (const fouille::CorpusError&) {
  }
  return 0;
}
