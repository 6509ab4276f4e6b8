// Fuzz target: the IATI reader on any bytes. It may refuse a whole file
// (CorpusError: not XML, no activity), never crash, hang or grow without
// bound; every document it hands over must turn into JSON.
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
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  fouille::corpus::ReadOptions options;
  options.max_record_bytes = 64 * 1024;
  JsonSink sink;
  try {
    fouille::corpus::detail::iati_reader().read(in, size, "fuzz.xml", options, sink);
  } catch (const fouille::CorpusError&) {
  }
  return 0;
}
