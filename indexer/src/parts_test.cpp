#include "parts.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/testsupport/scratch_dir.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;

class PartsTest : public ::testing::Test {
 protected:
  InputFile write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    test::write_file(path, text);
    return InputFile{path.string(), path.string(), "stamp", text.size()};
  }

  std::vector<Parsed> parse(
      const InputFile& file, std::function<bool()> halted = [] { return false; }) {
    std::vector<Parsed> parts;
    DocumentBuilder builder(nullptr);
    PhaseTimes times;
    parse_file(
        file, 3, builder, corpus::ReadOptions{}, times, [&](Parsed p) { parts.push_back(std::move(p)); }, halted);
    return parts;
  }

  test::ScratchDir dir_{"parts"};
};

// A large JSON Lines file comes in several parts, first and last marked,
// every record once.
TEST_F(PartsTest, ALargeFileComesInParts) {
  std::string lines;
  const std::string body(2000, 'x');
  for (int i = 0; i < 400; ++i) {
    lines += R"({"id": "R)" + std::to_string(i) + R"(", "title": "Projet )" + std::to_string(i) +
             R"(", "body": "Migration )" + body + R"("})" + "\n";
  }
  const std::vector<Parsed> parts = parse(write("big.jsonl", lines));
  ASSERT_GE(parts.size(), 3u);
  std::size_t docs = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].file, 3u);
    EXPECT_EQ(parts[i].first, i == 0);
    EXPECT_EQ(parts[i].last, i + 1 == parts.size());
    EXPECT_EQ(parts[i].docs.size(), parts[i].source_terms.size());
    EXPECT_FALSE(parts[i].alone());
    docs += parts[i].docs.size();
  }
  EXPECT_EQ(docs, 400u);
}

TEST_F(PartsTest, ATextFileIsOnePartOfOneDocument) {
  const std::vector<Parsed> parts = parse(write("one.txt", "Un projet\n\nLe projet aide les migrants de retour.\n"));
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_TRUE(parts[0].alone());
  EXPECT_FALSE(parts[0].skipped.has_value());
}

// A file that cannot be read is one last part, skipped, with no documents;
// an empty one also says its old documents must go.
TEST_F(PartsTest, ASkippedFileIsOneLastPartSayingWhy) {
  const std::vector<Parsed> empty = parse(write("empty.txt", ""));
  ASSERT_EQ(empty.size(), 1u);
  ASSERT_TRUE(empty[0].skipped.has_value());
  EXPECT_TRUE(empty[0].no_content);
  EXPECT_TRUE(empty[0].docs.empty());
}

}  // namespace
}  // namespace fouille::indexer
