// The files a database holds documents of, and the stamp of the version it
// read of each: what an update compares with the files it finds, to read
// only those added or changed.
//
//   std::string stamp = store::encode_stamp(store::file_stamp(size, fs::last_write_time(path)));
//   std::map<std::string, store::KnownFile> known = store::known_files(db);
//   bool unchanged = known.count(path) && known[path].stamp == stamp;
//
// A stamp is the file's size and modification time, in seconds and
// nanoseconds since the Unix epoch: the same file gives the same stamp
// whatever the build or standard library (not file_clock's own ticks).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace fouille::store {

/// A version of a file: its size and modification time.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t seconds = 0;       ///< since 1970-01-01 00:00 UTC, rounded down
  std::uint32_t nanoseconds = 0;  ///< 0 to 999,999,999 past `seconds`
};

/// The stamp of a file of `size` bytes last written at `mtime`.
FileStamp file_stamp(std::uint64_t size, std::filesystem::file_time_type mtime);

/// The stamp as the stamp slot holds it: "SIZE:SECONDS.NANOSECONDS", the
/// nanoseconds in 9 digits ("120:1700000000.000000500").
std::string encode_stamp(const FileStamp& stamp);

/// A file the database holds documents of.
struct KnownFile {
  std::string stamp;                ///< "" when it must be read again (see kPartialKey)
  std::vector<Xapian::docid> docs;  ///< its documents
};

/// Every file `db` holds documents of, by path (the source slot), with its
/// stamp (the stamp slot); a file listed as partial (metadata.h) has no
/// stamp. Throws what Xapian throws.
std::map<std::string, KnownFile> known_files(const Xapian::Database& db);

}  // namespace fouille::store
