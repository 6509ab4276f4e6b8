#include "file_scan.h"

#include <algorithm>

#include "fouille/stemming/error.h"

namespace fouille::indexer {
namespace fs = std::filesystem;

std::string stamp_of(const fs::path& path, std::uint64_t* size) {
  std::error_code ec;
  std::uint64_t bytes = fs::file_size(path, ec);
  if (ec) bytes = 0;
  auto mtime = fs::last_write_time(path, ec);
  if (size) *size = bytes;
  return std::to_string(bytes) + ":" + std::to_string(ec ? 0 : mtime.time_since_epoch().count());
}

std::vector<InputFile> scan_inputs(const std::vector<fs::path>& inputs) {
  std::vector<InputFile> files;
  auto add = [&](const fs::path& p) {
    InputFile f;
    f.path = fs::weakly_canonical(fs::absolute(p)).string();
    f.stamp = stamp_of(p, &f.size);
    files.push_back(std::move(f));
  };
  for (const auto& input : inputs) {
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) throw CorpusError(input.string() + ": no such file or directory");
    if (fs::is_directory(status)) {
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
      if (ec) throw CorpusError(input.string() + ": cannot list: " + ec.message());
      for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
        if (ec) break;
        const auto name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) add(it->path());
      }
    } else {
      add(input);
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
              files.end());
  return files;
}

}  // namespace fouille::indexer
