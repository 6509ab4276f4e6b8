// Opening a fouille database, for reading and for writing: the one place
// Xapian databases are opened, so what an open failure says, and how a
// scratch shard is written, is decided once.
//
//   Xapian::Database db = store::open_for_reading(dir);           // searcher, tools
//   Xapian::WritableDatabase w = store::open_for_writing(dir);    // indexer
//
// A handle is not thread-safe: one per thread (Xapian's rule).
#pragma once

#include <filesystem>

#include <xapian.h>

namespace fouille::store {

/// The database at `dir` (a folder with a stub, a glass database, or a
/// shard), read-only; or, when `dir` is a shard map (shard_map.h), every
/// shard it names, remote. Throws IndexError (index.cannot_open) naming
/// `dir`, or what open_shards throws.
Xapian::Database open_for_reading(const std::filesystem::path& dir);

/// The existing database at `dir`, to write; its write lock is held until
/// the handle is closed. Throws IndexError saying whether another process
/// holds the lock or the folder cannot be written, or why it did not open.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& dir);

/// A new scratch database at `path`, replacing any there, written without
/// syncing to disk and in place: for a shard nobody reads while it grows and
/// that is lost with the run if it stops. Throws what Xapian throws.
Xapian::WritableDatabase create_scratch(const std::filesystem::path& path);

}  // namespace fouille::store
