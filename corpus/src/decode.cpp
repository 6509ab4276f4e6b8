#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "fouille/corpus/reader.h"
#include "fouille/stemming/error.h"

namespace fouille::corpus {
namespace {

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
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

std::string unify_line_ends(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string decode(std::string_view bytes, std::string* encoding) {
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
  if (text.empty() && name.rfind("UTF-16", 0) != 0) {
    if (bytes.find('\0') != std::string_view::npos) throw CorpusError("binary file (NUL bytes)");
    std::size_t control = 0;
    for (unsigned char c : bytes) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 20 > bytes.size()) throw CorpusError("binary file (control bytes)");
    if (valid_utf8(bytes)) {
      text = std::string(bytes);
      if (name.empty()) name = "UTF-8";
    } else {
      name = detect_legacy_charset(bytes);
      text = convert(bytes, name.c_str());
    }
  }
  if (encoding) *encoding = name;
  text = unify_line_ends(std::move(text));
  if (text.find_first_not_of(" \t\n\f\v") == std::string::npos) throw CorpusError("empty file (blank)");
  return text;
}

}  // namespace fouille::corpus
