// Fuzz target: byte decoding (BOMs, UTF-16 with and without BOM, repaired
// UTF-8, legacy charsets). Any input either decodes to valid UTF-8 or is
// refused with CorpusError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <unicode/utf8.h>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::size_t replaced = 0;
    const std::string text = fouille::corpus::decode(bytes, nullptr, &replaced);
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < len;) {
      UChar32 c;
      U8_NEXT(p, i, len, c);
      if (c < 0) std::abort();  // decode() promises UTF-8
    }
  } catch (const fouille::CorpusError&) {
  }
  return 0;
}
