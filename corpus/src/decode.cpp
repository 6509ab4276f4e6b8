#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "fouille/corpus/reader.h"
#include "fouille/stemming/error.h"

namespace fouille::corpus {
namespace {

// A file is read as UTF-8 with replacements when its well-formed multi-byte
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

// `s` with each ill-formed sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
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

std::string convert(std::string_view bytes, const char* charset) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (u.isBogus()) throw CorpusError(std::string("cannot convert from ") + charset);
  std::string out;
  u.toUTF8String(out);
  return out;
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

// CR and CRLF become LF; a run of blank lines becomes at most two empty
// lines: they only ever separate paragraphs, and a file of 19 MB of blank
// lines used to make 19 million lines for the layout reader (2.7 GB).
std::string unify_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t blank_run = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t eol = s.find_first_of("\r\n", i);
    const std::size_t end = eol == std::string_view::npos ? s.size() : eol;
    const std::string_view line = s.substr(i, end - i);
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    const bool keep = !blank || ++blank_run <= 2;
    if (!blank) {
      blank_run = 0;
      out += line;
    }
    if (eol == std::string_view::npos) break;
    if (keep) out += '\n';
    i = eol + ((s[eol] == '\r' && eol + 1 < s.size() && s[eol + 1] == '\n') ? 2 : 1);
  }
  return out;
}

}  // namespace

std::string decode(std::string_view bytes, std::string* encoding, std::size_t* replaced) {
  if (replaced) *replaced = 0;
  std::string name;
  std::string text;
  if (bytes.empty()) throw CorpusError("empty file");
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    name = "UTF-8 (BOM)";
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    name = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    text = convert(bytes.substr(2), name.c_str());
  }
  if (name.empty()) {
    if (const char* utf16 = utf16_without_bom(bytes)) {
      name = std::string(utf16) + " (no BOM)";
      text = convert(bytes, utf16);
    }
  }
  if (text.empty() && name.rfind("UTF-16", 0) != 0) {
    if (bytes.find('\0') != std::string_view::npos) throw CorpusError("binary file (NUL bytes)");
    std::size_t control = 0;
    for (unsigned char c : bytes) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 20 > bytes.size()) throw CorpusError("binary file (control bytes)");
    // Mostly well-formed UTF-8 stays UTF-8, its few bad bytes replaced and
    // counted: a stray byte must not turn every accent of a file into
    // Windows-1252 mojibake. Legacy text has hardly any valid sequence.
    const Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0) {
      text = std::string(bytes);
      if (name.empty()) name = "UTF-8";
    } else if (census.valid > census.invalid * kMinValidPerInvalid) {
      text = repair_utf8(bytes);
      if (replaced) *replaced = census.invalid;
      if (name.empty()) name = "UTF-8";
    } else {
      name = detect_legacy_charset(bytes);
      text = convert(bytes, name.c_str());
    }
  }
  if (encoding) *encoding = name;
  text = unify_line_ends(text);
  if (text.find_first_not_of(" \t\n\f\v") == std::string::npos) throw CorpusError("empty file (blank)");
  return text;
}

}  // namespace fouille::corpus
