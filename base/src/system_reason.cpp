#include "fouille/base/system_reason.h"

#include <cerrno>
#include <cstring>

namespace fouille {
namespace {

// The reasons a user meets: a missing, locked or read-only file, a full disk.
struct Reason {
  int error_number;
  const char* id;
};
constexpr Reason kReasons[] = {
    {EACCES, "sys.access"},
    {EBUSY, "sys.busy"},
    {EDQUOT, "sys.quota"},
    {EEXIST, "sys.exists"},
    {EIO, "sys.io"},
    {EISDIR, "sys.is_dir"},
    {ELOOP, "sys.loop"},
    {EMFILE, "sys.too_many_files"},
    {ENAMETOOLONG, "sys.name_too_long"},
    {ENOENT, "sys.no_entry"},
    {ENOMEM, "sys.no_memory"},
    {ENOSPC, "sys.no_space"},
    {ENOTDIR, "sys.not_dir"},
    {ENOTEMPTY, "sys.not_empty"},
    {EPERM, "sys.permission"},
    {EROFS, "sys.read_only"},
};

}  // namespace

MessageArg system_reason(int error_number) {
  for (const Reason& r : kReasons) {
    if (r.error_number == error_number) return MessageArg::translated(text(r.id, Lang::kFr), text(r.id, Lang::kEn));
  }
  return MessageArg(std::string(std::strerror(error_number)));
}

MessageArg system_reason(const std::error_code& ec) {
  if (ec.category() == std::system_category() || ec.category() == std::generic_category()) {
    return system_reason(ec.value());
  }
  return MessageArg(ec.message());
}

}  // namespace fouille
