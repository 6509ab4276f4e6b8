#include "file_scan.h"

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;

class FileScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("fouille-file-scan-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "in" / "sous-dossier");
    fs::create_directories(root_ / "in" / ".git");
    fs::create_directories(root_ / "out");
    write(root_ / "in" / "b.txt", "Titre : B");
    write(root_ / "in" / "a.txt", "Titre : A");
    write(root_ / "in" / "sous-dossier" / "c.jsonl", "{}");
    write(root_ / "in" / ".git" / "config", "[core]");
    write(root_ / "in" / ".cache.txt", "caché");
    write(root_ / "out" / "dehors.txt", "hors des entrées");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  std::vector<std::string> listed(const Scan& scan) {
    std::vector<std::string> out;
    for (const auto& f : scan.files) out.push_back(fs::relative(f.path, root_).string());
    return out;
  }

  fs::path root_;
};

TEST_F(FileScanTest, ListsFilesSortedSkippingHiddenEntries) {
  const Scan scan = scan_inputs({root_ / "in"});
  EXPECT_EQ(listed(scan), (std::vector<std::string>{"in/a.txt", "in/b.txt", "in/sous-dossier/c.jsonl"}));
  EXPECT_TRUE(scan.warnings.empty());
  for (const auto& f : scan.files) {
    EXPECT_FALSE(f.stamp.empty()) << f.path;
    std::uint64_t size = 0;
    EXPECT_EQ(stamp_of(f.path, &size), f.stamp);
    EXPECT_EQ(size, f.size);
  }
}

TEST_F(FileScanTest, AFileGivenTwiceIsListedOnce) {
  const Scan scan = scan_inputs({root_ / "in" / "a.txt", root_ / "in", root_ / "in" / "." / "a.txt"});
  EXPECT_EQ(listed(scan).size(), 3u);
}

TEST_F(FileScanTest, LinksOutOfTheInputsAreSkippedUnlessFollowed) {
  fs::create_symlink(root_ / "out" / "dehors.txt", root_ / "in" / "lien.txt");
  fs::create_symlink(root_ / "in" / "a.txt", root_ / "in" / "lien-interne.txt");
  const Scan scan = scan_inputs({root_ / "in"});
  ASSERT_EQ(scan.warnings.size(), 1u);
  EXPECT_NE(render(scan.warnings[0], Lang::kEn).find("lien.txt"), std::string::npos)
      << render(scan.warnings[0], Lang::kEn);
  const Scan followed = scan_inputs({root_ / "in"}, /*follow_links=*/true);
  EXPECT_TRUE(followed.warnings.empty());
  EXPECT_EQ(followed.files.size(), scan.files.size() + 1);
}

TEST_F(FileScanTest, SpecialFilesAreLeftOutWithAWarning) {
  ASSERT_EQ(::mkfifo((root_ / "in" / "tube").c_str(), 0600), 0);
  const Scan scan = scan_inputs({root_ / "in"});
  EXPECT_EQ(listed(scan).size(), 3u);
  ASSERT_EQ(scan.warnings.size(), 1u);
  EXPECT_NE(render(scan.warnings[0], Lang::kEn).find("tube"), std::string::npos) << render(scan.warnings[0], Lang::kEn);
}

TEST_F(FileScanTest, AMissingInputIsACorpusErrorNamingIt) {
  try {
    scan_inputs({root_ / "absent"});
    ADD_FAILURE() << "no error";
  } catch (const CorpusError& e) {
    EXPECT_NE(describe(e, Lang::kEn).find("absent"), std::string::npos) << describe(e, Lang::kEn);
  }
}

}  // namespace
}  // namespace fouille::indexer
