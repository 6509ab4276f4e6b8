// Scratch folders and files for tests: one fixture for the unit tests beside
// the sources and the integration tests in tests/.
//
//   fouille::test::ScratchDir dir("parts");      // /tmp/fouille-parts-<pid>, emptied
//   fouille::test::write_file(dir / "a.txt", "Titre : A");
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fouille::test {

/// A fresh folder under the system temp dir, removed with the object.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() / ("fouille-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// Writes `bytes` to `path`, making its folder.
inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace fouille::test
