// Placeholder until the HTML reader lands: the file is skipped with a line.
#include "fouille/base/error.h"

#include "readers.h"

namespace fouille::corpus::detail {
namespace {

class Pending : public ByteReader {
 public:
  std::string read(std::istream&, std::uintmax_t, const std::string&, const ReadOptions&, ReadSink&) const override {
    throw NoContentError("HTML is not read yet");
  }
};

}  // namespace

const ByteReader& html_reader() {
  static const Pending reader;
  return reader;
}

bool looks_like_html(std::string_view head) { return false; }

}  // namespace fouille::corpus::detail
