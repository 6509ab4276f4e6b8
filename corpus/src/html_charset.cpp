#include "html_charset.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include "fouille/base/error.h"

#include "line_reader.h"

namespace fouille::corpus::detail {
namespace {

// The HTML standard looks for the declaration in the first 1024 bytes; pages
// with long comments or scripts first put it later, so we look further.
constexpr std::size_t kDeclarationBytes = 8192;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lower(c); });
  return out;
}

// Well-formed UTF-8 with at least one multi-byte sequence.
bool utf8_with_multibyte(std::string_view s) {
  return valid_utf8(s) && std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The value after `charset=` at `at`, quotes and separators aside.
std::string charset_value(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '"' || s[at] == '\'')) ++at;
  std::size_t end = at;
  while (end < s.size() && end - at < 40 &&
         (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' || s[end] == '_' || s[end] == ':' ||
          s[end] == '.')) {
    ++end;
  }
  return lower(s.substr(at, end - at));
}

// Converts `bytes` from `charset` to UTF-8 with ICU; ill-formed input becomes
// U+FFFD. False when ICU does not know the charset.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  // At most three UTF-8 bytes per input byte (a BMP character from one byte),
  // four per two bytes: three per byte bounds both.
  out.resize(bytes.size() * 3 + 4);
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(target - out.data()));
  return true;
}

}  // namespace

std::string declared_charset(std::string_view head) {
  head = head.substr(0, kDeclarationBytes);
  const std::string folded = lower(head);
  for (std::size_t at = folded.find("<meta"); at != std::string::npos; at = folded.find("<meta", at + 5)) {
    const std::size_t end = folded.find('>', at);
    const std::string_view tag = std::string_view(folded).substr(at, end == std::string::npos ? 0 : end - at);
    const std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t eq = cs + 7;
    while (eq < tag.size() && tag[eq] == ' ') ++eq;
    if (eq >= tag.size() || tag[eq] != '=') continue;
    std::string name = charset_value(tag, eq + 1);
    if (!name.empty()) return name;
  }
  return {};
}

HtmlText html_to_utf8(std::string_view bytes) {
  HtmlText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    out.charset = "UTF-8";
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    out.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    bytes.remove_prefix(2);
  }
  std::string cleaned;
  if (out.charset.empty() || out.charset == "UTF-8") {
    const std::size_t nuls = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
    // Text in UTF-16 without a mark is half NUL bytes: leave it to the detector.
    if (nuls > 0 && nuls * 4 < bytes.size()) {
      cleaned.reserve(bytes.size() - nuls);
      std::copy_if(bytes.begin(), bytes.end(), std::back_inserter(cleaned), [](char c) { return c != '\0'; });
      bytes = cleaned;
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) throw CorpusError(Message{"read.blank", {}});
  if (out.charset.empty()) {
    const std::string_view head = bytes.substr(0, kHeadBytes);
    if (utf8_with_multibyte(head)) {
      out.charset = "UTF-8";
    } else {
      std::string declared = declared_charset(head);
      // Latin-1 is read as its superset Windows-1252, as browsers do.
      if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii") declared = "windows-1252";
      // A page that can declare its charset in ASCII is not in UTF-16 or UTF-32.
      if (declared.starts_with("utf-16") || declared.starts_with("utf-32")) declared.clear();
      UErrorCode status = U_ZERO_ERROR;
      if (UConverter* c = declared.empty() ? nullptr : ucnv_open(declared.c_str(), &status)) {
        ucnv_close(c);
        out.charset = declared;
      }
      // A page declaring UTF-8 whose bytes are not UTF-8 lies: the detector decides.
      if (out.charset.empty() || out.charset == "utf-8" || out.charset == "utf8") {
        const Encoding e = sniff(head);  // throws for binary content
        out.charset = e.charset.empty() ? "UTF-8" : e.charset;
      }
    }
  }
  if (!convert(bytes, out.charset, out.text)) throw CorpusError(Message{"read.cannot_convert", {out.charset}});
  return out;
}

}  // namespace fouille::corpus::detail
