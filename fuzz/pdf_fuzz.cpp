// Fuzz target: PDF extraction in this process (poppler, the layout into
// lines, running lines, paragraphs and hyphens), without the child process
// the reader runs it in, so that the sanitizers see it. Any input gives a
// status, never a crash; the text stays within the limit. The input is also
// run through the text steps as if it were a line.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../corpus/src/pdf_extract.h"
#include "../corpus/src/pdf_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fouille::corpus::detail;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  PdfLimits limits;
  limits.max_text_bytes = 1u << 20;
  limits.max_pages = 50;
  const PdfExtraction x = extract_pdf(bytes, limits);
  if (x.text.size() > limits.max_text_bytes) std::abort();
  // The text steps on the input taken as text: the hyphen mark and odd bytes.
  const std::string line = normalize_glyphs(bytes.substr(0, 4096));
  std::string marked(bytes.substr(0, 4096));
  (void)resolve_hyphens(marked);
  (void)is_page_number(line, 1);
  return 0;
}
