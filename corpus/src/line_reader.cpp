#include "line_reader.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include "fouille/base/error.h"

namespace fouille::corpus::detail {
namespace {

// Bytes read from the file at a time.
constexpr std::size_t kChunkBytes = 1 << 16;

// Appends `s` to `out` with each ill-formed sequence replaced by U+FFFD;
// returns how many were replaced.
std::size_t append_repaired(std::string_view s, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  std::size_t replaced = 0;
  for (int32_t i = 0; i < len;) {
    if (p[i] < 0x80) {
      out += static_cast<char>(p[i++]);
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
    } else {
      out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return replaced;
}

// Where the first CR or LF at or after `from` is, or npos. Two memchr
// passes: find_first_of("\r\n") made a call per byte, 2% of an indexing run.
std::size_t line_end(const std::string& s, std::size_t from) {
  if (from >= s.size()) return std::string::npos;
  const char* begin = s.data() + from;
  const std::size_t n = s.size() - from;
  const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', n));
  const std::size_t before_lf = lf ? static_cast<std::size_t>(lf - begin) : n;
  const auto* cr = static_cast<const char*>(std::memchr(begin, '\r', before_lf));
  if (cr) return from + static_cast<std::size_t>(cr - begin);
  return lf ? from + before_lf : std::string::npos;
}

// Length of the longest prefix of `s` of at most `max` bytes that does not
// end inside a UTF-8 sequence.
std::size_t utf8_cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s.size();
  std::size_t at = max;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

struct LineReader::Impl {
  std::istream& in;
  std::uintmax_t max_bytes;
  Encoding encoding;
  // Converter from the file's charset to UTF-8, with ICU's pivot buffer,
  // kept across chunks so a sequence cut by a chunk's end is completed.
  UConverter* from = nullptr;
  UConverter* to_utf8 = nullptr;
  std::vector<UChar> pivot = std::vector<UChar>(1024);
  UChar* pivot_source = nullptr;
  UChar* pivot_target = nullptr;
  bool first_conversion = true;

  std::string pending;  // decoded (or, for UTF-8, raw) bytes not yet given out as lines
  std::size_t pos = 0;  // where the next line starts in `pending`
  bool eof = false;
  std::size_t replaced = 0;
  std::uint64_t bytes = 0, control = 0;
  double seconds = 0;
  std::size_t line_no = 0;

  Impl(std::istream& s, std::uintmax_t max) : in(s), max_bytes(max) {}

  ~Impl() {
    if (from) ucnv_close(from);
    if (to_utf8) ucnv_close(to_utf8);
  }

  // Reads up to `n` raw bytes; sets eof at the end of the file.
  std::string read_raw(std::size_t n) {
    // A chunk at a time: a small file costs no large buffer.
    std::string raw;
    char buf[kChunkBytes];
    while (raw.size() < n && !eof) {
      in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, n - raw.size())));
      raw.append(buf, static_cast<std::size_t>(in.gcount()));
      if (in.bad()) throw CorpusError(Message{"read.cannot_read_io", {}});
      if (!in) eof = true;
    }
    return raw;
  }

  void open_converter() {
    UErrorCode status = U_ZERO_ERROR;
    from = ucnv_open(encoding.charset.c_str(), &status);
    if (U_FAILURE(status)) throw CorpusError(Message{"read.cannot_convert", {encoding.charset}});
    to_utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) throw CorpusError(Message{"read.cannot_convert_utf8", {}});
    pivot_source = pivot_target = pivot.data();
  }

  // Appends raw bytes to `pending`, converted when the file is not UTF-8.
  void take(std::string_view raw) {
    bytes += raw.size();
    if (encoding.check_binary) {
      if (raw.find('\0') != std::string_view::npos) throw CorpusError(Message{"read.binary_nul", {}});
      control += count_control_bytes(raw);
    }
    if (!from) {
      pending.append(raw);
      return;
    }
    const char* source = raw.data();
    const char* const source_end = raw.data() + raw.size();
    char out[kChunkBytes];
    for (;;) {
      char* target = out;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to_utf8, from, &target, out + sizeof out, &source, source_end, pivot.data(), &pivot_source,
                     &pivot_target, pivot.data() + pivot.size(), first_conversion, eof, &status);
      first_conversion = false;
      pending.append(out, static_cast<std::size_t>(target - out));
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(status)) throw CorpusError(Message{"read.cannot_convert", {encoding.charset}});
      break;
    }
  }

  // Reads the next chunk into `pending`, dropping what was given out;
  // returns by how many bytes what stays moved to the front.
  std::size_t refill() {
    const auto started = std::chrono::steady_clock::now();
    const std::size_t moved = pos;
    pending.erase(0, pos);
    pos = 0;
    std::string raw = read_raw(kChunkBytes);
    if (bytes + raw.size() > max_bytes) throw CorpusError(Message{"read.grew", {std::to_string(max_bytes)}});
    take(raw);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return moved;
  }
};

LineReader::LineReader(std::istream& in, std::uintmax_t max_bytes) : impl_(std::make_unique<Impl>(in, max_bytes)) {
  const auto started = std::chrono::steady_clock::now();
  std::string head = impl_->read_raw(kHeadBytes);
  impl_->encoding = sniff(head);
  if (impl_->encoding.bom) head.erase(0, impl_->encoding.bom);
  if (!impl_->encoding.charset.empty()) impl_->open_converter();
  if (head.size() > max_bytes) throw CorpusError(Message{"read.grew", {std::to_string(max_bytes)}});
  impl_->take(head);
  impl_->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

LineReader::~LineReader() = default;

bool LineReader::next(Line& line, std::size_t max) {
  Impl& r = *impl_;
  line.text.clear();
  line.ended = line.cut = false;
  // Finds the line's end, reading on while it is not in `pending`. A line
  // over `max` keeps its first `max` bytes; the rest is dropped as it is read.
  std::size_t scanned = r.pos;  // where to look for the end
  std::size_t eol = std::string::npos;
  bool over = false;
  for (;;) {
    eol = line_end(r.pending, scanned);
    // A CR at the end of what is read may be the first half of a CRLF.
    const bool cr_at_end = eol != std::string::npos && r.pending[eol] == '\r' && eol + 1 == r.pending.size() && !r.eof;
    if (eol != std::string::npos && !cr_at_end) break;
    scanned = cr_at_end ? eol : r.pending.size();
    eol = std::string::npos;
    if (!over && scanned - r.pos > max) {
      over = true;
      line.text.assign(r.pending, r.pos, max + 4);  // a few more bytes: the cut is made on a character boundary
    }
    if (over) {
      r.pending.erase(r.pos, scanned - r.pos);
      scanned = r.pos;
    }
    if (r.eof) break;
    scanned -= r.refill();
  }
  const std::size_t end = eol == std::string::npos ? r.pending.size() : eol;
  if (!over && end == r.pos && eol == std::string::npos) return false;  // nothing left
  std::string_view text(r.pending.data() + r.pos, end - r.pos);
  if (over || text.size() > max) {
    std::string kept = over ? std::move(line.text) : std::string(text.substr(0, max + 4));
    line.text.clear();
    line.cut = true;
    kept.resize(utf8_cut(kept, max));
    if (r.encoding.charset.empty()) {
      r.replaced += append_repaired(kept, line.text);
    } else {
      line.text = std::move(kept);
    }
  } else if (r.encoding.charset.empty() && !valid_utf8(text)) {
    r.replaced += append_repaired(text, line.text);
  } else {
    line.text.assign(text);
  }
  line.number = ++r.line_no;
  if (eol == std::string::npos) {
    r.pos = r.pending.size();
  } else {
    line.ended = true;
    r.pos = eol + ((r.pending[eol] == '\r' && eol + 1 < r.pending.size() && r.pending[eol + 1] == '\n') ? 2 : 1);
  }
  return true;
}

void LineReader::ignore_binary() { impl_->encoding.check_binary = false; }
const Encoding& LineReader::encoding() const { return impl_->encoding; }
std::size_t LineReader::replaced() const { return impl_->replaced; }
std::uint64_t LineReader::bytes() const { return impl_->bytes; }
std::uint64_t LineReader::control_bytes() const { return impl_->control; }
double LineReader::seconds() const { return impl_->seconds; }

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    // Eight ASCII bytes at a time: most of a French line is ASCII, and every
    // line read is checked.
    if (i + 8 <= len) {
      std::uint64_t word;
      std::memcpy(&word, p + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace fouille::corpus::detail
