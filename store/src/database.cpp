#include "fouille/store/database.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"
#include "fouille/store/shard_map.h"

namespace fouille::store {
namespace fs = std::filesystem;

Xapian::Database open_for_reading(const fs::path& dir) {
  if (is_shard_map(dir)) return open_shards(read_shard_map(dir));
  try {
    return Xapian::Database(dir.string());
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_open", {dir.string(), e.get_msg()}});
  }
}

Xapian::WritableDatabase open_for_writing(const fs::path& dir) {
  try {
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    // A lock that cannot be taken for want of write access is no other writer.
    const fs::path probe = dir / ".fouille-write-test";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno != EEXIST) {
      throw IndexError(Message{"index.cannot_write_folder", {dir.string(), system_reason(errno)}});
    }
    if (fd >= 0) {
      ::close(fd);
      ::unlink(probe.c_str());
    }
    throw IndexError(Message{"index.locked", {dir.string()}});
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_open_write", {dir.string(), e.get_msg()}});
  }
}

Xapian::WritableDatabase create_scratch(const fs::path& path) {
  // Its commits need not reach the disk (no fsync), and nobody reads it while
  // it grows (blocks are rewritten in place).
  return Xapian::WritableDatabase(path.string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
}

}  // namespace fouille::store
