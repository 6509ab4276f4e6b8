// Telling a file's encoding from its head, and decode() over the line reader.
#include <memory>
#include <sstream>
#include <streambuf>

#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"

#include "line_reader.h"

namespace fouille::corpus {
namespace detail {
namespace {

// A head is read as UTF-8 with replacements when its well-formed multi-byte
// sequences outnumber its ill-formed ones by more than this factor.
constexpr std::size_t kMinValidPerInvalid = 2;

// Multi-byte UTF-8 sequences and invalid ones in `s`.
struct Utf8Census {
  std::size_t valid = 0;    // well-formed sequences of two bytes or more
  std::size_t invalid = 0;  // ill-formed sequences (each becomes one U+FFFD)
};

Utf8Census utf8_census(std::string_view s) {
  Utf8Census census;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    ++(c < 0 ? census.invalid : census.valid);
  }
  return census;
}

// UTF-16 without a byte order mark: Latin text has a NUL in every other
// byte, on the odd side (LE) or the even side (BE), and few elsewhere.
const char* utf16_without_bom(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  const std::size_t units = bytes.size() / 2;
  if (odd * 10 >= units * 7 && even * 20 <= units) return "UTF-16LE";
  if (even * 10 >= units * 7 && odd * 20 <= units) return "UTF-16BE";
  return nullptr;
}

std::string detect_legacy_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  std::string name = "windows-1252";
  if (U_SUCCESS(status) && match) {
    const char* detected = ucsdet_getName(match, &status);
    // ISO-8859-1 text is read as its superset Windows-1252 (curly quotes, €, œ).
    if (U_SUCCESS(status) && detected && std::string_view(detected) != "ISO-8859-1" &&
        std::string_view(detected) != "UTF-8") {
      name = detected;
    }
  }
  return name;
}

// A read-only stream over bytes in memory, without copying them.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data());  // only ever read
    setg(p, p, p + bytes.size());
  }
};

}  // namespace

std::size_t count_control_bytes(std::string_view bytes) {
  // No branch in the loop: the compiler counts many bytes at a time.
  std::size_t n = 0;
  for (unsigned char c : bytes) n += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f');
  return n;
}

Encoding sniff(std::string_view head) {
  Encoding e;
  if (head.empty()) throw CorpusError(Message{"read.empty", {}});
  if (head.starts_with("\xEF\xBB\xBF")) {
    e.bom = 3;
    e.name = "UTF-8 (BOM)";
    head.remove_prefix(3);
  } else if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    e.bom = 2;
    e.name = e.charset = head[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    return e;
  }
  // UTF-16 without a mark is mostly NUL bytes; a head without any is not.
  if (head.find('\0') != std::string_view::npos) {
    if (const char* utf16 = e.bom ? nullptr : utf16_without_bom(head)) {
      e.charset = utf16;
      e.name = std::string(utf16) + " (no BOM)";
      return e;
    }
    throw CorpusError(Message{"read.binary_nul", {}});
  }
  e.check_binary = true;
  if (count_control_bytes(head) * 20 > head.size()) throw CorpusError(Message{"read.binary_control", {}});
  // Mostly well-formed UTF-8 stays UTF-8, its few bad bytes replaced and
  // counted: a stray byte must not turn every accent of a file into
  // Windows-1252 mojibake. Legacy text has hardly any valid sequence.
  const Utf8Census census = utf8_census(head);
  if (census.invalid == 0 || census.valid > census.invalid * kMinValidPerInvalid) {
    if (e.name.empty()) e.name = "UTF-8";
  } else {
    e.name = e.charset = detect_legacy_charset(head);
  }
  return e;
}

std::string read_text(LineReader& lines, std::size_t max, bool* cut) {
  // CR and CRLF become LF; a run of blank lines becomes at most two empty
  // lines: they only ever separate paragraphs, and a file of 19 MB of blank
  // lines used to make 19 million lines for the layout reader (2.7 GB).
  std::string out;
  std::size_t blank_run = 0;
  bool seen_text = false;
  *cut = false;
  for (LineReader::Line line; out.size() < max && lines.next(line, max - out.size());) {
    const bool blank = line.text.find_first_not_of(" \t") == std::string::npos;
    const bool keep = !blank || ++blank_run <= 2;
    if (!blank) {
      blank_run = 0;
      out += line.text;
    }
    seen_text = seen_text || line.text.find_first_not_of(" \t\f\v") != std::string::npos;
    if (line.cut || out.size() >= max) {
      *cut = true;
      break;
    }
    if (!line.ended) break;
    if (keep) out += '\n';
  }
  if (lines.encoding().check_binary && lines.control_bytes() * 20 > lines.bytes()) {
    throw CorpusError(Message{"read.binary_control", {}});
  }
  if (!seen_text) throw CorpusError(Message{"read.blank", {}});
  return out;
}

}  // namespace detail

std::string decode(std::string_view bytes, std::string* encoding, std::size_t* replaced) {
  if (replaced) *replaced = 0;
  detail::MemoryBuffer buffer(bytes);
  std::istream in(&buffer);
  detail::LineReader lines(in, bytes.size());
  bool cut = false;
  std::string text = detail::read_text(lines, bytes.size() * 3 + 16, &cut);
  if (encoding) *encoding = lines.encoding().name;
  if (replaced) *replaced = lines.replaced();
  return text;
}

}  // namespace fouille::corpus
