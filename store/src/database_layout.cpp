#include "fouille/store/database_layout.h"

#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"

namespace fouille::store {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStub = "XAPIANDB";

void write_stub(const fs::path& dir, int generation) {
  fs::path tmp = dir / (std::string(kStub) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "glass gen-" << generation << "\n";
    if (!out) throw IndexError(Message{"store.cannot_write", {dir.string(), tmp.string()}});
  }
  int fd = ::open(tmp.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);  // the new stub is on disk before it replaces the old one
    ::close(fd);
  }
  std::error_code ec;
  fs::rename(tmp, dir / kStub, ec);
  if (ec) throw IndexError(Message{"store.cannot_switch", {dir.string(), system_reason(ec)}});
}

}  // namespace

std::string stub_contents(const fs::path& dir) {
  std::error_code ec;
  std::ifstream in(fs::is_regular_file(dir, ec) ? dir : dir / kStub);  // a shard map, or DIR's stub
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Reads the stub of an existing database; false when there is none.
bool DatabaseLayout::read_stub() {
  if (!fs::exists(dir_ / kStub)) return false;
  std::ifstream in(dir_ / kStub);
  std::string backend, name;
  in >> backend >> name;
  const char* digits = name.c_str() + std::min<std::size_t>(4, name.size());
  const char* end = name.c_str() + name.size();
  const auto [ptr, parsed] = std::from_chars(digits, end, generation_);
  if (backend != "glass" || name.rfind("gen-", 0) != 0 || parsed != std::errc() || ptr != end || generation_ < 1) {
    throw IndexError(Message{"store.not_a_stub", {dir_.string(), kStub, backend + " " + name}});
  }
  return true;
}

DatabaseLayout::DatabaseLayout(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  if (read_stub()) return;
  if (fs::exists(dir_ / "iamglass")) return;  // a plain glass database
  if (fs::exists(dir_) && !fs::is_directory(dir_)) {
    throw IndexError(Message{"store.not_folder", {dir_.string()}});
  }
  fs::create_directories(dir_, ec);
  if (ec) throw IndexError(Message{"store.cannot_create_folder", {dir_.string(), system_reason(ec)}});
  // Two indexers starting on one new folder: the second waits here for the
  // first to create the database, then finds its stub (and its write lock).
  int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0 || ::flock(fd, LOCK_EX) != 0) {
    if (fd >= 0) ::close(fd);
    throw IndexError(Message{"store.cannot_lock", {dir_.string(), system_reason(errno)}});
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{fd};
  if (read_stub()) return;
  // What an interrupted creation leaves may be taken over; anything else is not ours.
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (name != "gen-1" && name != std::string(kStub) + ".tmp") {
      throw IndexError(Message{"store.not_empty", {dir_.string()}});
    }
  }
  try {
    Xapian::WritableDatabase first((dir_ / "gen-1").string(), Xapian::DB_CREATE_OR_OPEN);
    first.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"store.cannot_create_db", {dir_.string(), e.get_msg()}});
  }
  write_stub(dir_, 1);
  generation_ = 1;
}

fs::path DatabaseLayout::next_generation() const { return dir_ / ("gen-" + std::to_string(generation_ + 1)); }

void DatabaseLayout::switch_to_next() {
  write_stub(dir_, generation_ + 1);
  ++generation_;
}

void DatabaseLayout::remove_previous() {
  std::error_code ec;
  fs::remove_all(dir_ / ("gen-" + std::to_string(generation_ - 1)), ec);
}

fs::path DatabaseLayout::scratch() const {
  fs::path p = dir_ / ".build";
  std::error_code ec;
  fs::remove_all(p, ec);
  fs::create_directories(p, ec);
  if (ec) throw IndexError(Message{"store.cannot_create", {p.string(), system_reason(ec)}});
  return p;
}

}  // namespace fouille::store
