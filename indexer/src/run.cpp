#include "run.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#include "fouille/base/system_reason.h"

namespace fouille::indexer {

unsigned Run::jobs() const {
  unsigned j = o_.jobs ? o_.jobs : std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, std::min<unsigned>(j, static_cast<unsigned>(std::max<std::size_t>(1, todo_.size()))));
}

// Files are read ahead of the threads unless there is one (or the system
// refuses the thread: reading ahead only saves time).
void Run::start_read_ahead() {
  if (todo_.size() < 2) return;
  try {
    read_ahead_ = std::make_unique<ReadAhead>([this](std::size_t i) -> const std::string& { return files_[i].path; },
                                              [this](std::size_t i) { return files_[i].size; }, todo_);
  } catch (const std::system_error&) {
    read_ahead_.reset();
  }
}

std::optional<std::size_t> Run::take() {
  if (stopped() || abort_) return std::nullopt;
  std::size_t k = next_.fetch_add(1);
  if (k >= todo_.size()) return std::nullopt;
  if (read_ahead_) read_ahead_->taken(k);
  return todo_[k];
}

void Run::done(const Parsed& p, std::size_t added, std::size_t updated) {
  std::lock_guard lock(mutex_);
  if (p.last) {
    ++files_done_;
    stats_.bytes += files_[p.file].size;
  }
  stats_.added += added;
  stats_.updated += updated;
  for (const auto& w : p.warnings) say(w);
  for (const auto& name : p.unknown_countries) {
    if (reported_countries_.insert(name).second) {
      say(Message{"index.unknown_country", {files_[p.file].path, name}});
    }
  }
  if (p.skipped) {
    ++stats_.skipped;
    say(*p.skipped);
  }
  if (progress_) {
    progress_(Progress{files_done_, todo_.size(), stats_.added + stats_.updated, stats_.bytes,
                       std::chrono::duration<double>(Clock::now() - started_).count()});
  }
}

Message write_failure(const std::filesystem::path& db, const Xapian::Error& e) {
  const char* errno_text = e.get_error_string();
  const std::string what = e.get_msg() + (errno_text ? std::string(" (") + errno_text + ")" : "");
  if (what.find(std::strerror(ENOSPC)) != std::string::npos) {
    return Message{"index.disk_full", {db.string(), system_reason(ENOSPC)}};
  }
  return Message{"index.write_failed", {db.string(), what}};
}

std::vector<std::thread> start_workers(Run& run, unsigned count, const std::function<void(unsigned)>& body,
                                       const std::function<void()>& unblock) {
  std::vector<std::thread> workers;
  workers.reserve(count);
  try {
    for (unsigned w = 0; w < count; ++w) workers.emplace_back(body, w);
  } catch (...) {
    run.abort();
    if (unblock) unblock();
    for (auto& t : workers) t.join();
    throw;
  }
  return workers;
}

}  // namespace fouille::indexer
