#include "fouille/store/known_files.h"

#include <chrono>
#include <cstdio>

#include "fouille/corpus/schema.h"
#include "fouille/store/metadata.h"

namespace fouille::store {

FileStamp file_stamp(std::uint64_t size, std::filesystem::file_time_type mtime) {
  using namespace std::chrono;
  // file_clock's epoch and tick are the library's own: count from the Unix epoch.
  const auto since_epoch = file_clock::to_sys(mtime).time_since_epoch();
  const auto whole = floor<seconds>(since_epoch);
  FileStamp stamp;
  stamp.size = size;
  stamp.seconds = whole.count();
  stamp.nanoseconds = static_cast<std::uint32_t>(duration_cast<nanoseconds>(since_epoch - whole).count());
  return stamp;
}

std::string encode_stamp(const FileStamp& stamp) {
  char nanos[16];
  std::snprintf(nanos, sizeof nanos, ".%09u", static_cast<unsigned>(stamp.nanoseconds));
  return std::to_string(stamp.size) + ":" + std::to_string(stamp.seconds) + nanos;
}

// Both value streams run in document id order: they are read side by side,
// so memory grows with the files known, not twice over.
std::map<std::string, KnownFile> known_files(const Xapian::Database& db) {
  const auto& s = corpus::schema();
  const unsigned stamp_slot = s.field(corpus::FieldId::kStamp).slot;
  const unsigned source_slot = s.field(corpus::FieldId::kSource).slot;
  std::map<std::string, KnownFile> known;
  auto stamp = db.valuestream_begin(stamp_slot);
  const auto stamps_end = db.valuestream_end(stamp_slot);
  for (auto it = db.valuestream_begin(source_slot); it != db.valuestream_end(source_slot); ++it) {
    const Xapian::docid id = it.get_docid();
    KnownFile& k = known[*it];
    k.docs.push_back(id);
    if (stamp != stamps_end && stamp.get_docid() < id) stamp.skip_to(id);
    if (stamp != stamps_end && stamp.get_docid() == id) k.stamp = *stamp;
  }
  for (const auto& path : decode_partial(db.get_metadata(kPartialKey))) {
    if (auto it = known.find(path); it != known.end()) it->second.stamp.clear();  // read again
  }
  return known;
}

}  // namespace fouille::store
