#include "file_scan.h"

#include <algorithm>
#include <set>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"
#include "fouille/store/known_files.h"

namespace fouille::indexer {
namespace fs = std::filesystem;
namespace {

// Whether `path` (canonical) is `root` or under it.
bool within(const fs::path& path, const fs::path& root) {
  auto r = root.begin(), p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

// The catalogue id of what a file that is not a regular one is.
const char* kind_of(fs::file_type t) {
  switch (t) {
    case fs::file_type::fifo:
      return "index.kind_fifo";
    case fs::file_type::socket:
      return "index.kind_socket";
    case fs::file_type::block:
      return "index.kind_block";
    case fs::file_type::character:
      return "index.kind_character";
    default:
      return "index.kind_other";
  }
}

class Scanner {
 public:
  Scanner(const std::vector<fs::path>& inputs, bool follow_links) : follow_(follow_links) {
    for (const auto& input : inputs) {
      std::error_code ec;
      fs::path root = fs::canonical(input, ec);
      if (!ec) roots_.push_back(root);
    }
  }

  void input(const fs::path& input) {
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::too_many_symbolic_link_levels) {
      throw CorpusError(Message{"read.in_file", {input.string(), Message{"read.cannot_read", {system_reason(ec)}}}});
    }
    if (ec == std::errc::too_many_symbolic_link_levels) {
      throw CorpusError(Message{"read.in_file", {input.string(), Message{"index.link_loop", {}}}});
    }
    if (!fs::exists(status)) throw CorpusError(Message{"index.missing_input", {input.string()}});
    if (fs::is_directory(status)) {
      folder(input);
    } else {
      entry(input, status);
    }
  }

  Scan take() {
    std::sort(scan_.files.begin(), scan_.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    scan_.files.erase(std::unique(scan_.files.begin(), scan_.files.end(),
                                  [](const auto& a, const auto& b) { return a.path == b.path; }),
                      scan_.files.end());
    return std::move(scan_);
  }

 private:
  void warn(const fs::path& p, Message why) {
    scan_.warnings.push_back(Message{"read.skipped", {p.string(), std::move(why)}});
  }

  // Folders are walked with an explicit stack, each entered once by its
  // canonical path, so a link back up the tree cannot loop.
  void folder(const fs::path& top) {
    std::vector<std::pair<fs::path, bool>> stack{{top, false}};  // (folder, reached through a link)
    while (!stack.empty()) {
      auto [dir, via_link] = stack.back();
      stack.pop_back();
      std::error_code ec;
      fs::path real = fs::canonical(dir, ec);
      if (ec || !visited_.insert(real.string()).second) {
        if (!ec && via_link) warn(dir, {"index.link_loop_listed", {real.string()}});
        continue;  // an input given twice is listed once
      }
      fs::directory_iterator it(dir, ec);
      if (ec) {
        warn(dir, {"index.cannot_list", {system_reason(ec)}});
        continue;
      }
      std::vector<std::pair<fs::path, bool>> subfolders;
      for (fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
          warn(dir, {"index.cannot_list_end", {system_reason(ec)}});
          break;
        }
        const fs::path p = it->path();
        const std::string name = p.filename().string();
        if (!name.empty() && name.front() == '.') continue;  // hidden
        std::error_code sec;
        const bool link = it->is_symlink(sec);
        if (link && !link_allowed(p)) continue;
        auto status = fs::status(p, sec);
        if (sec) {
          warn(p, sec == std::errc::too_many_symbolic_link_levels ? Message{"index.link_loop", {}}
                                                                  : Message{"read.cannot_read", {system_reason(sec)}});
          continue;
        }
        if (fs::is_directory(status)) {
          subfolders.emplace_back(p, link);
        } else {
          entry(p, status);
        }
      }
      // Depth first, in name order.
      std::sort(subfolders.rbegin(), subfolders.rend());
      for (auto& s : subfolders) stack.push_back(std::move(s));
    }
  }

  // A link under a folder: its target must resolve and, unless links are
  // followed, stay inside one of the inputs.
  bool link_allowed(const fs::path& p) {
    std::error_code ec;
    fs::path target = fs::canonical(p, ec);
    if (ec) {
      warn(p, {ec == std::errc::too_many_symbolic_link_levels ? "index.link_loop" : "index.link_missing", {}});
      return false;
    }
    if (follow_) return true;
    for (const auto& root : roots_) {
      if (within(target, root)) return true;
    }
    warn(p, {"index.link_outside", {target.string()}});
    return false;
  }

  void entry(const fs::path& p, const fs::file_status& status) {
    if (!fs::is_regular_file(status)) {
      warn(p, {kind_of(status.type()), {}});
      return;
    }
    InputFile f;
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    f.path = fs::weakly_canonical(ec ? p : abs, ec).string();
    if (ec) f.path = abs.lexically_normal().string();
    f.listed = p.string();
    f.stamp = stamp_of(p, &f.size);
    scan_.files.push_back(std::move(f));
  }

  bool follow_;
  std::vector<fs::path> roots_;
  std::set<std::string> visited_;
  Scan scan_;
};

}  // namespace

std::string stamp_of(const fs::path& path, std::uint64_t* size) {
  std::error_code ec;
  std::uint64_t bytes = fs::file_size(path, ec);
  if (ec) bytes = 0;
  const auto mtime = fs::last_write_time(path, ec);
  if (size) *size = bytes;
  return store::encode_stamp(ec ? store::FileStamp{bytes, 0, 0} : store::file_stamp(bytes, mtime));
}

Scan scan_inputs(const std::vector<fs::path>& inputs, bool follow_links) {
  Scanner scanner(inputs, follow_links);
  for (const auto& input : inputs) scanner.input(input);
  return scanner.take();
}

}  // namespace fouille::indexer
