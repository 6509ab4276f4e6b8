// Fuzz target: the DOCX and ODT reader through read_file. The first byte
// picks what the rest is: 'D' the word/document.xml of a DOCX and 'O' the
// content.xml of an ODT (zipped here, stored, so that the XML walk is reached
// with no checksum in the way), anything else a whole file. The reader may
// only hand over documents or throw CorpusError: any other exception, a
// crash or a sanitizer report is a finding.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <zip.h>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/reader.h"

namespace {

namespace fs = std::filesystem;

// One file per process, rewritten for each input, removed at exit.
struct Scratch {
  fs::path path = fs::temp_directory_path() / ("fouille-office-fuzz-" + std::to_string(::getpid()) + ".docx");
  ~Scratch() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

const fs::path& scratch() {
  static const Scratch file;
  return file.path;
}

void write_file(std::string_view bytes) {
  std::ofstream out(scratch(), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A zip holding `part` as `name` (and an ODT's mimetype first), stored.
bool write_package(std::string_view part, bool odt) {
  int error = 0;
  zip_t* z = zip_open(scratch().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) return false;
  static constexpr std::string_view kMimetype = "application/vnd.oasis.opendocument.text";
  const auto add = [&](const char* name, std::string_view data) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t at = zip_file_add(z, name, s, 0);
    if (at >= 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);
  };
  if (odt) {
    add("mimetype", kMimetype);
    add("content.xml", part);
  } else {
    add("word/document.xml", part);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && (bytes[0] == 'D' || bytes[0] == 'O')) {
    if (!write_package(bytes.substr(1), bytes[0] == 'O')) return 0;
  } else {
    write_file(bytes);
  }
  fouille::corpus::ReadOptions options;
  options.max_text_bytes = 1u << 20;  // small: the fuzzer's memory limit is shared
  try {
    const fouille::corpus::FileResult r = fouille::corpus::read_file(scratch(), options);
    for (const auto& doc : r.documents) {
      (void)fouille::corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  } catch (const fouille::CorpusError&) {
  }
  return 0;
}
