// Placeholder until the DOCX/ODT reader lands: the file is skipped with a line.
#include "fouille/base/error.h"

#include "readers.h"

namespace fouille::corpus::detail {
namespace {

class Pending : public ByteReader {
 public:
  std::string read(std::istream&, std::uintmax_t, const std::string&, const ReadOptions&, ReadSink&) const override {
    throw NoContentError("DOCX/ODT is not read yet");
  }
};

}  // namespace

const ByteReader& office_reader() {
  static const Pending reader;
  return reader;
}

bool looks_like_zip(std::string_view head) { return false; }

}  // namespace fouille::corpus::detail
