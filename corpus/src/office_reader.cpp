// The DOCX and ODT reader. Both are zip archives of XML parts; the reader
// tells them apart by what the archive holds (word/document.xml; a mimetype
// entry naming an OpenDocument text and content.xml), reads the body part
// into text lines (office_text.h) and hands them to the layout reader
// (parse_text), so fields are read as in a text file. The title and the
// creation date of the document properties fill what the body lacks.
//
// Hostile archives are expected. Invariants: the archive is read from the
// file's bytes (bounded by ReadOptions::max_bytes); at most kMaxEntries
// entries; a part is decompressed a chunk at a time, its bytes counted as
// they come (the sizes the archive declares are checked too, never
// trusted), and refused past kMaxPartBytes, past kMaxTotalBytes for the
// file, or past kMaxRatio times its compressed size; the XML is parsed as it
// comes (no tree), and the text kept is bounded by max_text_bytes. Each
// refusal is one NoContentError naming the part and the reason.
#include <algorithm>
#include <memory>
#include <optional>
#include <zip.h>

#include "fouille/base/error.h"

#include "office_text.h"
#include "readers.h"

namespace fouille::corpus::detail {
namespace {

/// A part decompressed to more than this is refused. Word's document.xml for
/// a 300-page report is about 5 MB; the text kept is at most 20 MB anyway.
constexpr std::uint64_t kMaxPartBytes = 64u << 20;
/// All the parts read from one file, at most.
constexpr std::uint64_t kMaxTotalBytes = 200u << 20;
/// Compression ratio above which a part is a bomb. XML markup compresses
/// about 10:1, a part of repeated empty paragraphs up to ~100:1; zeros reach
/// 1000:1. Checked only past kRatioFloor bytes: small parts may do anything.
constexpr std::uint64_t kMaxRatio = 200;
constexpr std::uint64_t kRatioFloor = 1u << 20;
/// Entries in the archive, at most: a document with its pictures, styles and
/// settings has tens to hundreds.
constexpr std::uint64_t kMaxEntries = 10000;
/// Bytes decompressed and parsed at a time.
constexpr std::size_t kChunkBytes = 64u << 10;
/// The mimetype entry of an ODF package, at most.
constexpr std::uint64_t kMaxMimetypeBytes = 256;

constexpr std::string_view kOdtMimetype = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kOttMimetype = "application/vnd.oasis.opendocument.text-template";
constexpr std::string_view kOdfMimetypePrefix = "application/vnd.oasis.opendocument.";

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

std::string_view trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::uint64_t little_endian(std::string_view bytes, std::size_t at, int size) {
  std::uint64_t value = 0;
  for (int i = size; i-- > 0;)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

// The entry count the end of central directory record declares (zip64 when
// the classic record says 0xFFFF), or 0 when none is found: libzip decides.
// Read before libzip builds its table of every entry, which for a few
// hundred thousand entries takes a second.
std::uint64_t declared_entries(std::string_view zip) {
  constexpr std::size_t kEnd = 22;  // the record without its comment
  if (zip.size() < kEnd) return 0;
  const std::size_t from = zip.size() > kEnd + 0xFFFF ? zip.size() - kEnd - 0xFFFF : 0;
  const std::size_t end = zip.rfind(std::string_view("PK\x05\x06", 4));
  if (end == std::string_view::npos || end < from || end + kEnd > zip.size()) return 0;
  std::uint64_t entries = little_endian(zip, end + 10, 2);
  if (entries == 0xFFFF && end >= 20 && zip.substr(end - 20, 4) == std::string_view("PK\x06\x07", 4)) {
    const std::uint64_t at = little_endian(zip, end - 20 + 8, 8);
    if (zip.size() >= 56 && at <= zip.size() - 56 && zip.substr(at, 4) == std::string_view("PK\x06\x06", 4)) {
      entries = little_endian(zip, at + 32, 8);
    }
  }
  return entries;
}

[[noreturn]] void too_many_entries(std::uint64_t entries) {
  throw NoContentError(Message{"read.zip_entries", {std::to_string(entries), std::to_string(kMaxEntries)}});
}

// A zip archive over bytes the caller keeps alive.
class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    if (const std::uint64_t entries = declared_entries(bytes); entries > kMaxEntries) too_many_entries(entries);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip_) {
      if (source) zip_source_free(source);
      // libzip's texts are English: the usual one has a catalogue row.
      const MessageArg why = zip_error_code_zip(&error) == ZIP_ER_NOZIP ? MessageArg(Message{"read.zip_not_zip", {}})
                                                                        : MessageArg(zip_error_strerror(&error));
      zip_error_fini(&error);
      throw NoContentError(Message{"read.zip_damaged", {why}});
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(zip_, 0);
    if (entries > 0 && static_cast<std::uint64_t>(entries) > kMaxEntries) {
      zip_discard(zip_);
      too_many_entries(static_cast<std::uint64_t>(entries));
    }
  }
  ~Archive() { zip_discard(zip_); }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  /// The index of the entry `name`, if there is one.
  std::optional<zip_uint64_t> find(const char* name) const {
    const zip_int64_t at = zip_name_locate(zip_, name, ZIP_FL_NOCASE);
    if (at < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(at);
  }

  /// Decompresses the entry `at` (`name`), handing its bytes to
  /// `chunk(std::string_view)`, which returns false once it needs no more.
  /// Reads at most `cap` bytes. Throws NoContentError on a bomb, an
  /// encrypted or damaged entry.
  template <typename F>
  void read(zip_uint64_t at, const std::string& name, std::uint64_t cap, F&& chunk) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, at, 0, &st) != 0)
      throw NoContentError(Message{"read.in_file", {name, zip_strerror(zip_)}});
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      throw NoContentError(Message{"read.in_file", {name, Message{"read.zip_encrypted", {}}}});
    }
    const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (st.valid & ZIP_STAT_SIZE) check(name, st.size, packed, cap);
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(zip_, at, 0), &zip_fclose);
    if (!file)
      throw NoContentError(Message{"read.in_file", {name, Message{"read.zip_cannot_open", {zip_strerror(zip_)}}}});
    std::string buffer(kChunkBytes, '\0');
    std::uint64_t seen = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) {
        throw NoContentError(
            Message{"read.in_file", {name, Message{"read.zip_entry_damaged", {zip_file_strerror(file.get())}}}});
      }
      if (n == 0) break;
      seen += static_cast<std::uint64_t>(n);
      total_ += static_cast<std::uint64_t>(n);
      check(name, seen, packed, cap);  // what came out, not what was declared
      if (!chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) break;
    }
  }

 private:
  void check(const std::string& name, std::uint64_t size, std::uint64_t packed, std::uint64_t cap) const {
    if (size > cap) {
      throw NoContentError(Message{"read.in_file", {name, Message{"read.zip_part_too_large", {megabytes(cap)}}}});
    }
    if (total_ > kMaxTotalBytes) {
      throw NoContentError(Message{"read.zip_too_large", {megabytes(kMaxTotalBytes)}});
    }
    if (size > kRatioFloor && size / std::max<std::uint64_t>(packed, 1) > kMaxRatio) {
      throw NoContentError(Message{"read.in_file", {name, Message{"read.zip_bomb", {std::to_string(kMaxRatio)}}}});
    }
  }

  zip_t* zip_ = nullptr;
  std::uint64_t total_ = 0;
};

// Runs `parse` on the part `name`, its errors named after the part.
template <typename F>
void in_part(const std::string& name, F&& parse) {
  try {
    parse();
  } catch (const CorpusError& e) {
    throw NoContentError(Message{"read.in_file", {name, describe(e)}});
  }
}

enum class Kind { kDocx, kOdt };

struct Layout {
  Kind kind;
  zip_uint64_t body;  // word/document.xml or content.xml
  std::string body_name;
  std::optional<zip_uint64_t> properties;  // docProps/core.xml or meta.xml
  std::string properties_name;
};

// DOCX or ODT, by what the archive holds; throws NoContentError for any other zip.
Layout identify(Archive& zip) {
  if (auto mimetype = zip.find("mimetype")) {
    std::string type;
    zip.read(*mimetype, "mimetype", kMaxMimetypeBytes, [&](std::string_view bytes) {
      type += bytes;
      return true;
    });
    const std::string_view declared = trim(type);
    if (declared == kOdtMimetype || declared == kOttMimetype) {
      auto content = zip.find("content.xml");
      if (!content) throw NoContentError(Message{"read.odt_no_content", {}});
      return {Kind::kOdt, *content, "content.xml", zip.find("meta.xml"), "meta.xml"};
    }
    if (declared.starts_with(kOdfMimetypePrefix)) {
      throw NoContentError(Message{"read.odf_other", {declared}});
    }
  }
  if (auto document = zip.find("word/document.xml")) {
    return {Kind::kDocx, *document, "word/document.xml", zip.find("docProps/core.xml"), "docProps/core.xml"};
  }
  throw NoContentError(Message{"read.zip_not_office", {}});
}

class OfficeReader : public ByteReader {
 public:
  std::string read(std::istream& in, std::uintmax_t size, const std::string& source, const ReadOptions& options,
                   ReadSink& sink) const override {
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) throw CorpusError(Message{"read.cannot_read_changed", {}});
    Archive zip(bytes);
    const Layout layout = identify(zip);
    const bool docx = layout.kind == Kind::kDocx;
    const std::string_view format = docx ? "DOCX" : "ODT";

    PartText body;
    {
      PartParser parser(docx ? Part::kDocxBody : Part::kOdtBody, options.max_text_bytes);
      zip.read(layout.body, layout.body_name, kMaxPartBytes, [&](std::string_view bytes) {
        in_part(layout.body_name, [&] { parser.feed(bytes); });
        return !parser.done();
      });
      in_part(layout.body_name, [&] { body = parser.finish(); });
    }
    if (trim(body.text).empty()) {
      throw NoContentError(Message{docx ? "read.office_no_text_docx" : "read.office_no_text_odt", {}});
    }

    // The properties only fill what the body lacks: a bad part loses them alone.
    PartText properties;
    if (layout.properties) {
      try {
        PartParser parser(Part::kProperties, 0);
        zip.read(*layout.properties, layout.properties_name, kMaxPartBytes, [&](std::string_view bytes) {
          in_part(layout.properties_name, [&] { parser.feed(bytes); });
          return true;
        });
        in_part(layout.properties_name, [&] { properties = parser.finish(); });
      } catch (const CorpusError& e) {
        sink.warning(Message{"read.in_file", {source, Message{"read.properties_unused", {describe(e)}}}});
      }
    }

    // No site around a document: its closing list or table is no footer.
    Document doc = parse_text(body.text, source, TextSource::kDocument);
    body.text.clear();
    body.text.shrink_to_fit();
    doc.format = docx ? "docx" : "odt";
    if (doc.title.empty()) doc.title = properties.title;
    // The year the document was written: the sheet's year when it states none.
    if (!doc.start_year && !doc.end_year && !doc.funding_year) {
      if (const int year = year_of(properties.created)) doc.funding_year = year;
    }
    if (body.cut) {
      sink.warning(Message{"read.in_file", {source, Message{"read.text_cut", {megabytes(options.max_text_bytes)}}}});
    }
    for (const auto& w : doc.warnings) sink.warning(Message{"read.in_file", {source, w}});
    sink.document(std::move(doc));
    return std::string(format);
  }
};

}  // namespace

const ByteReader& office_reader() {
  static const OfficeReader reader;
  return reader;
}

bool looks_like_zip(std::string_view head) { return head.starts_with(std::string_view("PK\x03\x04", 4)); }

}  // namespace fouille::corpus::detail
